import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import type { CalendarDefinition } from '../modules/calendars/index.ts';

/**
 * Seed 001: Mecashop's "centres SAV" near the customer, for revisions, servicing and spare parts
 * in the years after the sale. Invented workshops at real-looking addresses in French towns, each
 * with its opening hours (a business calendar of the brand) and what it serves.
 */
const H = (start: string, end: string) => ({ start, end });
const FRENCH_HOLIDAYS = { country: 'FR', types: ['public'] as ('public' | 'bank')[] };

const CALENDARS: { name: string; definition: CalendarDefinition }[] = [
  {
    name: 'Centres SAV — lundi au vendredi',
    definition: {
      timeZone: 'Europe/Paris',
      week: {
        mon: [H('08:30', '12:00'), H('14:00', '18:00')],
        tue: [H('08:30', '12:00'), H('14:00', '18:00')],
        wed: [H('08:30', '12:00'), H('14:00', '18:00')],
        thu: [H('08:30', '12:00'), H('14:00', '18:00')],
        fri: [H('08:30', '12:00'), H('14:00', '17:00')],
        sat: [],
        sun: [],
      },
      holidays: FRENCH_HOLIDAYS,
      holidayAdditions: [],
      holidayRemovals: [],
      closures: [],
      dayOverrides: [],
    },
  },
  {
    name: 'Centres SAV — mardi au samedi',
    definition: {
      timeZone: 'Europe/Paris',
      week: {
        mon: [],
        tue: [H('09:00', '12:00'), H('14:00', '18:30')],
        wed: [H('09:00', '12:00'), H('14:00', '18:30')],
        thu: [H('09:00', '12:00'), H('14:00', '18:30')],
        fri: [H('09:00', '12:00'), H('14:00', '18:30')],
        sat: [H('09:00', '12:00'), H('14:00', '17:00')],
        sun: [],
      },
      holidays: FRENCH_HOLIDAYS,
      holidayAdditions: [],
      holidayRemovals: [],
      closures: [],
      dayOverrides: [],
    },
  },
];

interface DemoCentre {
  name: string;
  addressLines: string[];
  postcode: string;
  city: string;
  latitude: number;
  longitude: number;
  phone: string;
  email: string;
  calendar: string;
  families?: string[];
  models?: string[];
  active?: boolean;
}

const CENTRES: DemoCentre[] = [
  { name: 'Atelier Motoculture Rhône', addressLines: ['12 rue Paul Bert'], postcode: '69003', city: 'Lyon', latitude: 45.7597, longitude: 4.848, phone: '+33 4 78 60 12 45', email: 'sav-lyon@motoculture-rhone.example', calendar: CALENDARS[0]!.name },
  { name: 'Jardin Service Gironde', addressLines: ['45 avenue de la Libération'], postcode: '33700', city: 'Mérignac', latitude: 44.8386, longitude: -0.6436, phone: '+33 5 56 34 78 10', email: 'atelier@jardin-service-gironde.example', calendar: CALENDARS[1]!.name, families: ['tondeuses'] },
  { name: 'SAV Motoculture Nord', addressLines: ['8 rue du Molinel'], postcode: '59000', city: 'Lille', latitude: 50.6327, longitude: 3.065, phone: '+33 3 20 55 41 90', email: 'contact@sav-motoculture-nord.example', calendar: CALENDARS[0]!.name },
  { name: 'Loire Motoculture', addressLines: ['27 boulevard des Poilus'], postcode: '44300', city: 'Nantes', latitude: 47.2336, longitude: -1.5368, phone: '+33 2 40 49 16 72', email: 'sav@loire-motoculture.example', calendar: CALENDARS[1]!.name, families: ['coupe'] },
  { name: 'Île-de-France Espaces Verts', addressLines: ['ZA des Glaises', '3 rue des Frères Lumière'], postcode: '91120', city: 'Palaiseau', latitude: 48.7146, longitude: 2.2451, phone: '+33 1 69 31 22 08', email: 'sav@idf-espaces-verts.example', calendar: CALENDARS[0]!.name, models: ['RT-800', 'TD-46'] },
  // Closed for good: kept in the directory, never shown to customers.
  { name: 'Garonne Motoculture', addressLines: ['5 chemin de Lestang'], postcode: '31100', city: 'Toulouse', latitude: 43.572, longitude: 1.404, phone: '+33 5 61 40 27 33', email: 'garonne@motoculture.example', calendar: CALENDARS[0]!.name, active: false },
];

/**
 * Mecashop's service centres and their calendars. Idempotent: a brand that already has centres is
 * left as it is (also run on databases seeded before the directory existed).
 */
export async function seedServiceCentres(db: Db, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('apres-demo-service-centres'))`.execute(trx);
    const brand = await trx.selectFrom('brand').select('id').where('slug', '=', 'mecashop').executeTakeFirst();
    if (!brand) return;
    if (await trx.selectFrom('service_centre').select('id').where('brand_id', '=', brand.id).executeTakeFirst()) return;
    const calendarIds = new Map<string, string>();
    for (const c of CALENDARS) {
      const row = await trx
        .insertInto('business_calendar')
        .values({ brand_id: brand.id, name: c.name, definition: JSON.stringify(c.definition), created_at: now, updated_at: now })
        .onConflict((oc) => oc.columns(['brand_id', 'name']).doUpdateSet({ name: c.name }))
        .returning('id')
        .executeTakeFirstOrThrow();
      calendarIds.set(c.name, row.id);
    }
    const families = new Map((await trx.selectFrom('product_family').select(['id', 'code']).where('brand_id', '=', brand.id).execute()).map((f) => [f.code, f.id]));
    const models = new Map((await trx.selectFrom('product_model').select(['id', 'code']).where('brand_id', '=', brand.id).execute()).map((m) => [m.code, m.id]));
    for (const c of CENTRES) {
      const row = await trx
        .insertInto('service_centre')
        .values({
          brand_id: brand.id,
          name: c.name,
          address_lines: c.addressLines,
          postcode: c.postcode,
          city: c.city,
          country: 'FR',
          latitude: c.latitude,
          longitude: c.longitude,
          phone: c.phone,
          email: c.email,
          calendar_id: calendarIds.get(c.calendar)!,
          active: c.active ?? true,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const products = [
        ...(c.families ?? []).flatMap((code) => (families.has(code) ? [{ centre_id: row.id, family_id: families.get(code)!, model_id: null }] : [])),
        ...(c.models ?? []).flatMap((code) => (models.has(code) ? [{ centre_id: row.id, family_id: null, model_id: models.get(code)! }] : [])),
      ];
      if (products.length) await trx.insertInto('service_centre_product').values(products).execute();
    }
  });
}
