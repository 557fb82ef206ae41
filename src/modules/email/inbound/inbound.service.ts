import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { sql } from 'kysely';
import { withTransaction } from '../../../platform/db/database.ts';
import { retriedJob } from '../../../platform/jobs/job-queue.ts';
import type { EmailContext } from '../context/index.ts';
import { normaliseMessageId, parseMail } from './parse/index.ts';
import { quarantine } from './process-inbound.ts';

export const ProcessInboundJob = retriedJob('mail.process-inbound', z.object({ inboundId: z.uuid() }), { retries: 3, firstRetrySeconds: 10, expireInSeconds: 300 });

export interface AcceptedMessage {
  /** The first of `inboundIds`. */
  inboundId: string;
  /** One row per brand the message is for: the brand of the mailbox it came through, or of each of its envelope recipients. */
  inboundIds: string[];
  /** True when this message (same Message-ID, sender, date and subject; or, without a Message-ID, the same bytes) was already accepted for every one of those brands. */
  duplicate: boolean;
}

/**
 * The Message-ID as written in the header block, read before any parsing so that even a message
 * mailparser cannot handle is deduplicated and kept.
 */
export function headerMessageId(raw: Buffer): string | null {
  const m = headerBlock(raw).match(/^message-id:\s*(.+)$/im);
  return normaliseMessageId(m?.[1] ?? null);
}

/** The unfolded header block, read as bytes (latin1) so no charset can make it fail. */
function headerBlock(raw: Buffer): string {
  const head = raw.subarray(0, Math.min(raw.length, 256 * 1024)).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  return (end >= 0 ? head.slice(0, end) : head).replace(/\r?\n[ \t]+/g, ' ');
}

/**
 * Subject and sender as the admin's list shows them, from the header block alone (decoded like the
 * whole message would be, without reading its body or attachments). A header block that does not
 * parse gives nulls: the message is still accepted and kept.
 */
export async function summaryOf(raw: Buffer): Promise<{ subject: string | null; from_address: string | null }> {
  const window = raw.subarray(0, Math.min(raw.length, 256 * 1024));
  const crlf = window.indexOf('\r\n\r\n');
  const lf = window.indexOf('\n\n');
  const ends = [crlf, lf].filter((i) => i >= 0);
  const head = ends.length ? window.subarray(0, Math.min(...ends)) : window;
  try {
    const mail = await parseMail(Buffer.concat([head, Buffer.from('\r\n\r\n')]));
    return { subject: mail.subject || null, from_address: mail.from?.address ?? null };
  } catch {
    return { subject: null, from_address: null };
  }
}

/**
 * What makes two deliveries the same message: its Message-ID together with its sender, date and
 * subject as written (a relay adds Received headers, so the bytes of a redelivery may differ).
 * Mailers and list software do reuse Message-IDs for different mails: those differ in one of the
 * three and are kept as new messages. Without a Message-ID, only the same bytes are the same.
 */
export function dedupeKeyOf(raw: Buffer, messageId: string | null, sha256: string): string {
  if (!messageId) return `sha256:${sha256}`;
  const block = headerBlock(raw);
  const field = (name: string) => (block.match(new RegExp(`^${name}:[ \\t]*(.*)$`, 'im'))?.[1] ?? '').replace(/\s+/g, ' ').trim();
  const digest = crypto.createHash('sha256').update([field('from'), field('date'), field('subject')].join('\n')).digest('hex').slice(0, 24);
  return `mid:${messageId}|${digest}`;
}

interface Target {
  mailboxId: string | null;
  brandId: string | null;
}

/** The mailbox it came through; else one mailbox per brand among the envelope recipients; else none known. */
async function targetsOf(ctx: EmailContext, mailboxId: string | null | undefined, envelopeTo: string[]): Promise<Target[]> {
  const rows = mailboxId
    ? await ctx.db.selectFrom('mailbox').select(['id', 'brand_id']).where('id', '=', mailboxId).execute()
    : envelopeTo.length
      ? await ctx.db.selectFrom('mailbox').select(['id', 'brand_id']).where((eb) => eb(eb.fn('lower', ['address']), 'in', envelopeTo)).orderBy('created_at').orderBy('id').execute()
      : [];
  const targets: Target[] = [];
  for (const r of rows) if (!targets.some((t) => t.brandId === r.brand_id)) targets.push({ mailboxId: r.id, brandId: r.brand_id });
  return targets.length ? targets : [{ mailboxId: null, brandId: null }];
}

/**
 * Step one of every inbound mail, whatever brought it (SMTP receiver, IMAP, API): keep the raw
 * bytes, record the message exactly once per brand it is for, and enqueue its processing — all in
 * one transaction. Only after this returns may the caller acknowledge (SMTP 250, IMAP \Seen): a
 * crash before the commit leaves the message with the sender or on the server; after it, nothing
 * is lost, and a redelivery is recognised as a duplicate. A mail to two brands' addresses becomes
 * one row, and later one ticket, in each (migration 0004).
 */
export async function acceptRawMessage(
  ctx: EmailContext,
  input: { raw: Buffer; source: 'smtp' | 'imap' | 'api'; envelopeTo?: string[]; envelopeFrom?: string | null; mailboxId?: string | null },
): Promise<AcceptedMessage> {
  const messageId = headerMessageId(input.raw);
  const sha256 = crypto.createHash('sha256').update(input.raw).digest('hex');
  const dedupeKey = dedupeKeyOf(input.raw, messageId, sha256);
  const envelopeTo = [...new Set((input.envelopeTo ?? []).map((a) => a.trim().toLowerCase()).filter(Boolean))];
  const targets = await targetsOf(ctx, input.mailboxId, envelopeTo);

  const findKnown = async (db: EmailContext['db']) => {
    const rows = await db.selectFrom('inbound_message').select(['id', 'brand_id']).where('dedupe_key', '=', dedupeKey).execute();
    return (t: Target) => rows.find((r) => r.brand_id === t.brandId)?.id;
  };
  // A redelivery is answered as accepted and counted on the row it repeats, where an admin sees it.
  const countRedelivery = (db: EmailContext['db'], ids: string[]) =>
    db.updateTable('inbound_message').set({ redeliveries: sql`redeliveries + 1`, last_redelivered_at: ctx.clock.now() }).where('id', 'in', ids).execute();
  const known = await findKnown(ctx.db);
  if (targets.every((t) => known(t))) {
    const ids = targets.map((t) => known(t)!);
    await countRedelivery(ctx.db, ids);
    return { inboundId: ids[0]!, inboundIds: ids, duplicate: true };
  }

  const stored = await ctx.rawStore.put(Readable.from(input.raw), Number.MAX_SAFE_INTEGER);
  const summary = await summaryOf(input.raw);
  const receivedAt = ctx.clock.now();
  const tooLarge = input.raw.length > ctx.maxMessageBytes;

  return withTransaction(ctx.db, async (trx) => {
    const ids: string[] = [];
    let added = 0;
    for (const target of targets) {
      const row = await trx
        .insertInto('inbound_message')
        .values({
          mailbox_id: target.mailboxId,
          brand_id: target.brandId,
          source: input.source,
          dedupe_key: dedupeKey,
          message_id: messageId,
          raw_storage_key: stored.storageKey,
          raw_size_bytes: stored.sizeBytes,
          envelope_from: input.envelopeFrom ?? null,
          envelope_to: envelopeTo,
          received_at: receivedAt,
          ...summary,
          summary_read: true,
          ...(tooLarge ? { status: 'quarantined' as const, reason: 'too_large', detail: `${input.raw.length} bytes > ${ctx.maxMessageBytes}` } : {}),
        })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!row) {
        // Accepted meanwhile for this brand, by another connection or process.
        const twin = (await findKnown(trx))(target)!;
        await countRedelivery(trx, [twin]);
        ids.push(twin);
        continue;
      }
      ids.push(row.id);
      added++;
      if (!tooLarge) await ctx.jobs.enqueue(trx, ProcessInboundJob, { inboundId: row.id });
    }
    return { inboundId: ids[0]!, inboundIds: ids, duplicate: added === 0 };
  });
}

/** How often processing of one message is started over after it stalled, before it is quarantined. */
export const MAX_PROCESSING_RESTARTS = 5;

/**
 * Puts back on the queue the messages whose processing died with a process. A message is stalled
 * when it is still `received` some time after acceptance, no transaction holds its row (the
 * processing transaction locks it first thing, and PostgreSQL drops the locks of a dead
 * connection), and no job for it waits or started recently: its job was taken by a process that
 * was killed (pg-boss would retry it only when it expires, minutes later, and each expiry uses up
 * a retry), or it ran out of retries without reaching the quarantine. Processing takes the row
 * lock and skips what is no longer `received`, so a job enqueued here for a message that turns out
 * to be in progress after all does nothing. A message that stalls again and again (say, one that
 * crashes the process) is quarantined after MAX_PROCESSING_RESTARTS.
 */
export async function recoverStalledInbound(ctx: Pick<EmailContext, 'db' | 'jobs' | 'clock'>, staleAfterSeconds: number): Promise<{ requeued: number; quarantined: number }> {
  return withTransaction(ctx.db, async (trx) => {
    const rows = await trx
      .selectFrom('inbound_message')
      .select(['id', 'attempts'])
      .where('status', '=', 'received')
      .where('received_at', '<', new Date(ctx.clock.now().getTime() - staleAfterSeconds * 1000))
      .orderBy('received_at')
      .limit(500)
      .forUpdate()
      .skipLocked()
      .execute();
    if (rows.length === 0) return { requeued: 0, quarantined: 0 };
    const live = await ctx.jobs.liveJobKeys(trx, ProcessInboundJob, 'inboundId', staleAfterSeconds);
    let requeued = 0;
    let quarantined = 0;
    for (const row of rows) {
      if (live.has(row.id)) continue;
      if (row.attempts + 1 >= MAX_PROCESSING_RESTARTS) {
        await quarantine(trx, row.id, 'processing_failed', `processing did not finish after ${MAX_PROCESSING_RESTARTS} attempts (the process may have stopped on this message)`, ctx.clock.now());
        quarantined++;
        continue;
      }
      await trx.updateTable('inbound_message').set({ attempts: sql`attempts + 1` }).where('id', '=', row.id).execute();
      await ctx.jobs.enqueue(trx, ProcessInboundJob, { inboundId: row.id });
      requeued++;
    }
    return { requeued, quarantined };
  });
}
