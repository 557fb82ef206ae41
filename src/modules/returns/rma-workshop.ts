import type { Db } from '../../platform/db/database.ts';
import { withTransaction } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import type { Actor } from '../auth/index.ts';
import { isStaff } from '../auth/index.ts';
import { lockVisibleTicket, recordTicketEvent } from '../tickets/index.ts';
import { insertEvent, lockReturn } from './rma.queries.ts';

/**
 * What the workshop (issue 13) reads of a return and writes through this module, which owns the
 * `rma*` tables: a unit's line on a ticket's return, the courier's pickup of the defective unit,
 * and the outbound parcel of a replacement — which never leaves before the defective unit was
 * collected (seed 001), whoever asks.
 */
export async function workshopLine(db: Db, ticketId: string, unitId: string) {
  return db
    .selectFrom('rma_line as l')
    .innerJoin('rma as r', 'r.id', 'l.rma_id')
    .select(['l.id as line_id', 'l.rma_id', 'l.unit_id', 'l.warranty_outcome', 'r.state as rma_state', 'r.brand_id', 'r.ticket_id'])
    .where('r.ticket_id', '=', ticketId)
    .where('l.unit_id', '=', unitId)
    .executeTakeFirst();
}

/** Whether the defective units of a return were picked up by the courier or received at the counter. */
export async function defectiveCollected(db: Db, rmaId: string): Promise<boolean> {
  const row = await db
    .selectFrom('rma_shipment')
    .select('id')
    .where('rma_id', '=', rmaId)
    .where('direction', '=', 'in')
    .where('refused_reason', 'is', null)
    .where((eb) => eb.or([eb('picked_up_at', 'is not', null), eb('handled_at', 'is not', null)]))
    .executeTakeFirst();
  return row !== undefined;
}

/** The courier collected the defective unit from the customer: recorded on the inbound parcel. */
export async function recordPickup(db: Db, actor: Actor, ticketId: string, input: { carrier?: string | undefined; trackingNumber?: string | undefined }, now: Date) {
  return withTransaction(db, async (trx) => {
    const ticket = await lockVisibleTicket(trx, actor, ticketId);
    if (!isStaff(actor)) throw new AppError('FORBIDDEN', 403, 'The desk records a pickup');
    const rma = await lockReturn(trx, ticket.id);
    if (!rma) throw notFound('RMA_NOT_FOUND', 'Return');
    const parcel = await trx
      .selectFrom('rma_shipment')
      .select(['id', 'picked_up_at'])
      .where('rma_id', '=', rma.id)
      .where('direction', '=', 'in')
      .where('refused_reason', 'is', null)
      .where('handled_at', 'is', null)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    if (rma.state !== 'awaiting_parcel' || !parcel) throw new AppError('RMA_TRANSITION_NOT_ALLOWED', 409, `A return in state ${rma.state} has no parcel waiting for its pickup`, { state: rma.state, event: 'pickup' });
    if (!parcel.picked_up_at) {
      await trx
        .updateTable('rma_shipment')
        .set({ picked_up_at: now, ...(input.carrier?.trim() ? { carrier: input.carrier.trim() } : {}), ...(input.trackingNumber?.trim() ? { tracking_number: input.trackingNumber.trim() } : {}) })
        .where('id', '=', parcel.id)
        .execute();
      await insertEvent(trx, { rma_id: rma.id, at: now, actor_id: actor.userId, event: 'picked_up', from_state: rma.state, to_state: rma.state, data: JSON.stringify({ carrier: input.carrier?.trim() ?? null }) });
      await recordTicketEvent(trx, { ticketId: ticket.id, actorId: actor.userId, at: now, field: 'rma', before: rma.state, after: { state: rma.state, event: 'picked_up' } });
    }
    return { pickedUpAt: (parcel.picked_up_at ?? now).toISOString() };
  });
}

/**
 * The outbound parcel of a replacement unit. Refused — with the reason, and nothing written — while
 * the defective unit has been neither picked up nor received: no setting or role overrides it.
 */
export async function recordReplacementParcel(trx: Db, rmaId: string, input: { carrier: string; trackingNumber?: string | undefined; now: Date; actorId: string; unitId: string; replacementSerial: string | null }) {
  if (!(await defectiveCollected(trx, rmaId))) throw replacementBeforePickup();
  await trx
    .insertInto('rma_shipment')
    .values({ rma_id: rmaId, direction: 'out', mode: 'carrier', carrier: input.carrier.trim(), tracking_number: input.trackingNumber?.trim() || null, paid_by: 'brand', created_at: input.now, handled_at: input.now })
    .execute();
  const rma = await trx.selectFrom('rma').select('state').where('id', '=', rmaId).executeTakeFirstOrThrow();
  await insertEvent(trx, { rma_id: rmaId, at: input.now, actor_id: input.actorId, event: 'replacement_shipped', from_state: rma.state, to_state: rma.state, data: JSON.stringify({ unitId: input.unitId, serial: input.replacementSerial, carrier: input.carrier.trim() }) });
}

export const replacementBeforePickup = () =>
  new AppError('REPLACEMENT_BEFORE_PICKUP', 409, 'A replacement ships only once the defective unit was picked up or received', { errors: [{ field: 'outbound', code: 'invalid_value', message: 'the defective unit has not been picked up yet' }] });

/** The parcel taking a unit back to its customer from the workshop, and who pays it; the desk then ships the return back. */
export async function recordReturnParcel(trx: Db, rmaId: string, input: { carrier: string; trackingNumber?: string | undefined; paidBy: 'customer' | 'brand'; now: Date; actorId: string; unitId: string }) {
  await trx
    .insertInto('rma_shipment')
    .values({ rma_id: rmaId, direction: 'out', mode: 'carrier', carrier: input.carrier.trim(), tracking_number: input.trackingNumber?.trim() || null, paid_by: input.paidBy, created_at: input.now, handled_at: input.now })
    .execute();
  const rma = await trx.selectFrom('rma').select('state').where('id', '=', rmaId).executeTakeFirstOrThrow();
  await insertEvent(trx, { rma_id: rmaId, at: input.now, actor_id: input.actorId, event: 'unit_shipped', from_state: rma.state, to_state: rma.state, data: JSON.stringify({ unitId: input.unitId, carrier: input.carrier.trim(), paidBy: input.paidBy }) });
}
