import { DateTime } from 'luxon';
import { AppError } from '../../platform/errors/app-error.ts';
import { WEEKDAYS_BY_JS_DAY, type Weekday } from '../../shared/vocabulary.ts';
import { BusinessCalendar, type CalendarDefinitionInput, type SkipReason } from '../calendars/index.ts';

export interface OpeningDay {
  date: string;
  weekday: Weekday;
  intervals: { start: string; end: string }[];
  closed: { reason: SkipReason; name: string | null } | null;
}

export interface OpeningHours {
  timeZone: string;
  openNow: boolean;
  nextOpeningAt: string | null;
  days: OpeningDay[];
}

// Engines cache their holiday years: one per calendar version, kept for the process.
const engines = new Map<string, { version: number; engine: BusinessCalendar }>();

/** The calendar engine of a stored definition, or null when this version refuses it. */
export function calendarEngine(id: string, version: number, definition: unknown): BusinessCalendar | null {
  const hit = engines.get(id);
  if (hit && hit.version === version) return hit.engine;
  try {
    const engine = new BusinessCalendar((typeof definition === 'string' ? JSON.parse(definition) : definition) as CalendarDefinitionInput);
    engines.set(id, { version, engine });
    return engine;
  } catch (err) {
    // A definition the current rules refuse (a holiday country the library dropped): no hours shown.
    if (err instanceof AppError) return null;
    throw err;
  }
}

/**
 * A centre's week as a customer reads it: today and the six days after in the centre's time zone,
 * each with its opening intervals or why it is closed (weekend, holiday, closure), whether it is
 * open at `now` and, when not, its next opening. A closure covering part of a day shows the day's
 * regular intervals; `openNow` and `nextOpeningAt` take it into account.
 */
export function openingHours(calendar: BusinessCalendar, now: Date): OpeningHours {
  const zone = calendar.timeZone;
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const dates = Array.from({ length: 7 }, (_, i) => today.plus({ days: i }));
  const closed = new Map(calendar.closedDays(dates[0]!.toISODate()!, dates[6]!.toISODate()!).map((d) => [d.date, d]));
  const openNow = calendar.isOpenAt(now);
  let nextOpeningAt: string | null = null;
  if (!openNow) {
    try {
      nextOpeningAt = calendar.nextOpening(now).at.toISOString();
    } catch (err) {
      // A week without any opening, or none within the horizon: no next opening to show.
      if (!(err instanceof AppError)) throw err;
    }
  }
  return {
    timeZone: zone,
    openNow,
    nextOpeningAt,
    days: dates.map((d) => {
      const date = d.toISODate()!;
      const weekday = WEEKDAYS_BY_JS_DAY[d.weekday % 7]!;
      const skip = closed.get(date);
      return {
        date,
        weekday,
        intervals: skip ? [] : calendar.definition.week[weekday].map((iv) => ({ start: iv.start, end: iv.end })),
        closed: skip ? { reason: skip.reason, name: skip.name ?? null } : null,
      };
    }),
  };
}
