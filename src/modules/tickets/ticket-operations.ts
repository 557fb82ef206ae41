/**
 * The tickets module's named operations for the other modules (STYLE.md: only the owner of a table
 * writes it). E-mail, service levels — and next returns and the workshop — change a ticket only
 * through these; each runs in the caller's transaction, audits what it changed and tells the
 * ticket's listeners.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Locale } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Brand } from '../brands/index.ts';
import { customerMayReopen, applyEntryEffects } from './entry.service.ts';
import { searchConfigFor } from './search-config.ts';
import { insertTicket, resellerFor } from './ticket-create.service.ts';
import { ticketsChanged } from './ticket-listeners.ts';
import { insertAudit, insertSerials, listSerials } from './ticket.queries.ts';
import { allowedTransitions, canTransition, type TicketPriority, type TicketStatus } from './ticket-status.ts';

/** When a status change stamps which time: accepted once, resolved and closed, cleared when reopened. */
export function statusTimestamps(ticket: { accepted_at: Date | null }, to: TicketStatus, now: Date): Record<string, Date | null> {
  const out: Record<string, Date | null> = {};
  if (to !== 'new' && !ticket.accepted_at) out.accepted_at = now;
  if (to === 'resolved') out.resolved_at = now;
  if (to === 'closed') out.closed_at = now;
  if (to === 'in_progress') {
    out.resolved_at = null;
    out.closed_at = null;
  }
  return out;
}

export function transitionNotAllowed(from: TicketStatus, to: TicketStatus): AppError {
  return new AppError('TICKET_TRANSITION_NOT_ALLOWED', 409, `A ${from} ticket cannot become ${to}`, {
    errors: [{ field: 'status', code: 'transition_not_allowed', message: `${from} → ${to} is not allowed` }],
    from,
    to,
    allowed: allowedTransitions(from),
  });
}

/**
 * Every status change goes through here: checks the transition table, stamps the times, audits,
 * and tells the listeners (service levels restart or stop their clocks). The ticket is locked.
 * `quiet` leaves telling the listeners to a caller that tells them once for several changes.
 */
export async function transitionStatus(
  trx: Db,
  ticket: { id: string; status: string; accepted_at: Date | null },
  to: TicketStatus,
  by: { actorId: string | null; at: Date; quiet?: boolean },
): Promise<void> {
  const from = ticket.status as TicketStatus;
  if (from === to) return;
  if (!canTransition(from, to)) throw transitionNotAllowed(from, to);
  await trx
    .updateTable('ticket')
    .set({ status: to, ...statusTimestamps(ticket, to, by.at), updated_at: by.at })
    .where('id', '=', ticket.id)
    .execute();
  await insertAudit(trx, [{ ticketId: ticket.id, actorId: by.actorId, at: by.at, field: 'status', before: from, after: to }]);
  if (!by.quiet) await ticketsChanged(trx, ticket.id, by.at);
}

async function lockTicket(trx: Db, ticketId: string) {
  return trx.selectFrom('ticket').selectAll().where('id', '=', ticketId).forUpdate().executeTakeFirstOrThrow();
}

/** Whether a customer's message on this ticket belongs to it: a closed ticket past the brand's reopen window starts a new case. */
export async function acceptsCustomerMessage(trx: Db, ticketId: string, at: Date, automatic: boolean): Promise<boolean> {
  const t = await lockTicket(trx, ticketId);
  return !(t.status === 'closed' && !automatic && !(await customerMayReopen(trx, t, at)));
}

/** Opens a ticket for a customer who wrote in by mail (one requester resolution, the brand's numbering). */
export async function openTicketFromMessage(
  trx: Db,
  input: { brand: Brand; requester: { id: string; locale: Locale; organisationId: string | null }; subject: string; description: string; serialNumbers: string[]; at: Date },
): Promise<string> {
  return insertTicket(trx, {
    brand: input.brand,
    requester: input.requester,
    resellerId: await resellerFor(trx, { role: 'customer', organisationId: null }, input.requester.organisationId),
    channel: 'email',
    subject: input.subject,
    description: input.description,
    serialNumbers: input.serialNumbers,
    customFields: {},
    priority: 'normal',
    createdById: null,
    now: input.at,
  });
}

/**
 * Opens a ticket from a public web form (issue 14, item 7): the requester has no session, so the
 * form's module validated the brand's intake form and resolved the customer by address. The
 * brand's numbering, channel `web_form`, audited and told to the listeners like every ticket.
 */
export async function openTicketFromWebForm(
  trx: Db,
  input: {
    brand: Brand;
    requester: { id: string; locale: Locale; organisationId: string | null };
    subject: string;
    description: string;
    serialNumbers: string[];
    customFields: Record<string, unknown>;
    at: Date;
  },
): Promise<{ id: string; number: string }> {
  const id = await insertTicket(trx, {
    brand: input.brand,
    requester: input.requester,
    resellerId: await resellerFor(trx, { role: 'customer', organisationId: null }, input.requester.organisationId),
    channel: 'web_form',
    subject: input.subject,
    description: input.description,
    serialNumbers: input.serialNumbers,
    customFields: input.customFields,
    priority: 'normal',
    createdById: null,
    now: input.at,
  });
  const row = await trx.selectFrom('ticket').select('number').where('id', '=', id).executeTakeFirstOrThrow();
  return { id, number: row.number };
}

/** Serial numbers a later message named, added after those the ticket has. */
export async function addSerialNumbers(trx: Db, ticketId: string, serials: string[]): Promise<void> {
  if (!serials.length) return;
  const known = (await listSerials(trx, [ticketId])).get(ticketId) ?? [];
  // The same serial written in other case, or twice, is one serial.
  const seen = new Set(known.map((s) => s.toUpperCase()));
  const added = serials.filter((s) => !seen.has(s.toUpperCase()) && seen.add(s.toUpperCase()));
  await insertSerials(trx, ticketId, added, known.length);
}

/**
 * Appends what a customer sent (a mail today) to the conversation, and lets it do what a customer's
 * message does: end a wait, reopen within the window, confirm a phone request (seed 000) — unless
 * it opened the ticket, or was sent by a machine. Returns the entry's id.
 */
export async function appendCustomerMessage(
  trx: Db,
  input: {
    ticketId: string;
    opened: boolean;
    kind: 'customer_message' | 'system';
    body: string;
    htmlBody: string | null;
    fromAddress: string;
    author: { id: string; locale: Locale };
    inboundMessageId: string;
    automatic: boolean;
    searchText: string;
    at: Date;
  },
): Promise<string> {
  const entry = await trx
    .insertInto('ticket_entry')
    .values({
      ticket_id: input.ticketId,
      kind: input.kind,
      body: input.body,
      html_body: input.htmlBody,
      from_address: input.fromAddress,
      author_id: input.author.id,
      inbound_message_id: input.inboundMessageId,
      auto_submitted: input.automatic,
      search_config: searchConfigFor(input.searchText, input.author.locale),
      created_at: input.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.opened) return entry.id;
  const ticket = await lockTicket(trx, input.ticketId);
  await applyEntryEffects(trx, ticket, { entryId: entry.id, kind: 'customer_message', actorId: input.author.id, now: input.at, automatic: input.automatic });
  if (!input.automatic && ticket.confirmation_requested_at && !ticket.confirmed_at && input.author.id === ticket.requester_id) {
    await trx.updateTable('ticket').set({ confirmed_at: input.at }).where('id', '=', ticket.id).execute();
    await insertAudit(trx, [{ ticketId: ticket.id, actorId: input.author.id, at: input.at, field: 'confirmed', before: null, after: input.at.toISOString() }]);
  }
  return entry.id;
}

/** The outgoing mail that carries this conversation entry. */
export async function linkEntryToOutbound(trx: Db, entryId: string, outboundId: string): Promise<void> {
  await trx.updateTable('ticket_entry').set({ outbound_message_id: outboundId }).where('id', '=', entryId).execute();
}

/**
 * A message to the customer left: the acknowledgment accepts a new ticket (seed 003: a policy that
 * counts from acceptance starts now); the confirmation request is stamped (seed 000).
 */
export async function messageSent(trx: Db, ticketId: string, kind: string, at: Date): Promise<void> {
  const t = await lockTicket(trx, ticketId);
  if (kind === 'acknowledgment' && t.status === 'new') await transitionStatus(trx, t, 'accepted', { actorId: null, at });
  if (kind === 'confirmation_request') {
    await trx.updateTable('ticket').set({ confirmation_requested_at: at }).where('id', '=', t.id).execute();
    await insertAudit(trx, [{ ticketId: t.id, actorId: null, at, field: 'confirmation_requested', before: null, after: at.toISOString() }]);
  }
}

/** A line in the ticket's history written on another module's behalf (a service-level warning). */
export async function recordTicketEvent(trx: Db, e: { ticketId: string; actorId: string | null; at: Date; field: string; before: unknown; after: unknown }): Promise<void> {
  await insertAudit(trx, [e]);
}

/** Another module changes the priority (a breached service level raises it); audited, listeners told. */
export async function changePriority(trx: Db, ticketId: string, from: TicketPriority, to: TicketPriority, by: { actorId: string | null; at: Date }): Promise<void> {
  if (from === to) return;
  await trx.updateTable('ticket').set({ priority: to, updated_at: by.at }).where('id', '=', ticketId).execute();
  await insertAudit(trx, [{ ticketId, actorId: by.actorId, at: by.at, field: 'priority', before: from, after: to }]);
  await ticketsChanged(trx, ticketId, by.at);
}

/** The desk's new planned resolution date (seed 003), audited with its reason. */
export async function setPlannedResolution(trx: Db, ticketId: string, planned: Date, by: { actorId: string; at: Date; before: string | null; reason: string }): Promise<void> {
  await trx.updateTable('ticket').set({ planned_resolution_at: planned, updated_at: by.at }).where('id', '=', ticketId).execute();
  await insertAudit(trx, [{ ticketId, actorId: by.actorId, at: by.at, field: 'planned_resolution', before: by.before, after: { at: planned.toISOString(), reason: by.reason } }]);
}

/** The queue's order: each ticket's nearest due time and the policy that set it (kept by service levels), in one statement. */
export async function setQueueDueTimes(trx: Db, updates: { id: string; policyId: string | null; dueAt: Date | null }[]): Promise<void> {
  if (!updates.length) return;
  const values = sql.join(updates.map((u) => sql`(${u.id}::uuid, ${u.policyId}::uuid, ${u.dueAt?.toISOString() ?? null}::timestamptz)`));
  await sql`update ticket set sla_policy_id = v.policy_id, sla_due_at = v.due_at
    from (values ${values}) as v(id, policy_id, due_at) where ticket.id = v.id`.execute(trx);
}
