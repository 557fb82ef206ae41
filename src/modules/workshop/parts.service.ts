import { sql } from 'kysely';
import { DateTime } from 'luxon';
import type { Db } from '../../platform/db/database.ts';
import { withTransaction } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { type Actor, isAdmin, isStaff } from '../auth/index.ts';
import type { Brand } from '../brands/index.ts';
import { getBrandById } from '../brands/index.ts';
import { localised } from '../../platform/i18n/i18n.ts';
import { moveStock, partsById } from '../catalog/index.ts';
import { canTransition, type TicketStatus, transitionStatus } from '../tickets/index.ts';
import { moveRepair, type RepairRow, tellEstimate, type WorkshopContext } from './repair.service.ts';
import { insertRepairEvent } from './workshop.queries.ts';

/**
 * Parts for a repair (issue 13, item 4): each needed part is reserved from stock when it is there
 * (a stock move, never below zero); one that is not is ordered from the brand's supplier — only
 * when `orderMissing` (the repair is covered, or the customer accepted the quote: seed 004), never
 * before. The ticket then waits for parts, which pauses its clock as its policy says.
 */
export async function reserveOrOrderParts(trx: Db, c: { repair: RepairRow; brand: Brand; actorId: string | null; now: Date; orderMissing: boolean }) {
  const needed = await trx.selectFrom('repair_part').selectAll().where('repair_id', '=', c.repair.id).where('status', '=', 'needed').forUpdate().execute();
  const parts = await partsById(trx, needed.map((n) => n.part_id));
  const missingLeadDays: number[] = [];
  for (const n of needed) {
    if (await moveStock(trx, n.part_id, -n.quantity)) {
      await trx.updateTable('repair_part').set({ status: 'reserved' }).where('id', '=', n.id).execute();
      await trx.insertInto('stock_move').values({ part_id: n.part_id, at: c.now, delta: -n.quantity, reason: 'reserved', repair_id: c.repair.id, actor_id: c.actorId }).execute();
      continue;
    }
    const part = parts.get(n.part_id)!;
    missingLeadDays.push(part.reorder_lead_days);
    if (!c.orderMissing) continue;
    const expected = DateTime.fromJSDate(c.now, { zone: c.brand.timeZone }).plus({ days: part.reorder_lead_days }).toISODate()!;
    const po = await trx
      .insertInto('purchase_order')
      .values({ brand_id: c.brand.id, part_id: n.part_id, quantity: n.quantity, supplier: c.brand.settings.workshop.supplier, expected_on: expected, repair_id: c.repair.id, created_by: c.actorId, created_at: c.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.updateTable('repair_part').set({ status: 'ordered', purchase_order_id: po.id }).where('id', '=', n.id).execute();
  }
  const waiting = missingLeadDays.length > 0;
  if (waiting && c.orderMissing) {
    const ticket = await trx.selectFrom('ticket').select(['id', 'status', 'accepted_at']).where('id', '=', c.repair.ticket_id).executeTakeFirstOrThrow();
    await waitForParts(trx, ticket, c.actorId, c.now);
  }
  return { waiting, missingLeadDays };
}

/** The ticket waits for parts (its policy may pause the clock there), through in progress when it must. */
async function waitForParts(trx: Db, ticket: { id: string; status: string; accepted_at: Date | null }, actorId: string | null, at: Date) {
  let t = ticket;
  if (t.status !== 'waiting_parts' && !canTransition(t.status as TicketStatus, 'waiting_parts') && canTransition(t.status as TicketStatus, 'in_progress')) {
    await transitionStatus(trx, t, 'in_progress', { actorId, at, quiet: true });
    t = { ...t, status: 'in_progress' };
  }
  if (canTransition(t.status as TicketStatus, 'waiting_parts')) await transitionStatus(trx, t, 'waiting_parts', { actorId, at, quiet: true });
}

/**
 * A supplier delivery: the stock rises (a stock move), and each repair waiting for that part
 * takes what it needs; a repair with all its parts goes back on the bench, its ticket back in
 * progress, and its expected duration is worked out again without the lead time — the customer
 * told of the new date.
 */
export async function receivePurchaseOrder(ctx: WorkshopContext, actor: Actor, orderId: string, now: Date) {
  if (!isStaff(actor)) throw new AppError('FORBIDDEN', 403, 'The workshop receives deliveries');
  return withTransaction(ctx.db, async (trx) => {
    const po = await trx.selectFrom('purchase_order').selectAll().where('id', '=', orderId).forUpdate().executeTakeFirst();
    if (!po || !(isAdmin(actor) || actor.brandIds.includes(po.brand_id))) throw notFound('PURCHASE_ORDER_NOT_FOUND', 'Purchase order');
    if (po.state !== 'ordered') throw new AppError('PURCHASE_ORDER_ALREADY_RECEIVED', 409, `This purchase order is ${po.state}`, { state: po.state });
    await trx.updateTable('purchase_order').set({ state: 'received', received_at: now }).where('id', '=', po.id).execute();
    await moveStock(trx, po.part_id, po.quantity);
    await trx.insertInto('stock_move').values({ part_id: po.part_id, at: now, delta: po.quantity, reason: 'received', purchase_order_id: po.id, actor_id: actor.userId }).execute();
    const waiting = await trx.selectFrom('repair_part').selectAll().where('purchase_order_id', '=', po.id).where('status', '=', 'ordered').execute();
    const resumed: string[] = [];
    for (const w of waiting) {
      if (!(await moveStock(trx, w.part_id, -w.quantity))) continue;
      await trx.updateTable('repair_part').set({ status: 'reserved' }).where('id', '=', w.id).execute();
      await trx.insertInto('stock_move').values({ part_id: w.part_id, at: now, delta: -w.quantity, reason: 'reserved', repair_id: w.repair_id, purchase_order_id: po.id, actor_id: actor.userId }).execute();
      const still = await trx.selectFrom('repair_part').select('id').where('repair_id', '=', w.repair_id).where('status', 'in', ['needed', 'ordered']).executeTakeFirst();
      if (still) continue;
      const repair = await trx.selectFrom('repair').selectAll().where('id', '=', w.repair_id).forUpdate().executeTakeFirstOrThrow();
      if (repair.state !== 'awaiting_parts') continue;
      await moveRepair(trx, repair, 'parts_arrived', now);
      await insertRepairEvent(trx, { repair_id: repair.id, at: now, actor_id: actor.userId, event: 'parts_arrived', from_state: 'awaiting_parts', to_state: 'repairing', data: JSON.stringify({ purchaseOrderId: po.id }) });
      const ticket = await trx.selectFrom('ticket').select(['id', 'status', 'accepted_at']).where('id', '=', repair.ticket_id).executeTakeFirstOrThrow();
      if (ticket.status === 'waiting_parts') await transitionStatus(trx, ticket, 'in_progress', { actorId: actor.userId, at: now, quiet: true });
      await tellEstimate(ctx, trx, actor, repair.ticket_id, repair, await getBrandById(trx, repair.brand_id), 'repair', [], now);
      resumed.push(repair.id);
    }
    return { purchaseOrderId: po.id, resumedRepairIds: resumed };
  });
}

/** The brand's parts at or below what their open repairs still need, with what is on order. */
export async function lowStock(db: Db, actor: Actor, brandId: string, locale: string) {
  if (!isStaff(actor)) throw new AppError('FORBIDDEN', 403, 'The workshop sees the stock');
  await getBrandById(db, brandId);
  if (!(isAdmin(actor) || actor.brandIds.includes(brandId))) throw notFound('BRAND_NOT_FOUND', 'Brand');
  const rows = await db
    .selectFrom('spare_part as p')
    .select((eb) => [
      'p.id',
      'p.reference',
      'p.name',
      'p.stock_on_hand',
      'p.reorder_lead_days',
      eb.selectFrom('repair_part as rp').select(eb.fn.coalesce(eb.fn.sum<number>(sql.ref('rp.quantity')), eb.lit(0)).as('n')).whereRef('rp.part_id', '=', 'p.id').where('rp.status', 'in', ['needed', 'ordered']).as('needed'),
      eb.selectFrom('purchase_order as po').select(eb.fn.coalesce(eb.fn.sum<number>(sql.ref('po.quantity')), eb.lit(0)).as('n')).whereRef('po.part_id', '=', 'p.id').where('po.state', '=', 'ordered').as('on_order'),
      eb.selectFrom('purchase_order as po').select(eb.fn.min(sql.ref('po.expected_on')).as('d')).whereRef('po.part_id', '=', 'p.id').where('po.state', '=', 'ordered').as('next_delivery'),
    ])
    .where('p.brand_id', '=', brandId)
    .orderBy('p.stock_on_hand')
    .orderBy('p.reference')
    .execute();
  // "Low": nothing left, or less than the open repairs still need.
  return {
    items: rows
      .filter((r) => r.stock_on_hand === 0 || r.stock_on_hand < Number(r.needed ?? 0))
      .map((r) => ({ partId: r.id, reference: r.reference, name: localised(r.name, locale, r.reference), stockOnHand: r.stock_on_hand, neededByRepairs: Number(r.needed ?? 0), onOrder: Number(r.on_order ?? 0), nextDelivery: (r.next_delivery as string | null) ?? null, reorderLeadDays: r.reorder_lead_days })),
  };
}
