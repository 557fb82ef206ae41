import crypto from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import { z } from 'zod';
import { type Db, withTransaction } from '../../../platform/db/database.ts';
import type { MailServerSettings } from '../../../platform/db/schema.ts';
import { retriedJob } from '../../../platform/jobs/job-queue.ts';
import { linkEntryToOutbound, messageSent } from '../../tickets/index.ts';
import type { EmailContext } from '../context/index.ts';
import { LOOP_MARKER } from '../inbound/index.ts';
import { claimForSending, insertOutbound, markOutbound, MAX_SENDING_RUNS, queuedWithoutClaim, renewClaim, SENDING_RENEW_SECONDS, type OutboundContext, outboundContext, releaseHeldMessages, sendingMailbox } from './outbound.queries.ts';

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

/** Automatic mail counts against the hourly caps from an hour before it; a person's mail never. */
export function capsSince(input: Pick<OutboundInput, 'at' | 'automatic'>): Date | null {
  return input.automatic ? new Date(input.at.getTime() - 3600_000) : null;
}

function messageIdFor(address: string | null): string {
  const domain = address?.split('@')[1] ?? 'apres.invalid';
  return `${crypto.randomUUID()}@${domain}`;
}

const NO_SERVER = 'no outgoing mail server configured for this brand';

/** Whether a brand's sending mailbox can deliver: over its SMTP server, or into the built-in outbox. */
function canDeliver(mailbox: { smtp: MailServerSettings | null; outbox: boolean } | undefined): boolean {
  return Boolean(mailbox?.smtp) || Boolean(mailbox?.outbox);
}

/**
 * Records an outgoing mail and enqueues its delivery in the caller's transaction: the reply or
 * acknowledgment exists exactly when the change that caused it committed. Automatic mail to an
 * address that bounced, or over the hourly caps, is recorded as `suppressed` and never sent. With
 * neither an SMTP server nor the built-in outbox, the mail is `held` until one is set
 * (`releaseHeldMail`). `read`: what `outboundContext` would read, when the caller read it in its
 * own statement (`outboundContextSql`).
 */
export async function queueOutbound(trx: Db, ctx: Pick<EmailContext, 'jobs'>, input: OutboundInput, read?: OutboundContext): Promise<string> {
  const now = input.at;
  const { mailbox, refs, ...recent } = read ?? (await outboundContext(trx, { brandId: input.brandId, ticketId: input.ticketId, to: input.to, since: capsSince(input) }));
  const lastInbound = [...refs].reverse().find((r) => r.direction === 'in');
  let status: 'queued' | 'held' | 'suppressed' = canDeliver(mailbox) ? 'queued' : 'held';
  let lastError: string | null = canDeliver(mailbox) ? null : NO_SERVER;
  if (input.automatic) {
    if (recent.bounced) [status, lastError] = ['suppressed', 'address bounced'];
    else if (recent.toRecipient >= AUTO_MAIL_CAPS.perRecipientPerHour || recent.onTicket >= AUTO_MAIL_CAPS.perTicketPerHour) [status, lastError] = ['suppressed', 'automatic mail limit reached'];
  }
  const messageId = messageIdFor(mailbox?.address ?? null);
  const outboundId = await insertOutbound(trx, {
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
  });
  if (input.entryId) await linkEntryToOutbound(trx, input.entryId, outboundId);
  if (status === 'queued') await ctx.jobs.enqueue(trx, SendMailJob, { outboundId });
  return outboundId;
}

/**
 * Puts a brand's held mail back on the send queue, in the caller's transaction (an admin saving a
 * mailbox): once a server or the outbox can deliver it, every held message is sent by the usual
 * `mail.send` job. The update takes each row from `held` to `queued` once, so two saves at the same
 * time enqueue each message once, and `sendOutbound` sends only a `queued` one.
 */
export async function releaseHeldMail(trx: Db, ctx: Pick<EmailContext, 'jobs'>, brandId: string): Promise<number> {
  if (!canDeliver(await sendingMailbox(trx, brandId))) return 0;
  const ids = await releaseHeldMessages(trx, brandId);
  for (const outboundId of ids) await ctx.jobs.enqueue(trx, SendMailJob, { outboundId });
  return ids.length;
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
 *
 * Without an SMTP server, a mailbox with the built-in outbox puts the message there (`outbox`, with
 * its delivery time): nothing left the install, so the ticket is neither accepted nor stamped as if
 * the customer had been told — the outbox is a place to read the mail, not a delivery.
 */
export async function sendOutbound(ctx: EmailContext, outboundId: string, meta: { retryCount: number }): Promise<void> {
  const claim = await claimForSending(ctx.db, outboundId);
  if (claim.kind === 'done') return;
  if (claim.kind === 'busy') {
    // Another run is sending it (this job was fetched again while its first run still talks to
    // the server, or another process has it). Come back once that claim would have expired: by
    // then the mail is sent, or the run holding it died and this one sends it. One job waits for
    // it at most: if another already does, that one comes back.
    if (!(await ctx.jobs.hasWaiting(ctx.db, SendMailJob, 'outboundId', outboundId))) {
      await ctx.jobs.enqueue(ctx.db, SendMailJob, { outboundId }, { startAfter: new Date(claim.until.getTime() + 5_000) });
    }
    return;
  }
  const { token, msg, mailbox, brand, ticket, attachments } = claim;
  if (msg.sending_runs > MAX_SENDING_RUNS) {
    // Claimed again and again without an outcome: its process died on it each time, or its jobs
    // kept outliving their expiry. A person must look (the ticket's mails show it failed, and why).
    await markOutbound(ctx.db, outboundId, token, { status: 'failed', lastError: `sending did not finish after ${MAX_SENDING_RUNS} attempts` });
    return;
  }
  if (!mailbox?.smtp) {
    if (mailbox?.outbox) await markOutbound(ctx.db, outboundId, token, { status: 'outbox', sentAt: ctx.clock.now(), lastError: null });
    else await markOutbound(ctx.db, outboundId, token, { status: 'held', lastError: NO_SERVER });
    return;
  }
  // The Date header and the recorded sending time are the same instant of the server's clock.
  const sentAt = ctx.clock.now();
  // The claim is renewed while the SMTP conversation lasts (a large attachment to a slow server).
  const renewing = setInterval(() => void renewClaim(ctx.db, outboundId, token).catch(() => {}), SENDING_RENEW_SECONDS * 1000);
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
    clearInterval(renewing);
    // The job's last retry, or the message's last run whatever job it came from.
    const last = meta.retryCount >= (SendMailJob.retryLimit ?? 0) || msg.sending_runs >= MAX_SENDING_RUNS;
    const held = await markOutbound(ctx.db, outboundId, token, { attempted: true, lastError: (err as Error).message.slice(0, 1000), ...(last ? { status: 'failed' as const } : {}) });
    // Retried by the queue, unless another run took the message over meanwhile: it has it now.
    if (held && !last) throw err;
    return;
  }
  try {
    await withTransaction(ctx.db, async (trx) => {
      // Only the run still holding the claim records the sending (and tells the ticket).
      if (!(await markOutbound(trx, outboundId, token, { status: 'sent', sentAt, attempted: true, lastError: null }))) return;
      if (!msg.ticket_id) return;
      // The acknowledgment accepts the ticket (seed 003: a clock counting from acceptance starts now).
      await messageSent(trx, msg.ticket_id, msg.kind, sentAt);
    });
  } catch (err) {
    // The mail left: whatever failed in telling the ticket, it is recorded as sent, never sent again.
    await markOutbound(ctx.db, outboundId, token, { status: 'sent', sentAt, attempted: true, lastError: null });
    throw err;
  } finally {
    // Renewed until the outcome is written: no other run claims a mail that is being recorded.
    clearInterval(renewing);
  }
}

/**
 * Puts back on the queue the queued mail that no job will send any more: the last run of its job
 * died mid-send (its claim expired) or the job was lost. A mail whose job is still waiting,
 * retrying or running (`liveJobKeys`) is left to it.
 */
export async function recoverStalledOutbound(ctx: Pick<EmailContext, 'db' | 'jobs'>, olderThanSeconds: number): Promise<number> {
  return withTransaction(ctx.db, async (trx) => {
    // A running job counts as live until pg-boss's supervisor (every minute) has seen it expire.
    const live = await ctx.jobs.liveJobKeys(trx, SendMailJob, 'outboundId', (SendMailJob.expireInSeconds ?? 120) + 120);
    const rows = await queuedWithoutClaim(trx, olderThanSeconds, [...live]);
    for (const row of rows) await ctx.jobs.enqueue(trx, SendMailJob, { outboundId: row.id });
    return rows.length;
  });
}
