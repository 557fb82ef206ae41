import type { CalendarDefinition } from './calendar-definition.ts';

export interface SeedCalendar {
  brandSlug: 'carri' | 'eiler' | 'smart-id';
  name: string;
  definition: CalendarDefinition;
}

const WEEKDAYS_ONLY = <T>(day: T) => ({ mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] });
const NONE = { holidayAdditions: [], holidayRemovals: [], closures: [] };

/**
 * The calendars the seeds demand (SPEC table, seeds 000, 003, 004). Another module stores them
 * as the demo brands' business_calendar rows; keys are stable names for that wiring.
 */
export const SEED_CALENDARS = {
  /** Seed 000: French hotline with a lunch break, French public holidays off. */
  carriHotline: {
    brandSlug: 'carri',
    name: 'Hotline',
    definition: {
      timeZone: 'Europe/Paris',
      week: WEEKDAYS_ONLY([{ start: '09:00', end: '12:15' }, { start: '13:30', end: '18:00' }]),
      holidays: { country: 'FR', types: ['public'] },
      ...NONE,
    },
  },
  /**
   * Seed 003: "48 hours excluding Saturdays, Sundays and Russian public holidays (Moscow time)":
   * whole working days count around the clock, so 48 working hours are two working days.
   */
  eilerProcessing: {
    brandSlug: 'eiler',
    name: 'Processing (working days)',
    definition: {
      timeZone: 'Europe/Moscow',
      week: WEEKDAYS_ONLY([{ start: '00:00', end: '24:00' }]),
      holidays: { country: 'RU', types: ['public'] },
      ...NONE,
    },
  },
  /** Seed 003: the phone line's hours, for callbacks. */
  eilerPhone: {
    brandSlug: 'eiler',
    name: 'Phone hours',
    definition: {
      timeZone: 'Europe/Moscow',
      week: WEEKDAYS_ONLY([{ start: '09:00', end: '18:00' }]),
      holidays: { country: 'RU', types: ['public'] },
      ...NONE,
    },
  },
  /** Seed 004: Bucharest service centre, Romanian public holidays off. */
  smartIdWorkshop: {
    brandSlug: 'smart-id',
    name: 'Service centre',
    definition: {
      timeZone: 'Europe/Bucharest',
      week: WEEKDAYS_ONLY([{ start: '09:00', end: '18:00' }]),
      holidays: { country: 'RO', types: ['public'] },
      ...NONE,
    },
  },
} as const satisfies Record<string, SeedCalendar>;

export type SeedCalendarKey = keyof typeof SEED_CALENDARS;
