import { serverNow } from '../app/server-clock';
import type { Locale } from '../api/types';

/** BCP 47 tags used for dates and numbers: English in its European form (24-hour clock, day first). */
const INTL_TAG: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB', ro: 'ro-RO', ru: 'ru-RU', sv: 'sv-SE' };

export function intlTag(locale: Locale): string {
  return INTL_TAG[locale];
}

function validTimeZone(timeZone: string | undefined): string | undefined {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

/**
 * A date and time in the ticket's brand time zone (SPEC §7): a CARRI ticket reads in Paris time,
 * an Eiler ticket in Moscow time, whatever the agent's own clock says.
 */
export function formatDateTime(
  iso: string | null | undefined,
  locale: Locale,
  timeZone?: string,
  opts: { withZone?: boolean; compact?: boolean; now?: Date } = {},
): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  // In tables (compact), this year's dates go without the year.
  const yearOf = new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: validTimeZone(timeZone) });
  const withYear = !opts.compact || yearOf.format(d) !== yearOf.format(opts.now ?? serverNow());
  const zone = validTimeZone(timeZone);
  const text = new Intl.DateTimeFormat(intlTag(locale), {
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
    hour: '2-digit',
    minute: '2-digit',
    timeZone: zone,
  }).format(d);
  // The zone by its name, as the service-level panel gives it: one label per page, not
  // "GMT+3" in the details beside "Moscow Standard Time" under the due time.
  return opts.withZone ? `${text} (${zoneName(zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone, locale, d)})` : text;
}

/** The zone's name in the reader's language ("Moscow Standard Time", "heure d’Europe centrale"). */
export function zoneName(timeZone: string, locale: Locale, at: Date = serverNow()): string {
  if (!validTimeZone(timeZone)) return timeZone;
  const part = new Intl.DateTimeFormat(intlTag(locale), { timeZone, timeZoneName: 'longGeneric' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** A calendar date typed in a form (YYYY-MM-DD): shown as such, with no time zone shift. */
export function formatPlainDate(value: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return value;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(intlTag(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

export function formatBytes(bytes: number, locale: Locale): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let v = bytes;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  const n = new Intl.NumberFormat(intlTag(locale), { maximumFractionDigits: i === 0 ? 0 : 1 }).format(v);
  return `${n} ${units[i]}`;
}

/** Picks the label of a localised record: the user's language, then the brand's, then English, then any. */
export function pickLocalised(labels: Record<string, string> | undefined, locale: string, brandLocale?: string): string {
  if (!labels) return '';
  return labels[locale] ?? (brandLocale ? labels[brandLocale] : undefined) ?? labels.en ?? Object.values(labels)[0] ?? '';
}

/** An amount of integer minor units in the reader's locale ("248,05 €", "€248.05"). */
export function formatMoney(amountCents: number, currency: string, locale: Locale): string {
  return new Intl.NumberFormat(intlTag(locale), { style: 'currency', currency }).format(amountCents / 100);
}
