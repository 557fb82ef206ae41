/**
 * Calendar dates (YYYY-MM-DD) as the law counts them, without times or zones: a warranty runs
 * from one local date to another.
 */
/** A real calendar date written YYYY-MM-DD (the calendars module's rule: 2026-02-30 is refused). */
export { isCalendarDate as isIsoDate } from '../calendars/index.ts';
import { daysInMonth } from '../calendars/index.ts';

/**
 * The same day number `months` later, or the last day of that month when it has no such day
 * (art. 641 of the French code of civil procedure; the common rule): 2024-02-29 + 24 → 2026-02-28,
 * 2025-01-31 + 1 → 2025-02-28.
 */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
