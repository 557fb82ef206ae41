import type { Db } from '../../platform/db/database.ts';
import { forbidden } from '../../platform/errors/app-error.ts';
import { type Actor, isStaff } from '../auth/index.ts';
import { ticketsChanged } from './ticket-listeners.ts';
import { insertAudit } from './ticket.queries.ts';
import { lockVisibleTicket } from './ticket.service.ts';
import type { TicketPriority, TicketStatus } from './ticket-status.ts';

/** What a desk's bulk change may later put back (issue 14, item 3: bulk actions with an undo). */
export interface TicketSnapshot {
  status: TicketStatus;
  priority: TicketPriority;
  assigneeId: string | null;
  groupId: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  updatedAt: string;
}

/** The ticket's restorable values, locked for the caller's transaction; out of reach is 404. */
export async function snapshotTicket(trx: Db, actor: Actor, ticketId: string): Promise<TicketSnapshot> {
  const t = await lockVisibleTicket(trx, actor, ticketId);
  return {
    status: t.status as TicketStatus,
    priority: t.priority as TicketPriority,
    assigneeId: t.assignee_id,
    groupId: t.group_id,
    resolvedAt: t.resolved_at?.toISOString() ?? null,
    closedAt: t.closed_at?.toISOString() ?? null,
    updatedAt: t.updated_at.toISOString(),
  };
}

/**
 * Puts back the values of a snapshot — an undo, so the status returns to where it was even where
 * the transition table has no edge back (closing a new ticket is undone to `new`, not reopened),
 * with its resolved/closed stamps. Refused, changing nothing, when the ticket changed after
 * `unchangedSince` (somebody's later work, a customer's mail) or was merged: that work wins.
 * Audited field by field and the listeners told, like every other ticket write.
 */
export async function restoreTicket(
  trx: Db,
  actor: Actor,
  ticketId: string,
  before: TicketSnapshot,
  unchangedSince: Date,
  now: Date,
): Promise<'restored' | 'changed_since'> {
  const t = await lockVisibleTicket(trx, actor, ticketId);
  if (!isStaff(actor)) throw forbidden('Only the desk changes a ticket');
  if (t.merged_into_id || t.updated_at.getTime() !== unchangedSince.getTime()) return 'changed_since';
  const audit: { field: string; before: unknown; after: unknown }[] = [];
  const note = (field: string, from: unknown, to: unknown) => {
    if (from !== to) audit.push({ field, before: from, after: to });
  };
  note('status', t.status, before.status);
  note('priority', t.priority, before.priority);
  note('group', t.group_id, before.groupId);
  note('assignee', t.assignee_id, before.assigneeId);
  if (audit.length === 0) return 'restored';
  await trx
    .updateTable('ticket')
    .set({
      status: before.status,
      priority: before.priority,
      group_id: before.groupId,
      assignee_id: before.assigneeId,
      resolved_at: before.resolvedAt ? new Date(before.resolvedAt) : null,
      closed_at: before.closedAt ? new Date(before.closedAt) : null,
      updated_at: now,
    })
    .where('id', '=', ticketId)
    .execute();
  await insertAudit(trx, audit.map((a) => ({ ticketId, actorId: actor.userId, at: now, ...a })));
  await ticketsChanged(trx, ticketId, now);
  return 'restored';
}
