import { Holidays } from './holidays.ts';
import { type CalendarDefinitionInput, minutesOfDay, parseCalendarDefinition } from './calendar-definition.ts';

/**
 * The test oracle: business time the slow and obvious way, one whole minute at a time, deciding
 * each minute from the local wall clock that Intl reports for it. It shares no code with the
 * engine's zone arithmetic or holiday dates, so the property tests compare two independent
 * readings of the same definition. Works on minute-aligned instants only.
 */
export interface Oracle {
  /** Is the minute starting at `ms` (a whole minute) open? */
  isOpenMinute(ms: number): boolean;
  add(from: Date, minutes: number): Date;
  between(from: Date, to: Date): number;
  nextOpening(from: Date): Date;
}

const MINUTE_MS = 60_000;
const WEEKDAY: Record<string, string> = { Sun: 'sun', Mon: 'mon', Tue: 'tue', Wed: 'wed', Thu: 'thu', Fri: 'fri', Sat: 'sat' };
const PARTS = /^(\w{3}), (\d{2})\/(\d{2})\/(\d{4}), (\d{2}):(\d{2})$/;

function dateIn(fmt: Intl.DateTimeFormat, ms: number): { weekday: string; date: string; minuteOfDay: number } {
  const m = PARTS.exec(fmt.format(ms));
  if (!m) throw new Error(`unexpected Intl output ${fmt.format(ms)}`);
  return { weekday: WEEKDAY[m[1]!]!, date: `${m[4]}-${m[2]}-${m[3]}`, minuteOfDay: Number(m[5]) * 60 + Number(m[6]) };
}

function formatter(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Library holiday dates the plain way: from each entry's local start date up to its end, read in the country's own zone. */
function holidayDates(country: string, region: string | undefined, types: readonly string[], years: number[]): Set<string> {
  const H = Holidays();
  const hd = region ? new H(country, region) : new H(country);
  const countryFmt = formatter(hd.getTimezones()[0] ?? 'UTC');
  const out = new Set<string>();
  for (const y of years) {
    for (const h of hd.getHolidays(y)) {
      if (!types.includes(h.type)) continue;
      const end = dateIn(countryFmt, h.end.getTime());
      const endExclusive = end.minuteOfDay === 0 ? end.date : addDays(end.date, 1);
      for (let d = h.date.slice(0, 10); d < endExclusive; d = addDays(d, 1)) out.add(d);
    }
  }
  return out;
}

export function createOracle(input: CalendarDefinitionInput, opts: { years?: [number, number]; maxMinutes?: number } = {}): Oracle {
  const def = parseCalendarDefinition(input);
  const [y0, y1] = opts.years ?? [2024, 2029];
  const maxMinutes = opts.maxMinutes ?? 3 * 366 * 1440;
  const fmt = formatter(def.timeZone);
  const years: number[] = [];
  for (let y = y0 - 1; y <= y1; y++) years.push(y);
  const closedDates = def.holidays ? holidayDates(def.holidays.country, def.holidays.region, def.holidays.types, years) : new Set<string>();
  for (const r of def.holidayRemovals) closedDates.delete(r.date);
  for (const a of def.holidayAdditions) closedDates.add(a.date);
  const closures = def.closures.map((c) => [Date.parse(c.start), Date.parse(c.end)] as const);
  const overrides = new Map(def.dayOverrides.map((o) => [o.date, o.intervals]));

  const isOpenMinute = (ms: number): boolean => {
    const local = dateIn(fmt, ms);
    const override = overrides.get(local.date);
    if (!override && closedDates.has(local.date)) return false;
    const intervals = override ?? def.week[local.weekday as keyof typeof def.week];
    if (!intervals.some((iv) => local.minuteOfDay >= minutesOfDay(iv.start) && local.minuteOfDay < minutesOfDay(iv.end))) return false;
    return !closures.some(([s, e]) => ms < e && ms + MINUTE_MS > s);
  };

  const aligned = (d: Date): number => {
    const ms = d.getTime();
    if (ms % MINUTE_MS !== 0) throw new Error('the oracle works on whole minutes');
    return ms;
  };

  return {
    isOpenMinute,
    add(from, minutes) {
      let t = aligned(from);
      if (minutes === 0) return this.nextOpening(from);
      let count = 0;
      for (let steps = 0; steps < maxMinutes; steps++, t += MINUTE_MS) {
        if (isOpenMinute(t) && ++count === minutes) return new Date(t + MINUTE_MS);
      }
      throw new Error('oracle: no answer within its step budget');
    },
    between(from, to) {
      let n = 0;
      for (let t = aligned(from); t < aligned(to); t += MINUTE_MS) if (isOpenMinute(t)) n++;
      return n;
    },
    nextOpening(from) {
      let t = aligned(from);
      for (let steps = 0; steps < maxMinutes; steps++, t += MINUTE_MS) if (isOpenMinute(t)) return new Date(t);
      throw new Error('oracle: no opening within its step budget');
    },
  };
}
