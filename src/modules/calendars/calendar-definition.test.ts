import { describe, expect, it } from 'vitest';
import { AppError, type FieldError } from '../../platform/errors/app-error.ts';
import { CalendarDefinitionSchema, parseCalendarDefinition } from './calendar-definition.ts';
import { SEED_CALENDARS } from './seed-calendars.ts';

function errorsOf(input: unknown): FieldError[] {
  try {
    parseCalendarDefinition(input);
  } catch (e) {
    if (e instanceof AppError && e.code === 'VALIDATION_FAILED') return e.details?.errors ?? [];
    throw e;
  }
  return [];
}

const paris = { timeZone: 'Europe/Paris', week: { mon: [{ start: '09:00', end: '12:15' }, { start: '13:30', end: '18:00' }] } };

describe('calendar definition', () => {
  it('accepts the seed calendars as they are', () => {
    for (const seed of Object.values(SEED_CALENDARS)) expect(parseCalendarDefinition(seed.definition)).toEqual(seed.definition);
  });

  it('fills defaults: closed days left out, public holidays, no additions, removals or closures', () => {
    const def = parseCalendarDefinition({ ...paris, holidays: { country: 'FR' } });
    expect(def.week.sun).toEqual([]);
    expect(def.holidays).toEqual({ country: 'FR', types: ['public'] });
    expect(def).toMatchObject({ holidayAdditions: [], holidayRemovals: [], closures: [] });
    expect(parseCalendarDefinition(paris).holidays).toBeNull();
  });

  it("accepts '24:00' as an end and touching intervals", () => {
    expect(errorsOf({ timeZone: 'UTC', week: { fri: [{ start: '00:00', end: '12:00' }, { start: '12:00', end: '24:00' }] } })).toEqual([]);
  });

  it('names the interval at fault: end before start, overlap, bad times', () => {
    const errors = errorsOf({
      timeZone: 'Europe/Paris',
      week: {
        mon: [{ start: '09:00', end: '12:15' }, { start: '13:30', end: '13:00' }],
        tue: [{ start: '09:00', end: '12:15' }, { start: '12:00', end: '18:00' }],
        wed: [{ start: '9:00', end: '24:01' }],
        thu: [{ start: '24:00', end: '24:00' }],
      },
    });
    expect(errors.map((e) => `${e.field} ${e.code}`)).toEqual([
      'week.mon.1.end end_before_start',
      'week.tue.1.start overlap',
      'week.wed.0.start invalid_format',
      'week.wed.0.end invalid_format',
      'week.thu.0.start invalid_format',
    ]);
  });

  it('refuses an unknown time zone, country or region', () => {
    expect(errorsOf({ timeZone: 'Europe/Pariss', week: {} }).map((e) => e.field)).toEqual(['timeZone']);
    expect(errorsOf({ ...paris, holidays: { country: 'XX' } }).map((e) => `${e.field} ${e.code}`)).toEqual(['holidays.country unknown_country']);
    expect(errorsOf({ ...paris, holidays: { country: 'FR', region: 'ZZ' } }).map((e) => `${e.field} ${e.code}`)).toEqual(['holidays.region unknown_region']);
    expect(errorsOf({ ...paris, holidays: { country: 'FR', region: '67' } })).toEqual([]);
    expect(errorsOf({ ...paris, holidays: { country: 'SE', types: ['bank', 'feast'] } }).map((e) => e.field)).toEqual(['holidays.types.1']);
  });

  it('refuses impossible dates and closures that end before they start', () => {
    const errors = errorsOf({
      ...paris,
      holidayAdditions: [{ date: '2026-02-30', name: 'Nope' }],
      holidayRemovals: [{ date: '2026-5-1' }],
      closures: [
        { start: '2026-11-23T14:00:00+01:00', end: '2026-11-23T13:00:00+01:00', reason: 'Training' },
        { start: '2026-11-23T14:00:00', end: '2026-11-23T15:00:00+01:00', reason: '' },
      ],
    });
    expect(errors.map((e) => `${e.field} ${e.code}`)).toEqual([
      'holidayAdditions.0.date invalid_format',
      'holidayRemovals.0.date invalid_format',
      'closures.0.end end_before_start',
      'closures.1.start invalid_format',
      'closures.1.reason too_small',
    ]);
  });

  it('reports a missing field as required and a wrong type as such', () => {
    expect(errorsOf({ week: {} })).toEqual([{ field: 'timeZone', code: 'required', message: 'is required' }]);
    expect(errorsOf({ timeZone: 5, week: {} }).map((e) => e.code)).toEqual(['invalid_type']);
  });

  it('is a plain zod schema other modules can embed', () => {
    expect(CalendarDefinitionSchema.safeParse(paris).success).toBe(true);
  });
});
