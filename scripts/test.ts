/**
 * `npm test`: the web API contract, type check, lint, unit and database tests (PGlite always, PostgreSQL when
 * TEST_DATABASE_URL is set), then browser tests when Chromium is installed. Says plainly what it
 * skipped, and ends with one line "tests: N passed, N failed, N skipped" and the run's duration.
 *
 * Dates (src/test/hostile-dates.ts):
 * - In CI (CI=true) the calendar and service-level suites run again at every hostile instant (one
 *   vitest run, projects `hostile-*`), and each browser file runs once, at one instant of the
 *   rotation (the ordinary one and the hostile ones), shifted by the commit count: seven successive
 *   commits run every browser file at every instant, and one CI run stays one browser pass long.
 *   APRES_HOSTILE_ROTATION=N replays a given shift.
 * - --hostile runs the whole matrix (every browser file at every hostile instant) after the usual
 *   run; --hostile-only runs just that matrix.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HOSTILE_INSTANTS } from '../src/test/hostile-dates.ts';

const CHROMIUM = process.env.APRES_CHROMIUM ?? '/usr/bin/chromium';
const totals = { passed: 0, failed: 0, skipped: 0 };
const skippedParts: string[] = [];
const failedSteps: string[] = [];
/** Why each failed file failed, printed again at the end: a log's tail then says it, not only which step. */
const failureDetails: string[] = [];

function step(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  const ok = r.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (!ok) failedSteps.push(name);
  return ok;
}

function vitest(name: string, project: string, env: NodeJS.ProcessEnv, files: string[] = [], reporter = 'default'): void {
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'apres-vitest-')), 'report.json');
  step(name, 'npx', ['vitest', 'run', '--project', project, `--reporter=${reporter}`, '--reporter=json', `--outputFile.json=${report}`, ...files], env);
  if (!fs.existsSync(report)) {
    totals.failed += 1;
    return;
  }
  const r = JSON.parse(fs.readFileSync(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    testResults?: { name: string; status: string; message?: string; assertionResults?: { fullName: string; status: string; failureMessages?: string[] }[] }[];
  };
  for (const file of r.testResults ?? []) {
    if (file.status !== 'failed') continue;
    const where = path.relative(process.cwd(), file.name);
    const failed = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    const why = file.message || failed.map((a) => `${a.fullName}: ${a.failureMessages?.[0] ?? ''}`).join('\n');
    failureDetails.push(`${name} — ${where}\n${why.split('\n').slice(0, 25).map((l) => `    ${l}`).join('\n')}`);
  }
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + r.numTodoTests;
}

const runStarted = performance.now();
const args = new Set(process.argv.slice(2));
const hostileOnly = args.has('--hostile-only');
const matrix = hostileOnly || args.has('--hostile');
const rotating = !matrix && process.env.CI === 'true';
const env = { ...process.env };
const hasChromium = fs.existsSync(CHROMIUM);
const e2eFiles = fs.readdirSync('e2e').filter((f) => f.endsWith('.test.ts')).sort().map((f) => `e2e/${f}`);

if (!hostileOnly) {
  // The web's API types are generated from the server's routes: a stale copy fails here, before the web's type check.
  step('web API contract (web/src/api/schema.d.ts matches the server)', 'npx', ['tsx', 'scripts/api-types.ts', '--check']);
  if (step('type check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit'])) step('type check (web)', 'npx', ['tsc', '-p', 'web/tsconfig.json', '--noEmit']);
  step('lint', 'npx', ['eslint', '--max-warnings=0', '--no-error-on-unmatched-pattern', 'src', 'web/src', 'e2e', 'bench', 'scripts']);

  if (!env.TEST_DATABASE_URL) skippedParts.push('database tests on PostgreSQL (TEST_DATABASE_URL is not set; they ran on PGlite only)');
  vitest('unit and database tests', 'unit', env);
}

// The suites whose answers depend on the date, again at each hostile instant: the server's clock
// and the test process's Date start there (vitest.config.ts, projects hostile-*).
if (matrix || rotating) vitest(`calendar and service-level tests at ${HOSTILE_INSTANTS.length} hostile instants`, 'hostile-*', env, [], 'dot');

let webBuilt = false;
if (hasChromium) {
  webBuilt = step('build the server and the web app (npm run build)', 'node', ['scripts/start.mjs', '--build']);
  const browserEnv = (at?: string) => ({ ...env, APRES_CHROMIUM: CHROMIUM, ...(at ? { APRES_TEST_NOW: at, TEST_DATABASE_URL: '' } : {}) });
  if (webBuilt && rotating) {
    const instants = [{ at: undefined, why: 'an ordinary working Wednesday morning' }, ...HOSTILE_INSTANTS];
    const shift = Number(process.env.APRES_HOSTILE_ROTATION ?? commitCount());
    console.log(`\nbrowser files rotate over ${instants.length} instants, shift ${shift} (APRES_HOSTILE_ROTATION=${shift} replays it)`);
    instants.forEach((h, i) => {
      const files = e2eFiles.filter((_, f) => (f + shift) % instants.length === i);
      if (files.length) vitest(`browser tests at ${h.at ?? 'the ordinary instant'} (${h.why}): ${files.map((f) => path.basename(f, '.test.ts')).join(', ')}`, 'e2e', browserEnv(h.at), files);
    });
  } else if (webBuilt) {
    if (!hostileOnly) vitest('browser tests (Chromium)', 'e2e', browserEnv());
    if (matrix) for (const h of HOSTILE_INSTANTS) vitest(`browser tests at ${h.at} (${h.why})`, 'e2e', browserEnv(h.at), [], 'dot');
  }
} else {
  skippedParts.push(`browser tests (no Chromium at ${CHROMIUM}; install it with: apt-get install -y chromium)`);
}

function commitCount(): number {
  try {
    return Number(execFileSync('git', ['rev-list', '--count', 'HEAD'], { encoding: 'utf8' }).trim()) || 0;
  } catch {
    return 0;
  }
}

console.log('');
for (const s of skippedParts) console.log(`SKIPPED: ${s}`);
for (const d of failureDetails) console.log(`FAILED FILE: ${d}`);
for (const s of failedSteps) console.log(`FAILED: ${s}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
console.log(`test run: ${((performance.now() - runStarted) / 60_000).toFixed(1)} min`);
process.exit(failedSteps.length > 0 || totals.failed > 0 ? 1 : 0);
