import { describe, expect, it } from 'vitest';
import { fromZonedWall, offsetMinutes, toZonedWall } from './zoned-time';

describe('wall times in a named zone', () => {
  it('reads an instant on the zone’s clock, not the browser’s', () => {
    expect(toZonedWall('2026-11-24T11:30:00Z', 'Europe/Moscow')).toBe('2026-11-24T14:30');
    expect(toZonedWall('2026-11-24T11:30:00Z', 'Europe/Paris')).toBe('2026-11-24T12:30');
    expect(toZonedWall('2026-07-01T22:30:00Z', 'Europe/Stockholm')).toBe('2026-07-02T00:30');
  });

  it('turns a typed wall time into an instant with the zone’s offset', () => {
    expect(fromZonedWall('2026-12-18T15:00', 'Europe/Moscow')).toBe('2026-12-18T15:00:00+03:00');
    expect(fromZonedWall('2026-07-01T09:00', 'Europe/Paris')).toBe('2026-07-01T09:00:00+02:00');
    expect(fromZonedWall('2026-01-05T09:00', 'Europe/Paris')).toBe('2026-01-05T09:00:00+01:00');
    expect(fromZonedWall('2026-03-10T08:00', 'America/New_York')).toBe('2026-03-10T08:00:00-04:00');
  });

  it('round-trips with toZonedWall across the year', () => {
    for (const month of ['01', '03', '06', '10', '12']) {
      const wall = `2026-${month}-15T10:45`;
      const iso = fromZonedWall(wall, 'Europe/Bucharest')!;
      expect(toZonedWall(iso, 'Europe/Bucharest')).toBe(wall);
    }
  });

  it('moves a time skipped by the spring change on by the gap', () => {
    // Paris, 29 March 2026: 02:00 becomes 03:00.
    expect(fromZonedWall('2026-03-29T02:30', 'Europe/Paris')).toBe('2026-03-29T03:30:00+02:00');
  });

  it('takes an hour that happens twice in autumn the first time', () => {
    // Paris, 25 October 2026: 03:00 becomes 02:00 again.
    const iso = fromZonedWall('2026-10-25T02:30', 'Europe/Paris')!;
    expect(iso).toBe('2026-10-25T02:30:00+02:00');
    expect(new Date(iso).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('refuses what is not a wall time', () => {
    expect(fromZonedWall('2026-02-30T10:00', 'Europe/Paris')).toBeNull();
    expect(fromZonedWall('tomorrow', 'Europe/Paris')).toBeNull();
    expect(fromZonedWall('2026-02-10T10:00', 'Not/AZone')).toBeNull();
  });

  it('knows the offsets', () => {
    expect(offsetMinutes(Date.parse('2026-06-01T00:00:00Z'), 'Europe/Moscow')).toBe(180);
    expect(offsetMinutes(Date.parse('2026-06-01T00:00:00Z'), 'Europe/Stockholm')).toBe(120);
  });
});
