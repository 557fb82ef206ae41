/**
 * Why a business-time computation gave its answer, as data: the UI renders it through i18n
 * ("due Tue 24 Nov 14:30 Moscow time: 48 working hours, skipping Sat–Sun and 4 Nov"), the engine
 * never writes sentences.
 */

/**
 * weekend: a weekday without opening intervals; holiday: a library holiday or one the brand added;
 * closure: one-off closures covered all of the day's opening hours; closed: a weekday whose
 * intervals do not exist on that date (a 02:00–03:00 interval on a spring-forward night).
 * When several apply, the first in that order is given.
 */
export type SkipReason = 'weekend' | 'holiday' | 'closure' | 'closed';

export interface SkippedDay {
  /** Local date in the calendar's time zone, YYYY-MM-DD. */
  date: string;
  reason: SkipReason;
  /** Holiday name (library: the country's language) or the closure's reason. */
  name?: string;
}

export interface ExplainedClosure {
  /** As written in the definition (ISO instant with offset). */
  start: string;
  end: string;
  reason: string;
}

/** A date whose hours an override set (opened when the week or a holiday had it closed, changed otherwise), with its reason. */
export interface AdjustedDay {
  date: string;
  kind: 'opened' | 'changed';
  reason: string;
}

export interface Explanation {
  timeZone: string;
  /** ISO instant (UTC) the computation started from. */
  from: string;
  /** ISO instant (UTC) it ended at: the due/opening instant, or the `to` of a between. */
  to: string;
  /** Working minutes in [from, to) (may be fractional when the inputs are not minute-aligned). */
  workingMinutes: number;
  /** Whole local days without any opening that [from, to) touched, in date order (nights and lunch breaks are not listed). */
  skippedDays: SkippedDay[];
  /** One-off closures that took opening time away within [from, to), in start order. */
  closures: ExplainedClosure[];
  /** Dates within [from, to] whose hours an override set (absent when none). */
  adjustedDays?: AdjustedDay[];
}

export interface SkippedRange {
  /** First and last local date, YYYY-MM-DD (equal for a single day). */
  from: string;
  to: string;
  reason: SkipReason;
  name?: string;
  /**
   * A weekend cut short by the start or the end of the counted time: the computation began on its
   * Sunday, say, so only that day was skipped. People say such a day by its date ("Sunday 29
   * Nov"), and count whole weekends ("3 weekends").
   */
  partial?: true;
}

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

function weekdayOf(dayNo: number): number {
  return new Date(dayNo * DAY_MS).getUTCDay();
}

/**
 * Groups consecutive skipped days with the same reason and name into ranges, in date order:
 * Sat 21 + Sun 22 Nov → one weekend range; 4 Nov Unity Day → its own range. Given the calendar's
 * closed weekdays (0 = Sunday), a weekend range that the day before or after would have
 * continued is marked `partial`.
 */
export function summariseSkipped(
  explanation: Pick<Explanation, 'skippedDays'> | readonly SkippedDay[],
  opts: { closedWeekday?: (weekday: number) => boolean } = {},
): SkippedRange[] {
  const days = 'skippedDays' in explanation ? explanation.skippedDays : explanation;
  const sorted = [...days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const out: SkippedRange[] = [];
  let last: SkippedRange | undefined;
  for (const d of sorted) {
    if (last && last.reason === d.reason && last.name === d.name && dayNumber(d.date) - dayNumber(last.to) === 1) {
      last.to = d.date;
      continue;
    }
    last = { from: d.date, to: d.date, reason: d.reason, ...(d.name !== undefined ? { name: d.name } : {}) };
    out.push(last);
  }
  const closed = opts.closedWeekday;
  if (closed) {
    for (const r of out) {
      if (r.reason === 'weekend' && (closed(weekdayOf(dayNumber(r.from) - 1)) || closed(weekdayOf(dayNumber(r.to) + 1)))) r.partial = true;
    }
  }
  return out;
}
