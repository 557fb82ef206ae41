import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, formatViolations, seriousA11yReport } from './axe.ts';
import { login, newContext, screenshot, useServerAndBrowser } from './harness.ts';

/**
 * Issue 14, item 9: an axe check of the main pages, as each role, at desktop (1366 px) and on a
 * phone (390 px). Any serious or critical violation fails (see e2e/axe.ts). One server, one browser,
 * one sign-in per role; each page is checked once it shows its content. The app has a light theme
 * only (no dark colour scheme to check).
 */

const WIDTHS = [
  { width: 1366, height: 900 },
  { width: 390, height: 844 },
] as const;

interface Visit {
  label: string;
  path: string;
  /** What the page shows once loaded (a CSS selector); axe then checks it. */
  ready: string;
  /** Rules this page must also pass at any impact (axe rates landmarks and headings "moderate"). */
  strict?: string[];
  /** Also saved to test-results/screenshots/a11y-<shot>-<width>.png, to look at the colours. */
  shot?: string;
}

/** A page of its own (not inside the app's frame) still has one main landmark, all content in landmarks, and an h1. */
const STANDALONE_RULES = ['landmark-one-main', 'region', 'page-has-heading-one'];

/** Visits each page at each width and fails once, at the end, listing every page's violations. */
async function checkPages(page: Page, baseUrl: string, visits: Visit[]): Promise<void> {
  const reports: string[] = [];
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    for (const visit of visits) {
      await page.goto(`${baseUrl}${visit.path}`);
      try {
        await page.locator(visit.ready).first().waitFor();
      } catch (err) {
        await screenshot(page, `a11y-not-ready-${visit.label.replace(/\W+/g, '-')}-${size.width}`);
        throw new Error(`${visit.label} at ${size.width} px did not show ${visit.ready}; the page reads: ${(await page.locator('body').innerText()).slice(0, 400)}`, { cause: err });
      }
      // Nothing still loading: no spinner, no request in flight.
      await page.waitForLoadState('networkidle');
      await page.locator('.mantine-Loader-root').first().waitFor({ state: 'detached' });
      if (visit.shot) await screenshot(page, `a11y-${visit.shot}-${size.width}`);
      const label = `${visit.label} at ${size.width} px`;
      const report = await seriousA11yReport(page, label);
      if (report) reports.push(report);
      if (visit.strict) {
        const broken = (await axeViolations(page)).filter((v) => visit.strict!.includes(v.id));
        if (broken.length > 0) reports.push(`${label}: ${broken.length} landmark or heading violation(s)\n${formatViolations(broken)}`);
      }
    }
  }
  expect(reports.length === 0, reports.join('\n\n')).toBe(true);
}

async function firstId(request: APIRequestContext, url: string): Promise<string> {
  const res = await request.get(url);
  if (!res.ok()) throw new Error(`${url}: ${res.status()} ${await res.text()}`);
  const body = (await res.json()) as { items: { id: string }[] };
  if (!body.items[0]) throw new Error(`${url}: no item`);
  return body.items[0].id;
}

// Sixteen axe runs in one test on a busy two-core machine take minutes, not seconds.
describe('accessibility: no serious or critical axe violation on the main pages (issue 14, item 9)', { timeout: 360_000 }, () => {
  const env = useServerAndBrowser();

  it('signed out: sign-in, forgotten password, a quote link', async () => {
    const context = await newContext(env.browser, { locale: 'en-GB' });
    const page = await context.newPage();
    await checkPages(page, env.server.url, [
      { label: 'sign-in', path: '/login', ready: '[data-testid="login-submit"]', strict: STANDALONE_RULES, shot: 'login' },
      { label: 'forgotten password', path: '/forgot-password', ready: '[data-testid="reset-request"]', strict: STANDALONE_RULES },
      { label: 'quote link (expired or wrong)', path: '/quote/not-a-valid-token', ready: '[data-testid="quote-link-error"]', strict: STANDALONE_RULES },
    ]);
    await context.close();
  });

  it('an agent: queue, a ticket, a new phone ticket, returns, the workshop board', async () => {
    const context = await newContext(env.browser, { locale: 'fr-FR' });
    const page = await context.newPage();
    await login(page, env.server.url, 'agent@carri.example');
    const ticketId = await firstId(context.request, `${env.server.url}/api/v1/tickets?limit=1`);
    await checkPages(page, env.server.url, [
      { label: 'agent queue', path: '/agent', ready: '[data-testid="ticket-row"]', shot: 'queue' },
      { label: 'agent ticket', path: `/agent/tickets/${ticketId}`, ready: '[data-testid="ticket-page"]', shot: 'agent-ticket' },
      { label: 'new ticket', path: '/agent/new', ready: '[data-testid="channel-select"]' },
      { label: 'returns', path: '/agent/returns', ready: '[data-testid="returns-view"]' },
      { label: 'workshop board', path: '/agent/workshop', ready: '[data-testid^="board-column-"], [data-testid="empty-state"]' },
    ]);
    await context.close();
  });

  it('an admin: quarantine, mailboxes, outbox, calendars and an editor, service levels, catalogue, law check', async () => {
    const context = await newContext(env.browser, { locale: 'en-GB' });
    const page = await context.newPage();
    await login(page, env.server.url, 'admin@apres.example');
    const calendarId = await firstId(context.request, `${env.server.url}/api/v1/admin/calendars`);
    await checkPages(page, env.server.url, [
      { label: 'quarantine', path: '/admin/quarantine', ready: '[data-testid="quarantine-page"]' },
      { label: 'mailboxes', path: '/admin/mailboxes', ready: '[data-testid="mailbox-row"]' },
      { label: 'outbox', path: '/admin/outbox', ready: '[data-testid="outbox-page"]' },
      { label: 'calendars', path: '/admin/calendars', ready: '[data-testid="calendar-row"]' },
      { label: 'calendar editor', path: `/admin/calendars/${calendarId}`, ready: '[data-testid="calendar-form"]' },
      { label: 'service levels', path: '/admin/sla-policies', ready: '[data-testid="policy-row"]' },
      { label: 'catalogue', path: '/admin/catalog', ready: '[data-testid="catalog-model"]' },
      { label: 'law check', path: '/admin/law-check', ready: '[data-testid="law-check-brand"]' },
    ]);
    await context.close();
  });

  it('a customer: her tickets, a ticket, a new request', async () => {
    const context = await newContext(env.browser, { locale: 'ro-RO' });
    const page = await context.newPage();
    await login(page, env.server.url, 'client@carri.example');
    const ticketId = await firstId(context.request, `${env.server.url}/api/v1/tickets?limit=1`);
    await checkPages(page, env.server.url, [
      { label: 'portal: my tickets', path: '/portal', ready: '[data-testid="ticket-row"]', shot: 'portal' },
      { label: 'portal ticket', path: `/portal/tickets/${ticketId}`, ready: '[data-testid="ticket-page"]' },
      { label: 'portal: new request', path: '/portal/new', ready: '[data-testid="brand-choice"], [data-testid="field-subject"]' },
    ]);
    await context.close();
  });
});
