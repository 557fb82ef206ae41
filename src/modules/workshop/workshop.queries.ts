import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { RepairEventTable } from '../../platform/db/schema.ts';

/** A repair of a ticket, locked for a change (no authorization: the caller has checked the ticket). */
export function lockRepair(trx: Db, ticketId: string, repairId: string) {
  return trx.selectFrom('repair').selectAll().where('id', '=', repairId).where('ticket_id', '=', ticketId).forUpdate().executeTakeFirst();
}

export function insertRepairEvent(trx: Db, e: Insertable<RepairEventTable>) {
  return trx.insertInto('repair_event').values(e).execute();
}

/** The unit under repair with what the decisions need: model, lifecycle, sale facts. */
export function repairUnit(db: Db, unitId: string) {
  return db
    .selectFrom('unit as u')
    .innerJoin('product_model as m', 'm.id', 'u.model_id')
    .select(['u.id', 'u.model_id', 'u.serial', 'u.licence_key', 'u.owner_id', 'u.country_of_sale', 'u.buyer', 'u.seller_organisation_id', 'u.delivered_on', 'm.code as model_code', 'm.name as model_name', 'm.lifecycle'])
    .where('u.id', '=', unitId)
    .executeTakeFirstOrThrow();
}

/** The next gapless number of a brand's quotes or invoices for a year, taken under the counter's row lock. */
export async function nextNumber(trx: Db, brandId: string, kind: 'quote' | 'invoice', year: number): Promise<string> {
  const row = await sql<{ value: number }>`
    insert into workshop_counter (brand_id, kind, year, next_value) values (${brandId}, ${kind}, ${year}, 2)
    on conflict (brand_id, kind, year) do update set next_value = workshop_counter.next_value + 1
    returning next_value - 1 as value`.execute(trx);
  return `${kind === 'quote' ? 'Q' : 'F'}-${year}-${String(row.rows[0]!.value).padStart(6, '0')}`;
}

/** How long this brand's finished repairs of a model took, in days (for the expected duration). */
export async function pastRepairDays(db: Db, brandId: string, modelId: string): Promise<number[]> {
  const rows = await db
    .selectFrom('repair as r')
    .innerJoin('unit as u', 'u.id', 'r.unit_id')
    .select(sql<number>`extract(epoch from (r.completed_at - r.created_at)) / 86400`.as('days'))
    .where('r.brand_id', '=', brandId)
    .where('u.model_id', '=', modelId)
    .where('r.completed_at', 'is not', null)
    .where('r.remedy', '=', 'repair')
    .orderBy('r.completed_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => Number(r.days));
}
