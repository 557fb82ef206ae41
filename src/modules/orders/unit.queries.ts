import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../auth/index.ts';
import { unitVisibleTo } from './unit-visibility.ts';

/** A unit the actor may see, with its model and the order it came from (undefined otherwise). */
export function findVisibleUnit(db: Db, actor: Actor, unitId: string) {
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
    .where('u.id', '=', unitId)
    .where(unitVisibleTo(actor))
    .executeTakeFirst();
}

export type UnitRow = NonNullable<Awaited<ReturnType<typeof findVisibleUnit>>>;

export function unitEvents(db: Db, unitId: string) {
  return db
    .selectFrom('unit_event as e')
    .leftJoin('app_user as a', 'a.id', 'e.actor_id')
    .select(['e.id', 'e.at', 'e.kind', 'e.data', 'a.name as actor_name'])
    .where('e.unit_id', '=', unitId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}
