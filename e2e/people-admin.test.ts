import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login, newContext, screenshot, useServerAndBrowser } from './harness.ts';

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
  await screenshot(page, name);
}

/** True when the page scrolls sideways (a layout that does not fit the width). */
async function overflows(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return root.scrollWidth > root.clientWidth + 1;
  });
}

/** Picks an option of a Mantine Select or MultiSelect by its visible label. */
async function pick(page: Page, testId: string, option: string): Promise<void> {
  // A multiple choice's pills box lies over its input: the click goes to the input itself.
  await page.getByTestId(testId).click({ force: true });
  await page.getByRole('option', { name: option, exact: true }).click();
  // Tab closes a multiple choice's list (Escape would close the dialog around it).
  await page.getByTestId(testId).press('Tab');
}

/**
 * Issue 14, item 6: an administrator invites someone by e-mail, reads the invitation in the built-in
 * outbox, and the invitee chooses a password from its link and signs in; the people-and-access pages
 * fit a desktop and a 390 px phone.
 */
describe('people and access administration in Chromium', () => {
  const env = useServerAndBrowser();

  for (const [label, viewport] of [['desktop', { width: 1366, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
    it(`an admin invites a user, the invitee sets a password from the outbox's mail and signs in (${label})`, async () => {
      const email = `camille.roux.${label}@carri.example`;
      const admin = await newContext(env.browser, { viewport, locale: 'en-GB' });
      const page = await admin.newPage();
      await login(page, env.server.url, 'admin@apres.example');
      await page.goto(`${env.server.url}/admin/users`);
      await page.getByTestId('users-table').waitFor();
      await page.getByTestId('user-invite').click();
      await page.getByTestId('user-email').fill(email);
      await page.getByTestId('user-name-input').fill('Camille Roux');
      await pick(page, 'user-locale', 'Français');
      await pick(page, 'user-brands', 'CARRI Systems');
      await page.getByTestId('user-save').click();
      await page.getByText(`Invitation sent to ${email}.`).waitFor();

      await page.getByTestId('user-search').fill('camille roux');
      const row = page.getByTestId('user-row').filter({ hasText: email });
      await row.getByText('Invited').waitFor();
      expect(await overflows(page)).toBe(false);
      await shot(page, `people-users-${label}`);

      // The invitation, in French, in the built-in outbox.
      await page.goto(`${env.server.url}/admin/outbox`);
      const mail = page.getByTestId('outbox-row').filter({ hasText: email }).filter({ hasText: 'Votre invitation au service client CARRI Systems' });
      await mail.getByTestId('outbox-read').click();
      const body = (await page.getByTestId('outbox-body').textContent()) ?? '';
      expect(body).toContain('Alex Admin vous a créé un compte au service client CARRI Systems');
      await shot(page, `people-invitation-in-outbox-${label}`);
      const link = new URL(body.match(/https?:\/\/\S+\/welcome#token=[\w-]+/)![0]);

      // The invitee, in a browser of their own.
      const invitee = await newContext(env.browser, { viewport, locale: 'fr-FR' });
      const them = await invitee.newPage();
      await them.goto(`${env.server.url}${link.pathname}${link.hash}`);
      await them.getByTestId('welcome-password').fill('un mot de passe bien long');
      await them.getByTestId('welcome-repeat').fill('un mot de passe bien long');
      expect(await overflows(them)).toBe(false);
      await shot(them, `people-welcome-${label}`);
      await them.getByTestId('welcome-save').click();
      await them.getByTestId('welcome-done').waitFor();
      await login(them, env.server.url, email, 'un mot de passe bien long');
      await them.waitForURL((u) => u.pathname.startsWith('/agent'));

      // The admin sees the invitation accepted.
      await page.goto(`${env.server.url}/admin/users`);
      await page.getByTestId('user-search').fill('camille roux');
      await page.getByTestId('user-row').filter({ hasText: email }).getByText('Active').waitFor();
      await invitee.close();
      await admin.close();
    });

    it(`shows groups, organisations and API tokens without a sideways scroll (${label})`, async () => {
      const admin = await newContext(env.browser, { viewport, locale: 'en-GB' });
      const page = await admin.newPage();
      await login(page, env.server.url, 'admin@apres.example');

      await page.goto(`${env.server.url}/admin/groups`);
      await page.getByTestId('group-card').filter({ hasText: 'Hotline' }).getByText('Sophie Lefèvre').waitFor();
      expect(await overflows(page)).toBe(false);
      await shot(page, `people-groups-${label}`);

      await page.goto(`${env.server.url}/admin/organisations`);
      await page.getByTestId('org-row').filter({ hasText: 'Laddexperten AB' }).getByText('Nordic EV Distribution AB').waitFor();
      expect(await overflows(page)).toBe(false);
      await shot(page, `people-organisations-${label}`);

      // A token's secret is shown once, then only its first characters.
      await page.goto(`${env.server.url}/admin/api-tokens`);
      await page.getByTestId('token-new').click();
      await page.getByTestId('token-name-input').fill(`ERP sync ${label}`);
      await page.getByTestId('token-create').click();
      const secret = (await page.getByTestId('token-secret').textContent())!.trim();
      expect(secret).toMatch(/^apres_/);
      await shot(page, `people-token-secret-${label}`);
      await page.getByTestId('token-done').click();
      const row = page.getByTestId('token-row').filter({ hasText: `ERP sync ${label}` });
      await row.waitFor();
      expect(await page.content()).not.toContain(secret);
      expect(await overflows(page)).toBe(false);
      await shot(page, `people-api-tokens-${label}`);
      await admin.close();
    });
  }
});
