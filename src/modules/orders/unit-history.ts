import type { Db } from '../../platform/db/database.ts';
import type { UnitTable } from '../../platform/db/schema.ts';
import type { Selectable } from 'kysely';

type UnitRow = Selectable<UnitTable>;

type UnitEventKind = 'repaired' | 'replaced' | 'misuse_recorded' | 'recycled' | 'replacement_for';

/**
 * The workshop's writes to a unit (issue 13), done here because this module owns `unit` and
 * `unit_event`: the unit's life as an audit trail, the misuse a technician found, and the units
 * the brand holds in stock (no owner, no order) that replace a defective one.
 */
export async function recordUnitEvent(trx: Db, unitId: string, kind: UnitEventKind, at: Date, actorId: string | null, data: Record<string, unknown> = {}): Promise<void> {
  await trx.insertInto('unit_event').values({ unit_id: unitId, kind, at, actor_id: actorId, data: JSON.stringify(data) }).execute();
}

/** A technician's finding of misuse or accidental damage: only this excludes a defect from the warranty (seed 002). */
export async function recordMisuse(trx: Db, unitId: string, on: string, at: Date, actorId: string, findings: string): Promise<void> {
  await trx.updateTable('unit').set({ misuse_recorded_on: on }).where('id', '=', unitId).execute();
  await recordUnitEvent(trx, unitId, 'misuse_recorded', at, actorId, { findings });
}

/** How many units of a model the brand holds in stock, by condition. */
export async function stockUnitCounts(db: Db, modelId: string): Promise<{ new: number; refurbished: number; second_hand: number }> {
  const rows = await db
    .selectFrom('unit')
    .select(['condition', (eb) => eb.fn.countAll<number>().as('n')])
    .where('model_id', '=', modelId)
    .where('owner_id', 'is', null)
    .where('order_line_id', 'is', null)
    .groupBy('condition')
    .execute();
  const out = { new: 0, refurbished: 0, second_hand: 0 };
  for (const r of rows) out[r.condition] = Number(r.n);
  return out;
}

/**
 * Takes a unit of the brand's stock (locked, so two replacements never take the same one) and
 * hands it to the owner of the unit it replaces, with the same sale facts (country, buyer, and
 * delivery on `deliveredOn`); both units' histories point at each other.
 */
export async function handOverStockUnit(
  trx: Db,
  input: { defective: Pick<UnitRow, 'id' | 'model_id' | 'owner_id' | 'country_of_sale' | 'buyer' | 'seller_organisation_id'>; condition: 'new' | 'refurbished' | 'second_hand'; modelId?: string; serial?: string; deliveredOn: string; at: Date; actorId: string },
): Promise<{ id: string; serial: string | null } | null> {
  let q = trx
    .selectFrom('unit')
    .select(['id', 'serial'])
    .where('model_id', '=', input.modelId ?? input.defective.model_id)
    .where('condition', '=', input.condition)
    .where('owner_id', 'is', null)
    .where('order_line_id', 'is', null);
  if (input.serial) q = q.where((eb) => eb(eb.fn('upper', ['serial']), '=', input.serial!.toUpperCase()));
  const unit = await q.orderBy('created_at').orderBy('id').limit(1).forUpdate().skipLocked().executeTakeFirst();
  if (!unit) return null;
  await trx
    .updateTable('unit')
    .set({ owner_id: input.defective.owner_id, country_of_sale: input.defective.country_of_sale, buyer: input.defective.buyer, seller_organisation_id: input.defective.seller_organisation_id, delivered_on: input.deliveredOn, purchased_on: input.deliveredOn, proof_status: 'validated' })
    .where('id', '=', unit.id)
    .execute();
  await recordUnitEvent(trx, input.defective.id, 'replaced', input.at, input.actorId, { by: unit.id, serial: unit.serial, condition: input.condition });
  await recordUnitEvent(trx, unit.id, 'replacement_for', input.at, input.actorId, { unitId: input.defective.id });
  return unit;
}
