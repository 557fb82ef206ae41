import type { CalendarDefinition } from './calendar-definition.ts';

export interface SeedCalendar {
  brandSlug: 'carri' | 'eiler' | 'smart-id';
  name: string;
  definition: CalendarDefinition;
}

const WEEKDAYS_ONLY = <T>(day: T) => ({ mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] });
const NONE = { holidayAdditions: [], holidayRemovals: [], closures: [], dayOverrides: [] };

/**
 * The days Russia moves by decree, which the holiday library does not know (issue 14, item 11):
 * Government decree of 24 Sept 2025 for 2026 — the weekend days of 3 and 4 January 2026 moved to
 * 9 January and 31 December 2026; 31 December 2025 off; Victory Day on Saturday 9 May 2026 gives
 * Monday 11 May (Labour Code art. 112). For 2027 the automatic substitute Mondays of art. 112:
 * 1 May and 12 June fall on a Saturday, 9 May on a Sunday.
 */
const RU_DECREE_DAYS = [
  { date: '2025-12-31', name: 'Выходной день по постановлению Правительства РФ' },
  { date: '2026-01-09', name: 'Выходной день, перенесённый с 3 января' },
  { date: '2026-05-11', name: 'Выходной день, перенесённый с 9 мая' },
  { date: '2026-12-31', name: 'Выходной день, перенесённый с 4 января' },
  { date: '2027-05-03', name: 'Выходной день, перенесённый с 1 мая' },
  { date: '2027-05-10', name: 'Выходной день, перенесённый с 9 мая' },
  { date: '2027-06-14', name: 'Выходной день, перенесённый с 12 июня' },
];

/** The working days immediately before a holiday are an hour shorter (Labour Code art. 95): 2026. */
const RU_SHORT_DAYS_2026 = ['2026-04-30', '2026-05-08', '2026-06-11', '2026-11-03'];

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
      holidayAdditions: RU_DECREE_DAYS,
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
      holidayAdditions: RU_DECREE_DAYS,
      dayOverrides: RU_SHORT_DAYS_2026.map((date) => ({ date, intervals: [{ start: '09:00', end: '17:00' }], reason: 'Предпраздничный день (ст. 95 ТК РФ)' })),
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
