import { ticketsChanged } from './ticket-listeners.ts';
import { type Db, withTransaction } from '../../platform/db/database.ts';
import { AppError, forbidden } from '../../platform/errors/app-error.ts';
import { type Actor, isStaff } from '../auth/index.ts';
import { insertAudit, insertSerials, listSerials } from './ticket.queries.ts';
import { getTicket, lockVisibleTicket } from './ticket.service.ts';

export async function mergeTicket(db: Db, actor: Actor, rawSourceId: string, rawTargetId: string, now: Date) {
  // Ids compared canonically: the same ticket written in capitals is still the same ticket.
  const [sourceId, targetId] = [rawSourceId.toLowerCase(), rawTargetId.toLowerCase()];
  return withTransaction(db, async (trx) => {
    // Lock in a fixed order so two opposite merges cannot deadlock; out-of-reach ids are 404 first.
    const [first, second] = sourceId < targetId ? [sourceId, targetId] : [targetId, sourceId];
    const a = await lockVisibleTicket(trx, actor, first);
    const b = first === second ? a : await lockVisibleTicket(trx, actor, second);
    if (!isStaff(actor)) throw forbidden('Only the desk merges tickets');
    if (sourceId === targetId) throw new AppError('TICKET_MERGE_INVALID', 409, 'A ticket cannot be merged into itself');
    const [source, target] = a.id === sourceId ? [a, b] : [b, a];
    if (source.brand_id !== target.brand_id) throw new AppError('TICKET_MERGE_INVALID', 409, 'Tickets of different brands cannot be merged');
    if (source.merged_into_id || target.merged_into_id) throw new AppError('TICKET_MERGE_INVALID', 409, 'A merged ticket cannot take part in another merge');
    // One customer's conversation must never be shown to another (issue 9, finding 7).
    if (source.requester_id !== target.requester_id) {
      throw new AppError('TICKET_MERGE_OTHER_CUSTOMER', 409, 'Tickets of two different customers cannot be merged', {
        errors: [{ field: 'intoTicketId', code: 'other_customer', message: 'belongs to another customer' }],
      });
    }

    await trx.updateTable('ticket_entry').set({ ticket_id: target.id }).where('ticket_id', '=', source.id).execute();
    await trx.updateTable('attachment').set({ ticket_id: target.id }).where('ticket_id', '=', source.id).execute();
    const [sourceSerials, targetSerials] = [(await listSerials(trx, [source.id])).get(source.id) ?? [], (await listSerials(trx, [target.id])).get(target.id) ?? []];
    const added = sourceSerials.filter((s) => !targetSerials.includes(s));
    await insertSerials(trx, target.id, added, targetSerials.length);
    await trx
      .insertInto('ticket_entry')
      .values([
        { ticket_id: target.id, kind: 'system', body: `merged:${source.number}\n${source.subject}\n\n${source.description}`, author_id: actor.userId, search_config: source.search_config, created_at: now },
      ])
      .execute();
    await trx
      .updateTable('ticket')
      .set({ merged_into_id: target.id, status: 'closed', closed_at: now, updated_at: now })
      .where('id', '=', source.id)
      .execute();
    await trx.updateTable('ticket').set({ updated_at: now }).where('id', '=', target.id).execute();
    await insertAudit(trx, [
      { ticketId: source.id, actorId: actor.userId, at: now, field: 'merged_into', before: null, after: target.number },
      { ticketId: source.id, actorId: actor.userId, at: now, field: 'status', before: source.status, after: 'closed' },
      { ticketId: target.id, actorId: actor.userId, at: now, field: 'merged_from', before: null, after: source.number },
    ]);
    await ticketsChanged(trx, [source.id, target.id], now);
    return getTicket(trx, actor, target.id);
  });
}
