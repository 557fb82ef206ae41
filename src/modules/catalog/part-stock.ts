import type { Db } from '../../platform/db/database.ts';

/**
 * Moves a part's stock on hand (this module owns `spare_part`): a reservation or a consumption
 * takes, a release or a delivery gives back. Never below zero: answers false, and changes nothing,
 * when the stock does not hold `-delta`. The caller records why (the workshop's `stock_move`).
 */
export async function moveStock(trx: Db, partId: string, delta: number): Promise<boolean> {
  const r = await trx
    .updateTable('spare_part')
    .set((eb) => ({ stock_on_hand: eb('stock_on_hand', '+', delta) }))
    .where('id', '=', partId)
    .where((eb) => eb(eb('stock_on_hand', '+', delta), '>=', 0))
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

/** The parts of a brand, as the workshop needs them: price, stock, lead time, supplier-facing reference. */
export async function partsById(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, PartFacts>();
  const rows = await db.selectFrom('spare_part').select(['id', 'brand_id', 'reference', 'name', 'price_cents', 'currency', 'stock_on_hand', 'reorder_lead_days']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r]));
}
export type PartFacts = { id: string; brand_id: string; reference: string; name: Record<string, string>; price_cents: number; currency: string; stock_on_hand: number; reorder_lead_days: number };
