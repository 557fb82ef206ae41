import { IANAZone } from 'luxon';
import { z } from 'zod';
import { type FieldError, validationFailed } from '../../platform/errors/app-error.ts';
import { HOLIDAY_TYPES, isKnownCountry, isKnownRegion } from './holidays.ts';

export { WEEKDAYS, WEEKDAYS_BY_JS_DAY, type Weekday } from '../../shared/vocabulary.ts';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const END_TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Minutes since local midnight of 'HH:MM' ('24:00' → 1440). */
export function minutesOfDay(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export function isCalendarDate(s: string): boolean {
  // Arithmetic, not a Date: the warranty engine checks several dates per decision.
  if (s.length !== 10 || !DATE.test(s)) return false;
  const year = Number(s.slice(0, 4));
  const month = Number(s.slice(5, 7));
  const day = Number(s.slice(8, 10));
  // Year 0000 is no date PostgreSQL stores.
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Days in a month (1–12) of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const CalendarDate = z.string().refine(isCalendarDate, { message: 'must be a date YYYY-MM-DD', params: { code: 'invalid_format' } });

/** An opening interval in local wall time; `end` may be '24:00' (open until midnight). */
export const OpeningIntervalSchema = z
  .object({
    start: z.string().regex(TIME, 'must be a time HH:MM between 00:00 and 23:59'),
    end: z.string().regex(END_TIME, 'must be a time HH:MM between 00:00 and 24:00'),
  })
  .superRefine((iv, ctx) => {
    if (TIME.test(iv.start) && END_TIME.test(iv.end) && minutesOfDay(iv.end) <= minutesOfDay(iv.start)) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after start', params: { code: 'end_before_start' } });
    }
  });
export type OpeningInterval = z.infer<typeof OpeningIntervalSchema>;

/** One day's intervals: sorted and non-overlapping (touching is allowed: 12:00–13:00, 13:00–14:00). */
const DayIntervals = z
  .array(OpeningIntervalSchema)
  .max(12)
  .superRefine((ivs, ctx) => {
    for (let i = 1; i < ivs.length; i++) {
      const prev = ivs[i - 1]!;
      const cur = ivs[i]!;
      if (!END_TIME.test(prev.end) || !TIME.test(cur.start)) continue;
      if (minutesOfDay(cur.start) < minutesOfDay(prev.end)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'start'],
          message: 'must not be before the end of the previous interval (intervals sorted, not overlapping)',
          params: { code: 'overlap' },
        });
      }
    }
  })
  .default([]);

export const WeekSchema = z.object({
  mon: DayIntervals,
  tue: DayIntervals,
  wed: DayIntervals,
  thu: DayIntervals,
  fri: DayIntervals,
  sat: DayIntervals,
  sun: DayIntervals,
});

export const HolidaySourceSchema = z
  .object({
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code')
      .refine(isKnownCountry, { message: 'is not a country of the holiday library', params: { code: 'unknown_country' } }),
    region: z.string().min(1).max(10).optional(),
    types: z.array(z.enum(HOLIDAY_TYPES)).min(1).default(['public']),
  })
  .superRefine((h, ctx) => {
    if (h.region !== undefined && isKnownCountry(h.country) && !isKnownRegion(h.country, h.region)) {
      ctx.addIssue({ code: 'custom', path: ['region'], message: `is not a region of ${h.country} in the holiday library`, params: { code: 'unknown_region' } });
    }
  });

const Instant = z.iso.datetime({ offset: true });

export const ClosureSchema = z
  .object({
    start: Instant,
    end: Instant,
    reason: z.string().trim().min(1).max(200),
  })
  .superRefine((c, ctx) => {
    // Refinements run even when a field failed: compare only two well-formed instants.
    if (!Instant.safeParse(c.start).success || !Instant.safeParse(c.end).success) return;
    if (Date.parse(c.end) <= Date.parse(c.start)) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after start', params: { code: 'end_before_start' } });
    }
  });

/**
 * A date whose opening hours replace the week's (issue 14, item 11): a normally closed day opened
 * (a Saturday worked in place of a bridge day), or a day shortened (Russia's pre-holiday days are
 * an hour shorter, Labour Code art. 95). It wins over the week, the holidays and the additions.
 */
export const DayOverrideSchema = z.object({
  date: CalendarDate,
  intervals: z
    .array(OpeningIntervalSchema)
    .min(1)
    .max(12)
    .superRefine((ivs, ctx) => {
      for (let i = 1; i < ivs.length; i++) {
        if (END_TIME.test(ivs[i - 1]!.end) && TIME.test(ivs[i]!.start) && minutesOfDay(ivs[i]!.start) < minutesOfDay(ivs[i - 1]!.end)) {
          ctx.addIssue({ code: 'custom', path: [i, 'start'], message: 'must not be before the end of the previous interval (intervals sorted, not overlapping)', params: { code: 'overlap' } });
        }
      }
    }),
  reason: z.string().trim().min(1).max(200),
});
export type DayOverride = z.infer<typeof DayOverrideSchema>;

/**
 * A business calendar as an admin configures it (SPEC §4): a time zone, weekly opening intervals,
 * a country's holidays from the date-holidays library, the brand's own closed days and the
 * library holidays it works on, and one-off closures.
 */
export const CalendarDefinitionSchema = z.object({
  timeZone: z.string().refine((tz) => IANAZone.isValidZone(tz), { message: 'is not an IANA time zone', params: { code: 'unknown_time_zone' } }),
  week: WeekSchema,
  holidays: HolidaySourceSchema.nullable().default(null),
  holidayAdditions: z.array(z.object({ date: CalendarDate, name: z.string().trim().min(1).max(200) })).max(1000).default([]),
  holidayRemovals: z.array(z.object({ date: CalendarDate, note: z.string().max(500).optional() })).max(1000).default([]),
  closures: z.array(ClosureSchema).max(1000).default([]),
  dayOverrides: z
    .array(DayOverrideSchema)
    .max(1000)
    .default([])
    .superRefine((ovs, ctx) => {
      const seen = new Set<string>();
      ovs.forEach((o, i) => {
        if (seen.has(o.date)) ctx.addIssue({ code: 'custom', path: [i, 'date'], message: 'has another override already', params: { code: 'duplicate' } });
        seen.add(o.date);
      });
    }),
});

/** A validated definition (defaults applied). */
export type CalendarDefinition = z.infer<typeof CalendarDefinitionSchema>;
/** What an admin may send: week days, holidays, additions, removals, closures and day overrides may be left out. */
export type CalendarDefinitionInput = z.input<typeof CalendarDefinitionSchema>;

function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    const custom = issue.code === 'custom' ? (issue.params as { code?: string } | undefined)?.code : undefined;
    const required = issue.code === 'invalid_type' && 'input' in issue && issue.input === undefined;
    return {
      field,
      code: required ? 'required' : (custom ?? issue.code),
      message: required ? 'is required' : issue.message,
    };
  });
}

/** Parses a definition, or throws AppError VALIDATION_FAILED whose errors name each field (`week.mon.1.end`). */
export function parseCalendarDefinition(input: unknown): CalendarDefinition {
  const parsed = CalendarDefinitionSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) throw validationFailed(fieldErrors(parsed.error));
  return parsed.data;
}
