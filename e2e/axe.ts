import { createRequire } from 'node:module';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * The axe accessibility check for browser tests (issue 14, item 9). Call it on any page once the
 * page shows what you want checked (wait for your content first; axe checks what is in the DOM):
 *
 *   import { expectNoSeriousA11yViolations } from './axe.ts';
 *   await page.getByTestId('my-page').waitFor();
 *   await expectNoSeriousA11yViolations(page, 'my page at 390 px');
 *
 * It runs axe-core's WCAG 2.0/2.1/2.2 A and AA rules and best practices in the page and fails on
 * any violation of impact "serious" or "critical", listing for each its rule id, impact, help text,
 * help URL and the CSS targets of the offending nodes (with axe's explanation of the first failure).
 * Moderate and minor findings are not failures. Axe is injected through the DevTools protocol, so
 * the app's Content-Security-Policy needs no exception and no context option is required.
 */
export async function expectNoSeriousA11yViolations(page: Page, label: string, options: { exclude?: string[] } = {}): Promise<void> {
  const report = await seriousA11yReport(page, label, options);
  expect(report === null, report ?? '').toBe(true);
}

/**
 * The same check without failing: null when the page has no serious or critical violation, else the
 * report. For a test that checks many pages and fails once at the end with all of them.
 */
export async function seriousA11yReport(page: Page, label: string, options: { exclude?: string[] } = {}): Promise<string | null> {
  const violations = await axeViolations(page, options);
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  return serious.length === 0 ? null : `${label}: ${serious.length} serious or critical accessibility violation(s)\n${formatViolations(serious)}`;
}

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string; html: string }[];
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Every axe violation in the page as it is now (all impacts), for tests that want more than the default check. */
export async function axeViolations(page: Page, options: { exclude?: string[] } = {}): Promise<AxeViolation[]> {
  const loaded = await page.evaluate('typeof window.axe === "object"');
  if (!loaded) await page.evaluate(axeSource);
  return page.evaluate(async (exclude: string[]) => {
    const axe = (globalThis as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const context = exclude.length > 0 ? { exclude: exclude.map((s) => [s]) } : (globalThis as unknown as { document: unknown }).document;
    const result = await axe.run(context, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary, html: n.html })) }));
  }, options.exclude ?? []);
}

export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 8)
        .map((n) => `    - ${JSON.stringify(n.target)} ${n.html.slice(0, 160)}`)
        .join('\n');
      const more = v.nodes.length > 8 ? `\n    … and ${v.nodes.length - 8} more` : '';
      const why = v.nodes[0]?.failureSummary ? `\n    ${v.nodes[0].failureSummary.replace(/\n/g, '\n    ')}` : '';
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}${why}`;
    })
    .join('\n');
}
