import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

/** A centre's row with the codes of what it serves and its calendar's definition (read, never written here). */
export function selectCentres(db: Db) {
  return db
    .selectFrom('service_centre as c')
    .leftJoin('business_calendar as cal', 'cal.id', 'c.calendar_id')
    .selectAll('c')
    .select(['cal.definition as calendar_definition', 'cal.version as calendar_version'])
    .select(
      sql<string[]>`coalesce((select array_agg(f.code order by f.code) from service_centre_product p join product_family f on f.id = p.family_id where p.centre_id = c.id), '{}')`.as('families'),
    )
    .select(
      sql<string[]>`coalesce((select array_agg(m.code order by m.code) from service_centre_product p join product_model m on m.id = p.model_id where p.centre_id = c.id), '{}')`.as('models'),
    );
}

export type CentreRow = Awaited<ReturnType<ReturnType<typeof selectCentres>['executeTakeFirstOrThrow']>>;

export function findCentre(db: Db, id: string): Promise<CentreRow | undefined> {
  return selectCentres(db).where('c.id', '=', id).executeTakeFirst();
}

export function listCentreRows(db: Db, brandIds: readonly string[] | null): Promise<CentreRow[]> {
  let q = selectCentres(db).orderBy('c.name');
  if (brandIds) q = q.where('c.brand_id', 'in', brandIds.length ? brandIds : ['00000000-0000-0000-0000-000000000000']);
  return q.execute();
}

/**
 * The brand's active centres, optionally only those serving a model: a centre with no product row
 * serves everything, else the model itself or its family must be listed.
 */
export function activeCentresServing(db: Db, brandId: string, model: { id: string; familyId: string | null } | null): Promise<CentreRow[]> {
  let q = selectCentres(db).where('c.brand_id', '=', brandId).where('c.active', '=', true);
  if (model) {
    q = q.where((eb) =>
      eb.or([
        eb.not(eb.exists(eb.selectFrom('service_centre_product as p').select('p.id').whereRef('p.centre_id', '=', 'c.id'))),
        eb.exists(
          eb
            .selectFrom('service_centre_product as p')
            .select('p.id')
            .whereRef('p.centre_id', '=', 'c.id')
            .where((w) => w.or([w('p.model_id', '=', model.id), ...(model.familyId ? [w('p.family_id', '=', model.familyId)] : [])])),
        ),
      ]),
    );
  }
  return q.execute();
}

export function findBrandBySlug(db: Db, slug: string) {
  return db.selectFrom('brand').select(['id', 'country', 'time_zone']).where('slug', '=', slug).executeTakeFirst();
}

export function findModelByCode(db: Db, brandId: string, code: string) {
  return db.selectFrom('product_model').select(['id', 'family_id']).where('brand_id', '=', brandId).where('code', '=', code).executeTakeFirst();
}

/** Ids of the brand's families and models named by code; the caller reports the codes missing. */
export async function productIdsByCode(db: Db, brandId: string, families: readonly string[], models: readonly string[]) {
  const f = families.length ? await db.selectFrom('product_family').select(['id', 'code']).where('brand_id', '=', brandId).where('code', 'in', families).execute() : [];
  const m = models.length ? await db.selectFrom('product_model').select(['id', 'code']).where('brand_id', '=', brandId).where('code', 'in', models).execute() : [];
  return { families: new Map(f.map((r) => [r.code, r.id])), models: new Map(m.map((r) => [r.code, r.id])) };
}

export function findCalendarBrand(db: Db, calendarId: string) {
  return db.selectFrom('business_calendar').select(['id', 'brand_id']).where('id', '=', calendarId).executeTakeFirst();
}

export function findCentreByName(db: Db, brandId: string, name: string) {
  return db.selectFrom('service_centre').select('id').where('brand_id', '=', brandId).where('name', '=', name).executeTakeFirst();
}

export async function replaceProducts(db: Db, centreId: string, familyIds: readonly string[], modelIds: readonly string[]): Promise<void> {
  await db.deleteFrom('service_centre_product').where('centre_id', '=', centreId).execute();
  const rows = [...familyIds.map((id) => ({ centre_id: centreId, family_id: id, model_id: null })), ...modelIds.map((id) => ({ centre_id: centreId, family_id: null, model_id: id }))];
  if (rows.length) await db.insertInto('service_centre_product').values(rows).execute();
}
