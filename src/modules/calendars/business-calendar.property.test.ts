import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from './business-calendar.ts';
import type { CalendarDefinitionInput } from './calendar-definition.ts';
import type { HolidayType } from './holidays.ts';
import { createOracle } from './oracle.ts';

/**
 * The engine against the minute-by-minute oracle over random calendars and instants. Instants
 * are minute-aligned (the oracle's unit) and cluster around the clock changes of 2025–2027.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;
const ZONES = ['Europe/Paris', 'Europe/Bucharest', 'Europe/Stockholm', 'Europe/Moscow', 'UTC', 'America/New_York'] as const;
const WINDOW_START = Date.UTC(2025, 0, 1);
const WINDOW_MINUTES = (Date.UTC(2028, 0, 1) - WINDOW_START) / MINUTE;
/** EU changes happen at 01:00 UTC, US ones at 07:00/06:00 UTC. */
const CHANGES = [
  '2025-03-30T01:00Z', '2025-10-26T01:00Z', '2026-03-29T01:00Z', '2026-10-25T01:00Z', '2027-03-28T01:00Z', '2027-10-31T01:00Z',
  '2025-03-09T07:00Z', '2025-11-02T06:00Z', '2026-03-08T07:00Z', '2026-11-01T06:00Z', '2027-03-14T07:00Z', '2027-11-07T06:00Z',
].map((s) => Date.parse(s));
/** Library holidays a brand might work on (removals), in the four countries. */
const KNOWN_HOLIDAYS = ['2025-12-25', '2026-01-01', '2026-01-02', '2026-05-01', '2026-06-19', '2026-11-04', '2026-12-01', '2027-01-07', '2027-04-02'];

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Interval boundaries, often on the DST-sensitive early hours, midnight and '24:00'. */
const boundary = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 1440 }) },
  { weight: 2, arbitrary: fc.constantFrom(0, 60, 90, 120, 150, 180, 210, 240, 270, 540, 735, 810, 1080, 1440) },
);
const dayIntervals = fc.oneof(
  { weight: 1, arbitrary: fc.constant([] as { start: string; end: string }[]) },
  {
    weight: 3,
    arbitrary: fc
      .integer({ min: 1, max: 3 })
      .chain((k) => fc.uniqueArray(boundary, { minLength: 2 * k, maxLength: 2 * k }))
      .map((points) => {
        const p = [...points].sort((a, b) => a - b);
        const out: { start: string; end: string }[] = [];
        for (let i = 0; i < p.length; i += 2) out.push({ start: hhmm(p[i]!), end: hhmm(p[i + 1]!) });
        return out;
      }),
  },
);
const week = fc
  .record({ mon: dayIntervals, tue: dayIntervals, wed: dayIntervals, thu: dayIntervals, fri: dayIntervals, sat: dayIntervals, sun: dayIntervals })
  // At least 10 open hours a week keeps the oracle's walk short (it steps every minute).
  .filter((w) => Object.values(w).flat().reduce((s, iv) => s + toMinutes(iv.end) - toMinutes(iv.start), 0) >= 600);

function toMinutes(s: string): number {
  return Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
}

const instant = fc.oneof(
  { weight: 1, arbitrary: fc.integer({ min: 0, max: WINDOW_MINUTES - 1 }).map((m) => WINDOW_START + m * MINUTE) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...CHANGES), fc.integer({ min: -3 * 1440, max: 1440 }))
      .map(([change, m]) => change + m * MINUTE),
  },
);

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A calendar plus a start instant; additions, removals and closures land near the start so they matter. */
const scenario = fc
  .record({
    from: instant,
    timeZone: fc.constantFrom(...ZONES),
    week,
    holidays: fc.option(
      fc.record({ country: fc.constantFrom('FR', 'RO', 'RU', 'SE'), types: fc.constantFrom<HolidayType[][]>(['public'], ['public', 'bank']) }),
      { nil: null },
    ),
    additions: fc.array(fc.integer({ min: -1, max: 12 }), { maxLength: 3 }),
    removals: fc.array(fc.oneof(fc.constantFrom(...KNOWN_HOLIDAYS), fc.integer({ min: -1, max: 12 })), { maxLength: 3 }),
    closures: fc.array(fc.record({ startMinute: fc.integer({ min: -1440, max: 20_000 }), minutes: fc.integer({ min: 1, max: 3 * 1440 }) }), { maxLength: 2 }),
    // Days whose hours replace the week's (a Saturday opened, a day shortened), near the start.
    overrides: fc.uniqueArray(fc.record({ day: fc.integer({ min: -1, max: 12 }), start: fc.integer({ min: 0, max: 22 }), hours: fc.integer({ min: 1, max: 10 }) }), { maxLength: 2, selector: (o) => o.day }),
  })
  .map(({ from, timeZone, week, holidays, additions, removals, closures, overrides }) => {
    const definition: CalendarDefinitionInput = {
      timeZone,
      week,
      holidays,
      holidayAdditions: additions.map((days) => ({ date: isoDate(from + days * DAY), name: 'Brand day' })),
      holidayRemovals: removals.map((r) => ({ date: typeof r === 'string' ? r : isoDate(from + r * DAY) })),
      closures: closures.map((c) => ({
        start: new Date(from + c.startMinute * MINUTE).toISOString(),
        end: new Date(from + (c.startMinute + c.minutes) * MINUTE).toISOString(),
        reason: 'Random closure',
      })),
      dayOverrides: overrides.map((o) => ({
        date: isoDate(from + o.day * DAY),
        intervals: [{ start: `${String(o.start).padStart(2, '0')}:00`, end: o.start + o.hours >= 24 ? '24:00' : `${String(o.start + o.hours).padStart(2, '0')}:00` }],
        reason: 'Random override',
      })),
    };
    return { from: new Date(from), definition };
  });

const minutesArb = fc.oneof({ weight: 1, arbitrary: fc.integer({ min: 0, max: 120 }) }, { weight: 2, arbitrary: fc.integer({ min: 0, max: 3000 }) });
const ORACLE_YEARS: [number, number] = [2025, 2028];

describe('BusinessCalendar against the minute-by-minute oracle', () => {
  it('adds working minutes as the oracle does', () => {
    fc.assert(
      fc.property(scenario, minutesArb, ({ from, definition }, n) => {
        const oracle = createOracle(definition, { years: ORACLE_YEARS });
        const cal = new BusinessCalendar(definition);
        expect(cal.addWorkingMinutes(from, n).at.toISOString()).toBe(oracle.add(from, n).toISOString());
      }),
      { numRuns: 120 },
    );
  });

  it('counts working minutes between two instants as the oracle does', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: -600, max: 14 * 1440 }), ({ from, definition }, span) => {
        const oracle = createOracle(definition, { years: ORACLE_YEARS });
        const cal = new BusinessCalendar(definition);
        const to = new Date(from.getTime() + span * MINUTE);
        expect(cal.workingMinutesBetween(from, to).minutes).toBe(span <= 0 ? 0 : oracle.between(from, to));
      }),
      { numRuns: 120 },
    );
  });

  it('finds the next opening and tells open from closed as the oracle does', () => {
    fc.assert(
      fc.property(scenario, ({ from, definition }) => {
        const oracle = createOracle(definition, { years: ORACLE_YEARS });
        const cal = new BusinessCalendar(definition);
        expect(cal.isOpenAt(from)).toBe(oracle.isOpenMinute(from.getTime()));
        expect(cal.nextOpening(from).at.toISOString()).toBe(oracle.nextOpening(from).toISOString());
      }),
      { numRuns: 150 },
    );
  });

  it('counts back exactly the minutes it added', () => {
    fc.assert(
      fc.property(scenario, minutesArb, ({ from, definition }, n) => {
        const cal = new BusinessCalendar(definition);
        const { at, explanation } = cal.addWorkingMinutes(from, n);
        expect(cal.workingMinutesBetween(from, at).minutes).toBe(n);
        expect(explanation.workingMinutes).toBe(n);
        // The due instant ends the last counted minute: it is never pushed to the next opening.
        if (n > 0) expect(cal.isOpenAt(new Date(at.getTime() - 1))).toBe(true);
        // Every skipped day lies in [from, at) and none is open.
        for (const day of explanation.skippedDays) expect(cal.closedDays(day.date, day.date)).toEqual([day]);
      }),
      { numRuns: 500 },
    );
  });
});
