import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login, newContext, screenshot, useServerAndBrowser } from './harness.ts';

/** Picks an option of a Mantine select (a combobox in a portal). */
async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).first().click();
  await page.locator('[role="listbox"] [role="option"]', { hasText: option }).first().click();
}

/** The API as an agent, in a context of its own (its session never replaces the page's). */
async function apiAs(browser: Browser, url: string, email: string) {
  const context = await newContext(browser);
  const signedIn = await context.request.post(`${url}/api/v1/auth/login`, { data: { email, password: 'apres-demo' } });
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  return {
    get: async <T>(path: string) => (await (await context.request.get(`${url}${path}`)).json()) as T,
    post: async <T>(path: string, data: unknown) => {
      const res = await context.request.post(`${url}${path}`, { headers: { 'x-csrf-token': csrfToken }, data });
      expect(res.status(), await res.text()).toBeLessThan(300);
      return (await res.json()) as T;
    },
  };
}

type Ticket = { id: string; number: string; status: string; priority: string };

/** Issue 14, item 3 (desk basics) in Chromium: a macro in bulk, the undo, keyboard, reply and wait. */
describe('desk basics in Chromium', () => {
  const env = useServerAndBrowser();

  it('applies a macro in bulk from the queue, moves with the keyboard and replies-and-waits in one step (1366 px)', async () => {
    const context = await newContext(env.browser, { locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const api = await apiAs(env.browser, env.server.url, 'agent@carri.example');
    const brands = await api.get<{ items: { id: string; slug: string }[] }>('/api/v1/brands');
    const carri = brands.items.find((b) => b.slug === 'carri')!;
    await api.post('/api/v1/desk/macros', {
      brandId: carri.id,
      name: 'Ask for a photo',
      actions: { status: 'waiting_customer' },
      reply: { fr: 'Bonjour {{customer.name}}, pouvez-vous envoyer une photo pour le ticket {{ticket.number}} ?', en: 'Hello {{customer.name}}, please send a photo for ticket {{ticket.number}}.' },
    });
    const page = await context.newPage();
    await login(page, env.server.url, 'agent@carri.example');
    await page.goto(`${env.server.url}/agent?brand=${carri.id}`);
    const rows = page.getByTestId('ticket-row');
    await page.getByTestId('ticket-table').or(page.getByRole('alert')).first().waitFor({ timeout: 20_000 }).catch(() => undefined);
    await screenshot(page, 'desk-queue-1366');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(1);
    const chosen = [await rows.nth(0).getAttribute('data-ticket-id'), await rows.nth(1).getAttribute('data-ticket-id')] as string[];
    await page.getByTestId('select-ticket').nth(0).click();
    await page.getByTestId('select-ticket').nth(1).click();
    // Sophie Lefèvre works in French (her own language beats the browser's).
    expect(await page.getByTestId('bulk-count').innerText()).toBe('2 tickets sélectionnés');
    await screenshot(page, 'desk-bulk-bar-1366');
    await choose(page, 'macro-picker', 'Ask for a photo');
    await page.getByTestId('bulk-done').waitFor();
    expect(await page.getByTestId('bulk-done').innerText()).toBe('2 tickets sur 2 modifiés.');
    await screenshot(page, 'desk-bulk-macro-done-1366');
    for (const id of chosen) {
      const t = await api.get<Ticket>(`/api/v1/tickets/${id}`);
      expect(t.status).toBe('waiting_customer');
      const entries = await api.get<{ items: { kind: string; body: string }[] }>(`/api/v1/tickets/${id}/entries`);
      // The customers of Carri write French: the French text, variables filled.
      expect(entries.items.filter((e) => e.kind === 'agent_reply').at(-1)?.body).toMatch(new RegExp(`^Bonjour .+, pouvez-vous envoyer une photo pour le ticket ${t.number} \\?$`));
    }

    // Keyboard: ? lists the keys; j moves, o opens.
    await page.goto(`${env.server.url}/agent`);
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(1);
    await page.keyboard.press('Shift+?');
    await page.getByText('Raccourcis clavier').waitFor();
    await screenshot(page, 'desk-shortcuts-1366');
    await page.keyboard.press('Escape');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    const second = await rows.nth(1).getAttribute('data-ticket-id');
    await expect.poll(() => rows.nth(1).getAttribute('data-active'), { timeout: 10_000 }).toBe('true');
    await page.keyboard.press('o');
    await page.waitForURL(`**/agent/tickets/${second}`);
    await page.getByTestId('ticket-page').waitFor();

    // r puts the cursor in the reply; typing "n" there writes an n, it opens no note.
    await page.keyboard.press('r');
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } }).document.activeElement?.getAttribute('data-testid')), { timeout: 10_000 }).toBe('composer-textarea');
    await page.keyboard.type('Please send the serial number.');
    expect(await page.getByTestId('composer-textarea').inputValue()).toBe('Please send the serial number.');
    const before = await api.get<Ticket>(`/api/v1/tickets/${second}`);
    if (before.status === 'waiting_customer') await api.post('/api/v1/tickets/bulk', { ticketIds: [second], action: { type: 'status', status: 'in_progress' } });
    await page.getByTestId('composer-send-menu').click();
    await screenshot(page, 'desk-reply-and-wait-menu-1366');
    await page.getByTestId('composer-send-waiting_customer').click();
    await page.getByTestId('entry').filter({ hasText: 'Please send the serial number.' }).waitFor();
    await expect.poll(async () => (await api.get<Ticket>(`/api/v1/tickets/${second}`)).status, { timeout: 10_000 }).toBe('waiting_customer');
    await screenshot(page, 'desk-reply-and-wait-done-1366');
    await context.close();
  });

  it('selects on a phone, changes the priority in bulk and undoes it (390 px)', async () => {
    const context = await newContext(env.browser, { locale: 'fr-FR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const api = await apiAs(env.browser, env.server.url, 'agent@carri.example');
    const page = await context.newPage();
    await login(page, env.server.url, 'agent@carri.example');
    await page.goto(`${env.server.url}/agent`);
    const rows = page.getByTestId('ticket-row');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(1);
    const ids = [await rows.nth(0).getAttribute('data-ticket-id'), await rows.nth(1).getAttribute('data-ticket-id')] as string[];
    const before = await Promise.all(ids.map((id) => api.get<Ticket>(`/api/v1/tickets/${id}`)));
    const target = before.every((t) => t.priority === 'urgent') ? 'Basse' : 'Urgente';
    await page.getByTestId('select-ticket').nth(0).click();
    await page.getByTestId('select-ticket').nth(1).click();
    await page.getByTestId('bulk-bar').waitFor();
    await screenshot(page, 'desk-bulk-bar-390');
    await choose(page, 'bulk-priority', target);
    await page.getByTestId('bulk-undo').waitFor();
    const changed = await Promise.all(ids.map((id) => api.get<Ticket>(`/api/v1/tickets/${id}`)));
    expect(changed.every((t) => t.priority === (target === 'Urgente' ? 'urgent' : 'low'))).toBe(true);
    await page.getByTestId('bulk-undo').click();
    await page.getByTestId('bulk-undone').waitFor();
    await screenshot(page, 'desk-bulk-undone-390');
    const after = await Promise.all(ids.map((id) => api.get<Ticket>(`/api/v1/tickets/${id}`)));
    expect(after.map((t) => t.priority)).toEqual(before.map((t) => t.priority));
    await context.close();
  });

  it('saves the queue\'s order and columns as a view shared with the group, then brings it back from the list (1366 and 390 px)', async () => {
    const context = await newContext(env.browser, { locale: 'fr-FR', viewport: { width: 1366, height: 900 } });
    const api = await apiAs(env.browser, env.server.url, 'agent@carri.example');
    const newest = await api.get<{ items: { number: string }[] }>('/api/v1/tickets?sort=newest&limit=1');
    const page = await context.newPage();
    await login(page, env.server.url, 'agent@carri.example');
    await page.goto(`${env.server.url}/agent`);
    const rows = page.getByTestId('ticket-row');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(1);
    await choose(page, 'view-sort', 'Les plus récents d’abord');
    await page.waitForURL((u) => u.searchParams.get('sort') === 'newest');
    // Clicking a chosen column in the list takes it away.
    // A multiple choice's pills box lies over its input: the click goes to the input itself.
    await page.getByTestId('view-columns').click({ force: true });
    await page.getByRole('option', { name: 'Priorité', exact: true }).click();
    await page.getByTestId('view-columns').press('Tab');
    await page.waitForURL((u) => !(u.searchParams.get('cols') ?? 'priority').includes('priority'));
    await page.getByTestId('view-save').click();
    await page.getByTestId('view-name').fill('Newest, no priority');
    await page.getByTestId('view-group').click();
    await page.getByRole('option', { name: 'Hotline', exact: true }).click();
    await screenshot(page, 'desk-save-view-1366');
    await page.getByTestId('view-save-confirm').click();
    await page.waitForURL((u) => !!u.searchParams.get('view'));
    const saved = await api.get<{ items: { name: string; group: { name: string } | null; sort: string; columns: string[] }[] }>('/api/v1/desk/views');
    expect(saved.items.find((v) => v.name === 'Newest, no priority')).toMatchObject({ group: { name: 'Hotline' }, sort: 'newest' });
    expect(saved.items.find((v) => v.name === 'Newest, no priority')!.columns).not.toContain('priority');

    // The agent's profile speaks French, whatever the browser's language.
    // A fresh queue, on a phone: the view comes back from the list, with its order and columns.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${env.server.url}/agent`);
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(1);
    await page.getByTestId('view-select').click();
    await page.getByRole('option', { name: 'Newest, no priority', exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get('sort') === 'newest' && !!u.searchParams.get('view'));
    await expect.poll(async () => (await rows.first().innerText()).includes(newest.items[0]!.number)).toBe(true);
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'desk-saved-view-390');
    await page.setViewportSize({ width: 1366, height: 900 });
    await expect.poll(() => page.getByTestId('ticket-table').locator('th').allInnerTexts()).not.toContain('Priorité');
    expect(await page.getByTestId('ticket-table').locator('th').allInnerTexts()).toContain('Objet');
    await screenshot(page, 'desk-saved-view-1366');
    await context.close();
  });
});
