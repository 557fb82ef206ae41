import { ticketsChanged } from './ticket-listeners.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, forbidden } from '../../platform/errors/app-error.ts';
import { type Actor, isStaff, STAFF_ROLES } from '../auth/index.ts';
import { claimAttachments, listAttachmentsFor } from '../attachments/index.ts';
import { getBrandById } from '../brands/index.ts';
import { searchConfigFor } from './search-config.ts';
import { insertAudit } from './ticket.queries.ts';
import type { CreateEntryInput, EntryResponseType } from './ticket.schemas.ts';
import { ticketNotFound, lockVisibleTicket } from './ticket.service.ts';
import { transitionNotAllowed, transitionStatus } from './ticket-operations.ts';
import { allowedTransitions, type TicketStatus } from './ticket-status.ts';
import { ticketVisibleTo } from './ticket-visibility.ts';

const STAFF_KINDS = new Set(['agent_reply', 'internal_note', 'phone_note']);

/**
 * A reseller or distributor writing in a customer's case writes on the customer's behalf; the desk
 * answers in its own name, so staff entries carry no "on behalf of".
 */
function writesForRequester(authorId: string | null, authorRole: string | null, requesterId: string): boolean {
  return !!authorId && authorId !== requesterId && !!authorRole && !(STAFF_ROLES as readonly string[]).includes(authorRole);
}

async function requesterRef(db: Db, requesterId: string) {
  return db.selectFrom('app_user').select(['id', 'name']).where('id', '=', requesterId).executeTakeFirstOrThrow();
}

export async function listEntries(db: Db, actor: Actor, ticketId: string): Promise<{ items: EntryResponseType[] }> {
  const visible = await db
    .selectFrom('ticket as t')
    .innerJoin('app_user as r', 'r.id', 't.requester_id')
    .select(['t.id', 't.requester_id', 'r.name as requester_name'])
    .where('t.id', '=', ticketId)
    .where(ticketVisibleTo(actor))
    .executeTakeFirst();
  if (!visible) throw ticketNotFound();
  let q = db
    .selectFrom('ticket_entry as e')
    .leftJoin('app_user as u', 'u.id', 'e.author_id')
    .leftJoin('organisation as uo', 'uo.id', 'u.organisation_id')
    .leftJoin('outbound_message as om', 'om.id', 'e.outbound_message_id')
    .select([
      'e.id', 'e.kind', 'e.body', 'e.created_at', 'e.author_id', 'u.name as author_name', 'u.role as author_role', 'uo.name as author_organisation',
      'e.html_body', 'e.from_address', 'e.inbound_message_id', 'e.auto_submitted',
      'om.status as delivery_status', 'om.last_error as delivery_error', 'om.sent_at as delivery_sent_at', 'om.to_address as delivery_to',
    ])
    .where('e.ticket_id', '=', ticketId);
  // Internal notes are the desk's own: a customer or partner never receives them.
  if (!isStaff(actor)) q = q.where('e.kind', '!=', 'internal_note');
  const rows = await q.orderBy('e.created_at').orderBy('e.id').execute();
  const attachments = await listAttachmentsFor(db, { ticketId, entryIds: rows.map((r) => r.id) });
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind as EntryResponseType['kind'],
      body: r.body,
      author: r.author_id ? { id: r.author_id, name: r.author_name ?? '', role: r.author_role ?? '', organisation: r.author_organisation } : null,
      onBehalfOf: writesForRequester(r.author_id, r.author_role, visible.requester_id) ? { id: visible.requester_id, name: visible.requester_name } : null,
      createdAt: r.created_at.toISOString(),
      attachments: attachments.get(r.id) ?? [],
      channel: r.inbound_message_id || r.delivery_status ? ('email' as const) : null,
      fromAddress: r.from_address,
      htmlBody: r.html_body,
      autoSubmitted: r.auto_submitted,
      delivery:
        r.delivery_status && r.delivery_to
          ? { status: r.delivery_status, error: isStaff(actor) ? r.delivery_error : null, sentAt: r.delivery_sent_at?.toISOString() ?? null, to: r.delivery_to }
          : null,
    })),
  };
}

/**
 * Adds a conversation entry. Side effects on the status follow the desk's habits: the first
 * reply starts the work, a customer's answer ends the wait, and a customer writing on a resolved
 * or closed ticket within the brand's reopen window reopens it.
 */
export async function addEntry(trx: Db, actor: Actor, ticketId: string, input: CreateEntryInput, now: Date): Promise<EntryResponseType> {
  const ticket = await lockVisibleTicket(trx, actor, ticketId);
  const staff = isStaff(actor);
  if (staff ? !STAFF_KINDS.has(input.kind) : input.kind !== 'customer_message') {
    throw forbidden(`You cannot add a ${input.kind} to this ticket`);
  }
  if (ticket.merged_into_id) throw new AppError('TICKET_MERGED', 409, 'This ticket was merged into another one');
  const entry = await trx
    .insertInto('ticket_entry')
    .values({
      ticket_id: ticketId,
      kind: input.kind,
      body: input.body,
      author_id: actor.userId,
      search_config: searchConfigFor(input.body, actor.locale),
      created_at: now,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  await claimAttachments(trx, actor, input.attachmentIds, { ticketId, entryId: entry.id }, 'attachmentIds');

  await applyEntryEffects(trx, ticket, { entryId: entry.id, kind: input.kind, actorId: actor.userId, now });
  if (input.thenStatus) await thenTransition(trx, actor, ticketId, input.thenStatus, now);
  const attachments = await listAttachmentsFor(trx, { ticketId, entryIds: [entry.id] });
  return {
    id: entry.id,
    kind: input.kind,
    body: input.body,
    author: { id: actor.userId, name: actor.name, role: actor.role },
    onBehalfOf: writesForRequester(actor.userId, actor.role, ticket.requester_id) ? await requesterRef(trx, ticket.requester_id) : null,
    createdAt: now.toISOString(),
    attachments: attachments.get(entry.id) ?? [],
    channel: null,
    fromAddress: null,
    htmlBody: null,
    autoSubmitted: false,
    delivery: null,
  };
}

/**
 * The status asked for with an entry ("send and wait for the customer"), checked against the
 * status the entry itself left (a first reply has already started the work). A refusal throws and
 * the caller's transaction takes the entry back with it: nothing is half-written.
 */
async function thenTransition(trx: Db, actor: Actor, ticketId: string, to: TicketStatus, now: Date): Promise<void> {
  if (!isStaff(actor)) {
    throw new AppError('FORBIDDEN', 403, 'Only the desk changes a ticket', { errors: [{ field: 'thenStatus', code: 'forbidden', message: 'only the desk changes the status' }] });
  }
  const current = await trx.selectFrom('ticket').selectAll().where('id', '=', ticketId).forUpdate().executeTakeFirstOrThrow();
  const from = current.status as TicketStatus;
  if (from === to) return;
  if (!allowedTransitions(from).includes(to)) {
    const e = transitionNotAllowed(from, to);
    throw new AppError(e.code, e.httpStatus, e.message, { ...e.details, errors: [{ field: 'thenStatus', code: 'transition_not_allowed', message: `${from} → ${to} is not allowed` }] });
  }
  await transitionStatus(trx, current, to, { actorId: actor.userId, at: now });
}

export async function listHistory(db: Db, actor: Actor, ticketId: string) {
  if (!isStaff(actor)) throw ticketNotFound();
  const visible = await db.selectFrom('ticket as t').select('t.id').where('t.id', '=', ticketId).where(ticketVisibleTo(actor)).executeTakeFirst();
  if (!visible) throw ticketNotFound();
  const rows = await db
    .selectFrom('ticket_audit as h')
    .leftJoin('app_user as u', 'u.id', 'h.actor_id')
    .select(['h.id', 'h.at', 'h.field', 'h.before', 'h.after', 'h.actor_id', 'u.name as actor_name'])
    .where('h.ticket_id', '=', ticketId)
    .orderBy('h.id')
    .execute();
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
      at: r.at.toISOString(),
      field: r.field,
      before: r.before,
      after: r.after,
    })),
  };
}

type LockedTicket = { id: string; brand_id: string; status: string; accepted_at: Date | null; resolved_at: Date | null; closed_at: Date | null; updated_at: Date };

/** Whether a customer writing now reopens this resolved or closed ticket (brand's reopen window). */
export async function customerMayReopen(trx: Db, ticket: LockedTicket, now: Date): Promise<boolean> {
  const brand = await getBrandById(trx, ticket.brand_id);
  const since = ticket.resolved_at ?? ticket.closed_at ?? ticket.updated_at;
  return (now.getTime() - new Date(since).getTime()) / 86_400_000 <= brand.settings.reopenDays;
}

/**
 * What a new entry does to its (locked) ticket, whatever channel brought it: the first reply
 * starts the work, a customer's answer ends the wait, and a customer writing on a resolved or
 * closed ticket within the reopen window reopens it. Audited with the entry.
 */
export async function applyEntryEffects(
  trx: Db,
  ticket: LockedTicket,
  e: { entryId: string; kind: string; actorId: string | null; now: Date; automatic?: boolean },
): Promise<void> {
  const from = ticket.status as TicketStatus;
  let to: TicketStatus | undefined;
  if (e.kind === 'agent_reply' && (from === 'new' || from === 'accepted')) to = 'in_progress';
  if (e.kind === 'customer_message' && !e.automatic) {
    if (from === 'waiting_customer') to = 'in_progress';
    if ((from === 'resolved' || from === 'closed') && (await customerMayReopen(trx, ticket, e.now))) to = 'in_progress';
  }
  await trx.updateTable('ticket').set({ updated_at: e.now }).where('id', '=', ticket.id).execute();
  await insertAudit(trx, [{ ticketId: ticket.id, actorId: e.actorId, at: e.now, field: 'entry', before: null, after: { id: e.entryId, kind: e.kind } }]);
  if (to) await transitionStatus(trx, ticket, to, { actorId: e.actorId, at: e.now, quiet: true });
  // An entry moves timers even without a status change (the first answer, the customer's reply).
  await ticketsChanged(trx, ticket.id, e.now);
}
