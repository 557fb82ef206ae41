import crypto from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import { sql } from 'kysely';
import { z } from 'zod';
import { type Db, withTransaction } from '../../../platform/db/database.ts';
import type { MailServerSettings } from '../../../platform/db/schema.ts';
import { retriedJob } from '../../../platform/jobs/job-queue.ts';
import { linkEntryToOutbound, messageSent } from '../../tickets/index.ts';
import type { EmailContext } from '../email-context.ts';
import { LOOP_MARKER } from '../inbound/filters/inbound-filters.ts';

export const SendMailJob = retriedJob('mail.send', z.object({ outboundId: z.uuid() }), { retries: 6, firstRetrySeconds: 30, expireInSeconds: 120 });

/** Caps on automatic mail (acknowledgments, notifications), the defaults Zammad found sane. */
export const AUTO_MAIL_CAPS = { perRecipientPerHour: 10, perTicketPerHour: 5 };

export interface OutboundInput {
  brandId: string;
  ticketId: string | null;
  entryId?: string | null;
  /** The instant of the change that caused this mail (its recorded creation time; hourly caps count from it). */
  at: Date;
  kind: 'reply' | 'acknowledgment' | 'confirmation_request' | 'notification';
  automatic: boolean;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  attachmentIds?: string[];
}

function messageIdFor(address: string | null): string {
  const domain = address?.split('@')[1] ?? 'apres.invalid';
  return `${crypto.randomUUID()}@${domain}`;
}

/**
 * Records an outgoing mail and enqueues its delivery in the caller's transaction: the reply or
 * acknowledgment exists exactly when the change that caused it committed. Automatic mail to an
 * address that bounced, or over the hourly caps, is recorded as `suppressed` and never sent.
 */
export async function queueOutbound(trx: Db, ctx: Pick<EmailContext, 'jobs'>, input: OutboundInput): Promise<string> {
  const now = input.at;
  const mailbox = await trx.selectFrom('mailbox').select(['address', 'smtp']).where('brand_id', '=', input.brandId).where('enabled', '=', true).orderBy('created_at').executeTakeFirst();
  const refs = input.ticketId
    ? await trx.selectFrom('mail_message_ref').select(['message_id', 'direction']).where('ticket_id', '=', input.ticketId).orderBy('created_at').execute()
    : [];
  const lastInbound = [...refs].reverse().find((r) => r.direction === 'in');
  let status: 'queued' | 'held' | 'suppressed' = mailbox?.smtp ? 'queued' : 'held';
  let lastError: string | null = mailbox?.smtp ? null : 'no outgoing mail server configured for this brand';
  if (input.automatic) {
    const bounced = await trx.selectFrom('app_user').select('email_bounced_at').where(sql`lower(email)`, '=', input.to.toLowerCase()).where('email_bounced_at', 'is not', null).executeTakeFirst();
    const since = new Date(now.getTime() - 3600_000);
    const [toRecipient, toTicket] = await Promise.all([
      trx.selectFrom('outbound_message').select((eb) => eb.fn.countAll<string>().as('n')).where('automatic', '=', true).where(sql`lower(to_address)`, '=', input.to.toLowerCase()).where('created_at', '>', since).executeTakeFirstOrThrow(),
      input.ticketId
        ? trx.selectFrom('outbound_message').select((eb) => eb.fn.countAll<string>().as('n')).where('automatic', '=', true).where('ticket_id', '=', input.ticketId).where('created_at', '>', since).executeTakeFirstOrThrow()
        : { n: '0' },
    ]);
    if (bounced) [status, lastError] = ['suppressed', 'address bounced'];
    else if (Number(toRecipient.n) >= AUTO_MAIL_CAPS.perRecipientPerHour || Number(toTicket.n) >= AUTO_MAIL_CAPS.perTicketPerHour) [status, lastError] = ['suppressed', 'automatic mail limit reached'];
  }
  const messageId = messageIdFor(mailbox?.address ?? null);
  const row = await trx
    .insertInto('outbound_message')
    .values({
      brand_id: input.brandId,
      ticket_id: input.ticketId,
      entry_id: input.entryId ?? null,
      kind: input.kind,
      automatic: input.automatic,
      to_address: input.to,
      subject: input.subject,
      body_text: input.text,
      body_html: input.html ?? null,
      message_id: messageId,
      in_reply_to: lastInbound?.message_id ?? null,
      references: refs.slice(-20).map((r) => r.message_id),
      attachment_ids: input.attachmentIds ?? [],
      status,
      last_error: lastError,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.ticketId) await trx.insertInto('mail_message_ref').values({ message_id: messageId, ticket_id: input.ticketId, direction: 'out', created_at: now }).execute();
  if (input.entryId) await linkEntryToOutbound(trx, input.entryId, row.id);
  if (status === 'queued') await ctx.jobs.enqueue(trx, SendMailJob, { outboundId: row.id });
  return row.id;
}

const transports = new Map<string, Transporter>();

function transportFor(settings: MailServerSettings): Transporter {
  const key = JSON.stringify(settings);
  let t = transports.get(key);
  if (!t) {
    t = nodemailer.createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
    });
    transports.set(key, t);
  }
  return t;
}

export async function testSmtpConnection(settings: MailServerSettings): Promise<{ ok: boolean; error: string | null }> {
  try {
    await transportFor(settings).verify();
    return { ok: true, error: null };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

/**
 * Delivers one queued message over the brand's SMTP server. A failure is written on the message
 * (and so shows on the ticket) and rethrown for the queue to retry with backoff; after the last
 * retry the message is `failed`. Sending an acknowledgment is what makes a ticket accepted
 * (seed 003); sending a confirmation request stamps the ticket.
 */
export async function sendOutbound(ctx: EmailContext, outboundId: string, meta: { retryCount: number }): Promise<void> {
  const msg = await ctx.db.selectFrom('outbound_message').selectAll().where('id', '=', outboundId).executeTakeFirst();
  if (!msg || msg.status !== 'queued') return;
  const [mailbox, brand, ticket] = await Promise.all([
    ctx.db.selectFrom('mailbox').select(['address', 'display_name', 'smtp']).where('brand_id', '=', msg.brand_id).where('enabled', '=', true).orderBy('created_at').executeTakeFirst(),
    ctx.db.selectFrom('brand').select(['name']).where('id', '=', msg.brand_id).executeTakeFirstOrThrow(),
    msg.ticket_id ? ctx.db.selectFrom('ticket').select(['number']).where('id', '=', msg.ticket_id).executeTakeFirst() : undefined,
  ]);
  if (!mailbox?.smtp) {
    await ctx.db.updateTable('outbound_message').set({ status: 'held', last_error: 'no outgoing mail server configured for this brand' }).where('id', '=', outboundId).execute();
    return;
  }
  const attachments = msg.attachment_ids.length
    ? await ctx.db.selectFrom('attachment').select(['filename', 'content_type', 'storage_key']).where('id', 'in', msg.attachment_ids).execute()
    : [];
  // The Date header and the recorded sending time are the same instant of the server's clock.
  const sentAt = ctx.clock.now();
  try {
    await transportFor(mailbox.smtp).sendMail({
      date: sentAt,
      from: { name: mailbox.display_name ?? brand.name, address: mailbox.address },
      to: msg.to_address,
      ...(msg.cc.length ? { cc: msg.cc } : {}),
      subject: msg.subject,
      text: msg.body_text,
      ...(msg.body_html ? { html: msg.body_html } : {}),
      messageId: `<${msg.message_id}>`,
      ...(msg.in_reply_to ? { inReplyTo: `<${msg.in_reply_to}>` } : {}),
      ...(msg.references.length ? { references: msg.references.map((r) => `<${r}>`) } : {}),
      headers: {
        'X-Loop': `${LOOP_MARKER} ${mailbox.address}`,
        ...(ticket ? { 'X-Apres-Ticket': ticket.number } : {}),
        // RFC 3834: our automatic mail says so, and asks autoresponders not to answer it.
        ...(msg.automatic ? { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All', Precedence: 'bulk' } : {}),
      },
      attachments: attachments.map((a) => ({ filename: a.filename, contentType: a.content_type, content: ctx.files.open(a.storage_key) })),
    });
  } catch (err) {
    const last = meta.retryCount >= (SendMailJob.retryLimit ?? 0);
    await ctx.db
      .updateTable('outbound_message')
      .set({ attempts: sql`attempts + 1`, last_error: (err as Error).message.slice(0, 1000), ...(last ? { status: 'failed' as const } : {}) })
      .where('id', '=', outboundId)
      .execute();
    if (!last) throw err;
    return;
  }
  await withTransaction(ctx.db, async (trx) => {
    await trx.updateTable('outbound_message').set({ status: 'sent', sent_at: sentAt, attempts: sql`attempts + 1`, last_error: null }).where('id', '=', outboundId).execute();
    if (!msg.ticket_id) return;
    // The acknowledgment accepts the ticket (seed 003: a clock counting from acceptance starts now).
    await messageSent(trx, msg.ticket_id, msg.kind, sentAt);
  });
}
