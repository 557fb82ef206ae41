import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { login, newContext, screenshot, useServerAndBrowser } from './harness.ts';

/**
 * Issue 14, "Reports": the head of after-sales opens a brand's reports, reads the charts (or their
 * tables), and downloads a chart's figures as CSV — at desktop width and on a 390 px phone.
 */
describe('reports in Chromium', () => {
  const env = useServerAndBrowser();

  for (const viewport of [{ width: 1366, height: 900, name: 'desktop' }, { width: 390, height: 844, name: 'phone' }]) {
    it(`an agent reads the brand's charts and downloads the channels CSV (${viewport.name})`, async () => {
      const context = await newContext(env.browser, { viewport, locale: 'en-GB', acceptDownloads: true });
      const page = await context.newPage();
      await login(page, env.server.url, 'agent@carri.example');
      // The page asks each chart apart, so each is drawn as soon as its own figures are in.
      const asked = new Set<string>();
      page.on('request', (r) => {
        const m = /\/api\/v1\/reports\/brands\/[^/]+\/charts\/([a-z-]+)/.exec(r.url());
        if (m) asked.add(m[1]!);
      });
      await page.goto(`${env.server.url}/agent/reports`);
      await page.getByTestId('report-backlog').locator('.recharts-surface').first().waitFor();
      for (const chart of ['backlog', 'sla', 'channels', 'products', 'time-in-status', 'workload', 'handled']) {
        await expect(page.getByTestId(`report-${chart}`).getByRole('heading', { level: 2 }).textContent()).resolves.toBeTruthy();
      }
      // Every chart says what it shows to a screen reader (the agent reads French); the backlog has
      // one point per day of the default 30.
      const backlogTitle = (await page.getByTestId('report-backlog').getByRole('heading', { level: 2 }).textContent())!;
      expect(backlogTitle).toBe('Stock de tickets dans le temps');
      await expect(page.getByTestId('report-backlog-chart').getAttribute('aria-label')).resolves.toBe(`Graphique : ${backlogTitle}, 30 lignes de données. Les mêmes chiffres figurent dans le tableau ci-dessous.`);
      await expect(page.locator('html').evaluate((el) => el.scrollWidth)).resolves.toBeLessThanOrEqual(viewport.width);

      // The channels' table and their CSV carry the same figures.
      expect([...asked].sort()).toEqual(['backlog', 'channels', 'handled', 'products', 'sla', 'time-in-status', 'workload']);
      // Time in each status counts stays: its table says so.
      await page.getByTestId('report-time-in-status-table-toggle').click();
      await expect(page.getByTestId('report-time-in-status-table').locator('thead th').allTextContents()).resolves.toEqual(['Statut', 'Passages', 'Moyenne', 'Médiane']);
      await page.getByTestId('report-channels-table-toggle').click();
      const cells = await page.getByTestId('report-channels-table').locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
      expect(cells.length).toBe(7);
      await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
      await screenshot(page, `reports-${viewport.name}`);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-channels-csv').click()]);
      expect(download.suggestedFilename()).toMatch(/^carri-channels-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = fs.readFileSync((await download.path())!, 'utf8');
      const lines = csv.trimEnd().split('\r\n');
      expect(lines[0]).toBe('channel,tickets');
      expect(lines.slice(1).map((l) => Number(l.split(',')[1]))).toEqual(cells.map((c) => Number(c[1])));
      expect(lines.slice(1).reduce((n, l) => n + Number(l.split(',')[1]), 0)).toBeGreaterThan(0);
      await context.close();
    });
  }
});
