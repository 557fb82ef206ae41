import { vi } from 'vitest';

/**
 * In a hostile-date run (APRES_TEST_NOW set), the test process's own Date starts at that instant
 * too and runs on from there, so a test or a library that reads `new Date()` sees the hostile date
 * (timers stay real). Without it, tests take their instants from src/test/clock.ts.
 */
const at = process.env.APRES_TEST_NOW;
if (at) vi.useFakeTimers({ now: new Date(at), toFake: ['Date'], shouldAdvanceTime: true });
