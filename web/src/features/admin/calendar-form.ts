import { serverNow } from '../../app/server-clock';
import { HOLIDAY_TYPES, WEEKDAYS, type BusinessCalendar, type CalendarInput, type HolidayType, type OpeningInterval, type Weekday } from '../../api/types';
import { fromZonedWall, isValidTimeZone, toZonedWall } from '../../i18n';

/**
 * The calendar editor's state. Closures are kept as wall times in the calendar's zone (what the
 * admin types: "24 Dec 14:00 → 26 Dec 09:00, Paris time") and become instants with offsets on save.
 */
export interface CalendarFormValues {
  brandId: string;
  name: string;
  timeZone: string;
  week: Record<Weekday, OpeningInterval[]>;
  holidaysOn: boolean;
  country: string;
  region: string;
  types: HolidayType[];
  holidayAdditions: { date: string; name: string }[];
  holidayRemovals: { date: string; note?: string }[];
  closures: { start: string; end: string; reason: string }[];
  /** Days whose hours replace the week's; hours as the admin types them: "09:00–17:00" or "09:00–12:00, 13:00–16:00". */
  dayOverrides: { date: string; hours: string; reason: string }[];
}

/** What each section of the calendar editor receives: the form's values, a patcher, and the error of a field path. */
export interface CalendarSectionProps {
  values: CalendarFormValues;
  set: (patch: Partial<CalendarFormValues>) => void;
  err: (path: string) => string | undefined;
}

/** "09:00–12:00, 13:00–16:00" → intervals, or null when it does not read as sorted, non-overlapping HH:MM–HH:MM ranges. */
export function parseHours(text: string): OpeningInterval[] | null {
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return null;
  const out: OpeningInterval[] = [];
  for (const p of parts) {
    const m = /^(\d{2}:\d{2})\s*[-–—]\s*(\d{2}:\d{2})$/.exec(p);
    if (!m || !TIME.test(m[1]!) || !END_TIME.test(m[2]!) || minutesOfDay(m[2]!) <= minutesOfDay(m[1]!)) return null;
    const prev = out[out.length - 1];
    if (prev && minutesOfDay(m[1]!) < minutesOfDay(prev.end)) return null;
    out.push({ start: m[1]!, end: m[2]! });
  }
  return out;
}

export const formatHours = (ivs: readonly OpeningInterval[]) => ivs.map((iv) => `${iv.start}–${iv.end}`).join(', ');

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const END_TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function minutesOfDay(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

export function isCalendarDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** "9:00" or "900" as typed → "09:00"; anything else is left for validation to refuse. */
export function normaliseTime(raw: string): string {
  const s = raw.trim().replace('.', ':').replace('h', ':');
  const m = /^(\d{1,2}):?(\d{2})$/.exec(s);
  if (!m) return s;
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

function emptyWeek(): Record<Weekday, OpeningInterval[]> {
  return { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
}

export function initialCalendarValues(calendar: BusinessCalendar | null, brand: { id: string; timeZone: string } | null): CalendarFormValues {
  if (!calendar) {
    const day = [{ start: '09:00', end: '18:00' }];
    return {
      brandId: brand?.id ?? '',
      name: '',
      timeZone: brand?.timeZone ?? 'Europe/Paris',
      week: { ...emptyWeek(), mon: day, tue: day, wed: day, thu: day, fri: day },
      holidaysOn: false,
      country: '',
      region: '',
      types: ['public'],
      holidayAdditions: [],
      holidayRemovals: [],
      closures: [],
      dayOverrides: [],
    };
  }
  const d = calendar.definition;
  const week = emptyWeek();
  for (const day of WEEKDAYS) week[day] = (d.week[day] ?? []).map((iv) => ({ ...iv }));
  return {
    brandId: calendar.brandId,
    name: calendar.name,
    timeZone: d.timeZone,
    week,
    holidaysOn: d.holidays !== null,
    country: d.holidays?.country ?? '',
    region: d.holidays?.region ?? '',
    types: d.holidays?.types?.length ? [...d.holidays.types] : ['public'],
    holidayAdditions: d.holidayAdditions.map((a) => ({ ...a })),
    holidayRemovals: d.holidayRemovals.map((r) => ({ ...r })),
    closures: d.closures.map((c) => ({ start: toZonedWall(c.start, d.timeZone), end: toZonedWall(c.end, d.timeZone), reason: c.reason })),
    dayOverrides: (d.dayOverrides ?? []).map((o) => ({ date: o.date, hours: formatHours(o.intervals), reason: o.reason })),
  };
}

/** Field error codes by the server's paths (`name`, `definition.week.mon.1.end`…), checked before sending. */
export function validateCalendar(v: CalendarFormValues): Record<string, string> {
  const out: Record<string, string> = {};
  if (!v.brandId) out.brandId = 'required';
  if (!v.name.trim()) out.name = 'required';
  if (!v.timeZone) out['definition.timeZone'] = 'required';
  else if (!isValidTimeZone(v.timeZone)) out['definition.timeZone'] = 'unknown_time_zone';
  for (const day of WEEKDAYS) {
    const ivs = v.week[day];
    ivs.forEach((iv, i) => {
      const p = `definition.week.${day}.${i}`;
      if (!iv.start) out[`${p}.start`] = 'required';
      else if (!TIME.test(iv.start)) out[`${p}.start`] = 'invalid_time';
      if (!iv.end) out[`${p}.end`] = 'required';
      else if (!END_TIME.test(iv.end)) out[`${p}.end`] = 'invalid_time';
      if (TIME.test(iv.start) && END_TIME.test(iv.end) && minutesOfDay(iv.end) <= minutesOfDay(iv.start)) out[`${p}.end`] = 'end_before_start';
      const prev = ivs[i - 1];
      if (prev && END_TIME.test(prev.end) && TIME.test(iv.start) && minutesOfDay(iv.start) < minutesOfDay(prev.end) && !out[`${p}.start`]) {
        out[`${p}.start`] = 'overlap';
      }
    });
  }
  if (v.holidaysOn) {
    if (!v.country) out['definition.holidays.country'] = 'required';
    else if (!/^[A-Z]{2}$/.test(v.country)) out['definition.holidays.country'] = 'unknown_country';
    if (v.types.length === 0) out['definition.holidays.types'] = 'required';
  }
  v.holidayAdditions.forEach((a, i) => {
    if (!isCalendarDate(a.date)) out[`definition.holidayAdditions.${i}.date`] = a.date ? 'invalid_format' : 'required';
    if (!a.name.trim()) out[`definition.holidayAdditions.${i}.name`] = 'required';
  });
  const overridden = new Set<string>();
  v.dayOverrides.forEach((o, i) => {
    const p = `definition.dayOverrides.${i}`;
    if (!isCalendarDate(o.date)) out[`${p}.date`] = o.date ? 'invalid_format' : 'required';
    else if (overridden.has(o.date)) out[`${p}.date`] = 'duplicate';
    overridden.add(o.date);
    if (!o.hours.trim()) out[`${p}.intervals`] = 'required';
    else if (!parseHours(o.hours)) out[`${p}.intervals`] = 'invalid_time';
    if (!o.reason.trim()) out[`${p}.reason`] = 'required';
  });
  v.closures.forEach((c, i) => {
    const p = `definition.closures.${i}`;
    const start = c.start ? fromZonedWall(c.start, v.timeZone) : null;
    const end = c.end ? fromZonedWall(c.end, v.timeZone) : null;
    if (!c.start) out[`${p}.start`] = 'required';
    else if (!start) out[`${p}.start`] = 'invalid_format';
    if (!c.end) out[`${p}.end`] = 'required';
    else if (!end) out[`${p}.end`] = 'invalid_format';
    if (start && end && Date.parse(end) <= Date.parse(start)) out[`${p}.end`] = 'end_before_start';
    if (!c.reason.trim()) out[`${p}.reason`] = 'required';
  });
  return out;
}

/** The request body. Call only when validateCalendar found nothing. */
export function toCalendarInput(v: CalendarFormValues): CalendarInput {
  const region = v.region.trim();
  return {
    brandId: v.brandId,
    name: v.name.trim(),
    definition: {
      timeZone: v.timeZone,
      week: Object.fromEntries(WEEKDAYS.map((d) => [d, v.week[d].map((iv) => ({ start: iv.start, end: iv.end }))])) as CalendarInput['definition']['week'],
      holidays: v.holidaysOn
        ? { country: v.country, ...(region ? { region } : {}), types: HOLIDAY_TYPES.filter((t) => v.types.includes(t)) }
        : null,
      holidayAdditions: [...v.holidayAdditions].map((a) => ({ date: a.date, name: a.name.trim() })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
      holidayRemovals: [...v.holidayRemovals].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
      closures: v.closures.map((c) => ({ start: fromZonedWall(c.start, v.timeZone) ?? c.start, end: fromZonedWall(c.end, v.timeZone) ?? c.end, reason: c.reason.trim() })),
      dayOverrides: [...v.dayOverrides].sort((a, b) => a.date.localeCompare(b.date)).map((o) => ({ date: o.date, intervals: parseHours(o.hours) ?? [], reason: o.reason.trim() })),
    },
  };
}

/** Whether the holiday selection (country, region, types) differs from the saved calendar's: its preview is then stale. */
export function holidaySourceChanged(v: CalendarFormValues, saved: BusinessCalendar | null): boolean {
  if (!saved) return true;
  const h = saved.definition.holidays;
  if (!v.holidaysOn || !h) return v.holidaysOn !== (h !== null);
  const types = (x: readonly string[]) => [...x].sort().join(',');
  return h.country !== v.country || (h.region ?? '') !== v.region.trim() || types(h.types ?? ['public']) !== types(v.types);
}

export function isCalendarDirty(v: CalendarFormValues, saved: BusinessCalendar | null): boolean {
  if (!saved) return true;
  const base = initialCalendarValues(saved, null);
  return JSON.stringify(toComparable(v)) !== JSON.stringify(toComparable(base));
}

function toComparable(v: CalendarFormValues) {
  return {
    ...v,
    types: [...v.types].sort(),
    holidayAdditions: [...v.holidayAdditions].sort((a, b) => a.date.localeCompare(b.date)),
    holidayRemovals: [...v.holidayRemovals].sort((a, b) => a.date.localeCompare(b.date)),
    dayOverrides: [...v.dayOverrides].sort((a, b) => a.date.localeCompare(b.date)).map((o) => ({ ...o, hours: formatHours(parseHours(o.hours) ?? []) || o.hours })),
  };
}

/**
 * Splits server field errors into those the form shows on a field it has and the rest. The
 * server's paths have the same shape as the form's (`definition.week.mon.1.end`); a path under a
 * field (`definition.holidays.types.0`) is shown on that field.
 */
export function routeFieldErrors(errors: readonly { field: string; code: string }[], known: (path: string) => boolean): { byPath: Record<string, string>; rest: { field: string; code: string }[] } {
  const byPath: Record<string, string> = {};
  const rest: { field: string; code: string }[] = [];
  for (const e of errors) {
    const parts = e.field.split('.');
    let placed = false;
    for (let n = parts.length; n > 0 && !placed; n--) {
      const path = parts.slice(0, n).join('.');
      if (known(path)) {
        if (!(path in byPath)) byPath[path] = e.code;
        placed = true;
      }
    }
    if (!placed) rest.push(e);
  }
  return { byPath, rest };
}

/** The closure an admin adds: tomorrow, the whole day, in the calendar's zone. */
export function newClosure(timeZone: string, now: Date = serverNow()): { start: string; end: string; reason: string } {
  const today = toZonedWall(now, timeZone).slice(0, 10);
  const next = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  return { start: `${next(today, 1)}T00:00`, end: `${next(today, 2)}T00:00`, reason: '' };
}

/** "Mon–Fri 09:00–12:15, 13:30–18:00; Sat 09:00–12:00": the week in one line, equal days grouped. */
export function summariseWeek(week: Record<Weekday, OpeningInterval[]>, dayName: (d: Weekday) => string): string {
  const key = (d: Weekday) => week[d].map((iv) => `${iv.start}–${iv.end}`).join(', ');
  const groups: { from: Weekday; to: Weekday; hours: string }[] = [];
  for (const d of WEEKDAYS) {
    const hours = key(d);
    const last = groups[groups.length - 1];
    if (last && last.hours === hours && WEEKDAYS.indexOf(last.to) === WEEKDAYS.indexOf(d) - 1) last.to = d;
    else groups.push({ from: d, to: d, hours });
  }
  return groups
    .filter((g) => g.hours)
    .map((g) => `${g.from === g.to ? dayName(g.from) : `${dayName(g.from)}–${dayName(g.to)}`} ${g.hours}`)
    .join('; ');
}
