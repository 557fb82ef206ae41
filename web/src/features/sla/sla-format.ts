import { serverNow } from '../../app/server-clock';
import type { TFunction } from 'i18next';
import type { Locale, ScheduleChangeReason, SkippedRange, SlaTimer, TicketStatus } from '../../api/types';
import { SCHEDULE_CHANGE_REASONS, TICKET_STATUSES } from '../../api/types';
import { dayNumber, intlTag, isValidTimeZone, zoneName } from '../../i18n';
import { WEEKDAYS_BY_JS_DAY } from '../../../../src/shared/vocabulary';

/**
 * Sentences about service levels, built from the server's structured data through the catalogues
 * ("Due Tue 24 Nov, 14:30 (Moscow Standard Time): 48 working hours from acceptance; skipping
 * Sat–Sun and 4 Nov (День народного единства)"). The server never writes sentences.
 */

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * A span of minutes as "3 h 20 min", "1 h 05 min", "45 min"; with `days`, wall-clock spans of a
 * day or more read "2 d 4 h". Working time stays in hours: a working day differs by calendar.
 */
export function formatDuration(t: TFunction, minutes: number, opts: { days?: boolean } = {}): string {
  const total = Math.max(0, Math.round(Math.abs(minutes)));
  if (opts.days && total >= 1440) {
    const d = Math.floor(total / 1440);
    const h = Math.floor((total % 1440) / 60);
    return h ? t('sla.duration.dh', { d, h }) : t('sla.duration.d', { d });
  }
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return t('sla.duration.m', { m });
  if (m === 0) return t('sla.duration.h', { h });
  return t('sla.duration.hm', { h, m: pad2(m) });
}

/** "3 h 20 min working time left" or "Overdue by 1 h 05 min". */
export function formatLeft(t: TFunction, workingMinutesLeft: number): string {
  return workingMinutesLeft >= 0
    ? t('sla.left', { duration: formatDuration(t, workingMinutesLeft) })
    : t('sla.overdue', { duration: formatDuration(t, -workingMinutesLeft) });
}

/** One zone label for every page: the one the ticket details give too. */
export { zoneName };

/**
 * A due time in the calendar's zone: "Tue 24 Nov, 14:30" (the year only when it is not this one).
 * Midnight reads as 24:00 of the day before: a day open until midnight ends "Fri 11 Dec, 24:00",
 * not "Sat 12 Dec, 00:00", a day the desk does not work.
 */
export function formatDue(iso: string, locale: Locale, timeZone: string, now: Date = serverNow()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  const zone = isValidTimeZone(timeZone) ? timeZone : undefined;
  const sameYear = new Intl.DateTimeFormat('en', { timeZone: zone, year: 'numeric' });
  const f = new Intl.DateTimeFormat(intlTag(locale), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(sameYear.format(d) === sameYear.format(now) ? {} : { year: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: zone,
  });
  const parts = f.formatToParts(d);
  const at = (type: string) => parts.find((p) => p.type === type)?.value;
  if (at('hour') !== '00' || at('minute') !== '00') return f.format(d);
  return f
    .formatToParts(new Date(d.getTime() - 60_000))
    .map((p) => (p.type === 'hour' ? '24' : p.type === 'minute' ? '00' : p.value))
    .join('');
}

/** "Tue 24 Nov, 14:30 (Moscow Standard Time)". */
export function formatDueWithZone(iso: string, locale: Locale, timeZone: string, now: Date = serverNow()): string {
  return `${formatDue(iso, locale, timeZone, now)} (${zoneName(timeZone, locale, new Date(iso))})`;
}

function utcDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** "4 Nov" or "1–8 Jan": calendar dates, never shifted by a zone. */
export function formatDateRange(from: string, to: string, locale: Locale): string {
  const f = new Intl.DateTimeFormat(intlTag(locale), { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return from === to ? f.format(utcDate(from)) : f.formatRange(utcDate(from), utcDate(to));
}

function joinList(items: string[], locale: Locale): string {
  return new Intl.ListFormat(intlTag(locale), { style: 'long', type: 'conjunction' }).format(items);
}

/** By `getUTCDay()` index (0 = Sunday), from the shared vocabulary. */
const WEEKDAY_KEYS = WEEKDAYS_BY_JS_DAY;

/**
 * The closed days as a person says them: whole weekends counted ("3 weekends", or "the weekend of
 * 5–6 Dec" when there is one), a weekend cut short by the start or end of the counted time by its
 * day ("Sunday 29 Nov"), holidays and closures by their dates and names ("4 Nov (Unity Day)").
 * Each language words these under its own preposition ("без учёта" takes the genitive).
 */
export function describeSkipped(t: TFunction, ranges: readonly SkippedRange[], locale: Locale): string[] {
  const weekendItems: string[] = [];
  const others: string[] = [];
  const whole: SkippedRange[] = [];
  let wholeAt = -1;
  for (const r of ranges) {
    if (r.reason === 'weekend') {
      if (r.partial || dayNumber(r.to) - dayNumber(r.from) >= 7) {
        weekendItems.push(r.from === r.to ? t('sla.explain.day', { weekday: t(`sla.explain.weekdayOf.${WEEKDAY_KEYS[utcDate(r.from).getUTCDay()]!}`), date: formatDateRange(r.from, r.from, locale) }) : t('sla.explain.days', { dates: formatDayRange(r.from, r.to, locale) }));
        continue;
      }
      if (wholeAt < 0) {
        wholeAt = weekendItems.length;
        weekendItems.push('');
      }
      whole.push(r);
      continue;
    }
    const dates = formatDateRange(r.from, r.to, locale);
    if (r.reason === 'holiday') others.push(r.name ? t('sla.explain.holiday', { dates, name: r.name }) : dates);
    else if (r.reason === 'closure') others.push(r.name ? t('sla.explain.closure', { dates, name: r.name }) : t('sla.explain.closed', { dates }));
    else others.push(t('sla.explain.closed', { dates }));
  }
  if (whole.length === 1) weekendItems[wholeAt] = t('sla.explain.weekendOf', { dates: formatDateRange(whole[0]!.from, whole[0]!.to, locale) });
  else if (whole.length > 1) weekendItems[wholeAt] = t('sla.explain.weekends', { count: whole.length });
  return [...weekendItems, ...others];
}

/** "Sat 28 – Sun 29 Nov": a few days with their weekdays. */
function formatDayRange(from: string, to: string, locale: Locale): string {
  const f = new Intl.DateTimeFormat(intlTag(locale), { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  return f.formatRange(utcDate(from), utcDate(to));
}

/** Each closed range on its own line with its weekdays, for the admin's preview: "Sat 7 – Sun 8 Nov: weekend". */
export function listSkipped(t: TFunction, ranges: readonly SkippedRange[], locale: Locale): string[] {
  const f = new Intl.DateTimeFormat(intlTag(locale), { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  return ranges.map((r) => {
    const dates = r.from === r.to ? f.format(utcDate(r.from)) : f.formatRange(utcDate(r.from), utcDate(r.to));
    if (r.reason === 'weekend') return t('sla.skip.weekend', { dates });
    if (r.reason === 'holiday') return r.name ? t('sla.skip.holiday', { dates, name: r.name }) : t('sla.skip.closed', { dates });
    if (r.reason === 'closure') return r.name ? t('sla.skip.closure', { dates, name: r.name }) : t('sla.skip.closed', { dates });
    return t('sla.skip.closed', { dates });
  });
}

function statusName(t: TFunction, status: string): string {
  return (TICKET_STATUSES as readonly string[]).includes(status) ? t(`status.${status as TicketStatus}`) : status;
}

/** Days whose hours an override set: "Sat 7 Nov: open (Working Saturday)", "Thu 30 Apr: other hours (Pre-holiday day)". */
export function listAdjusted(t: TFunction, days: readonly { date: string; kind: 'opened' | 'changed'; reason: string }[], locale: Locale): string[] {
  const f = new Intl.DateTimeFormat(intlTag(locale), { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  return days.map((d) => t(`sla.adjusted.${d.kind}`, { date: f.format(utcDate(d.date)), reason: d.reason }));
}

/** The policy's target: "48 working hours" or "8 h 45 min of working time". */
export function formatTarget(t: TFunction, minutes: number): string {
  return minutes % 60 === 0 ? t('sla.explain.targetHours', { count: minutes / 60 }) : t('sla.explain.targetDuration', { duration: formatDuration(t, minutes) });
}

/**
 * One sentence saying when a timer is due and why: the target and where it counts from, the
 * closed days skipped, the time spent paused, and a planned date that replaced the computed one.
 */
export function explainTimer(t: TFunction, timer: SlaTimer, locale: Locale, opts: { timeZone?: string; now?: Date } = {}): string {
  const e = timer.explanation;
  // Instants read in the brand's zone (the page's zone); closed days are the calendar's dates.
  const tz = opts.timeZone ?? e.timeZone;
  const now = opts.now ?? serverNow();
  const openPause = e.pauses.find((p) => p.to === null);

  let when: string;
  if (timer.state === 'pending') when = timer.kind === 'next_update' ? t('sla.explain.pendingResponse') : t('sla.explain.pendingAccepted');
  else if (timer.state === 'paused') when = openPause ? t('sla.explain.pausedNow', { date: formatDueWithZone(openPause.from, locale, tz, now), status: statusName(t, openPause.status) }) : t('sla.state.paused');
  else if (timer.state === 'met') when = t('sla.explain.met', { date: formatDueWithZone(timer.stoppedAt ?? now.toISOString(), locale, tz, now) });
  else if (timer.state === 'breached' && timer.stoppedAt) when = t('sla.explain.stoppedLate', { date: formatDueWithZone(timer.stoppedAt, locale, tz, now) });
  else if (timer.dueAt) when = t(timer.state === 'breached' ? 'sla.explain.wasDue' : 'sla.explain.due', { date: formatDueWithZone(timer.dueAt, locale, tz, now) });
  else when = t(`sla.state.${timer.state}`);

  const target = formatTarget(t, e.targetMinutes);
  const details: string[] = [
    timer.kind === 'next_update'
      ? t('sla.explain.fromAnswer', { target })
      : e.clockStart === 'accepted'
        ? t('sla.explain.fromAccepted', { target })
        : t('sla.explain.fromCreated', { target }),
  ];
  const skipped = describeSkipped(t, e.skipped, locale);
  if (skipped.length) details.push(t('sla.explain.skipping', { list: joinList(skipped, locale) }));
  const adjusted = listAdjusted(t, e.adjusted ?? [], locale);
  if (adjusted.length) details.push(joinList(adjusted, locale));

  // Pauses over and done with, summed per status; the one still going is said in `when`.
  const paused = new Map<string, number>();
  for (const p of e.pauses) {
    if (!p.to) continue;
    const minutes = (Date.parse(p.to) - Date.parse(p.from)) / 60_000;
    if (minutes > 0) paused.set(p.status, (paused.get(p.status) ?? 0) + minutes);
  }
  for (const [status, minutes] of paused) details.push(t('sla.explain.paused', { duration: formatDuration(t, minutes, { days: true }), status: statusName(t, status) }));

  // A planned date recorded by the desk replaced the computed due time: that comes first.
  if (e.rescheduled) {
    const reason = isReason(e.rescheduled.reason) ? t(`sla.reason.${e.rescheduled.reason}`) : e.rescheduled.reason;
    details.unshift(
      e.rescheduled.previousDueAt
        ? t('sla.explain.rescheduled', { reason, date: formatDue(e.rescheduled.previousDueAt, locale, tz, now) })
        : t('sla.explain.rescheduledNoPrevious', { reason }),
    );
  }
  return t('sla.explain.head', { when, details: details.join(t('sla.explain.separator')) });
}

export function isReason(r: string): r is ScheduleChangeReason {
  return (SCHEDULE_CHANGE_REASONS as readonly string[]).includes(r);
}
