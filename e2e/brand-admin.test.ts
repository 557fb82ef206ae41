import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login, newContext, screenshot, useServerAndBrowser } from './harness.ts';

/** A full-page screenshot from the top. */
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

/**
 * Issue 14, item 6: an administrator gives a brand its colour and words one of its mails, previews
 * it, and the brand's customers see the colour on their portal; at desktop width and at 390 px.
 */
describe('brand administration in Chromium', () => {
  const env = useServerAndBrowser();

  for (const [label, viewport] of [['desktop', { width: 1366, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
    it(`an admin changes the brand colour and a mail template and previews it (${label})`, async () => {
      const context = await newContext(env.browser, { viewport, locale: 'en-GB' });
      const page = await context.newPage();
      await login(page, env.server.url, 'admin@apres.example');
      const brands = (await (await page.request.get(`${env.server.url}/api/v1/admin/brands`)).json()) as { items: { id: string; slug: string; name: string }[] };
      const eiler = brands.items.find((b) => b.slug === 'eiler')!;
      await page.goto(`${env.server.url}/admin/brands?brand=${eiler.id}`);

      // A light colour takes black text; a dark one white: the sample shows which.
      const colour = label === 'desktop' ? '#ffd43b' : '#1c3f94';
      await page.getByTestId('brand-colour').fill(colour);
      await page.getByTestId('brand-colour').press('Tab');
      const sample = page.getByTestId('brand-colour-sample');
      await sample.waitFor();
      expect(await sample.evaluate((el) => (el as unknown as { style: { color: string } }).style.color)).toBe(label === 'desktop' ? 'rgb(0, 0, 0)' : 'rgb(255, 255, 255)');
      await page.getByTestId('brand-save').click();
      await page.getByText('Saved.').first().waitFor();
      expect(await overflows(page)).toBe(false);
      await shot(page, `brand-admin-settings-${label}`);

      await page.getByTestId('brand-tab-intake').click();
      await page.getByTestId('intake-form-editor').waitFor();
      expect(await overflows(page)).toBe(false);
      await shot(page, `brand-admin-intake-form-${label}`);

      // The mail: an unknown variable is named before anything is sent to the server.
      await page.getByTestId('brand-tab-mails').click();
      await page.getByTestId('mail-language').getByText('EN', { exact: false }).first().click();
      const subject = `[{{number}}] Eiler has your request (${label}): {{subject}}`;
      await page.getByTestId('mail-subject').fill(subject);
      await page.getByTestId('mail-body').fill('Thank you. Your case {{number}} is with {{agentName}}.');
      await page.getByTestId('mail-preview').click();
      await page.getByText('Not a variable of this mail: {{agentName}}').waitFor();
      await page.getByTestId('mail-body').fill('Thank you. Your case {{number}} was received on {{receivedAt}}.');
      await page.getByTestId('mail-preview').click();
      const preview = page.getByTestId('mail-preview-text');
      await preview.waitFor();
      const text = await preview.innerText();
      expect(text).toMatch(/^Hello .+,\n\nThank you\. Your case EI-\d{4}-00123\d was received on /);
      expect(text).toContain('Eiler');
      expect(await page.getByTestId('mail-preview-subject').innerText()).toContain(`Eiler has your request (${label}):`);
      await page.getByTestId('mail-save').click();
      await page.getByTestId('mail-template-state').filter({ hasText: "Brand's wording" }).waitFor();
      expect(await overflows(page)).toBe(false);
      await shot(page, `brand-admin-mail-template-${label}`);

      // The brand's customer sees the colour on the portal, with text that reads on it.
      const customer = await newContext(env.browser, { viewport, locale: 'ru-RU' });
      const portal = await customer.newPage();
      await login(portal, env.server.url, 'client@eiler.example');
      const band = portal.getByTestId('brand-band');
      await band.waitFor().catch(async (e: unknown) => {
        await shot(portal, `brand-portal-band-${label}-failed`);
        throw e;
      });
      expect(await band.getAttribute('data-colour')).toBe(colour);
      expect(await overflows(portal)).toBe(false);
      await shot(portal, `brand-portal-band-${label}`);
      await customer.close();
      await context.close();
    });
  }
});
