import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { withTransaction } from '../../platform/db/database.ts';
import type { JobDefinition } from '../../platform/jobs/job-queue.ts';
import type { EmailContext } from './email-context.ts';
import { normaliseMessageId } from './mail-parse.ts';

export const ProcessInboundJob: JobDefinition<{ inboundId: string }> = {
  name: 'mail.process-inbound',
  schema: z.object({ inboundId: z.uuid() }),
  retryLimit: 3,
  retryDelay: 10,
  retryBackoff: true,
  expireInSeconds: 300,
};

export interface AcceptedMessage {
  inboundId: string;
  /** True when this exact message (same Message-ID, or same bytes) was already accepted. */
  duplicate: boolean;
}

/**
 * The Message-ID as written in the header block, read before any parsing so that even a message
 * mailparser cannot handle is deduplicated and kept.
 */
export function headerMessageId(raw: Buffer): string | null {
  const head = raw.subarray(0, Math.min(raw.length, 256 * 1024)).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const unfolded = (end >= 0 ? head.slice(0, end) : head).replace(/\r?\n[ \t]+/g, ' ');
  const m = unfolded.match(/^message-id:\s*(.+)$/im);
  return normaliseMessageId(m?.[1] ?? null);
}

/**
 * Step one of every inbound mail, whatever brought it (SMTP receiver, IMAP, API): keep the raw
 * bytes, record the message exactly once, and enqueue its processing — all in one transaction.
 * Only after this returns may the caller acknowledge (SMTP 250, IMAP \Seen): a crash before the
 * commit leaves the message with the sender or on the server; after it, nothing is lost, and a
 * redelivery is recognised as a duplicate.
 */
export async function acceptRawMessage(
  ctx: EmailContext,
  input: { raw: Buffer; source: 'smtp' | 'imap' | 'api'; envelopeTo?: string[]; envelopeFrom?: string | null; mailboxId?: string | null },
): Promise<AcceptedMessage> {
  const messageId = headerMessageId(input.raw);
  const sha256 = crypto.createHash('sha256').update(input.raw).digest('hex');
  const dedupeKey = messageId ? `mid:${messageId}` : `sha256:${sha256}`;
  const envelopeTo = (input.envelopeTo ?? []).map((a) => a.trim().toLowerCase()).filter(Boolean);

  const known = await ctx.db.selectFrom('inbound_message').select('id').where('dedupe_key', '=', dedupeKey).executeTakeFirst();
  if (known) return { inboundId: known.id, duplicate: true };

  const stored = await ctx.rawStore.put(Readable.from(input.raw), Number.MAX_SAFE_INTEGER);
  const mailbox = input.mailboxId
    ? await ctx.db.selectFrom('mailbox').select(['id', 'brand_id']).where('id', '=', input.mailboxId).executeTakeFirst()
    : envelopeTo.length
      ? await ctx.db.selectFrom('mailbox').select(['id', 'brand_id']).where((eb) => eb(eb.fn('lower', ['address']), 'in', envelopeTo)).executeTakeFirst()
      : undefined;
  const tooLarge = input.raw.length > ctx.maxMessageBytes;

  return withTransaction(ctx.db, async (trx) => {
    const row = await trx
      .insertInto('inbound_message')
      .values({
        mailbox_id: mailbox?.id ?? null,
        brand_id: mailbox?.brand_id ?? null,
        source: input.source,
        dedupe_key: dedupeKey,
        message_id: messageId,
        raw_storage_key: stored.storageKey,
        raw_size_bytes: stored.sizeBytes,
        envelope_from: input.envelopeFrom ?? null,
        envelope_to: envelopeTo,
        ...(tooLarge ? { status: 'quarantined' as const, reason: 'too_large', detail: `${input.raw.length} bytes > ${ctx.maxMessageBytes}` } : {}),
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) {
      const first = await trx.selectFrom('inbound_message').select('id').where('dedupe_key', '=', dedupeKey).executeTakeFirstOrThrow();
      return { inboundId: first.id, duplicate: true };
    }
    if (!tooLarge) await ctx.jobs.enqueue(trx, ProcessInboundJob, { inboundId: row.id });
    return { inboundId: row.id, duplicate: false };
  });
}
