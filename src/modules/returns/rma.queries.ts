import type { Insertable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { RmaEventTable } from '../../platform/db/schema.ts';
import type { Actor } from '../auth/index.ts';
import { ticketVisibleTo } from '../tickets/index.ts';

/** A ticket's return, if it has one (no authorization: the caller has checked the ticket). */
export function findReturn(trx: Db, ticketId: string) {
  return trx.selectFrom('rma').select(['id', 'state']).where('ticket_id', '=', ticketId).executeTakeFirst();
}

/** A ticket's return, locked for an event. */
export function lockReturn(trx: Db, ticketId: string) {
  return trx.selectFrom('rma').selectAll().where('ticket_id', '=', ticketId).forUpdate().executeTakeFirst();
}

export function insertEvent(trx: Db, e: Insertable<RmaEventTable>) {
  return trx.insertInto('rma_event').values(e).execute();
}

/** A ticket's return with its lines, history and parcels, when the reader may see the ticket. */
export async function returnDetails(db: Db, actor: Actor, ticketId: string, knownId?: string) {
  const rma = await db
    .selectFrom('rma as r')
    .innerJoin('ticket as t', 't.id', 'r.ticket_id')
    .selectAll('r')
    .select('t.number')
    .where('r.ticket_id', '=', ticketId)
    .$if(knownId !== undefined, (q) => q.where('r.id', '=', knownId!))
    .where(ticketVisibleTo(actor))
    .executeTakeFirst();
  if (!rma) return undefined;
  const [lines, events, shipments] = await Promise.all([
    db
      .selectFrom('rma_line as l')
      .innerJoin('unit as u', 'u.id', 'l.unit_id')
      .innerJoin('product_model as m', 'm.id', 'u.model_id')
      .select(['l.unit_id', 'l.warranty_outcome', 'l.accessories_expected', 'l.accessories_received', 'l.condition_note', 'u.serial', 'u.licence_key', 'm.code as model_code', 'm.name as model_name', 'm.accessories'])
      .where('l.rma_id', '=', rma.id)
      .orderBy('u.serial').orderBy('u.licence_key')
      .execute(),
    db
      .selectFrom('rma_event as e')
      .leftJoin('app_user as a', 'a.id', 'e.actor_id')
      .select(['e.at', 'e.event', 'e.from_state', 'e.to_state', 'e.data', 'a.name as actor_name'])
      .where('e.rma_id', '=', rma.id)
      .orderBy('e.id')
      .execute(),
    db.selectFrom('rma_shipment').selectAll().where('rma_id', '=', rma.id).orderBy('created_at').orderBy('id').execute(),
  ]);
  const { number, ...row } = rma;
  return { rma: row, number, lines, events, shipments };
}

/** Returns the reader may see, by state and age of their last change, oldest change first. */
export function listReturnRows(db: Db, actor: Actor, q: { states: string[]; changedBefore?: Date; changedSince?: Date; limit: number }) {
  return db
    .selectFrom('rma as r')
    .innerJoin('ticket as t', 't.id', 'r.ticket_id')
    .innerJoin('brand as b', 'b.id', 'r.brand_id')
    .innerJoin('app_user as u', 'u.id', 't.requester_id')
    .select(['r.id', 'r.ticket_id', 't.number', 't.subject', 'r.state', 'r.state_changed_at', 'r.channel_route', 'b.name as brand_name', 'b.time_zone', 'u.name as requester_name'])
    .select((eb) => eb.selectFrom('rma_line as l').select(eb.fn.countAll<number>().as('n')).whereRef('l.rma_id', '=', 'r.id').as('units'))
    .where('r.state', 'in', q.states)
    .$if(q.changedBefore !== undefined, (w) => w.where('r.state_changed_at', '<', q.changedBefore!))
    .$if(q.changedSince !== undefined, (w) => w.where('r.state_changed_at', '>=', q.changedSince!))
    .where(ticketVisibleTo(actor))
    .orderBy('r.state_changed_at')
    .orderBy('r.id')
    .limit(q.limit)
    .execute();
}
