import { sql } from 'kysely';
import { refreshTicketSla } from '../sla/index.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Locale } from '../../platform/db/schema.ts';
import { type FieldError, forbidden, validationFailed } from '../../platform/errors/app-error.ts';
import { claimAttachments } from '../attachments/attachment.service.ts';
import { type Actor, isStaff, PORTAL_ROLES, STAFF_ROLES } from '../auth/actor.ts';
import { type Brand, getBrandFor, yearIn } from '../brands/brand.service.ts';
import { validateCustomFields } from '../brands/intake-form.ts';
import { counterScope, formatTicketNumber } from '../brands/ticket-number.ts';
import { searchConfigFor } from './search-config.ts';
import { insertAudit, insertSerials, nextTicketSequence } from './ticket.queries.ts';
import type { CreateTicketInput, TicketResponseType } from './ticket.schemas.ts';
import { getTicket } from './ticket.service.ts';
import type { TicketChannel } from './ticket-status.ts';

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
export async function resellerFor(trx: Db, actor: Pick<Actor, 'role' | 'organisationId'>, organisationId: string | null): Promise<string | null> {
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
export async function createTicket(trx: Db, actor: Actor, input: CreateTicketInput, now: Date): Promise<TicketResponseType> {
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
  const ticketId = await insertTicket(trx, {
    brand,
    requester,
    resellerId,
    channel: channelFor(actor, input.channel),
    subject: input.subject,
    description: input.description,
    serialNumbers: serials,
    customFields: values,
    priority: input.priority ?? 'normal',
    createdById: actor.userId,
    now,
  });
  await claimAttachments(trx, actor, input.attachmentIds, { ticketId, entryId: null }, 'attachmentIds');
  return getTicket(trx, actor, ticketId);
}

/**
 * Numbers and writes a ticket whose input was already validated by the channel that brought it
 * (portal form, agent, e-mail). Returns its id.
 */
export async function insertTicket(
  trx: Db,
  t: {
    brand: Brand;
    requester: { id: string; locale: Locale; organisationId: string | null };
    resellerId: string | null;
    channel: TicketChannel;
    subject: string;
    description: string;
    serialNumbers: string[];
    customFields: Record<string, unknown>;
    priority: string;
    createdById: string | null;
    now: Date;
  },
): Promise<string> {
  const year = yearIn(t.brand.timeZone, t.now);
  const seq = await nextTicketSequence(trx, t.brand.id, counterScope(t.brand.ticketNumberFormat, year));
  const number = formatTicketNumber(t.brand.ticketNumberFormat, seq, year);
  const text = `${t.subject}\n${t.description}`;
  const ticket = await trx
    .insertInto('ticket')
    .values({
      brand_id: t.brand.id,
      number,
      channel: t.channel,
      requester_id: t.requester.id,
      organisation_id: t.requester.organisationId,
      // The contract the customer's organisation holds picks the service-level policy (seed 000).
      contract_level: t.requester.organisationId
        ? sql<string>`coalesce((select contract_level from organisation where id = ${t.requester.organisationId}), 'standard')`
        : 'standard',
      reseller_id: t.resellerId,
      subject: t.subject,
      description: t.description,
      custom_fields: JSON.stringify(t.customFields),
      priority: t.priority,
      status: 'new',
      created_by_id: t.createdById,
      search_config: searchConfigFor(text, t.requester.locale),
      created_at: t.now,
      updated_at: t.now,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  await insertSerials(trx, ticket.id, t.serialNumbers);
  await insertAudit(trx, [{ ticketId: ticket.id, actorId: t.createdById, field: 'created', before: null, after: { number, status: 'new', channel: t.channel }, at: t.now }]);
  await refreshTicketSla(trx, ticket.id, t.now);
  return ticket.id;
}
