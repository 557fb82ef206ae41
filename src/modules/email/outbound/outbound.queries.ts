import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { MailServerSettings, OutboundMessageTable } from '../../../platform/db/schema.ts';
import type { Insertable } from 'kysely';

/** The brand's first enabled mailbox: the address mail goes out from, its SMTP server, and whether it has the built-in outbox. */
export function sendingMailbox(db: Db, brandId: string) {
  return db.selectFrom('mailbox').select(['address', 'display_name', 'smtp', 'outbox']).where('brand_id', '=', brandId).where('enabled', '=', true).orderBy('created_at').executeTakeFirst();
}

interface OutboundContextRow {
  mailbox: SendingMailbox | null;
  refs: { message_id: string; direction: 'in' | 'out' }[];
  to_recipient: number;
  on_ticket: number;
  bounced: boolean;
}
export type OutboundContext = ReturnType<typeof toOutboundContext>;

type SendingMailbox = { address: string; display_name: string | null; smtp: MailServerSettings | null; outbox: boolean };

/** `sendingMailbox` as one JSON value inside a caller's statement (`brandId`: SQL, a parameter or a column). */
function sendingMailboxJson(brandId: RawBuilder<unknown>) {
  return sql<SendingMailbox | null>`(select to_jsonb(m) from (select address, display_name, smtp, outbox from mailbox where brand_id = ${brandId} and enabled order by created_at limit 1) m)`;
}

/**
 * What queueing one mail needs, as one JSON value of one statement (each round trip costs more
 * than the reads themselves): the brand's sending mailbox, the Message-IDs of the ticket's mail
 * oldest first (for In-Reply-To and References), and, for automatic mail (`since` not null), the
 * automatic mail sent since then to this address and on this ticket and whether the address
 * bounced. The arguments are SQL: parameters, or columns of the caller's own statement.
 */
export function outboundContextSql(q: { brandId: RawBuilder<unknown>; ticketId: RawBuilder<unknown>; to: RawBuilder<unknown>; since: RawBuilder<unknown> }) {
  return sql<OutboundContextRow>`jsonb_build_object(
      'mailbox', ${sendingMailboxJson(q.brandId)},
      'refs', coalesce((select jsonb_agg(jsonb_build_object('message_id', message_id, 'direction', direction) order by created_at) from mail_message_ref where ticket_id = ${q.ticketId}), '[]'::jsonb),
      'to_recipient', case when ${q.since} is null then 0 else
        (select count(*) from outbound_message where automatic and lower(to_address) = lower(${q.to}) and created_at > ${q.since}) end,
      'on_ticket', case when ${q.since} is null or ${q.ticketId} is null then 0 else
        (select count(*) from outbound_message where automatic and ticket_id = ${q.ticketId} and created_at > ${q.since}) end,
      'bounced', ${q.since} is not null and exists (select 1 from app_user where lower(email) = lower(${q.to}) and email_bounced_at is not null))`;
}

export function toOutboundContext(r: OutboundContextRow) {
  return { mailbox: r.mailbox ?? undefined, refs: r.refs, toRecipient: Number(r.to_recipient), onTicket: Number(r.on_ticket), bounced: r.bounced };
}

/** The same, on its own, for a mail to `to` (`since`: automatic mail counts from then; null for a person's mail). */
export async function outboundContext(db: Db, q: { brandId: string; ticketId: string | null; to: string; since: Date | null }) {
  const context = outboundContextSql({
    brandId: sql`${q.brandId}::uuid`,
    ticketId: sql`${q.ticketId}::uuid`,
    to: sql`${q.to}::text`,
    since: sql`${q.since}::timestamptz`,
  });
  const { rows } = await sql<{ context: OutboundContextRow }>`select ${context} as context`.execute(db);
  return toOutboundContext(rows[0]!.context);
}

/** Records an outgoing mail and, when it belongs to a ticket, its Message-ID for threading: one statement. */
export async function insertOutbound(db: Db, row: Insertable<OutboundMessageTable> & { message_id: string; created_at: Date }): Promise<string> {
  const ticketId = row.ticket_id ?? null;
  const inserted = await db
    .with('o', (q) => q.insertInto('outbound_message').values(row).returning('id'))
    .with('r', (q) => q
      .insertInto('mail_message_ref')
      .columns(['message_id', 'ticket_id', 'direction', 'created_at'])
      .expression(sql`select ${row.message_id}, ${ticketId}::uuid, 'out', ${row.created_at}::timestamptz where ${ticketId}::uuid is not null`)
      .onConflict((oc) => oc.doNothing()))
    .selectFrom('o')
    .select('o.id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/**
 * How long a claim on a mail being sent holds unless renewed. The sending run renews it every
 * `SENDING_RENEW_SECONDS` while the SMTP conversation lasts, so a long send keeps it, and a claim
 * left by a process that died expires within this time.
 */
export const SENDING_LEASE_SECONDS = 120;
export const SENDING_RENEW_SECONDS = 30;
/** Runs that may claim one message, across all its jobs, before it is failed (the job's own retries are 6). */
export const MAX_SENDING_RUNS = 8;

const leaseEnd = () => sql<Date>`now() + make_interval(secs => ${SENDING_LEASE_SECONDS})`;

/**
 * Claims a queued message for sending and reads what sending it needs, in one statement: the
 * message, its brand's sending mailbox and name, its ticket's number, its files. The claim is a
 * token and a lease (`sending_token`, `sending_until`): while the lease holds, no other run claims
 * the message, so a job fetched again while its first run still sends cannot send the mail twice,
 * and only the token's holder writes the outcome (`markOutbound`).
 *
 * Not claimed: `done` when the message is no longer queued (sent, or settled otherwise), `busy`
 * with the lease's end when another run holds it.
 */
export async function claimForSending(db: Db, outboundId: string) {
  const row = await db
    .with('claimed', (q) =>
      q
        .updateTable('outbound_message')
        .set({ sending_until: leaseEnd(), sending_token: sql`gen_random_uuid()`, sending_runs: sql`sending_runs + 1` })
        .where('id', '=', outboundId)
        .where('status', '=', 'queued')
        .where((eb) => eb.or([eb('sending_until', 'is', null), eb('sending_until', '<=', sql<Date>`now()`)]))
        .returningAll(),
    )
    .selectFrom('claimed as o')
    .selectAll('o')
    .select([
      sendingMailboxJson(sql`o.brand_id`).as('mailbox'),
      sql<string>`(select b.name from brand b where b.id = o.brand_id)`.as('brand_name'),
      sql<string | null>`(select t.number from ticket t where t.id = o.ticket_id)`.as('ticket_number'),
      sql<{ filename: string; content_type: string; storage_key: string }[]>`coalesce((select jsonb_agg(jsonb_build_object('filename', a.filename, 'content_type', a.content_type, 'storage_key', a.storage_key) order by array_position(o.attachment_ids, a.id))
        from attachment a where a.id = any(o.attachment_ids)), '[]'::jsonb)`.as('attachments'),
    ])
    .executeTakeFirst();
  if (!row) {
    const other = await db.selectFrom('outbound_message').select(['status', 'sending_until']).where('id', '=', outboundId).executeTakeFirst();
    if (other?.status === 'queued' && other.sending_until) return { kind: 'busy', until: other.sending_until } as const;
    return { kind: 'done' } as const;
  }
  const { mailbox, brand_name, ticket_number, attachments, sending_token, ...msg } = row;
  return {
    kind: 'claimed',
    token: sending_token!,
    msg,
    mailbox: mailbox ?? undefined,
    brand: { name: brand_name },
    ticket: msg.ticket_id && ticket_number !== null ? { number: ticket_number } : undefined,
    attachments,
  } as const;
}

/** Extends a claim while its send lasts; false when the claim was lost (expired and taken by another run). */
export async function renewClaim(db: Db, outboundId: string, token: string): Promise<boolean> {
  const r = await db.updateTable('outbound_message').set({ sending_until: leaseEnd() }).where('id', '=', outboundId).where('sending_token', '=', token).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Writes a send's outcome and ends its claim, if the run still holds it (`token`); false when
 * another run took the message over after this run's claim expired: that run writes the outcome.
 */
export async function markOutbound(
  db: Db,
  outboundId: string,
  token: string,
  change: { status?: 'held' | 'sent' | 'failed' | 'outbox'; lastError: string | null; attempted?: boolean; sentAt?: Date },
): Promise<boolean> {
  const r = await db
    .updateTable('outbound_message')
    .set({
      ...(change.status ? { status: change.status } : {}),
      last_error: change.lastError,
      ...(change.attempted ? { attempts: sql`attempts + 1` } : {}),
      ...(change.sentAt ? { sent_at: change.sentAt } : {}),
      sending_until: null,
      sending_token: null,
    })
    .where('id', '=', outboundId)
    .where('sending_token', '=', token)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Queued messages with no live claim, queued more than `olderThanSeconds` ago, leaving out
 * `withJobs` (those a job will still send): the last run of their job died mid-send. Locked for
 * the caller's transaction (others skip them). Reads the partial index of queued mail.
 */
export function queuedWithoutClaim(db: Db, olderThanSeconds: number, withJobs: string[]) {
  return db
    .selectFrom('outbound_message')
    .select('id')
    .where(sql<boolean>`status = 'queued'`)
    .where('created_at', '<', sql<Date>`now() - make_interval(secs => ${olderThanSeconds})`)
    .where((eb) => eb.or([eb('sending_until', 'is', null), eb('sending_until', '<=', sql<Date>`now()`)]))
    .where(sql<boolean>`id <> all(${withJobs}::uuid[])`)
    .orderBy('created_at')
    .limit(500)
    .forUpdate()
    .skipLocked()
    .execute();
}

/** Takes a brand's held messages off hold (queued again) and returns their ids; each is released once, whoever else tries. */
export async function releaseHeldMessages(db: Db, brandId: string): Promise<string[]> {
  const rows = await db
    .updateTable('outbound_message')
    .set({ status: 'queued', last_error: null })
    .where('brand_id', '=', brandId)
    .where('status', '=', 'held')
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** A page of the built-in outbox, newest first, after a cursor (sent_at, id). */
export function outboxPage(db: Db, q: { after: { at: string; id: string } | undefined; limit: number }) {
  let query = db
    .selectFrom('outbound_message as o')
    .innerJoin('brand as b', 'b.id', 'o.brand_id')
    .leftJoin('ticket as t', 't.id', 'o.ticket_id')
    .select(['o.id', 'o.kind', 'o.automatic', 'o.to_address', 'o.cc', 'o.subject', 'o.body_text', 'o.message_id', 'o.created_at', 'o.sent_at', 'o.ticket_id', 't.number as ticket_number', 'b.name as brand_name'])
    .where('o.status', '=', 'outbox');
  const after = q.after;
  if (after) {
    const at = new Date(after.at);
    query = query.where((eb) => eb.or([eb('o.sent_at', '<', at), eb.and([eb('o.sent_at', '=', at), eb('o.id', '<', after.id)])]));
  }
  return query.orderBy('o.sent_at', 'desc').orderBy('o.id', 'desc').limit(q.limit).execute();
}

/** Every mail recorded for a ticket, newest first: automatic ones included. */
export function ticketMails(db: Db, ticketId: string) {
  return db
    .selectFrom('outbound_message')
    .select(['id', 'kind', 'automatic', 'to_address', 'subject', 'status', 'last_error', 'attempts', 'created_at', 'sent_at', 'entry_id'])
    .where('ticket_id', '=', ticketId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
