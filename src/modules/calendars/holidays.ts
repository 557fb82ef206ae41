import { createRequire } from 'node:module';
import type HolidaysLibrary from 'date-holidays';

import { HOLIDAY_TYPES, type HolidayType } from '../../shared/vocabulary.ts';

export { HOLIDAY_TYPES, type HolidayType };

export interface HolidaySelection {
  country: string;
  region?: string | undefined;
  types: readonly HolidayType[];
}

const DAY_MS = 86_400_000;

type HolidaysClass = typeof HolidaysLibrary;
let holidaysClass: HolidaysClass | undefined;
/**
 * date-holidays, loaded the first time a calendar needs it: its data of every country is about
 * 20 MB of an idle server's memory (measured), and a restart answers sooner without it. Loaded
 * synchronously (the calendar engine is synchronous), through `require`, which the package offers.
 */
export function Holidays(): HolidaysClass {
  holidaysClass ??= createRequire(import.meta.url)('date-holidays') as HolidaysClass;
  return holidaysClass;
}

let countries: Set<string> | undefined;
const regionsByCountry = new Map<string, Set<string>>();

/** Countries date-holidays knows (ISO 3166-1 alpha-2). */
export function isKnownCountry(country: string): boolean {
  countries ??= new Set(Object.keys(new (Holidays())().getCountries()));
  return countries.has(country);
}

/** States/regions date-holidays knows for a country (e.g. FR 57, 67, 68: Alsace-Moselle). */
export function isKnownRegion(country: string, region: string): boolean {
  let regions = regionsByCountry.get(country);
  if (!regions) {
    regions = new Set(Object.keys(new (Holidays())().getStates(country) ?? {}));
    regionsByCountry.set(country, regions);
  }
  return regions.has(region);
}

const libraries = new Map<string, HolidaysLibrary>();
const yearCache = new Map<string, ReadonlyMap<string, string>>();

function selectionKey(sel: HolidaySelection): string {
  return `${sel.country}|${sel.region ?? ''}|${[...sel.types].sort().join(',')}`;
}

function library(sel: HolidaySelection, key: string): HolidaysLibrary {
  let hd = libraries.get(key);
  if (!hd) {
    // timezone 'UTC' makes start/end the library's wall-clock dates written as UTC: the dates a
    // holiday covers are then plain date arithmetic, independent of the country's DST.
    const opts = { types: [...sel.types], timezone: 'UTC' };
    const H = Holidays();
    hd = sel.region ? new H(sel.country, sel.region, opts) : new H(sel.country, opts);
    libraries.set(key, hd);
  }
  return hd;
}

/** Every date (YYYY-MM-DD) covered by [start, end) of an entry: multi-day entries (RU New Year holidays) and half days (SE eves from 12:00) included. */
function coveredDates(start: Date, end: Date): string[] {
  const out: string[] = [];
  let day = Math.floor(start.getTime() / DAY_MS);
  const endMs = end.getTime();
  for (; day * DAY_MS < endMs; day++) out.push(new Date(day * DAY_MS).toISOString().slice(0, 10));
  return out;
}

/**
 * The library's closed dates of one calendar year for a selection, as date → name (names of
 * several entries on one date joined with " / "). Includes days of an entry of the previous year
 * that runs into this one. Cached per (country, region, types, year).
 */
export function libraryHolidays(sel: HolidaySelection, year: number): ReadonlyMap<string, string> {
  const key = selectionKey(sel);
  const cacheKey = `${key}|${year}`;
  const cached = yearCache.get(cacheKey);
  if (cached) return cached;
  const hd = library(sel, key);
  const prefix = `${year}-`;
  const byDate = new Map<string, string[]>();
  for (const y of [year - 1, year]) {
    for (const h of hd.getHolidays(y)) {
      if (!sel.types.includes(h.type)) continue;
      for (const date of coveredDates(h.start, h.end)) {
        if (!date.startsWith(prefix)) continue;
        const names = byDate.get(date) ?? [];
        if (!names.includes(h.name)) names.push(h.name);
        byDate.set(date, names);
      }
    }
  }
  const result = new Map([...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([d, n]) => [d, n.join(' / ')] as const));
  yearCache.set(cacheKey, result);
  return result;
}
