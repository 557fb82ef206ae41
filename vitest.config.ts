import os from 'node:os';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { DATE_SUITES, HOSTILE_INSTANTS } from './src/test/hostile-dates.ts';

const unit: TestProjectInlineConfiguration['test'] = {
  environment: 'node',
  globalSetup: ['src/test/global-setup.ts'],
  setupFiles: ['src/test/fixed-date.ts', 'src/test/wiring.ts'],
  testTimeout: 60_000,
  hookTimeout: 120_000,
  pool: 'forks',
};

/**
 * `--project 'hostile-*'`: the date-dependent suites once per hostile instant, all in one run (one
 * worker pool, each instant's database seeded at that instant by the global setup), on PGlite.
 */
const hostile = HOSTILE_INSTANTS.map((h, i) => ({
  test: { ...unit, name: `hostile-${i + 1}`, include: DATE_SUITES.map((d) => `${d}/**/*.test.ts`), env: { APRES_TEST_NOW: h.at, TEST_DATABASE_URL: '' } },
}));

export default defineConfig({
  test: {
    // Vitest's default leaves one core idle: on a 2-core machine that is one worker, while most test
    // files wait on PostgreSQL, a child process or a socket. Two workers there (measured: the unit
    // stage 21 → 16 min).
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    projects: [
      { test: { ...unit, name: 'unit', include: ['src/**/*.test.ts', 'web/src/**/*.test.ts'] } },
      ...hostile,
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          setupFiles: ['src/test/fixed-date.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // A page under CI load may take seconds to answer: expect.poll waits as long as Playwright's own waits do.
          expect: { poll: { timeout: 15_000, interval: 100 } },
          pool: 'forks',
          fileParallelism: false,
        },
      },
    ],
  },
});
