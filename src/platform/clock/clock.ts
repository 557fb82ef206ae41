/**
 * The one source of "now" on the server. Time logic takes `now` as an argument; whatever reads
 * the time (requests, jobs, the SLA sweep, mail dates, session expiry, the demo seed) asks the
 * clock the composition root wired in. Tests fix it; production uses the system clock.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays at `instant` (frozen) or starts there and runs at real speed (advancing). */
export function fixedClock(instant: Date, mode: 'frozen' | 'advancing' = 'frozen'): Clock {
  const at = instant.getTime();
  if (mode === 'frozen') return { now: () => new Date(at) };
  const startedAt = performance.now();
  return { now: () => new Date(at + Math.floor(performance.now() - startedAt)) };
}

export class TestClockRefusedError extends Error {}

/**
 * The clock a process runs on. `APRES_TEST_NOW` (an ISO instant with its offset) starts the server
 * at that instant, frozen unless `APRES_TEST_CLOCK=advancing`; it is a test-only setting, so it is
 * refused unless `NODE_ENV=test`: a production server must never run on an invented date.
 */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
  const value = env.APRES_TEST_NOW;
  if (value === undefined || value === '') return systemClock;
  if (env.NODE_ENV !== 'test') {
    throw new TestClockRefusedError(
      `APRES_TEST_NOW is set (${value}): it fixes the server's clock and is for tests only. Unset it to run Apres, or set NODE_ENV=test in a test run.`,
    );
  }
  // An explicit offset or Z is required: a bare local time would mean the machine's time zone.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new TestClockRefusedError(`APRES_TEST_NOW must be an ISO instant with Z or an offset, e.g. 2026-06-11T07:00:00Z (got ${value})`);
  }
  const mode = env.APRES_TEST_CLOCK ?? 'frozen';
  if (mode !== 'frozen' && mode !== 'advancing') throw new TestClockRefusedError(`APRES_TEST_CLOCK must be frozen or advancing (got ${mode})`);
  return fixedClock(new Date(value), mode);
}
