import { type Db, withTransaction } from '../../platform/db/database.ts';
import type { Locale } from '../../platform/db/schema.ts';
import { AppError, type FieldError, forbidden, notFound, validationFailed } from '../../platform/errors/app-error.ts';
import { type Actor, isStaff, PORTAL_ROLES, STAFF_ROLES } from '../auth/actor.ts';
import { getBrandById, getBrandFor, yearIn } from '../brands/brand.service.ts';
import { validateCustomFields } from '../brands/intake-form.ts';
import { checkTicketNumber, counterScope, formatTicketNumber, normaliseTicketNumber } from '../brands/ticket-number.ts';
import { claimAttachments, listAttachmentsFor } from '../attachments/attachment.service.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import { searchConfigFor } from './search-config.ts';
import {
  insertAudit,
  insertSerials,
  listSerials,
  nextTicketSequence,
  selectTicketDetails,
  selectTicketSummaries,
  type TicketSummaryRow,
} from './ticket.queries.ts';
import type {
  CreateTicketInput,
  ListTicketsFilter,
  TicketResponseType,
  TicketSummary,
  UpdateTicketInput,
} from './ticket.schemas.ts';
import { allowedTransitions, canTransition, type TicketChannel, type TicketStatus } from './ticket-status.ts';
import { ticketVisibleTo } from './ticket-visibility.ts';

export const ticketNotFound = () => notFound('TICKET_NOT_FOUND', 'Ticket');

export function toSummary(r: TicketSummaryRow): TicketSummary {
  return {
    id: r.id,
    number: r.number,
    brandId: r.brand_id,
    brandName: r.brand_name,
    timeZone: r.time_zone,
    subject: r.subject,
    status: r.status as TicketStatus,
    priority: r.priority as TicketSummary['priority'],
    channel: r.channel as TicketChannel,
    requester: { id: r.requester_id, name: r.requester_name, email: r.requester_email },
    assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? '' } : null,
    group: r.group_id ? { id: r.group_id, name: r.group_name ?? '' } : null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** Loads a ticket the actor may see; anything else — missing or someone else's — is 404. */
export async function getTicket(db: Db, actor: Actor, ticketId: string): Promise<TicketResponseType> {
  const row = await selectTicketDetails(db).where('t.id', '=', ticketId).where(ticketVisibleTo(actor)).executeTakeFirst();
  if (!row) throw ticketNotFound();
  const [serials, attachments] = await Promise.all([
    listSerials(db, [row.id]),
    listAttachmentsFor(db, { ticketId: row.id, entryIds: [null] }),
  ]);
  const status = row.status as TicketStatus;
  return {
    ...toSummary(row),
    description: row.description,
    serialNumbers: serials.get(row.id) ?? [],
    customFields: row.custom_fields,
    organisation: row.organisation_id ? { id: row.organisation_id, name: row.organisation_name ?? '' } : null,
    mergedInto: row.merged_into_id ? { id: row.merged_into_id, number: row.merged_into_number ?? '' } : null,
    allowedTransitions: row.merged_into_id ? [] : transitionsFor(actor, status),
    acceptedAt: row.accepted_at?.toISOString() ?? null,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    closedAt: row.closed_at?.toISOString() ?? null,
    attachments: attachments.get(null) ?? [],
  };
}

function transitionsFor(actor: Actor, status: TicketStatus): TicketStatus[] {
  if (isStaff(actor)) return [...allowedTransitions(status)];
  // A requester may close their own resolved ticket; everything else is the desk's call.
  return status === 'resolved' ? ['closed'] : [];
}

/** Checks that the ticket exists and is visible, then locks it for the rest of the transaction. */
export async function lockVisibleTicket(trx: Db, actor: Actor, ticketId: string) {
  const visible = await trx
    .selectFrom('ticket as t')
    .select('t.id')
    .where('t.id', '=', ticketId)
    .where(ticketVisibleTo(actor))
    .executeTakeFirst();
  if (!visible) throw ticketNotFound();
  return trx.selectFrom('ticket').selectAll().where('id', '=', ticketId).forUpdate().executeTakeFirstOrThrow();
}

async function resolveRequester(
  trx: Db,
  actor: Actor,
  brandId: string,
  input: CreateTicketInput,
  fallbackLocale: Locale,
): Promise<{ id: string; locale: Locale; organisationId: string | null }> {
  if (actor.role === 'customer') {
    if (input.requesterId || input.requesterEmail) {
      throw validationFailed([{ field: 'requesterEmail', code: 'not_allowed', message: 'customers open tickets for themselves' }]);
    }
    return { id: actor.userId, locale: actor.locale, organisationId: actor.organisationId };
  }
  if (input.requesterId) {
    const user = await trx
      .selectFrom('app_user')
      .select(['id', 'locale', 'organisation_id', 'role'])
      .where('id', '=', input.requesterId)
      .executeTakeFirst();
    const linked = user
      ? await trx.selectFrom('user_brand').select('user_id').where('user_id', '=', user.id).where('brand_id', '=', brandId).executeTakeFirst()
      : undefined;
    if (!user || user.role !== 'customer' || (!linked && actor.role !== 'admin')) {
      throw validationFailed([{ field: 'requesterId', code: 'invalid_value', message: 'no such customer of this brand' }]);
    }
    return { id: user.id, locale: user.locale, organisationId: user.organisation_id };
  }
  if (!input.requesterEmail) {
    if (PORTAL_ROLES.includes(actor.role)) {
      throw validationFailed([{ field: 'requesterEmail', code: 'required', message: 'the end customer is required' }]);
    }
    throw validationFailed([{ field: 'requesterEmail', code: 'required', message: 'the requester is required' }]);
  }
  const email = input.requesterEmail.trim();
  const existing = await trx
    .selectFrom('app_user')
    .select(['id', 'locale', 'organisation_id', 'role'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
  if (existing) {
    if (existing.role !== 'customer') {
      throw validationFailed([{ field: 'requesterEmail', code: 'invalid_value', message: 'belongs to a staff or partner account' }]);
    }
    await trx.insertInto('user_brand').values({ user_id: existing.id, brand_id: brandId }).onConflict((oc) => oc.doNothing()).execute();
    return { id: existing.id, locale: existing.locale, organisationId: existing.organisation_id };
  }
  const locale = input.requesterLocale ?? fallbackLocale;
  const created = await trx
    .insertInto('app_user')
    .values({ email, name: input.requesterName ?? email.split('@')[0]!, role: 'customer', locale, phone: null, organisation_id: null, password_hash: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.insertInto('user_brand').values({ user_id: created.id, brand_id: brandId }).execute();
  return { id: created.id, locale, organisationId: null };
}

/** The reseller a case flows through: the partner who opened it, or the customer organisation's reseller. */
async function resellerFor(trx: Db, actor: Actor, organisationId: string | null): Promise<string | null> {
  if ((actor.role === 'reseller' || actor.role === 'distributor') && actor.organisationId) return actor.organisationId;
  if (!organisationId) return null;
  const parent = await trx
    .selectFrom('organisation as o')
    .innerJoin('organisation as p', 'p.id', 'o.parent_id')
    .select(['p.id', 'p.kind'])
    .where('o.id', '=', organisationId)
    .executeTakeFirst();
  return parent?.kind === 'reseller' ? parent.id : null;
}

function channelFor(actor: Actor, requested: TicketChannel | undefined): TicketChannel {
  if (!isStaff(actor)) return 'portal';
  return requested ?? 'phone';
}

/** Creates a ticket; runs inside the caller's transaction (see `idempotent`). */
export async function createTicket(trx: Db, actor: Actor, input: CreateTicketInput, now = new Date()): Promise<TicketResponseType> {
  if (!STAFF_ROLES.includes(actor.role) && !PORTAL_ROLES.includes(actor.role)) throw forbidden();
  const brand = await getBrandFor(trx, actor, input.brandId);
  const form = brand.settings.intakeForm;
  const errors: FieldError[] = [];
  const { values, errors: fieldErrors } = validateCustomFields(form, input.customFields);
  errors.push(...fieldErrors);
  const serials = [...new Set(input.serialNumbers.map((s) => s.trim().toUpperCase()))];
  if (form.serialsRequired && serials.length === 0) {
    errors.push({ field: 'serialNumbers', code: 'required', message: 'at least one serial number is required' });
  }
  if (errors.length) throw validationFailed(errors);

  const requester = await resolveRequester(trx, actor, brand.id, input, brand.defaultLocale as Locale);
  const resellerId = await resellerFor(trx, actor, requester.organisationId);
  const year = yearIn(brand.timeZone, now);
  const seq = await nextTicketSequence(trx, brand.id, counterScope(brand.ticketNumberFormat, year));
  const number = formatTicketNumber(brand.ticketNumberFormat, seq, year);
  const text = `${input.subject}\n${input.description}`;
  const ticket = await trx
    .insertInto('ticket')
    .values({
      brand_id: brand.id,
      number,
      channel: channelFor(actor, input.channel),
      requester_id: requester.id,
      organisation_id: requester.organisationId,
      reseller_id: resellerId,
      subject: input.subject,
      description: input.description,
      custom_fields: JSON.stringify(values),
      priority: input.priority ?? 'normal',
      status: 'new',
      created_by_id: actor.userId,
      search_config: searchConfigFor(text, requester.locale),
      created_at: now,
      updated_at: now,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  await insertSerials(trx, ticket.id, serials);
  await claimAttachments(trx, actor, input.attachmentIds, { ticketId: ticket.id, entryId: null }, 'attachmentIds');
  await insertAudit(trx, [{ ticketId: ticket.id, actorId: actor.userId, field: 'created', before: null, after: { number, status: 'new' }, at: now }]);
  return getTicket(trx, actor, ticket.id);
}

export async function updateTicket(db: Db, actor: Actor, ticketId: string, input: UpdateTicketInput, now = new Date()) {
  return withTransaction(db, async (trx) => {
    const ticket = await lockVisibleTicket(trx, actor, ticketId);
    const staff = isStaff(actor);
    const onlyClosing = input.status === 'closed' && Object.keys(input).length === 1;
    if (!staff && !(onlyClosing && ticket.requester_id === actor.userId)) throw forbidden('Only the desk changes a ticket');
    if (ticket.merged_into_id) throw new AppError('TICKET_MERGED', 409, 'This ticket was merged into another one');

    const changes: Record<string, unknown> = {};
    const audit: { field: string; before: unknown; after: unknown }[] = [];
    const set = (column: string, field: string, before: unknown, after: unknown) => {
      if (after === undefined || before === after) return;
      changes[column] = after;
      audit.push({ field, before, after });
    };

    if (input.status !== undefined && input.status !== ticket.status) {
      const from = ticket.status as TicketStatus;
      if (!transitionsFor(actor, from).includes(input.status) || !canTransition(from, input.status)) {
        throw new AppError('TICKET_TRANSITION_NOT_ALLOWED', 409, `A ${from} ticket cannot become ${input.status}`, {
          errors: [{ field: 'status', code: 'transition_not_allowed', message: `${from} → ${input.status} is not allowed` }],
          from,
          to: input.status,
          allowed: allowedTransitions(from),
        });
      }
      set('status', 'status', from, input.status);
      Object.assign(changes, statusTimestamps(ticket, input.status, now));
    }
    set('priority', 'priority', ticket.priority, input.priority);
    set('subject', 'subject', ticket.subject, input.subject);

    if (input.groupId !== undefined && input.groupId !== ticket.group_id) {
      if (input.groupId) {
        const group = await trx.selectFrom('agent_group').select('id').where('id', '=', input.groupId).where('brand_id', '=', ticket.brand_id).executeTakeFirst();
        if (!group) throw validationFailed([{ field: 'groupId', code: 'invalid_value', message: 'no such group in this brand' }]);
      }
      set('group_id', 'group', ticket.group_id, input.groupId);
    }
    if (input.assigneeId !== undefined && input.assigneeId !== ticket.assignee_id) {
      if (input.assigneeId) {
        const assignee = await trx
          .selectFrom('app_user as u')
          .innerJoin('user_brand as ub', 'ub.user_id', 'u.id')
          .select('u.id')
          .where('u.id', '=', input.assigneeId)
          .where('ub.brand_id', '=', ticket.brand_id)
          .where('u.role', 'in', STAFF_ROLES)
          .where('u.active', '=', true)
          .executeTakeFirst();
        if (!assignee) throw validationFailed([{ field: 'assigneeId', code: 'invalid_value', message: 'no such agent in this brand' }]);
      }
      set('assignee_id', 'assignee', ticket.assignee_id, input.assigneeId);
    }
    if (audit.length) {
      await trx.updateTable('ticket').set({ ...changes, updated_at: now }).where('id', '=', ticketId).execute();
      await insertAudit(trx, audit.map((a) => ({ ticketId, actorId: actor.userId, at: now, ...a })));
    }
    return getTicket(trx, actor, ticketId);
  });
}

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

export async function listTickets(db: Db, actor: Actor, filter: ListTicketsFilter) {
  // Desk: first come, first served. Portal: my newest first.
  const newestFirst = !isStaff(actor);
  let q = selectTicketSummaries(db).where(ticketVisibleTo(actor));
  if (filter.brandId) q = q.where('t.brand_id', '=', filter.brandId);
  if (filter.status?.length) q = q.where('t.status', 'in', filter.status);
  if (filter.groupId) q = q.where('t.group_id', '=', filter.groupId);
  if (filter.assigneeId === 'me') q = q.where('t.assignee_id', '=', actor.userId);
  else if (filter.assigneeId === 'none') q = q.where('t.assignee_id', 'is', null);
  else if (filter.assigneeId) q = q.where('t.assignee_id', '=', filter.assigneeId);
  if (filter.requesterId) q = q.where('t.requester_id', '=', filter.requesterId);
  if (filter.cursor) {
    const c = decodeCursor(filter.cursor);
    const at = new Date(c.at);
    q = q.where((eb) =>
      newestFirst
        ? eb.or([eb('t.created_at', '<', at), eb.and([eb('t.created_at', '=', at), eb('t.id', '<', c.id)])])
        : eb.or([eb('t.created_at', '>', at), eb.and([eb('t.created_at', '=', at), eb('t.id', '>', c.id)])]),
    );
  }
  const dir = newestFirst ? 'desc' : 'asc';
  const rows = await q.orderBy('t.created_at', dir).orderBy('t.id', dir).limit(filter.limit + 1).execute();
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    items: page.map(toSummary),
    nextCursor: rows.length > filter.limit && last ? encodeCursor({ at: last.created_at.toISOString(), id: last.id }) : null,
  };
}

/**
 * Finds a ticket by the number a person typed or scanned. A number whose check digit is wrong is
 * reported as mistyped (400) rather than "not found", so the agent asks again.
 */
export async function lookupTicketByNumber(db: Db, actor: Actor, input: string): Promise<TicketResponseType> {
  const number = normaliseTicketNumber(input);
  const brands = await db.selectFrom('brand').select(['id', 'ticket_number_format']).execute();
  const checks = brands.map((b) => checkTicketNumber(b.ticket_number_format, number));
  if (!checks.includes('valid') && checks.includes('bad_check_digit')) {
    throw new AppError('TICKET_NUMBER_CHECK_DIGIT_INVALID', 400, 'This ticket number has a typo: its check digit does not match', {
      errors: [{ field: 'number', code: 'check_digit', message: 'the check digit does not match' }],
    });
  }
  const row = await db.selectFrom('ticket as t').select('t.id').where('t.number', '=', number).where(ticketVisibleTo(actor)).executeTakeFirst();
  if (!row) throw ticketNotFound();
  return getTicket(db, actor, row.id);
}

export async function mergeTicket(db: Db, actor: Actor, sourceId: string, targetId: string, now = new Date()) {
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
    return getTicket(trx, actor, target.id);
  });
}

export async function getBrandOfTicket(db: Db, brandId: string) {
  return getBrandById(db, brandId);
}
