import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../auth/index.ts';
import { unitVisibleTo } from './unit-visibility.ts';

/** Units the actor may see, with their model, brand and the order they came from. */
function selectVisibleUnits(db: Db, actor: Actor) {
  return db
    .selectFrom('unit as u')
    .innerJoin('product_model as m', 'm.id', 'u.model_id')
    .innerJoin('brand as b', 'b.id', 'u.brand_id')
    .leftJoin('order_line as l', 'l.id', 'u.order_line_id')
    .leftJoin('customer_order as o', 'o.id', 'l.order_id')
    .leftJoin('organisation as s', 's.id', 'u.seller_organisation_id')
    .select([
      'u.id',
      'u.brand_id',
      'b.name as brand_name',
      'b.default_locale',
      'b.time_zone',
      'u.serial',
      'u.licence_key',
      'u.owner_id',
      'u.purchased_on',
      'u.delivered_on',
      'u.condition',
      'u.country_of_sale',
      'u.buyer',
      'u.proof_status',
      'u.misuse_recorded_on',
      'u.seller_organisation_id',
      's.name as seller_name',
      'm.id as model_id',
      'm.code as model_code',
      'm.name as model_name',
      'm.lifecycle',
      'm.end_of_life_on',
      'm.commercial_warranty_months',
      'm.accessories',
      'o.id as order_id',
      'o.external_id as order_number',
      'o.paid_on',
      'o.payment_provider',
      'o.dispute_opened_on',
      'o.dispute_closed_on',
    ])
    .where(unitVisibleTo(actor));
}

/** A unit the actor may see (undefined otherwise). */
export function findVisibleUnit(db: Db, actor: Actor, unitId: string) {
  return selectVisibleUnits(db, actor).where('u.id', '=', unitId).executeTakeFirst();
}

/** Those of these units the actor may see, in one query. */
export function listVisibleUnits(db: Db, actor: Actor, unitIds: readonly string[]) {
  return unitIds.length ? selectVisibleUnits(db, actor).where('u.id', 'in', unitIds).execute() : Promise.resolve([]);
}

export type UnitRow = NonNullable<Awaited<ReturnType<typeof findVisibleUnit>>>;

/** The history of these units, oldest first, in one query. */
export function unitEvents(db: Db, unitIds: string | readonly string[]) {
  const ids = typeof unitIds === 'string' ? [unitIds] : unitIds;
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('unit_event as e')
    .leftJoin('app_user as a', 'a.id', 'e.actor_id')
    .select(['e.id', 'e.unit_id', 'e.at', 'e.kind', 'e.data', 'a.name as actor_name'])
    .where('e.unit_id', 'in', ids)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}
