import { AppError } from '../../platform/errors/app-error.ts';
import { type CalendarDefinition, type CalendarDefinitionInput, isCalendarDate, minutesOfDay, parseCalendarDefinition, WEEKDAYS_BY_JS_DAY } from './calendar-definition.ts';
import type { AdjustedDay, ExplainedClosure, Explanation, SkippedDay } from './explain.ts';
import { libraryHolidays } from './holidays.ts';
import { type OffsetPiece, type ZoneClock, zoneClock } from './zone-clock.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Searches (due time, next opening) and spans give up after this many local days: about ten years. */
export const SEARCH_HORIZON_DAYS = 3653;
/** A calendar object lives as long as its definition is current; beyond this many cached days it starts over. */
const DAY_CACHE_LIMIT = 20_000;

/** One local date, resolved once: its opening hours as UTC ranges. */
interface Day {
  date: string;
  /** First instant whose local date is this one. */
  startUtc: number;
  /** Open ranges after closures, flat and sorted: [start0, end0, start1, end1, …] in UTC ms. */
  open: number[];
  /** Set when the day has no opening at all. */
  closed: SkippedDay | null;
  /** Opening time taken away by one-off closures. */
  cuts: { closure: number; from: number; to: number }[];
}

export interface HolidayRow {
  date: string;
  name: string;
  source: 'library' | 'added';
  /** A library holiday the brand works on (listed in holidayRemovals). */
  removed: boolean;
}

function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function firstAtOrAfter(pieces: OffsetPiece[], wall: number): number {
  for (const p of pieces) {
    const u = Math.max(p.from, wall - p.offsetMs);
    if (u < p.to) return u;
  }
  return pieces[pieces.length - 1]!.to;
}

function badArgument(message: string): AppError {
  return new AppError('CALENDAR_INVALID_ARGUMENT', 400, message);
}

/**
 * Business time over a calendar definition, with no database: due times, working minutes between
 * two instants, next opening, and the explanation of each.
 *
 * Rule for clock changes: the calendar is open exactly when the local wall clock reads a time
 * inside an interval of that local date. A wall time skipped by a spring-forward change never
 * happens (an interval starting or ending in the gap starts/ends when the clock jumps, so a
 * 00:00–24:00 day lasts 23 h); a wall time repeated by a fall-back change is open both times (a
 * 00:00–24:00 day lasts 25 h; 01:00–02:30 on that night is open 01:00–02:30 then 02:00–02:30 again).
 */
export class BusinessCalendar {
  readonly definition: CalendarDefinition;
  readonly timeZone: string;
  private readonly clock: ZoneClock;
  /** Per weekday (0 = Sunday): flat [start, end, …] in minutes since local midnight. */
  private readonly week: number[][];
  private readonly neverOpen: boolean;
  private readonly closures: { start: number; end: number; index: number }[];
  private readonly removed: Set<string>;
  /** Dates whose hours replace the week's: flat [start, end, …] in minutes, with the reason. */
  private readonly overrides: Map<string, { ivs: number[]; reason: string }>;
  private readonly days = new Map<number, Day>();
  private readonly holidayYears = new Map<number, Map<string, string>>();

  /** Validates the definition first: throws AppError VALIDATION_FAILED naming the fields at fault. */
  constructor(definition: CalendarDefinitionInput) {
    this.definition = parseCalendarDefinition(definition);
    this.timeZone = this.definition.timeZone;
    this.clock = zoneClock(this.timeZone);
    this.week = WEEKDAYS_BY_JS_DAY.map((wd) => this.definition.week[wd].flatMap((iv) => [minutesOfDay(iv.start), minutesOfDay(iv.end)]));
    this.neverOpen = this.week.every((ivs) => ivs.length === 0);
    this.closures = this.definition.closures
      .map((c, index) => ({ start: Date.parse(c.start), end: Date.parse(c.end), index }))
      .sort((a, b) => a.start - b.start);
    this.removed = new Set(this.definition.holidayRemovals.map((r) => r.date));
    this.overrides = new Map(this.definition.dayOverrides.map((o) => [o.date, { ivs: o.intervals.flatMap((iv) => [minutesOfDay(iv.start), minutesOfDay(iv.end)]), reason: o.reason }]));
  }

  /**
   * The instant at which `minutes` working minutes have elapsed from `from`; counting starts at
   * the next opening when `from` is outside opening hours. An end of interval is a valid answer
   * (Mon 11:15 + 60 min with a 12:15 lunch break is Mon 12:15). minutes = 0 gives the next opening.
   * Fractional minutes are rounded to the millisecond.
   * Throws CALENDAR_NEVER_OPEN (empty week) or CALENDAR_HORIZON_EXCEEDED (not within ~10 years).
   */
  addWorkingMinutes(from: Date, minutes: number): { at: Date; explanation: Explanation } {
    if (!Number.isFinite(minutes) || minutes < 0) throw badArgument(`minutes must be a finite number ≥ 0, got ${minutes}`);
    return this.search(this.instant(from, 'from'), Math.round(minutes * MINUTE_MS));
  }

  /** `from` itself when open at `from`, else the start of the next opening interval. */
  nextOpening(from: Date): { at: Date; explanation: Explanation } {
    return this.search(this.instant(from, 'from'), 0);
  }

  /**
   * Working minutes in [from, to): 0 when `to` is not after `from`. Counted in milliseconds, so
   * the result is fractional when the instants are not minute-aligned. Spans longer than the
   * horizon throw CALENDAR_HORIZON_EXCEEDED.
   */
  workingMinutesBetween(from: Date, to: Date): { minutes: number; explanation: Explanation } {
    const fromMs = this.instant(from, 'from');
    const toMs = this.instant(to, 'to');
    const skipped: SkippedDay[] = [];
    let total = 0;
    if (toMs > fromMs) {
      if (toMs - fromMs > SEARCH_HORIZON_DAYS * DAY_MS) throw this.horizonExceeded();
      const first = this.localDay(fromMs);
      let d = first;
      for (; ; d++) {
        const day = this.day(d);
        if (d > first && day.startUtc >= toMs) break;
        if (day.closed) skipped.push(day.closed);
        const open = day.open;
        for (let i = 0; i < open.length; i += 2) {
          const a = Math.max(open[i]!, fromMs);
          const b = Math.min(open[i + 1]!, toMs);
          if (b > a) total += b - a;
        }
      }
      return { minutes: total / MINUTE_MS, explanation: this.explain(fromMs, toMs, total, skipped, first, d - 1) };
    }
    return { minutes: 0, explanation: this.explain(fromMs, toMs, 0, skipped, 0, -1) };
  }

  /** Whether a weekday (0 = Sunday) has no opening at all in the regular week: a weekend day. */
  isClosedWeekday(weekday: number): boolean {
    return (this.week[weekday]?.length ?? 0) === 0;
  }

  isOpenAt(at: Date): boolean {
    const ms = this.instant(at, 'at');
    const open = this.day(this.localDay(ms)).open;
    for (let i = 0; i < open.length; i += 2) if (ms >= open[i]! && ms < open[i + 1]!) return true;
    return false;
  }

  /** Whole local days without opening between two dates (YYYY-MM-DD, both included), with the reason. */
  closedDays(fromDate: string, toDate: string): SkippedDay[] {
    if (!isCalendarDate(fromDate) || !isCalendarDate(toDate)) throw badArgument('dates must be YYYY-MM-DD');
    const first = Date.parse(`${fromDate}T00:00:00Z`) / DAY_MS;
    const last = Date.parse(`${toDate}T00:00:00Z`) / DAY_MS;
    if (last - first > SEARCH_HORIZON_DAYS) throw this.horizonExceeded();
    const out: SkippedDay[] = [];
    for (let d = first; d <= last; d++) {
      const closed = this.day(d).closed;
      if (closed) out.push(closed);
    }
    return out;
  }

  /** The year's holidays for an admin preview: the library's (removed ones flagged) and the brand's additions, by date. */
  holidaysInYear(year: number): HolidayRow[] {
    if (!Number.isInteger(year) || year < 1900 || year > 2200) throw badArgument(`year out of range: ${year}`);
    const rows: HolidayRow[] = [];
    const h = this.definition.holidays;
    if (h) {
      for (const [date, name] of libraryHolidays(h, year)) rows.push({ date, name, source: 'library', removed: this.removed.has(date) });
    }
    for (const a of this.definition.holidayAdditions) {
      if (a.date.startsWith(`${year}-`)) rows.push({ date: a.date, name: a.name, source: 'added', removed: false });
    }
    return rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.source === 'library' ? -1 : 1));
  }

  private instant(d: Date, what: string): number {
    const ms = d instanceof Date ? d.getTime() : Number.NaN;
    if (!Number.isFinite(ms)) throw badArgument(`${what} must be a valid Date`);
    return ms;
  }

  private horizonExceeded(): AppError {
    return new AppError('CALENDAR_HORIZON_EXCEEDED', 422, `No answer within ${SEARCH_HORIZON_DAYS} days (about 10 years) in this calendar`);
  }

  private localDay(ms: number): number {
    return Math.floor(this.clock.wallAt(ms) / DAY_MS);
  }

  /** Walks day by day over cached UTC ranges; `ms` 0 asks for the next opening. */
  private search(fromMs: number, ms: number): { at: Date; explanation: Explanation } {
    if (this.neverOpen) {
      throw new AppError('CALENDAR_NEVER_OPEN', 422, 'The calendar has no opening interval on any weekday, so no business time can elapse');
    }
    const first = this.localDay(fromMs);
    const skipped: SkippedDay[] = [];
    let remaining = ms;
    for (let d = first; d <= first + SEARCH_HORIZON_DAYS; d++) {
      const day = this.day(d);
      if (day.closed) {
        skipped.push(day.closed);
        continue;
      }
      const open = day.open;
      for (let i = 0; i < open.length; i += 2) {
        const end = open[i + 1]!;
        if (end <= fromMs) continue;
        const start = Math.max(open[i]!, fromMs);
        if (remaining <= end - start) {
          const at = remaining === 0 ? start : start + remaining;
          return { at: new Date(at), explanation: this.explain(fromMs, at, ms, skipped, first, d) };
        }
        remaining -= end - start;
      }
    }
    throw this.horizonExceeded();
  }

  private explain(fromMs: number, toMs: number, workingMs: number, skippedDays: SkippedDay[], firstDay: number, lastDay: number): Explanation {
    const used = new Set<number>();
    for (let d = firstDay; d <= lastDay; d++) {
      for (const cut of this.day(d).cuts) if (cut.from < toMs && cut.to > fromMs) used.add(cut.closure);
    }
    const closures: ExplainedClosure[] = this.closures
      .filter((c) => used.has(c.index))
      .map((c) => {
        const { start, end, reason } = this.definition.closures[c.index]!;
        return { start, end, reason };
      });
    const adjustedDays: AdjustedDay[] = [];
    for (let d = firstDay; d <= lastDay; d++) {
      const date = isoDate(d);
      const o = this.overrides.get(date);
      if (!o) continue;
      const weekday = this.week[(((d % 7) + 7 + 4) % 7)]!;
      adjustedDays.push({ date, kind: weekday.length === 0 || this.holidayName(date) !== undefined ? 'opened' : 'changed', reason: o.reason });
    }
    return {
      timeZone: this.timeZone,
      from: new Date(fromMs).toISOString(),
      to: new Date(toMs).toISOString(),
      workingMinutes: workingMs / MINUTE_MS,
      skippedDays: skippedDays.map((s) => ({ ...s })), // copies: the originals live in the day cache
      closures,
      ...(adjustedDays.length ? { adjustedDays } : {}),
    };
  }

  /** Holiday name of a local date (library minus removals, plus additions), or undefined. */
  private holidayName(date: string): string | undefined {
    const year = Number(date.slice(0, 4));
    let names = this.holidayYears.get(year);
    if (!names) {
      names = new Map();
      const h = this.definition.holidays;
      if (h) for (const [d, n] of libraryHolidays(h, year)) if (!this.removed.has(d)) names.set(d, n);
      const added = new Map<string, string[]>();
      for (const a of this.definition.holidayAdditions) {
        if (a.date.startsWith(`${year}-`)) added.set(a.date, [...(added.get(a.date) ?? []), a.name]);
      }
      // The brand's own name wins over the library's on the same date.
      for (const [d, n] of added) names.set(d, n.join(' / '));
      this.holidayYears.set(year, names);
    }
    return names.get(date);
  }

  private day(d: number): Day {
    const cached = this.days.get(d);
    if (cached) return cached;
    const wall0 = d * DAY_MS;
    // Offsets lie within −12 h … +14 h, so every instant of this local date is inside this window.
    const pieces = this.clock.pieces(wall0 - 15 * HOUR_MS, wall0 + DAY_MS + 15 * HOUR_MS);
    const date = isoDate(d);
    // An override says exactly when the date is open: it wins over the week and the holidays.
    const override = this.overrides.get(date);
    const ivs = override?.ivs ?? this.week[(((d % 7) + 7 + 4) % 7)]!; // day 0 (1970-01-01) was a Thursday
    const day: Day = { date, startUtc: firstAtOrAfter(pieces, wall0), open: [], closed: null, cuts: [] };
    const holiday = ivs.length === 0 || override ? undefined : this.holidayName(date);
    if (ivs.length === 0) day.closed = { date, reason: 'weekend' };
    else if (holiday !== undefined) day.closed = { date, reason: 'holiday', name: holiday };
    else {
      const raw: [number, number][] = [];
      for (const p of pieces) {
        for (let i = 0; i < ivs.length; i += 2) {
          const a = Math.max(p.from, wall0 + ivs[i]! * MINUTE_MS - p.offsetMs);
          const b = Math.min(p.to, wall0 + ivs[i + 1]! * MINUTE_MS - p.offsetMs);
          if (a < b) raw.push([a, b]);
        }
      }
      raw.sort((x, y) => x[0] - y[0]);
      const merged: [number, number][] = [];
      for (const r of raw) {
        const last = merged[merged.length - 1];
        if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
        else merged.push([r[0], r[1]]);
      }
      for (const [a, b] of merged) this.subtractClosures(a, b, day);
      if (day.open.length === 0) {
        const cut = day.cuts[0];
        day.closed = cut ? { date, reason: 'closure', name: this.definition.closures[cut.closure]!.reason } : { date, reason: 'closed' };
      }
    }
    if (this.days.size >= DAY_CACHE_LIMIT) this.days.clear();
    this.days.set(d, day);
    return day;
  }

  private subtractClosures(a: number, b: number, day: Day): void {
    let cur = a;
    for (const c of this.closures) {
      if (c.start >= b) break;
      if (c.end <= a) continue;
      day.cuts.push({ closure: c.index, from: Math.max(a, c.start), to: Math.min(b, c.end) });
      if (c.start > cur) day.open.push(cur, c.start);
      cur = Math.max(cur, c.end);
    }
    if (cur < b) day.open.push(cur, b);
  }
}
