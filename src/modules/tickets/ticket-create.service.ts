import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Locale } from '../../platform/db/schema.ts';
import { type FieldError, forbidden, validationFailed } from '../../platform/errors/app-error.ts';
import { claimAttachments } from '../attachments/index.ts';
import { type Actor, isStaff, PORTAL_ROLES, STAFF_ROLES } from '../auth/index.ts';
import { type Brand, counterScope, formatTicketNumber, getBrandFor, validateCustomFields, yearIn } from '../brands/index.ts';
import { resolveRequester } from './requester.ts';
import { searchConfigFor } from './search-config.ts';
import { ticketsChanged } from './ticket-listeners.ts';
import { nextTicketSequence } from './ticket.queries.ts';
import type { CreateTicketInput, TicketResponseType } from './ticket.schemas.ts';
import { getTicket } from './ticket.service.ts';
import type { TicketChannel } from './ticket-status.ts';

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
  if (input.attachmentIds.length === 0) return getTicket(trx, actor, ticketId, { noAttachments: true });
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
  // The ticket, its serial numbers and its 'created' audit line in one statement: each round trip
  // to the database costs more than these writes (issue 15's create profile).
  const audit = JSON.stringify({ number, status: 'new', channel: t.channel });
  const ticket = await trx
    .with('t', (db) => db
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
      .returning(['id']))
    .with('s', (db) => db
      .insertInto('ticket_serial')
      .columns(['ticket_id', 'position', 'serial'])
      .expression(sql`select t.id, s.ord - 1, s.serial from t, unnest(${t.serialNumbers}::text[]) with ordinality as s(serial, ord)`))
    .with('a', (db) => db
      .insertInto('ticket_audit')
      .columns(['ticket_id', 'brand_id', 'actor_id', 'field', 'before', 'after', 'at'])
      .expression(sql`select t.id, ${t.brand.id}::uuid, ${t.createdById}::uuid, 'created', 'null'::jsonb, ${audit}::jsonb, ${t.now}::timestamptz from t`))
    .selectFrom('t')
    .select('t.id')
    .executeTakeFirstOrThrow();
  await ticketsChanged(trx, ticket.id, t.now, 'opened');
  return ticket.id;
}
