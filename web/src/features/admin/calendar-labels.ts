import type { Locale, Weekday } from '../../api/types';
import { intlTag } from '../../i18n';

/** A Monday: weekday names come from Intl in the reader's language. */
const MONDAY = Date.UTC(2024, 0, 1);
const OFFSET: Record<Weekday, number> = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 };

export function weekdayName(day: Weekday, locale: Locale, style: 'long' | 'short' = 'short'): string {
  const name = new Intl.DateTimeFormat(intlTag(locale), { weekday: style, timeZone: 'UTC' }).format(new Date(MONDAY + OFFSET[day] * 86_400_000));
  return name.charAt(0).toLocaleUpperCase(intlTag(locale)) + name.slice(1);
}

/** A calendar date with its weekday: "Sun 1 Nov 2026". */
export function formatDayWithWeekday(date: string, locale: Locale, withYear = false): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return new Intl.DateTimeFormat(intlTag(locale), { weekday: 'short', day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' }).format(d);
}

/**
 * ISO 3166-1 alpha-2 codes, named in the reader's language by Intl. The holiday library knows most
 * of them; the server refuses the others (unknown_country).
 */
const COUNTRY_CODES = (
  'AD AE AF AG AI AL AM AO AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GT GU GW GY HK HN HR HT HU ID IE IL IM IN IQ IR IS IT JE JM JO JP ' +
  'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ ' +
  'NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TG TH TJ TK TL TM TN TO TR TT TV TW TZ ' +
  'UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW'
).split(' ');

const countryCache = new Map<Locale, { value: string; label: string }[]>();

export function countryOptions(locale: Locale): { value: string; label: string }[] {
  const cached = countryCache.get(locale);
  if (cached) return cached;
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([intlTag(locale)], { type: 'region' });
  } catch {
    names = null;
  }
  const options = COUNTRY_CODES.map((code) => ({ value: code, label: `${names?.of(code) ?? code} (${code})` })).sort((a, b) => a.label.localeCompare(b.label, intlTag(locale)));
  countryCache.set(locale, options);
  return options;
}

/** The IANA zones the browser knows, with the current one kept even if the list lacks it. */
export function timeZoneOptions(current: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  if (current && !zones.includes(current)) zones = [current, ...zones];
  if (!zones.includes('UTC')) zones = [...zones, 'UTC'];
  return zones;
}
