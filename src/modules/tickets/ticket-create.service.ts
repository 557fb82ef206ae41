import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Locale } from '../../platform/db/schema.ts';
import { AppError, type FieldError, forbidden, validationFailed } from '../../platform/errors/app-error.ts';
import { claimAttachments } from '../attachments/index.ts';
import { type Actor, isStaff, PORTAL_ROLES, STAFF_ROLES } from '../auth/index.ts';
import { type Brand, getBrandFor, yearIn } from '../brands/index.ts';
import { validateCustomFields } from '../brands/index.ts';
import { counterScope, formatTicketNumber } from '../brands/index.ts';
import { searchConfigFor } from './search-config.ts';
import { ticketsChanged } from './ticket-listeners.ts';
import { insertAudit, insertSerials, nextTicketSequence } from './ticket.queries.ts';
import type { CreateTicketInput, TicketResponseType } from './ticket.schemas.ts';
import { getTicket } from './ticket.service.ts';
import type { TicketChannel } from './ticket-status.ts';

/**
 * Whether a customer is within the caller's reach, so that a ticket may be opened for them: for
 * the desk, a customer of the brand; for a reseller, a customer of the brand in an organisation
 * below it or whose cases already flow through it; for a distributor, the same one level further
 * down its chain. Anyone else — another brand's customer, another chain's, a staff or partner
 * account — is answered exactly like an address nobody has (issue 9, finding 2).
 */
async function customerInReach(trx: Db, actor: Actor, brandId: string, userId: string): Promise<boolean> {
  if (actor.role === 'admin') {
    // An admin acts for every brand: any customer, linked to this brand from now on.
    const customer = await trx.selectFrom('app_user').select('id').where('id', '=', userId).where('role', '=', 'customer').executeTakeFirst();
    if (customer) await trx.insertInto('user_brand').values({ user_id: userId, brand_id: brandId }).onConflict((oc) => oc.doNothing()).execute();
    return customer !== undefined;
  }
  let q = trx
    .selectFrom('app_user as u')
    .innerJoin('user_brand as ub', (j) => j.onRef('ub.user_id', '=', 'u.id').on('ub.brand_id', '=', brandId))
    .leftJoin('organisation as o', 'o.id', 'u.organisation_id')
    .select('u.id')
    .where('u.id', '=', userId)
    .where('u.role', '=', 'customer');
  if (actor.role === 'reseller' || actor.role === 'distributor') {
    const org = actor.organisationId;
    if (!org) return false;
    const chain = actor.role === 'reseller' ? [org] : [org, ...(await trx.selectFrom('organisation').select('id').where('parent_id', '=', org).execute()).map((r) => r.id)];
    q = q.where((eb) =>
      eb.or([
        eb('o.parent_id', 'in', chain),
        eb.exists(eb.selectFrom('ticket as rt').select('rt.id').whereRef('rt.requester_id', '=', 'u.id').where('rt.reseller_id', 'in', chain)),
      ]),
    );
  }
  return (await q.executeTakeFirst()) !== undefined;
}

const requesterNotFound = (field: 'requesterId' | 'requesterEmail') =>
  new AppError('REQUESTER_NOT_FOUND', 404, 'No such customer within your reach', { errors: [{ field, code: 'not_found', message: 'no such customer within your reach' }] });

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
    const unsafeUser = await trx
      .selectFrom('app_user')
      .select(['id', 'locale', 'organisation_id', 'role'])
      .where('id', '=', input.requesterId)
      .executeTakeFirst();
    if (!unsafeUser || !(await customerInReach(trx, actor, brandId, unsafeUser.id))) throw requesterNotFound('requesterId');
    return { id: unsafeUser.id, locale: unsafeUser.locale, organisationId: unsafeUser.organisation_id };
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
    // Never linked across brands or chains, and never told apart from any other account out of reach.
    if (!(await customerInReach(trx, actor, brandId, existing.id))) throw requesterNotFound('requesterEmail');
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
  await ticketsChanged(trx, ticket.id, t.now);
  return ticket.id;
}
