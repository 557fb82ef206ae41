import { type QueryCreator, type Selectable, sql } from 'kysely';
import { type Db, withTransaction } from '../../../platform/db/database.ts';
import type { DB, InboundMessageTable, Locale } from '../../../platform/db/schema.ts';
import { findTicketNumbers, getBrandById } from '../../brands/index.ts';
import { acceptsCustomerMessage, addSerialNumbers, appendCustomerMessage, findOrCreateCustomerByAddress, openTicketFromMessage, type TicketEvents } from '../../tickets/index.ts';
import { storeMailAttachment } from '../../attachments/index.ts';
import type { EmailContext } from '../context/index.ts';
import { runInboundFilters, type InboundContext } from './filters/index.ts';
import { type ParsedMail, parseMail, sanitiseMailHtml, usableAddress } from './parse/index.ts';

type Status = 'received' | 'processed' | 'quarantined' | 'discarded';
type QuarantineReason = 'unparseable' | 'no_mailbox' | 'no_sender' | 'processing_failed' | 'too_large';

export async function quarantine(db: Db, inboundId: string, reason: QuarantineReason, detail: string, now: Date): Promise<void> {
  await db
    .updateTable('inbound_message')
    .set({ status: 'quarantined', reason, detail: detail.slice(0, 2000), processed_at: now, attempts: sql`attempts + 1` })
    .where('id', '=', inboundId)
    .where('status', '=', 'received')
    .execute();
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
  return Buffer.concat(chunks);
}

/**
 * Threading (SPEC §3, Zammad #5064): References/In-Reply-To against Message-IDs Apres stored or
 * sent; else a valid ticket number in the subject — but only when the sender is the requester, a
 * participant, or of the requester's organisation; anyone else quoting a number gets a new ticket.
 */
async function findThread(trx: Db, brandId: string, format: string, mail: ParsedMail, sender: string): Promise<string | null> {
  const ids = [mail.inReplyTo, ...mail.references].filter((v): v is string => Boolean(v));
  if (ids.length) {
    const ref = await trx
      .selectFrom('mail_message_ref as m')
      .innerJoin('ticket as t', 't.id', 'm.ticket_id')
      .select(['t.id', 't.merged_into_id'])
      .where('m.message_id', 'in', ids)
      .where('t.brand_id', '=', brandId)
      .orderBy('m.created_at', 'desc')
      .executeTakeFirst();
    if (ref) return ref.merged_into_id ?? ref.id;
  }
  for (const number of findTicketNumbers(format, mail.subject)) {
    const t = await trx
      .selectFrom('ticket as t')
      .innerJoin('app_user as r', 'r.id', 't.requester_id')
      .select(['t.id', 't.merged_into_id', 't.organisation_id', 'r.email'])
      .where('t.number', '=', number)
      .where('t.brand_id', '=', brandId)
      .executeTakeFirst();
    if (!t) continue;
    const isRequester = t.email.toLowerCase() === sender;
    const participant =
      isRequester ||
      (await trx.selectFrom('ticket_entry').select('id').where('ticket_id', '=', t.id).where(sql`lower(from_address)`, '=', sender).executeTakeFirst()) !== undefined ||
      (t.organisation_id !== null &&
        (await trx.selectFrom('app_user').select('id').where(sql`lower(email)`, '=', sender).where('organisation_id', '=', t.organisation_id).executeTakeFirst()) !== undefined);
    if (participant) return t.merged_into_id ?? t.id;
  }
  return null;
}

async function storeMailAttachments(trx: Db, ctx: EmailContext, mail: ParsedMail, ticketId: string, entryId: string): Promise<void> {
  // Delivery-status parts are read by the bounce filter; every file a customer sent is kept.
  for (const a of mail.attachments) {
    await storeMailAttachment(trx, ctx.files, { content: a.content, filename: a.filename, declaredType: a.contentType, ticketId, entryId, contentId: a.contentId, inline: a.inline });
  }
}

type InboundRow = Selectable<InboundMessageTable>;
type Brand = Awaited<ReturnType<typeof getBrandById>>;

/** What the steps learn about one message as they go; each step reads what the earlier ones found. */
interface InboundRun {
  trx: Db;
  ctx: EmailContext;
  events: TicketEvents;
  msg: InboundRow;
  now: Date;
  mail?: ParsedMail;
  ownAddresses?: string[];
  brand?: Brand;
  filters?: InboundContext;
  sender?: string;
  person?: Awaited<ReturnType<typeof findOrCreateCustomerByAddress>>;
  ticketId?: string | null;
  /** Messages this run already waits for (in order): never waited for again, so a loop of references ends. */
  chain: ReadonlySet<string>;
}

/**
 * The message answers one that arrived before it and still waits to be processed (several workers
 * run at once on PostgreSQL): threading it now would miss that message's ticket. The caller
 * processes those first and then this one again (`processInbound`).
 */
class EarlierMessagePending extends Error {
  constructor(readonly inboundIds: string[]) {
    super(`inbound message waits for ${inboundIds.join(', ')}`);
  }
}

/** A step either learns something and lets the next one go on (undefined), or ends the message with its final status. */
type InboundStep = (run: InboundRun) => Promise<Status | undefined>;

/** The raw copy, parsed; a message that does not parse is quarantined, never lost. */
const parse: InboundStep = async (run) => {
  try {
    run.mail = await parseMail(await readAll(run.ctx.rawStore.open(run.msg.raw_storage_key)));
  } catch (err) {
    await quarantine(run.trx, run.msg.id, 'unparseable', (err as Error).message, run.now);
    return 'quarantined';
  }
  return undefined;
};

/**
 * The brand it is for: the mailbox it came through, else a brand's address among the recipients.
 * One row per brand and message (migration 0004): a copy for a brand that has the message already
 * adds nothing; a message for no brand is quarantined.
 */
const routeToBrand: InboundStep = async (run) => {
  const { trx, msg, now } = run;
  const mail = run.mail!;
  const mailboxes = await trx.selectFrom('mailbox').select(['id', 'brand_id', 'address']).execute();
  run.ownAddresses = mailboxes.map((m) => m.address.toLowerCase());
  let brandId = msg.brand_id;
  if (!brandId) {
    const recipients = [...msg.envelope_to, ...mail.to.map((a) => a.address), ...mail.cc.map((a) => a.address)];
    brandId = mailboxes.find((m) => recipients.includes(m.address.toLowerCase()))?.brand_id ?? null;
    const twin = brandId
      ? await trx.selectFrom('inbound_message').select('id').where('brand_id', '=', brandId).where('dedupe_key', '=', msg.dedupe_key).executeTakeFirst()
      : undefined;
    if (twin) {
      await trx
        .updateTable('inbound_message')
        .set({ status: 'discarded', reason: 'duplicate', detail: `accepted for this brand already as ${twin.id}`, processed_at: now })
        .where('id', '=', msg.id)
        .execute();
      return 'discarded';
    }
  }
  if (!brandId) {
    await quarantine(trx, msg.id, 'no_mailbox', `no mailbox for ${[...msg.envelope_to, ...mail.to.map((a) => a.address)].join(', ') || 'unknown recipient'}`, now);
    return 'quarantined';
  }
  run.brand = await getBrandById(trx, brandId);
  return undefined;
};

/** The filter chain (filters/inbound-filters.ts): auto-reply, bounce, loop, bulk, serial numbers. */
const classify: InboundStep = async (run) => {
  run.filters = runInboundFilters(run.mail!, run.ownAddresses!);
  return undefined;
};

/** A delivery report marks the address it bounced for, so no more mail is sent there blindly. */
const recordBounce: InboundStep = async (run) => {
  const bounce = run.filters!.bounce;
  if (bounce?.recipient) {
    await run.trx
      .updateTable('app_user')
      .set({ email_bounced_at: run.now, email_bounce_reason: `${bounce.status} ${bounce.diagnostic}`.trim().slice(0, 500) })
      .where(sql`lower(email)`, '=', bounce.recipient)
      .execute();
  }
  return undefined;
};

/**
 * Who wrote: only parsed, usable addresses (mail-parse.ts) — an unusable From falls back to
 * Reply-To, then the envelope; with none, the message is quarantined. The sender becomes (or is)
 * the brand's customer.
 */
const identifySender: InboundStep = async (run) => {
  const { mail, msg, brand } = { mail: run.mail!, msg: run.msg, brand: run.brand! };
  const sender = mail.replyTo?.address ?? mail.from?.address ?? usableAddress(msg.envelope_from) ?? '';
  if (!sender || !sender.includes('@')) {
    await quarantine(run.trx, msg.id, 'no_sender', 'no usable address in From, Reply-To or the envelope sender', run.now);
    return 'quarantined';
  }
  run.sender = sender;
  run.person = await findOrCreateCustomerByAddress(run.trx, brand.id, { address: sender, name: mail.from?.name ?? '', locale: brand.defaultLocale as Locale });
  return undefined;
};

/** The ticket it answers (references, then a ticket number from a participant); a follow-up long after closing is a new case. */
const thread: InboundStep = async (run) => {
  const brand = run.brand!;
  const mail = run.mail!;
  const refs = [mail.inReplyTo, ...mail.references].filter((v): v is string => Boolean(v));
  if (refs.length) {
    const earlier = await run.trx
      .selectFrom('inbound_message')
      .select('id')
      .where('message_id', 'in', refs)
      .where('status', '=', 'received')
      .where('id', '<>', run.msg.id)
      .orderBy('received_at')
      .orderBy('id')
      .execute();
    const waitFor = earlier.map((e) => e.id).filter((id) => !run.chain.has(id));
    if (waitFor.length) throw new EarlierMessagePending(waitFor);
  }
  let ticketId = await findThread(run.trx, brand.id, brand.ticketNumberFormat, run.mail!, run.sender!);
  if (ticketId && !(await acceptsCustomerMessage(run.trx, ticketId, run.now, run.filters!.classification !== 'normal'))) ticketId = null;
  run.ticketId = ticketId;
  return undefined;
};

/**
 * A new ticket, or the message on the one it answers — with its files and its Message-ID for the
 * next reply's threading. A bounce or a looping mail that matches no ticket is kept, never turned
 * into a case. Only a person's new ticket is acknowledged.
 */
const openOrAppend: InboundStep = async (run) => {
  const { trx, msg, now, ctx } = run;
  const mail = run.mail!;
  const f = run.filters!;
  const person = run.person!;
  const automatic = f.classification !== 'normal';
  const text = mail.text || (mail.html ? '(HTML)' : '');
  let ticketId = run.ticketId ?? null;
  const created = !ticketId;
  if (!ticketId) {
    if (f.classification === 'bounce' || f.classification === 'loop') {
      await trx.updateTable('inbound_message').set({ status: 'processed', classification: f.classification, reason: f.reasons.join('; ').slice(0, 500), processed_at: now }).where('id', '=', msg.id).execute();
      return 'processed';
    }
    ticketId = await openTicketFromMessage(trx, {
      brand: run.brand!,
      requester: { id: person.id, locale: person.locale, organisationId: person.organisationId },
      subject: (mail.subject || '(no subject)').slice(0, 300),
      description: text.slice(0, 100_000) || '(empty message)',
      serialNumbers: f.serials,
      at: now,
    });
  } else {
    await addSerialNumbers(trx, ticketId, f.serials);
  }
  const entryId = await appendCustomerMessage(trx, {
    ticketId,
    opened: created,
    kind: f.classification === 'bounce' ? 'system' : 'customer_message',
    body: text.slice(0, 100_000) || '(empty message)',
    htmlBody: mail.html ? sanitiseMailHtml(mail.html) : null,
    fromAddress: run.sender!,
    author: { id: person.id, locale: person.locale },
    inboundMessageId: msg.id,
    automatic,
    searchText: `${mail.subject}\n${text}`,
    at: now,
  });
  await storeMailAttachments(trx, ctx, mail, ticketId, entryId);
  // The message done, and its Message-ID kept for the next reply's threading: one statement.
  const done = (db: QueryCreator<DB>) => db
    .updateTable('inbound_message')
    .set({ status: 'processed', classification: f.classification, reason: f.reasons.join('; ').slice(0, 500) || null, ticket_id: ticketId, entry_id: entryId, brand_id: run.brand!.id, processed_at: now })
    .where('id', '=', msg.id);
  if (mail.messageId) {
    await trx
      .with('done', (db) => done(db))
      .insertInto('mail_message_ref')
      .values({ message_id: mail.messageId, ticket_id: ticketId, direction: 'in' })
      .onConflict((oc) => oc.doNothing())
      .execute();
  } else {
    await done(trx).execute();
  }
  if (created && !automatic) await run.events.ticketCreated(trx, ticketId, now);
  return 'processed';
};

/** The steps of inbound processing, in order, by name (the order is the rule: each relies on the ones before). */
export const INBOUND_STEPS: readonly (readonly [name: string, step: InboundStep])[] = [
  ['parse', parse],
  ['route to brand', routeToBrand],
  ['classify', classify],
  ['record bounce', recordBounce],
  ['identify sender', identifySender],
  ['thread', thread],
  ['open or append', openOrAppend],
];

/**
 * Turns one accepted message into a ticket or a conversation entry, exactly once: the inbound
 * row is locked, and only a `received` one is processed, in one transaction with everything it
 * writes. Auto-replies, bounces, loops and bulk mail are stored but never answered.
 */
export async function processInbound(ctx: EmailContext, events: TicketEvents, inboundId: string, now: Date, chain: ReadonlySet<string> = new Set([inboundId])): Promise<Status | 'missing'> {
  for (;;) {
    try {
      return await processOne(ctx, events, inboundId, now, chain);
    } catch (err) {
      if (!(err instanceof EarlierMessagePending)) throw err;
      // The messages it answers first, in their own transactions (one another worker is already
      // processing is waited for on its row lock, then found processed); then this one again. One
      // that fails is left to its own job's retries: this message no longer waits for it.
      // Each earlier message waits in turn for what it answers itself (its own path, not its
      // siblings': a reply to the original and to the first reply needs both before it).
      for (const earlier of err.inboundIds) await processInbound(ctx, events, earlier, now, new Set([...chain, earlier])).catch(() => undefined);
      chain = new Set([...chain, ...err.inboundIds]);
    }
  }
}

async function processOne(ctx: EmailContext, events: TicketEvents, inboundId: string, now: Date, chain: ReadonlySet<string>): Promise<Status | 'missing'> {
  return withTransaction(ctx.db, async (trx) => {
    const msg = await trx.selectFrom('inbound_message').selectAll().where('id', '=', inboundId).forUpdate().executeTakeFirst();
    if (!msg) return 'missing';
    if (msg.status !== 'received') return msg.status;
    const run: InboundRun = { trx, ctx, events, msg, now, chain };
    for (const [, step] of INBOUND_STEPS) {
      const done = await step(run);
      if (done) return done;
    }
    throw new Error(`inbound message ${msg.id}: no step ended it`);
  });
}
