import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login, newContext, screenshot, useServerAndBrowser } from './harness.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

/** Issue 14, item 7 (seeds 003 and 004): a request sent from the brand's public form before any account exists. */
describe('public web form in Chromium', () => {
  const env = useServerAndBrowser();

  /** The confirmation mail in the built-in outbox, read through the API as an admin. */
  async function mailTo(address: string): Promise<{ subject: string; bodyText: string }> {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await login(page, env.server.url, 'admin@apres.example');
    let found: { subject: string; bodyText: string } | undefined;
    await expect
      .poll(
        async () => {
          const res = await page.request.get(`${env.server.url}/api/v1/admin/outbox`);
          const items = ((await res.json()) as { items: { to: string; subject: string; bodyText: string }[] }).items;
          found = items.find((m) => m.to === address);
          return found !== undefined;
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    await context.close();
    return found!;
  }

  async function fillEilerForm(page: Page, email: string) {
    await page.getByLabel('Ваше имя').fill('Пётр Смирнов');
    await page.getByLabel('Ваш адрес электронной почты').fill(email);
    await page.getByLabel('Тема').fill('Отчёт не строится после обновления');
    await page.getByLabel('Ваше сообщение').fill('После обновления до 4.2 отчёт по складу падает с ошибкой.');
    await page.getByLabel('Шаги воспроизведения (со скриншотами)').fill('Открыть отчёт, нажать «Построить»');
    await page.getByRole('combobox', { name: 'Частота возникновения' }).click();
    await page.getByRole('option', { name: 'Всегда' }).click();
    await page.getByLabel('Версия продукта').fill('4.2.1');
    await page.getByRole('combobox', { name: 'Критичность' }).click();
    await page.getByRole('option', { name: 'Высокая' }).click();
    await page.getByLabel('Контактный телефон').fill('+7 499 677 44 25');
    await page.getByLabel('Контактный e-mail').fill('it@client.example');
  }

  for (const width of [1366, 390]) {
    it(`an anonymous visitor sends a request with a file at ${width} px, then follows the mail's link, sets a password and sees the ticket`, async () => {
      const context = await newContext(env.browser, { locale: 'ru-RU', viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${env.server.url}/f/eiler`);
      await page.getByTestId('web-form').waitFor();
      // A required field left empty is refused, naming it (seed 003: the product version).
      const email = `p.smirnov.${width}@client.example`;
      await fillEilerForm(page, email);
      await page.getByLabel('Версия продукта').fill('');
      await page.getByTestId('web-form-submit').click();
      await page.getByTestId('web-form-error').waitFor();
      await expect.poll(() => page.getByLabel('Версия продукта').getAttribute('aria-invalid')).toBe('true');
      await page.getByLabel('Версия продукта').fill('4.2.1');
      const chooser = page.waitForEvent('filechooser');
      await page.getByTestId('web-form-files').click();
      await (await chooser).setFiles({ name: 'скриншот.png', mimeType: 'image/png', buffer: PNG });
      await page.getByText('скриншот.png').waitFor();
      await screenshot(page, `web-form-filled-${width}`);
      await page.getByTestId('web-form-submit').click();
      const number = (await page.getByTestId('web-form-number').textContent({ timeout: 20_000 }))!.trim();
      expect(number).not.toBe('');
      await expect.poll(() => page.getByTestId('web-form-confirmation').textContent()).toContain(email);
      await screenshot(page, `web-form-confirmation-${width}`);

      const mail = await mailTo(email);
      expect(mail.subject).toContain(number);
      const link = mail.bodyText.match(/https?:\/\/\S+\/activate-account#token=[\w-]+&ticket=[\w-]+/)![0];
      await page.goto(link.replace(/^https?:\/\/[^/]+/, env.server.url));
      await page.getByTestId('activate-password').fill('мой новый пароль 2026');
      await screenshot(page, `web-form-activate-${width}`);
      await page.getByTestId('activate-submit').click();
      await page.waitForURL('**/portal/tickets/**');
      await expect.poll(() => page.getByText(number).count(), { timeout: 20_000 }).toBeGreaterThan(0);
      await page.getByText('скриншот.png').first().waitFor();
      await screenshot(page, `web-form-portal-ticket-${width}`);
      await context.close();
    });
  }

  it("is embedded by the script on the brand's own site, on another origin, and sized to its content", async () => {
    const base = env.server.url;
    const site = http.createServer((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><html lang="en"><head><title>Eiler</title></head><body style="font-family:sans-serif;margin:0 auto;max-width:860px;padding:16px">
        <h1>Eiler — support</h1><p>Ask us a question.</p>
        <script src="${base}/f/embed.js" data-brand="eiler" data-lang="en" async></script></body></html>`);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const sitePort = (site.address() as AddressInfo).port;
    try {
      const context = await newContext(env.browser, { viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      await page.goto(`http://localhost:${sitePort}/`);
      const frame = page.frameLocator('iframe');
      await frame.getByTestId('web-form').waitFor();
      await frame.getByText('Product version').first().waitFor();
      // The script sized the iframe to the form (postMessage from the form's origin only).
      await expect.poll(async () => page.locator('iframe').evaluate((el) => (el as unknown as { offsetHeight: number }).offsetHeight)).toBeGreaterThan(900);
      await screenshot(page, 'web-form-embedded-1366');
      await context.close();
    } finally {
      await new Promise((resolve) => site.close(resolve));
    }
  });

  it('shows the admin the iframe and script to paste on the brand site', async () => {
    const context = await newContext(env.browser, { viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await login(page, env.server.url, 'admin@apres.example');
    await page.goto(`${env.server.url}/admin/web-forms`);
    await expect.poll(() => page.getByTestId('snippet-script').textContent()).toContain('/f/embed.js');
    expect(await page.getByTestId('snippet-iframe').textContent()).toContain('?embed=1');
    await screenshot(page, 'web-forms-admin-1366');
    await context.close();
  });
});
