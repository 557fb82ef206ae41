import { describe, expect, it } from 'vitest';
import { clockFromEnv, fixedClock, systemClock, TestClockRefusedError } from './clock.ts';

describe('the server clock', () => {
  it('is the system clock when no test instant is set', () => {
    expect(clockFromEnv({ NODE_ENV: 'production' })).toBe(systemClock);
    expect(clockFromEnv({ NODE_ENV: 'test', APRES_TEST_NOW: '' })).toBe(systemClock);
  });

  it('starts a test server at APRES_TEST_NOW, frozen unless told to advance', async () => {
    const frozen = clockFromEnv({ NODE_ENV: 'test', APRES_TEST_NOW: '2026-06-11T10:00:00+03:00' });
    expect(frozen.now().toISOString()).toBe('2026-06-11T07:00:00.000Z');
    await new Promise((r) => setTimeout(r, 20));
    expect(frozen.now().toISOString()).toBe('2026-06-11T07:00:00.000Z');
    const advancing = clockFromEnv({ NODE_ENV: 'test', APRES_TEST_NOW: '2026-06-11T07:00:00Z', APRES_TEST_CLOCK: 'advancing' });
    await new Promise((r) => setTimeout(r, 30));
    const ms = advancing.now().getTime() - Date.parse('2026-06-11T07:00:00Z');
    expect(ms).toBeGreaterThanOrEqual(25);
    expect(ms).toBeLessThan(60_000);
  });

  it('refuses a test instant outside tests, and says why', () => {
    expect(() => clockFromEnv({ APRES_TEST_NOW: '2026-06-11T07:00:00Z' })).toThrow(TestClockRefusedError);
    expect(() => clockFromEnv({ NODE_ENV: 'production', APRES_TEST_NOW: '2026-06-11T07:00:00Z' })).toThrow(/APRES_TEST_NOW is set .* for tests only/);
  });

  it('refuses an instant without a zone or offset, and an unknown clock mode', () => {
    expect(() => clockFromEnv({ NODE_ENV: 'test', APRES_TEST_NOW: '2026-06-11T07:00:00' })).toThrow(/with Z or an offset/);
    expect(() => clockFromEnv({ NODE_ENV: 'test', APRES_TEST_NOW: 'tomorrow' })).toThrow(/with Z or an offset/);
    expect(() => clockFromEnv({ NODE_ENV: 'test', APRES_TEST_NOW: '2026-06-11T07:00:00Z', APRES_TEST_CLOCK: 'fast' })).toThrow(/frozen or advancing/);
  });

  it('gives a new Date each time, so a caller cannot move the clock', () => {
    const c = fixedClock(new Date('2026-06-11T07:00:00Z'));
    c.now().setUTCFullYear(1999);
    expect(c.now().toISOString()).toBe('2026-06-11T07:00:00.000Z');
  });
});
