import { type Db, withTransaction } from '../../platform/db/database.ts';
import { AppError, type FieldError, notFound, validationFailed } from '../../platform/errors/app-error.ts';
import { type Actor, assertAdmin, isAdmin } from '../auth/index.ts';
import { mayUseBrand } from '../brands/index.ts';
import { greatCircleKm, type LatLon } from './great-circle.ts';
import { calendarEngine, openingHours } from './opening-hours.ts';
import { lookupCity, lookupPostcode, POSTCODE_COUNTRIES } from './place-lookup.ts';
import {
  activeCentresServing,
  type CentreRow,
  findBrandBySlug,
  findCalendarBrand,
  findCentre,
  findCentreByName,
  findModelByCode,
  listCentreRows,
  productIdsByCode,
  replaceProducts,
} from './service-centre.queries.ts';
import type { NearestInput, ServiceCentreInput } from './service-centre.schemas.ts';

const ADMIN_ONLY = 'Only an administrator manages service centres';

function toResponse(r: CentreRow) {
  return {
    id: r.id,
    brandId: r.brand_id,
    name: r.name,
    addressLines: r.address_lines,
    postcode: r.postcode,
    city: r.city,
    country: r.country,
    latitude: r.latitude,
    longitude: r.longitude,
    phone: r.phone,
    email: r.email,
    calendarId: r.calendar_id,
    families: r.families,
    models: r.models,
    active: r.active,
    updatedAt: r.updated_at.toISOString(),
  };
}

/** A centre of a brand the admin may use; any other id answers 404, like one that does not exist. */
async function getCentreFor(db: Db, actor: Actor, id: string): Promise<CentreRow> {
  const unsafeCentre = await findCentre(db, id);
  if (!unsafeCentre || !mayUseBrand(actor, unsafeCentre.brand_id)) throw notFound('SERVICE_CENTRE_NOT_FOUND', 'Service centre');
  return unsafeCentre;
}

export async function listServiceCentres(db: Db, actor: Actor, q: { brandId?: string | undefined }) {
  assertAdmin(actor, ADMIN_ONLY);
  if (q.brandId && !mayUseBrand(actor, q.brandId)) throw notFound('BRAND_NOT_FOUND', 'Brand');
  const rows = await listCentreRows(db, q.brandId ? [q.brandId] : isAdmin(actor) ? null : actor.brandIds);
  return { items: rows.map(toResponse) };
}

export async function getServiceCentre(db: Db, actor: Actor, id: string) {
  assertAdmin(actor, ADMIN_ONLY);
  return toResponse(await getCentreFor(db, actor, id));
}

/**
 * Adds (id null) or replaces a centre. Its calendar and the families and models it serves must be
 * its brand's (an unknown code is a field error naming the item); a name is unique in the brand.
 */
export async function saveServiceCentre(db: Db, actor: Actor, id: string | null, input: ServiceCentreInput, now: Date) {
  assertAdmin(actor, ADMIN_ONLY);
  if (!mayUseBrand(actor, input.brandId)) throw notFound('BRAND_NOT_FOUND', 'Brand');
  const savedId = await withTransaction(db, async (trx) => {
    const brand = await trx.selectFrom('brand').select('id').where('id', '=', input.brandId).executeTakeFirst();
    if (!brand) throw notFound('BRAND_NOT_FOUND', 'Brand');
    if (id) {
      const old = await trx.selectFrom('service_centre').select(['id', 'brand_id']).where('id', '=', id).forUpdate().executeTakeFirst();
      if (!old || !mayUseBrand(actor, old.brand_id)) throw notFound('SERVICE_CENTRE_NOT_FOUND', 'Service centre');
      if (old.brand_id !== input.brandId) throw validationFailed([{ field: 'brandId', code: 'invalid_value', message: 'a centre cannot move to another brand' }]);
    }
    const errors: FieldError[] = [];
    if (input.calendarId) {
      const cal = await findCalendarBrand(trx, input.calendarId);
      if (!cal || cal.brand_id !== input.brandId) errors.push({ field: 'calendarId', code: 'not_found', message: "is not one of the brand's calendars" });
    }
    const ids = await productIdsByCode(trx, input.brandId, input.families, input.models);
    input.families.forEach((code, i) => {
      if (!ids.families.has(code)) errors.push({ field: `families.${i}`, code: 'not_found', message: `no product family ${code} in this brand` });
    });
    input.models.forEach((code, i) => {
      if (!ids.models.has(code)) errors.push({ field: `models.${i}`, code: 'not_found', message: `no model ${code} in this brand` });
    });
    if (errors.length) throw validationFailed(errors);
    const clash = await findCentreByName(trx, input.brandId, input.name);
    if (clash && clash.id !== id) {
      throw new AppError('SERVICE_CENTRE_NAME_TAKEN', 409, 'This brand already has a service centre of that name', { errors: [{ field: 'name', code: 'duplicate', message: 'already used in this brand' }] });
    }
    const values = {
      brand_id: input.brandId,
      name: input.name,
      address_lines: input.addressLines,
      postcode: input.postcode,
      city: input.city,
      country: input.country,
      latitude: input.latitude,
      longitude: input.longitude,
      phone: input.phone || null,
      email: input.email,
      calendar_id: input.calendarId,
      active: input.active,
      updated_at: now,
    };
    const centreId = id
      ? (await trx.updateTable('service_centre').set(values).where('id', '=', id).returning('id').executeTakeFirstOrThrow()).id
      : (await trx.insertInto('service_centre').values({ ...values, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
    await replaceProducts(trx, centreId, [...new Set(ids.families.values())], [...new Set(ids.models.values())]);
    return centreId;
  });
  return getServiceCentre(db, actor, savedId);
}

export async function deleteServiceCentre(db: Db, actor: Actor, id: string): Promise<void> {
  assertAdmin(actor, ADMIN_ONLY);
  await getCentreFor(db, actor, id);
  await db.deleteFrom('service_centre').where('id', '=', id).execute();
}

function placeUnknown(field: 'postcode' | 'city', value: string, country: string): AppError {
  const what = field === 'postcode' ? 'postcode' : 'town';
  return new AppError('SERVICE_CENTRE_PLACE_UNKNOWN', 400, `No ${what} "${value}" in ${country} in the offline place data`, {
    errors: [{ field, code: 'unknown_place', message: `no such ${what} in ${country}` }],
  });
}

/** Where the customer is: a position as given, or a postcode or town looked up offline. */
async function originOf(input: NearestInput, brandCountry: string) {
  const given = (['postcode', 'city'] as const).filter((k) => input[k] !== undefined);
  const position = input.lat !== undefined || input.lon !== undefined;
  if (given.length + (position ? 1 : 0) !== 1) {
    const field = given[1] ?? (position && given[0] ? 'lat' : 'postcode');
    throw validationFailed([{ field, code: 'one_place', message: 'give exactly one of postcode, city, or lat and lon' }]);
  }
  if (position) {
    if (input.lat === undefined || input.lon === undefined) {
      throw validationFailed([{ field: input.lat === undefined ? 'lat' : 'lon', code: 'required', message: 'a position needs both lat and lon' }]);
    }
    return { kind: 'position' as const, name: null, country: null, latitude: input.lat, longitude: input.lon, precision: 'exact' as const };
  }
  const country = input.country ?? brandCountry;
  if (input.postcode !== undefined) {
    if (!POSTCODE_COUNTRIES.includes(country)) {
      throw validationFailed([{ field: 'postcode', code: 'unsupported_country', message: `postcodes of ${country} are not in the offline data: search by town` }]);
    }
    if (!/^\d{5}$/.test(input.postcode.replace(/\s+/g, ''))) throw validationFailed([{ field: 'postcode', code: 'invalid_format', message: 'a French postcode has five digits' }]);
    const place = await lookupPostcode(country, input.postcode);
    if (!place) throw placeUnknown('postcode', input.postcode, country);
    return { kind: 'postcode' as const, name: place.name, country, latitude: place.lat, longitude: place.lon, precision: place.precision };
  }
  const place = await lookupCity(country, input.city!);
  if (!place) throw placeUnknown('city', input.city!, country);
  return { kind: 'city' as const, name: place.name, country, latitude: place.lat, longitude: place.lon, precision: place.precision };
}

/**
 * The brand's active centres nearest to the customer (public: the directory is what the brand
 * publishes), by great-circle distance, with each centre's week of opening hours and whether it
 * is open at `now`. Only centres serving `model` when it is given. Unknown brand: 404.
 */
export async function nearestServiceCentres(db: Db, input: NearestInput, now: Date) {
  const brand = await findBrandBySlug(db, input.brand);
  if (!brand) throw notFound('BRAND_NOT_FOUND', 'Brand');
  let model: { id: string; familyId: string | null } | null = null;
  if (input.model !== undefined) {
    const m = await findModelByCode(db, brand.id, input.model);
    if (!m) throw validationFailed([{ field: 'model', code: 'not_found', message: `no model ${input.model} in this brand` }]);
    model = { id: m.id, familyId: m.family_id };
  }
  const origin = await originOf(input, brand.country);
  const from: LatLon = { lat: origin.latitude, lon: origin.longitude };
  const ranked = (await activeCentresServing(db, brand.id, model))
    .map((r) => ({ r, km: greatCircleKm(from, { lat: r.latitude, lon: r.longitude }) }))
    .sort((a, b) => a.km - b.km || a.r.name.localeCompare(b.r.name))
    .slice(0, input.limit);
  return {
    origin,
    items: ranked.map(({ r, km }) => {
      const engine = r.calendar_id && r.calendar_version !== null ? calendarEngine(r.calendar_id, r.calendar_version, r.calendar_definition) : null;
      return {
        id: r.id,
        name: r.name,
        addressLines: r.address_lines,
        postcode: r.postcode,
        city: r.city,
        country: r.country,
        latitude: r.latitude,
        longitude: r.longitude,
        phone: r.phone,
        email: r.email,
        distanceKm: Math.round(km * 10) / 10,
        families: r.families,
        models: r.models,
        openingHours: engine ? openingHours(engine, now) : null,
      };
    }),
  };
}
