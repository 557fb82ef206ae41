import { sql } from 'kysely';
import { type Db, withTransaction } from '../../platform/db/database.ts';
import { AppError, forbidden, notFound, validationFailed } from '../../platform/errors/app-error.ts';
import { type Actor, isStaff } from '../auth/index.ts';
import { canTransition, getTicket, mergeTicket, restoreTicket, snapshotTicket, type TicketEvents, type TicketSnapshot, updateTicket } from '../tickets/index.ts';
import { applyMacro, macroWrites } from './macro.service.ts';
import { insertBulkOperation, listBulkItems, lockOwnBulkOperation, markUndone } from './bulk.queries.ts';
import type { BulkActionType, BulkInput, BulkResponseType, BulkTicketResultType } from './bulk.schemas.ts';

/** How long an agent may take a bulk change back. */
export const BULK_UNDO_MINUTES = 10;

async function numberOf(trx: Db, actor: Actor, ticketId: string): Promise<string | null> {
  return getTicket(trx, actor, ticketId).then((t) => t.number, () => null);
}

/** Closing from the queue: a ticket the table does not let close directly is resolved first, as an agent would. */
async function closeTicket(trx: Db, actor: Actor, ticketId: string, status: TicketSnapshot['status'], now: Date): Promise<void> {
  if (status === 'closed') return;
  if (!canTransition(status, 'closed')) await updateTicket(trx, actor, ticketId, { status: 'resolved' }, now);
  await updateTicket(trx, actor, ticketId, { status: 'closed' }, now);
}

async function applyOne(trx: Db, actor: Actor, ticketId: string, before: TicketSnapshot, action: BulkActionType, now: Date, ticketEvents: TicketEvents): Promise<void> {
  switch (action.type) {
    case 'assign':
      await updateTicket(trx, actor, ticketId, { assigneeId: action.assigneeId, ...(action.groupId !== undefined ? { groupId: action.groupId } : {}) }, now);
      return;
    case 'status':
      await updateTicket(trx, actor, ticketId, { status: action.status }, now);
      return;
    case 'priority':
      await updateTicket(trx, actor, ticketId, { priority: action.priority }, now);
      return;
    case 'close':
      await closeTicket(trx, actor, ticketId, before.status, now);
      return;
    case 'merge':
      await mergeTicket(trx, actor, ticketId, action.intoTicketId, now);
      return;
    case 'macro':
      await applyMacro(trx, actor, ticketId, action.macroId, now, ticketEvents);
      return;
  }
}

/**
 * Applies one action to each selected ticket through the tickets module's own operations, so each
 * ticket meets the same authorization and rules as when changed alone. One transaction; each
 * ticket in its own savepoint, so a refusal (out of reach → not found, a transition not allowed)
 * takes back only that ticket. What each changed ticket was before is recorded for the undo.
 */
export async function runBulk(db: Db, actor: Actor, input: BulkInput, now: Date, ticketEvents: TicketEvents): Promise<BulkResponseType> {
  if (!isStaff(actor)) throw forbidden('Only the desk changes tickets in bulk');
  const ids = [...new Set(input.ticketIds.map((id) => id.toLowerCase()))];
  return withTransaction(db, async (trx) => {
    if (input.action.type === 'merge') {
      // The target is checked once, for the whole operation: out of reach, it is the field at fault.
      const target = await getTicket(trx, actor, input.action.intoTicketId).catch(() => null);
      if (!target) throw validationFailed([{ field: 'action.intoTicketId', code: 'not_found', message: 'no such ticket' }]);
    }
    const results: BulkTicketResultType[] = [];
    const items: { ticketId: string; before: TicketSnapshot; afterUpdatedAt: Date }[] = [];
    for (const ticketId of ids) {
      await sql`savepoint desk_bulk_ticket`.execute(trx);
      try {
        const before = await snapshotTicket(trx, actor, ticketId);
        await applyOne(trx, actor, ticketId, before, input.action, now, ticketEvents);
        const after = await snapshotTicket(trx, actor, ticketId);
        await sql`release savepoint desk_bulk_ticket`.execute(trx);
        items.push({ ticketId, before, afterUpdatedAt: new Date(after.updatedAt) });
        results.push({ ticketId, number: await numberOf(trx, actor, ticketId), ok: true, code: null });
      } catch (e) {
        await sql`rollback to savepoint desk_bulk_ticket`.execute(trx);
        if (!(e instanceof AppError)) throw e;
        results.push({ ticketId, number: e.httpStatus === 404 ? null : await numberOf(trx, actor, ticketId), ok: false, code: e.code });
      }
    }
    if (items.length === 0) return { id: null, undoable: false, undoableUntil: null, results };
    // Tickets cannot be unmerged (the tickets module has no such operation) and a sent reply cannot
    // be recalled: a merge, or a macro that writes, is kept, not undoable.
    const undoable = input.action.type === 'macro' ? !(await macroWrites(trx, input.action.macroId)) : input.action.type !== 'merge';
    const id = await insertBulkOperation(trx, { actorId: actor.userId, action: input.action, undoable, at: now }, items);
    return { id, undoable, undoableUntil: undoable ? new Date(now.getTime() + BULK_UNDO_MINUTES * 60_000).toISOString() : null, results };
  });
}

/**
 * Takes a bulk operation back within the window: each ticket returns to its recorded values,
 * unless it changed since (then it is reported and left alone). Only the agent who ran it may.
 */
export async function undoBulk(db: Db, actor: Actor, operationId: string, now: Date): Promise<{ results: BulkTicketResultType[] }> {
  if (!isStaff(actor)) throw forbidden('Only the desk changes tickets in bulk');
  return withTransaction(db, async (trx) => {
    const op = await lockOwnBulkOperation(trx, actor.userId, operationId.toLowerCase());
    if (!op) throw notFound('DESK_BULK_NOT_FOUND', 'Bulk operation');
    if (!op.undoable) throw new AppError('DESK_BULK_UNDO_UNSUPPORTED', 409, 'This operation cannot be undone: merged tickets cannot be unmerged, sent replies cannot be recalled');
    if (op.undone_at) throw new AppError('DESK_BULK_ALREADY_UNDONE', 409, 'This operation was already undone');
    if (now.getTime() - op.created_at.getTime() > BULK_UNDO_MINUTES * 60_000) {
      throw new AppError('DESK_BULK_UNDO_EXPIRED', 409, `A bulk operation can be undone for ${BULK_UNDO_MINUTES} minutes only`, { minutes: BULK_UNDO_MINUTES });
    }
    const results: BulkTicketResultType[] = [];
    for (const item of await listBulkItems(trx, op.id)) {
      await sql`savepoint desk_bulk_undo`.execute(trx);
      try {
        const outcome = await restoreTicket(trx, actor, item.ticket_id, item.before as unknown as TicketSnapshot, item.after_updated_at, now);
        await sql`release savepoint desk_bulk_undo`.execute(trx);
        const number = await numberOf(trx, actor, item.ticket_id);
        results.push({ ticketId: item.ticket_id, number, ok: outcome === 'restored', code: outcome === 'restored' ? null : 'DESK_BULK_TICKET_CHANGED' });
      } catch (e) {
        await sql`rollback to savepoint desk_bulk_undo`.execute(trx);
        if (!(e instanceof AppError)) throw e;
        results.push({ ticketId: item.ticket_id, number: e.httpStatus === 404 ? null : await numberOf(trx, actor, item.ticket_id), ok: false, code: e.code });
      }
    }
    await markUndone(trx, op.id, now);
    return { results };
  });
}
