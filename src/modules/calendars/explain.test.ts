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

  it('gives nothing for nothing skipped', () => {
    expect(summariseSkipped([])).toEqual([]);
  });
});
