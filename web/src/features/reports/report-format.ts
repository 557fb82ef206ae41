import type { Locale } from '../../api/types';
import { intlTag } from '../../i18n';

/**
 * A report's local date (`YYYY-MM-DD`, already a day of the brand's calendar) in the reader's
 * language, never shifted by the browser's own time zone.
 */
export function formatDay(value: string, locale: Locale, style: 'short' | 'medium' | 'long'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return value;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const opts: Intl.DateTimeFormatOptions = style === 'short' ? { day: 'numeric', month: 'short' } : { dateStyle: style };
  return new Intl.DateTimeFormat(intlTag(locale), { ...opts, timeZone: 'UTC' }).format(d);
}

export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(intlTag(locale)).format(n);
}

/** Hours with one decimal and the unit as the language writes it (h, ч, tim…). */
export function formatHours(h: number, locale: Locale): string {
  return new Intl.NumberFormat(intlTag(locale), { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 1 }).format(h);
}
