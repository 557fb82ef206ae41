import { sql } from 'kysely';
import { type Db, withTransaction } from '../../platform/db/database.ts';
import type { Locale } from '../../platform/db/schema.ts';
import { findTicketNumbers, getBrandById } from '../brands/index.ts';
import { acceptsCustomerMessage, addSerialNumbers, appendCustomerMessage, findOrCreateCustomerByAddress, openTicketFromMessage, type TicketEvents } from '../tickets/index.ts';
import { storeMailAttachment } from '../attachments/index.ts';
import type { EmailContext } from './email-context.ts';
import { runInboundFilters, type InboundContext } from './filters/inbound-filters.ts';
import { type ParsedMail, parseMail, sanitiseMailHtml, usableAddress } from './mail-parse.ts';

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

/**
 * Turns one accepted message into a ticket or a conversation entry, exactly once: the inbound
 * row is locked, and only a `received` one is processed, in one transaction with everything it
 * writes. Auto-replies, bounces, loops and bulk mail are stored but never answered.
 */
export async function processInbound(ctx: EmailContext, events: TicketEvents, inboundId: string, now: Date): Promise<Status | 'missing'> {
  return withTransaction(ctx.db, async (trx) => {
    const msg = await trx.selectFrom('inbound_message').selectAll().where('id', '=', inboundId).forUpdate().executeTakeFirst();
    if (!msg) return 'missing';
    if (msg.status !== 'received') return msg.status;

    let mail: ParsedMail;
    try {
      mail = await parseMail(await readAll(ctx.rawStore.open(msg.raw_storage_key)));
    } catch (err) {
      await quarantine(trx, msg.id, 'unparseable', (err as Error).message, now);
      return 'quarantined';
    }
    const mailboxes = await trx.selectFrom('mailbox').select(['id', 'brand_id', 'address']).execute();
    const own = mailboxes.map((m) => m.address.toLowerCase());
    let brandId = msg.brand_id;
    if (!brandId) {
      const recipients = [...msg.envelope_to, ...mail.to.map((a) => a.address), ...mail.cc.map((a) => a.address)];
      brandId = mailboxes.find((m) => recipients.includes(m.address.toLowerCase()))?.brand_id ?? null;
      // One row per brand and message (migration 0004): when this brand has the message already,
      // through its own mailbox, this copy adds nothing.
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
    const brand = await getBrandById(trx, brandId);
    const f: InboundContext = runInboundFilters(mail, own);
    // Only parsed, usable addresses (mail-parse.ts): an unusable From falls back to Reply-To, then the envelope.
    const sender = mail.replyTo?.address ?? mail.from?.address ?? usableAddress(msg.envelope_from) ?? '';

    if (f.bounce?.recipient) {
      await trx
        .updateTable('app_user')
        .set({ email_bounced_at: now, email_bounce_reason: `${f.bounce.status} ${f.bounce.diagnostic}`.trim().slice(0, 500) })
        .where(sql`lower(email)`, '=', f.bounce.recipient)
        .execute();
    }
    if (!sender || !sender.includes('@')) {
      await quarantine(trx, msg.id, 'no_sender', 'no usable address in From, Reply-To or the envelope sender', now);
      return 'quarantined';
    }

    const automatic = f.classification !== 'normal';
    const person = await findOrCreateCustomerByAddress(trx, brand.id, { address: sender, name: mail.from?.name ?? '', locale: brand.defaultLocale as Locale });
    let ticketId = await findThread(trx, brand.id, brand.ticketNumberFormat, mail, sender);
    // A follow-up long after closing is a new case, not a reopened one.
    if (ticketId && !(await acceptsCustomerMessage(trx, ticketId, now, automatic))) ticketId = null;
    const text = mail.text || (mail.html ? '(HTML)' : '');
    const created = !ticketId;
    if (!ticketId) {
      if (f.classification === 'bounce' || f.classification === 'loop') {
        // A bounce or a looping mail that matches no ticket is kept, never turned into a case.
        await trx.updateTable('inbound_message').set({ status: 'processed', classification: f.classification, reason: f.reasons.join('; ').slice(0, 500), processed_at: now }).where('id', '=', msg.id).execute();
        return 'processed';
      }
      ticketId = await openTicketFromMessage(trx, {
        brand,
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
      fromAddress: sender,
      author: { id: person.id, locale: person.locale },
      inboundMessageId: msg.id,
      automatic,
      searchText: `${mail.subject}\n${text}`,
      at: now,
    });
    await storeMailAttachments(trx, ctx, mail, ticketId, entryId);
    if (mail.messageId) {
      await trx.insertInto('mail_message_ref').values({ message_id: mail.messageId, ticket_id: ticketId, direction: 'in' }).onConflict((oc) => oc.doNothing()).execute();
    }
    await trx
      .updateTable('inbound_message')
      .set({ status: 'processed', classification: f.classification, reason: f.reasons.join('; ').slice(0, 500) || null, ticket_id: ticketId, entry_id: entryId, brand_id: brand.id, processed_at: now })
      .where('id', '=', msg.id)
      .execute();
    if (created && !automatic) await events.ticketCreated(trx, ticketId, now);
    return 'processed';
  });
}
