import { describe, expect, it } from 'vitest';
import { summariseSkipped } from './explain.ts';

describe('summariseSkipped', () => {
  it('groups consecutive days with the same reason and name, in date order', () => {
    expect(
      summariseSkipped({
        skippedDays: [
          { date: '2026-11-21', reason: 'weekend' },
          { date: '2026-11-22', reason: 'weekend' },
          { date: '2026-11-04', reason: 'holiday', name: 'Unity Day' },
        ],
      }),
    ).toEqual([
      { from: '2026-11-04', to: '2026-11-04', reason: 'holiday', name: 'Unity Day' },
      { from: '2026-11-21', to: '2026-11-22', reason: 'weekend' },
    ]);
  });

  it('keeps apart days that are not consecutive, or differ in reason or name', () => {
    expect(
      summariseSkipped([
        { date: '2026-12-31', reason: 'holiday', name: 'A' },
        { date: '2027-01-01', reason: 'holiday', name: 'A' },
        { date: '2027-01-02', reason: 'holiday', name: 'B' },
        { date: '2027-01-03', reason: 'weekend' },
        { date: '2027-01-05', reason: 'weekend' },
        { date: '2027-01-06', reason: 'closure', name: 'Move' },
      ]),
    ).toEqual([
      { from: '2026-12-31', to: '2027-01-01', reason: 'holiday', name: 'A' },
      { from: '2027-01-02', to: '2027-01-02', reason: 'holiday', name: 'B' },
      { from: '2027-01-03', to: '2027-01-03', reason: 'weekend' },
      { from: '2027-01-05', to: '2027-01-05', reason: 'weekend' },
      { from: '2027-01-06', to: '2027-01-06', reason: 'closure', name: 'Move' },
    ]);
  });

  it('marks a weekend cut by the start or end of the counted time as partial, given the closed weekdays', () => {
    const satSun = (weekday: number) => weekday === 0 || weekday === 6;
    // Counted from Sun 29 Nov 2026 to Tue 15 Dec: Sunday alone, then two whole weekends.
    const days = ['2026-11-29', '2026-12-05', '2026-12-06', '2026-12-12', '2026-12-13'].map((date) => ({ date, reason: 'weekend' as const }));
    expect(summariseSkipped(days, { closedWeekday: satSun })).toEqual([
      { from: '2026-11-29', to: '2026-11-29', reason: 'weekend', partial: true },
      { from: '2026-12-05', to: '2026-12-06', reason: 'weekend' },
      { from: '2026-12-12', to: '2026-12-13', reason: 'weekend' },
    ]);
    // Ending on a Saturday (a calendar closed Sat–Sun): that Saturday is partial too.
    expect(summariseSkipped([{ date: '2026-12-19', reason: 'weekend' }], { closedWeekday: satSun })).toEqual([{ from: '2026-12-19', to: '2026-12-19', reason: 'weekend', partial: true }]);
    // A calendar closed on Sundays only: a lone Sunday is a whole weekend.
    expect(summariseSkipped([{ date: '2026-11-29', reason: 'weekend' }], { closedWeekday: (d) => d === 0 })).toEqual([{ from: '2026-11-29', to: '2026-11-29', reason: 'weekend' }]);
  });

  it('gives nothing for nothing skipped', () => {
    expect(summariseSkipped([])).toEqual([]);
  });
});
