import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../calendars/index.ts';
import { calendarEngine, openingHours } from './opening-hours.ts';

const day = [
  { start: '08:30', end: '12:00' },
  { start: '14:00', end: '18:00' },
];
const calendar = new BusinessCalendar({
  timeZone: 'Europe/Paris',
  week: { mon: day, tue: day, wed: day, thu: day, fri: day },
  holidays: { country: 'FR' },
  closures: [{ start: '2026-06-12T08:00:00+02:00', end: '2026-06-12T20:00:00+02:00', reason: 'Inventaire' }],
});

describe('opening hours of a centre', () => {
  it('lists today and the six days after in the centre’s zone, with why a day is closed', () => {
    // Wednesday 10 June 2026, 11:00 in Paris.
    const h = openingHours(calendar, new Date('2026-06-10T09:00:00Z'));
    expect(h).toMatchObject({ timeZone: 'Europe/Paris', openNow: true, nextOpeningAt: null });
    expect(h.days.map((d) => [d.date, d.weekday, d.intervals.length, d.closed?.reason ?? null])).toEqual([
      ['2026-06-10', 'wed', 2, null],
      ['2026-06-11', 'thu', 2, null],
      ['2026-06-12', 'fri', 0, 'closure'],
      ['2026-06-13', 'sat', 0, 'weekend'],
      ['2026-06-14', 'sun', 0, 'weekend'],
      ['2026-06-15', 'mon', 2, null],
      ['2026-06-16', 'tue', 2, null],
    ]);
    expect(h.days[0]!.intervals).toEqual(day);
    expect(h.days[2]!.closed).toEqual({ reason: 'closure', name: 'Inventaire' });
  });

  it('is closed over lunch and tells the next opening', () => {
    const h = openingHours(calendar, new Date('2026-06-10T10:30:00Z'));
    expect([h.openNow, h.nextOpeningAt]).toEqual([false, '2026-06-10T12:00:00.000Z']);
  });

  it('takes "today" in the centre’s zone, not UTC: 23:30 UTC on Sunday is already Monday in Paris', () => {
    const h = openingHours(calendar, new Date('2026-06-14T23:30:00Z'));
    expect(h.days[0]).toMatchObject({ date: '2026-06-15', weekday: 'mon' });
    expect(h.nextOpeningAt).toBe('2026-06-15T06:30:00.000Z');
  });

  it('closes on a public holiday and opens the day after', () => {
    // Tuesday 14 July 2026, Fête nationale.
    const h = openingHours(calendar, new Date('2026-07-14T09:00:00Z'));
    expect(h.days[0]).toMatchObject({ date: '2026-07-14', intervals: [], closed: { reason: 'holiday' } });
    expect([h.openNow, h.nextOpeningAt]).toEqual([false, '2026-07-15T06:30:00.000Z']);
  });

  it('keeps seven consecutive local dates across the autumn clock change', () => {
    const h = openingHours(calendar, new Date('2026-10-23T10:00:00Z'));
    expect(h.days.map((d) => d.date)).toEqual(['2026-10-23', '2026-10-24', '2026-10-25', '2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29']);
  });

  it('builds one engine per calendar version and none for a definition the rules refuse', () => {
    const def = { timeZone: 'Europe/Paris', week: { mon: day } };
    const a = calendarEngine('c1', 1, def);
    expect(calendarEngine('c1', 1, JSON.stringify(def))).toBe(a);
    expect(calendarEngine('c1', 2, def)).not.toBe(a);
    expect(calendarEngine('c2', 1, { timeZone: 'Mars/Olympus', week: {} })).toBeNull();
  });
});
