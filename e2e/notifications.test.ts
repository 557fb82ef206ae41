import type { APIRequestContext, BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './axe.ts';
import { login, newContext, screenshot, useServerAndBrowser } from './harness.ts';

/** Signs the context's request client in; returns the CSRF token its writes need. */
async function signIn(request: APIRequestContext, baseUrl: string, email: string): Promise<string> {
  const res = await request.post(`${baseUrl}/api/v1/auth/login`, { data: { email, password: 'apres-demo' } });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

/**
 * Issue 14, item 2: what happens elsewhere shows up without a reload. A customer in another browser
 * context opens a ticket and replies; the agent's queue and open ticket follow live (server-sent
 * events), the bell counts the reply, and a second agent typing a reply is announced on the page.
 */
describe('live updates, the notification bell and collision detection in Chromium', () => {
  const env = useServerAndBrowser();

  for (const width of [1366, 390]) {
    it(`at ${width} px`, async () => {
      const url = env.server.url;
      const contexts: BrowserContext[] = [];
      try {
        const agent = await newContext(env.browser, { locale: 'fr-FR', viewport: { width, height: 900 } });
        const customer = await newContext(env.browser, { locale: 'fr-FR' });
        const admin = await newContext(env.browser, { locale: 'en-GB', viewport: { width: 1366, height: 900 } });
        contexts.push(agent, customer, admin);
        const page = await agent.newPage();
        await login(page, url, 'agent@carri.example');
        await page.waitForURL('**/agent');
        const bell = page.getByTestId('notification-bell');
        await expect.poll(() => bell.getAttribute('data-live'), { timeout: 15_000 }).toBe('open');

        // The customer opens a ticket from the portal's API: it appears in the agent's queue, marked unread.
        const customerCsrf = await signIn(customer.request, url, 'client@carri.example');
        const brands = (await (await customer.request.get(`${url}/api/v1/brands`)).json()) as { items: { id: string; slug: string }[] };
        const subject = `Bourrage bac 3 (${width})`;
        const created = await customer.request.post(`${url}/api/v1/tickets`, {
          headers: { 'x-csrf-token': customerCsrf },
          data: { brandId: brands.items.find((b) => b.slug === 'carri')!.id, subject, description: 'Le bac 3 bourre à chaque impression.', serialNumbers: ['CS540-1234-A7'], customFields: { troubleshootingSteps: 'Nettoyage des rouleaux', physicalAccess: 'yes' } },
        });
        expect(created.status(), await created.text()).toBe(201);
        const ticket = (await created.json()) as { id: string; number: string };
        const row = page.locator(`[data-testid="ticket-row"][data-ticket-id="${ticket.id}"]`);
        await row.waitFor({ timeout: 15_000 });
        await expect.poll(() => row.getAttribute('data-unseen'), { timeout: 15_000 }).toBe('true');

        // The agent takes it and opens it: it is no longer unread.
        // The page's own session: its CSRF token and user, as the web app reads them.
        const me = (await (await agent.request.get(`${url}/api/v1/auth/me`)).json()) as { csrfToken: string; user: { id: string } };
        const agentCsrf = me.csrfToken;
        expect((await agent.request.patch(`${url}/api/v1/tickets/${ticket.id}`, { headers: { 'x-csrf-token': agentCsrf }, data: { assigneeId: me.user.id } })).status()).toBe(200);
        await page.goto(`${url}/agent/tickets/${ticket.id}`);
        await page.getByTestId('ticket-page').waitFor();
        await expect.poll(() => bell.getAttribute('data-live'), { timeout: 15_000 }).toBe('open');
        const unreadBefore = Number(await bell.getAttribute('data-unread'));

        // The customer replies: the reply appears in the open ticket and the bell counts it, without a reload.
        const reply = `Toujours bloqué ce matin (${width}).`;
        expect((await customer.request.post(`${url}/api/v1/tickets/${ticket.id}/entries`, { headers: { 'x-csrf-token': customerCsrf }, data: { kind: 'customer_message', body: reply } })).status()).toBe(201);
        await page.getByTestId('entry').filter({ hasText: reply }).waitFor({ timeout: 15_000 });
        await expect.poll(() => bell.getAttribute('data-unread'), { timeout: 15_000 }).toBe(String(unreadBefore + 1));

        // Another agent starts a reply on the same ticket: "X is replying".
        const adminPage = await admin.newPage();
        await login(adminPage, url, 'admin@apres.example');
        await adminPage.goto(`${url}/agent/tickets/${ticket.id}`);
        await adminPage.getByTestId('composer-textarea').fill('Hello, we are looking into it.');
        const banner = page.getByTestId('collision-banner');
        await banner.waitFor({ timeout: 15_000 });
        expect(await banner.textContent()).toContain('Alex Admin');
        await screenshot(page, `collision-banner-${width}`);
        await expectNoSeriousA11yViolations(page, `ticket with collision banner at ${width} px`);

        // The bell lists the reply; opening the list and marking all read empties the count.
        await bell.click();
        const item = page.getByTestId('notification-item').filter({ hasText: ticket.number }).first();
        await item.waitFor();
        expect(await item.getAttribute('data-kind')).toBe('customer_replied');
        await screenshot(page, `notification-list-${width}`);
        await expectNoSeriousA11yViolations(page, `notification list at ${width} px`);
        await page.getByTestId('notification-read-all').click();
        await expect.poll(() => bell.getAttribute('data-unread'), { timeout: 15_000 }).toBe('0');

        // The other agent clears the reply: the banner goes.
        await adminPage.getByTestId('composer-textarea').fill('');
        await banner.waitFor({ state: 'detached', timeout: 15_000 });
      } finally {
        for (const c of contexts) await c.close();
      }
    });
  }
});
