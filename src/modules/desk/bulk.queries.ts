import type { Db } from '../../platform/db/database.ts';
import type { TicketSnapshot } from '../tickets/index.ts';

export async function insertBulkOperation(
  trx: Db,
  op: { actorId: string; action: Record<string, unknown>; undoable: boolean; at: Date },
  items: { ticketId: string; before: TicketSnapshot; afterUpdatedAt: Date }[],
): Promise<string> {
  const row = await trx
    .insertInto('desk_bulk_operation')
    .values({ actor_id: op.actorId, action: JSON.stringify(op.action), undoable: op.undoable, created_at: op.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (items.length) {
    await trx
      .insertInto('desk_bulk_item')
      .values(items.map((i) => ({ operation_id: row.id, ticket_id: i.ticketId, before: JSON.stringify(i.before), after_updated_at: i.afterUpdatedAt })))
      .execute();
  }
  return row.id;
}

/** The caller's own operation, locked; someone else's is not found. */
export async function lockOwnBulkOperation(trx: Db, actorId: string, id: string) {
  return trx.selectFrom('desk_bulk_operation').selectAll().where('id', '=', id).where('actor_id', '=', actorId).forUpdate().executeTakeFirst();
}

export async function listBulkItems(trx: Db, operationId: string) {
  return trx.selectFrom('desk_bulk_item').selectAll().where('operation_id', '=', operationId).orderBy('ticket_id').execute();
}

export async function markUndone(trx: Db, id: string, at: Date): Promise<void> {
  await trx.updateTable('desk_bulk_operation').set({ undone_at: at }).where('id', '=', id).execute();
}
