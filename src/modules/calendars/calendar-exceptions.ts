/**
 * A year's exceptions imported from a file (issue 14, item 11): the days a government closes or
 * moves by decree, and the days it opens or shortens, as a CSV or an iCalendar file. Pure: text in,
 * closed days and day overrides out, or every problem with its line. The caller merges them into
 * a calendar.
 *
 * CSV (comma or semicolon, a header line): `date,kind,hours,name` — kind `closed` (a day off) or
 * `hours` (the day's hours replace the week's: "09:00-17:00", or "09:00-12:00 13:00-16:00").
 * iCalendar: every all-day event closes its dates (a multi-day event each of them); timed events
 * are refused, since opening hours are not events.
 */
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { type DayOverride, DayOverrideSchema, isCalendarDate } from './calendar-definition.ts';

export interface ImportedExceptions {
  closed: { date: string; name: string }[];
  overrides: DayOverride[];
}

export interface ExceptionProblem {
  /** 1-based line of the file (CSV), or the event's position (iCalendar). */
  line: number;
  field: string;
  message: string;
}

export type ExceptionsResult = { ok: true; value: ImportedExceptions } | { ok: false; problems: ExceptionProblem[] };

const MAX_ROWS = 2000;

function parseHours(text: string): { start: string; end: string }[] | null {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  const out: { start: string; end: string }[] = [];
  for (const p of parts) {
    const m = /^(\d{2}:\d{2})[-–](\d{2}:\d{2})$/.exec(p);
    if (!m) return null;
    out.push({ start: m[1]!, end: m[2]! });
  }
  return out.length ? out : null;
}

export function parseExceptionsCsv(text: string): ExceptionsResult {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let rows: Record<string, string>[];
  try {
    rows = parse(body, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), delimiter, skip_empty_lines: true, trim: true, relax_column_count: true, to: MAX_ROWS + 1 }) as Record<string, string>[];
  } catch (err) {
    return { ok: false, problems: [{ line: (err as { lines?: number }).lines ?? 1, field: 'file', message: (err as Error).message }] };
  }
  if (rows.length > MAX_ROWS) return { ok: false, problems: [{ line: MAX_ROWS + 2, field: 'file', message: `at most ${MAX_ROWS} rows` }] };
  const problems: ExceptionProblem[] = [];
  const out: ImportedExceptions = { closed: [], overrides: [] };
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const line = i + 2;
    const date = r.date ?? '';
    const kind = (r.kind ?? '').toLowerCase();
    const name = (r.name ?? '').trim();
    if (!isCalendarDate(date)) problems.push({ line, field: 'date', message: 'must be a date YYYY-MM-DD' });
    else if (seen.has(date)) problems.push({ line, field: 'date', message: 'appears twice in the file' });
    seen.add(date);
    if (!name) problems.push({ line, field: 'name', message: 'say why (the holiday or the decree)' });
    if (kind === 'closed') out.closed.push({ date, name });
    else if (kind === 'hours') {
      const intervals = parseHours(r.hours ?? '');
      const checked = intervals && DayOverrideSchema.safeParse({ date, intervals, reason: name || '-' });
      if (!checked || !checked.success) problems.push({ line, field: 'hours', message: 'must read like 09:00-17:00 (or 09:00-12:00 13:00-16:00), sorted, each end after its start' });
      else out.overrides.push(checked.data);
    } else problems.push({ line, field: 'kind', message: 'must be closed or hours' });
  });
  return problems.length ? { ok: false, problems } : { ok: true, value: out };
}

const addDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export function parseExceptionsIcs(text: string): ExceptionsResult {
  let events: ICAL.Event[];
  try {
    events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  } catch (err) {
    return { ok: false, problems: [{ line: 1, field: 'file', message: `not an iCalendar file: ${(err as Error).message}` }] };
  }
  if (events.length > MAX_ROWS) return { ok: false, problems: [{ line: MAX_ROWS + 1, field: 'file', message: `at most ${MAX_ROWS} events` }] };
  const problems: ExceptionProblem[] = [];
  const closed = new Map<string, string>();
  events.forEach((e, i) => {
    const line = i + 1;
    if (!e.startDate) return void problems.push({ line, field: 'DTSTART', message: 'an event without a start' });
    if (!e.startDate.isDate) return void problems.push({ line, field: 'DTSTART', message: 'only all-day events close days; opening hours go in a CSV' });
    const name = (e.summary ?? '').trim() || 'Holiday';
    const start = e.startDate.toString();
    const end = e.endDate?.isDate ? e.endDate.toString() : addDay(start);
    if (end <= start || Date.parse(end) - Date.parse(start) > 60 * 86_400_000) return void problems.push({ line, field: 'DTEND', message: 'an all-day event of 1 to 60 days' });
    for (let d = start; d < end; d = addDay(d)) if (!closed.has(d)) closed.set(d, name);
  });
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { closed: [...closed].map(([date, name]) => ({ date, name })), overrides: [] } };
}
