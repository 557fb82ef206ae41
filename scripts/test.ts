/**
 * `npm test`: type check, lint, unit and database tests (PGlite always, PostgreSQL when
 * TEST_DATABASE_URL is set), then browser tests when Chromium is installed. Says plainly what it
 * skipped, and ends with one line "tests: N passed, N failed, N skipped".
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CHROMIUM = process.env.APRES_CHROMIUM ?? '/usr/bin/chromium';
const totals = { passed: 0, failed: 0, skipped: 0 };
const skippedParts: string[] = [];
const failedSteps: string[] = [];

function step(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  const ok = r.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (!ok) failedSteps.push(name);
  return ok;
}

function vitest(name: string, project: string, env: NodeJS.ProcessEnv): void {
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'apres-vitest-')), 'report.json');
  step(name, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], env);
  if (!fs.existsSync(report)) {
    totals.failed += 1;
    return;
  }
  const r = JSON.parse(fs.readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + r.numTodoTests;
}

const env = { ...process.env };
if (step('type check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit'])) step('type check (web)', 'npx', ['tsc', '-p', 'web/tsconfig.json', '--noEmit']);
step('lint', 'npx', ['eslint', '--max-warnings=0', '--no-error-on-unmatched-pattern', 'src', 'web/src', 'e2e', 'bench', 'scripts']);

if (!env.TEST_DATABASE_URL) skippedParts.push('database tests on PostgreSQL (TEST_DATABASE_URL is not set; they ran on PGlite only)');
vitest('unit and database tests', 'unit', env);

if (fs.existsSync(CHROMIUM)) {
  if (step('build web app', 'npm', ['run', 'build:web', '--silent'])) vitest('browser tests (Chromium)', 'e2e', { ...env, APRES_CHROMIUM: CHROMIUM });
} else {
  skippedParts.push(`browser tests (no Chromium at ${CHROMIUM}; install it with: apt-get install -y chromium)`);
}

console.log('');
for (const s of skippedParts) console.log(`SKIPPED: ${s}`);
for (const s of failedSteps) console.log(`FAILED: ${s}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length > 0 || totals.failed > 0 ? 1 : 0);
