import { type Clock, fixedClock } from '../platform/clock/clock.ts';

/**
 * The instant tests run at: the test databases are seeded at it and test apps' clocks start from
 * it. An ordinary working Wednesday morning by default; a hostile-date run (`npm run
 * test:hostile`) sets APRES_TEST_NOW to a Saturday evening, a holiday eve, a DST night… Never the
 * machine's clock: a test that passes today and fails tomorrow is a defect.
 */
export const TEST_NOW = new Date(process.env.APRES_TEST_NOW ?? '2026-06-10T07:00:00Z');

/** A clock that starts at TEST_NOW and runs at real speed (jobs and retries still see time pass). */
export function testClock(): Clock {
  return fixedClock(TEST_NOW, 'advancing');
}
