import { type Db, withTransaction } from '../../../platform/db/database.ts';
import type { MailServerSettings } from '../../../platform/db/schema.ts';
import { AppError, type FieldError, notFound, validationFailed } from '../../../platform/errors/app-error.ts';
import { refusedTarget } from '../../../platform/net/outbound-target.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor.ts';
import { type Actor, assertAdmin } from '../../auth/index.ts';
import type { EmailContext } from '../context/index.ts';
import { inboundPage, mailboxesWithBrand, storeInboundSummary } from './email-admin.queries.ts';
import { ProcessInboundJob, summaryOf } from '../inbound/index.ts';
import { releaseHeldMail } from '../outbound/index.ts';

/** The built-in SMTP receiver's settings, for the admin's mail page (issue 9, finding 6: admins only). */
export function mailReceiverSettings(actor: Actor, smtpPort: number) {
  assertAdmin(actor, 'Only an administrator manages mailboxes and quarantine');
  return { smtpReceiver: { enabled: smtpPort > 0, port: smtpPort } };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
  return Buffer.concat(chunks);
}

export async function listInbound(ctx: EmailContext, actor: Actor, q: { status: 'received' | 'processed' | 'quarantined' | 'discarded'; cursor?: string | undefined; limit: number }) {
  assertAdmin(actor, 'Only an administrator manages mailboxes and quarantine');
  const rows = await inboundPage(ctx.db, { status: q.status, after: q.cursor ? decodeCursor(q.cursor) : undefined, limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const items = [];
  for (const r of page) {
    // Subject and sender were read at acceptance; a row accepted before that (migration 0008) is read once now.
    let { subject, from_address: from } = r;
    if (!r.summary_read) {
      ({ subject, from_address: from } = await summaryOf(await readAll(ctx.rawStore.open(r.raw_storage_key))));
      await storeInboundSummary(ctx.db, r.id, { subject, from_address: from });
    }
    items.push({
      id: r.id,
      receivedAt: r.received_at.toISOString(),
      redeliveries: r.redeliveries,
      lastRedeliveredAt: r.last_redelivered_at?.toISOString() ?? null,
      source: r.source,
      envelopeFrom: r.envelope_from,
      envelopeTo: r.envelope_to,
      messageId: r.message_id,
      subject,
      from,
      sizeBytes: Number(r.raw_size_bytes),
      status: r.status,
      reason: r.reason,
      detail: r.detail,
      brandName: r.brand_name,
    });
  }
  const last = page.at(-1);
  return { items, nextCursor: rows.length > q.limit && last ? encodeCursor({ at: last.received_at.toISOString(), id: last.id }) : null };
}

/** How many messages wait in quarantine: the admin's navigation shows it, so none goes unseen. */
export async function countQuarantined(ctx: EmailContext, actor: Actor): Promise<{ quarantined: number }> {
  assertAdmin(actor, 'Only an administrator manages mailboxes and quarantine');
  const r = await ctx.db.selectFrom('inbound_message').select((eb) => eb.fn.countAll<string>().as('n')).where('status', '=', 'quarantined').executeTakeFirstOrThrow();
  return { quarantined: Number(r.n) };
}

/** Puts a quarantined message back through processing (after a fix, or a new mailbox). */
export async function reprocessInbound(ctx: EmailContext, actor: Actor, id: string) {
  assertAdmin(actor, 'Only an administrator manages mailboxes and quarantine');
  return withTransaction(ctx.db, async (trx) => {
    const row = await trx.selectFrom('inbound_message').select(['status']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw notFound('INBOUND_NOT_FOUND', 'Message');
    if (row.status !== 'quarantined') throw new AppError('INBOUND_NOT_QUARANTINED', 409, 'Only a quarantined message can be reprocessed');
    await trx.updateTable('inbound_message').set({ status: 'received', reason: null, detail: null, processed_at: null }).where('id', '=', id).execute();
    await ctx.jobs.enqueue(trx, ProcessInboundJob, { inboundId: id });
    return { status: 'received' as const };
  });
}

export async function discardInbound(ctx: EmailContext, actor: Actor, id: string) {
  assertAdmin(actor, 'Only an administrator manages mailboxes and quarantine');
  const row = await ctx.db
    .updateTable('inbound_message')
    .set({ status: 'discarded', processed_at: ctx.clock.now() })
    .where('id', '=', id)
    .where('status', '=', 'quarantined')
    .returning('id')
    .executeTakeFirst();
  if (!row) {
    const exists = await ctx.db.selectFrom('inbound_message').select('id').where('id', '=', id).executeTakeFirst();
    if (!exists) throw notFound('INBOUND_NOT_FOUND', 'Message');
    throw new AppError('INBOUND_NOT_QUARANTINED', 409, 'Only a quarantined message can be discarded');
  }
  return { status: 'discarded' as const };
}

export async function openInboundRaw(ctx: EmailContext, actor: Actor, id: string) {
  assertAdmin(actor, 'Only an administrator manages mailboxes and quarantine');
  const row = await ctx.db.selectFrom('inbound_message').select(['raw_storage_key', 'raw_size_bytes']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('INBOUND_NOT_FOUND', 'Message');
  return { stream: ctx.rawStore.open(row.raw_storage_key), sizeBytes: Number(row.raw_size_bytes) };
}

const publicSettings = (s: MailServerSettings | null) =>
  s ? { host: s.host, port: s.port, secure: s.secure, user: s.user ?? null, folder: s.folder ?? null, hasPassword: Boolean(s.password) } : null;

export async function listMailboxes(db: Db, actor: Actor) {
  assertAdmin(actor, 'Only an administrator manages mailboxes and quarantine');
  const rows = await mailboxesWithBrand(db);
  return {
    items: rows.map((m) => ({
      id: m.id,
      brandId: m.brand_id,
      brandName: m.brand_name,
      address: m.address,
      displayName: m.display_name,
      enabled: m.enabled,
      outbox: m.outbox,
      imap: publicSettings(m.imap),
      smtp: publicSettings(m.smtp),
      lastCheckedAt: m.last_checked_at?.toISOString() ?? null,
      lastError: m.last_error,
    })),
  };
}

type SettingsInput = { host: string; port: number; secure: boolean; user?: string | undefined; password?: string | undefined; folder?: string | undefined } | null | undefined;

/** A password left out of an update keeps the stored one (the UI never receives it). */
function mergeSettings(input: SettingsInput, current: MailServerSettings | null): MailServerSettings | null | undefined {
  if (input === undefined) return undefined;
  if (input === null) return null;
  const password = input.password ?? current?.password;
  return { host: input.host, port: input.port, secure: input.secure, ...(input.user ? { user: input.user } : {}), ...(password ? { password } : {}), ...(input.folder ? { folder: input.folder } : {}) };
}

/**
 * Adds or changes a mailbox. When the brand can deliver afterwards (an SMTP server, or the built-in
 * outbox), the mail held for lack of one is put back on the send queue in the same transaction.
 */
export async function saveMailbox(
  ctx: Pick<EmailContext, 'db' | 'jobs'>,
  actor: Actor,
  id: string | null,
  input: {
    brandId?: string | undefined;
    address?: string | undefined;
    displayName?: string | null | undefined;
    enabled?: boolean | undefined;
    outbox?: boolean | undefined;
    imap?: SettingsInput;
    smtp?: SettingsInput;
  },
  allowPrivateTargets: boolean,
) {
  assertAdmin(actor, 'Only an administrator manages mailboxes and quarantine');
  const refused: FieldError[] = [];
  for (const kind of ['imap', 'smtp'] as const) {
    const host = input[kind]?.host;
    const why = host ? await refusedTarget(host, allowPrivateTargets) : null;
    if (why) refused.push({ field: `${kind}.host`, code: 'private_target', message: why });
  }
  if (refused.length) throw validationFailed(refused);
  return withTransaction(ctx.db, async (trx) => {
    const current = id ? await trx.selectFrom('mailbox').selectAll().where('id', '=', id).forUpdate().executeTakeFirst() : undefined;
    if (id && !current) throw notFound('MAILBOX_NOT_FOUND', 'Mailbox');
    if (input.brandId && !(await trx.selectFrom('brand').select('id').where('id', '=', input.brandId).executeTakeFirst())) {
      throw validationFailed([{ field: 'brandId', code: 'invalid_value', message: 'no such brand' }]);
    }
    if (input.address) {
      const clash = await trx.selectFrom('mailbox').select('id').where((eb) => eb(eb.fn('lower', ['address']), '=', input.address!.toLowerCase())).executeTakeFirst();
      if (clash && clash.id !== id) throw validationFailed([{ field: 'address', code: 'duplicate', message: 'another mailbox already has this address' }]);
    }
    const imap = mergeSettings(input.imap, current?.imap ?? null);
    const smtp = mergeSettings(input.smtp, current?.smtp ?? null);
    const values = {
      ...(input.brandId ? { brand_id: input.brandId } : {}),
      ...(input.address ? { address: input.address.toLowerCase() } : {}),
      ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      ...(input.outbox !== undefined ? { outbox: input.outbox } : {}),
      ...(imap !== undefined ? { imap: imap ? JSON.stringify(imap) : null } : {}),
      ...(smtp !== undefined ? { smtp: smtp ? JSON.stringify(smtp) : null } : {}),
    };
    if (current) {
      await trx.updateTable('mailbox').set(values).where('id', '=', current.id).execute();
      for (const brandId of new Set([current.brand_id, input.brandId ?? current.brand_id])) await releaseHeldMail(trx, ctx, brandId);
      return current.id;
    }
    if (!input.brandId || !input.address) {
      throw validationFailed([
        ...(!input.brandId ? [{ field: 'brandId', code: 'required', message: 'is required' }] : []),
        ...(!input.address ? [{ field: 'address', code: 'required', message: 'is required' }] : []),
      ]);
    }
    const row = await trx.insertInto('mailbox').values({ brand_id: input.brandId, address: input.address.toLowerCase(), ...values }).returning('id').executeTakeFirstOrThrow();
    await releaseHeldMail(trx, ctx, input.brandId);
    return row.id;
  });
}

export async function getMailboxSettings(db: Db, actor: Actor, id: string) {
  assertAdmin(actor, 'Only an administrator manages mailboxes and quarantine');
  const m = await db.selectFrom('mailbox').selectAll().where('id', '=', id).executeTakeFirst();
  if (!m) throw notFound('MAILBOX_NOT_FOUND', 'Mailbox');
  return m;
}
