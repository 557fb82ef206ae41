import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../../api/types';
import { formatHours, holidaySourceChanged, initialCalendarValues, parseHours, isCalendarDirty, normaliseTime, routeFieldErrors, summariseWeek, toCalendarInput, validateCalendar } from './calendar-form';

const hotline: BusinessCalendar = {
  id: 'c1',
  brandId: 'b1',
  brandName: 'CARRI Systems',
  name: 'Hotline',
  version: 3,
  updatedAt: '2026-11-01T00:00:00Z',
  definition: {
    timeZone: 'Europe/Paris',
    week: {
      mon: [{ start: '09:00', end: '12:15' }, { start: '13:30', end: '18:00' }],
      tue: [{ start: '09:00', end: '12:15' }, { start: '13:30', end: '18:00' }],
      wed: [{ start: '09:00', end: '12:15' }, { start: '13:30', end: '18:00' }],
      thu: [{ start: '09:00', end: '12:15' }, { start: '13:30', end: '18:00' }],
      fri: [{ start: '09:00', end: '12:15' }, { start: '13:30', end: '18:00' }],
      sat: [],
      sun: [],
    },
    holidays: { country: 'FR', types: ['public'] },
    holidayAdditions: [],
    holidayRemovals: [{ date: '2026-05-08' }],
    dayOverrides: [],
    closures: [{ start: '2026-12-24T14:00:00+01:00', end: '2026-12-26T09:00:00+01:00', reason: 'Fêtes' }],
  },
};

describe('the calendar form', () => {
  it('shows closures as wall times in the calendar zone and sends them back with the offset', () => {
    const v = initialCalendarValues(hotline, null);
    expect(v.closures[0]).toEqual({ start: '2026-12-24T14:00', end: '2026-12-26T09:00', reason: 'Fêtes' });
    expect(toCalendarInput(v).definition.closures?.[0]).toEqual({ start: '2026-12-24T14:00:00+01:00', end: '2026-12-26T09:00:00+01:00', reason: 'Fêtes' });
    expect(isCalendarDirty(v, hotline)).toBe(false);
  });

  it('accepts 24:00 as an end and several intervals a day', () => {
    const v = initialCalendarValues(hotline, null);
    v.week.sat = [{ start: '00:00', end: '24:00' }];
    expect(validateCalendar(v)).toEqual({});
    expect(isCalendarDirty(v, hotline)).toBe(true);
  });

  it('refuses an interval ending before it starts, or overlapping the previous one, by the server’s paths', () => {
    const v = initialCalendarValues(hotline, null);
    v.week.mon = [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '10:00' }];
    v.week.tue = [{ start: '9h', end: '25:00' }];
    expect(validateCalendar(v)).toEqual({
      'definition.week.mon.1.start': 'overlap',
      'definition.week.mon.1.end': 'end_before_start',
      'definition.week.tue.0.start': 'invalid_time',
      'definition.week.tue.0.end': 'invalid_time',
    });
  });

  it('refuses a closure without a reason or ending before it starts', () => {
    const v = initialCalendarValues(hotline, null);
    v.closures = [{ start: '2026-12-01T10:00', end: '2026-12-01T09:00', reason: ' ' }];
    expect(validateCalendar(v)).toEqual({ 'definition.closures.0.end': 'end_before_start', 'definition.closures.0.reason': 'required' });
  });

  it('sends no holiday source when the country holidays are off', () => {
    const v = initialCalendarValues(hotline, null);
    v.holidaysOn = false;
    expect(toCalendarInput(v).definition.holidays).toBeNull();
    expect(holidaySourceChanged(v, hotline)).toBe(true);
    v.holidaysOn = true;
    expect(holidaySourceChanged(v, hotline)).toBe(false);
    v.region = '57';
    expect(toCalendarInput(v).definition.holidays).toEqual({ country: 'FR', region: '57', types: ['public'] });
    expect(holidaySourceChanged(v, hotline)).toBe(true);
  });

  it('tidies typed times', () => {
    expect(normaliseTime('9:00')).toBe('09:00');
    expect(normaliseTime('930')).toBe('09:30');
    expect(normaliseTime('13h30')).toBe('13:30');
    expect(normaliseTime('24:00')).toBe('24:00');
  });

  it('routes server errors to the fields it has, and keeps the others', () => {
    const v = initialCalendarValues(hotline, null);
    const known = (p: string) => ['definition.week.mon.1.end', 'definition.holidays.types'].includes(p);
    const { byPath, rest } = routeFieldErrors(
      [
        { field: 'definition.week.mon.1.end', code: 'end_before_start' },
        { field: 'definition.holidays.types.0', code: 'invalid_value' },
        { field: 'definition.somethingNew', code: 'invalid_value' },
      ],
      known,
    );
    expect(byPath).toEqual({ 'definition.week.mon.1.end': 'end_before_start', 'definition.holidays.types': 'invalid_value' });
    expect(rest).toEqual([{ field: 'definition.somethingNew', code: 'invalid_value' }]);
    expect(v.name).toBe('Hotline');
  });

  it('sums the week up with equal days grouped', () => {
    const short = (d: string) => d.charAt(0).toUpperCase() + d.slice(1);
    expect(summariseWeek(hotline.definition.week, short)).toBe('Mon–Fri 09:00–12:15, 13:30–18:00');
  });
});

describe('days with other hours in the editor', () => {
  it('reads hours as typed, with or without a break, and refuses what is not sorted HH:MM–HH:MM', () => {
    expect(parseHours('09:00–17:00')).toEqual([{ start: '09:00', end: '17:00' }]);
    expect(parseHours('09:00-12:00, 13:00 - 16:00')).toEqual([{ start: '09:00', end: '12:00' }, { start: '13:00', end: '16:00' }]);
    expect(parseHours('13:00-16:00, 09:00-12:00')).toBeNull();
    expect(parseHours('17:00-09:00')).toBeNull();
    expect(parseHours('9-17')).toBeNull();
    expect(formatHours([{ start: '09:00', end: '12:00' }, { start: '13:00', end: '16:00' }])).toBe('09:00–12:00, 13:00–16:00');
  });
});
