import fs from 'node:fs';
import path from 'node:path';
import { TEST_NOW } from '../../../test/clock.ts';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { JobQueue } from '../../../platform/jobs/job-queue.ts';
import { idleEmailContext } from '../../../test/email-context.ts';
import { brandId, describeStores } from '../../../test/db.ts';
import type { EmailContext } from '../context/index.ts';
import { acceptRawMessage, MAX_PROCESSING_RESTARTS, ProcessInboundJob, recoverStalledInbound } from './inbound.service.ts';
import { processInbound } from './process-inbound.ts';
import { listInbound } from '../admin/index.ts';
import { ticketMail } from '../outbound/index.ts';

describeStores('inbound acceptance', (ctx, store) => {
  let jobs: JobQueue;
  let email: EmailContext;
  let n = 0;

  beforeAll(async () => {
    ({ jobs, email } = await idleEmailContext(ctx()));
  });
  afterAll(async () => {
    await jobs?.stop();
  });

  async function accept(): Promise<string> {
    const raw = Buffer.from(`From: a@example.com\r\nTo: sav@carri.example\r\nSubject: stalled ${++n}\r\nMessage-ID: <stalled-${n}-${ctx().store}@example.com>\r\n\r\nx\r\n`);
    return (await acceptRawMessage(email, { raw, source: 'smtp', envelopeTo: ['sav@carri.example'] })).inboundId;
  }
  const jobStates = async (id: string) =>
    (await sql<{ state: string }>`select state from pgboss.job where name = ${ProcessInboundJob.name} and data->>'inboundId' = ${id} order by created_on`.execute(ctx().db)).rows.map((r) => r.state);
  /** What a process killed in the middle of a job leaves: the job taken (`active`), long ago. */
  const workerDied = (id: string) =>
    sql`update pgboss.job set state = 'active', started_on = now() - interval '1 hour' where name = ${ProcessInboundJob.name} and data->>'inboundId' = ${id} and state < 'active'`.execute(ctx().db);
  const row = (id: string) => ctx().db.selectFrom('inbound_message').select(['status', 'attempts', 'reason']).where('id', '=', id).executeTakeFirstOrThrow();

  it('keeps a mail to two brands once for each, and a redelivery to either brand not again', async () => {
    const { db, store } = ctx();
    const raw = Buffer.from(`From: ana@client.example\r\nTo: sav@carri.example, service@smart-id.example\r\nSubject: two brands\r\nMessage-ID: <two-brands-${store}@client.example>\r\n\r\nx\r\n`);
    const both = await acceptRawMessage(email, { raw, source: 'smtp', envelopeTo: ['sav@carri.example', 'SERVICE@smart-id.example'] });
    expect(both.duplicate).toBe(false);
    expect(both.inboundIds).toHaveLength(2);
    const rows = await db.selectFrom('inbound_message').select(['id', 'brand_id', 'mailbox_id']).where('id', 'in', both.inboundIds).execute();
    const [carri, smartId] = [await brandId(db, 'carri'), await brandId(db, 'smart-id')];
    expect(rows.map((r) => r.brand_id).sort()).toEqual([carri, smartId].sort());
    expect(await jobStates(both.inboundIds[0]!)).toEqual(['created']);
    expect(await jobStates(both.inboundIds[1]!)).toEqual(['created']);

    // Again to both, then split per domain as another MTA would deliver it, then over IMAP.
    expect(await acceptRawMessage(email, { raw, source: 'smtp', envelopeTo: ['sav@carri.example', 'service@smart-id.example'] })).toEqual({ ...both, duplicate: true });
    const smartIdRow = rows.find((r) => r.brand_id === smartId)!;
    expect(await acceptRawMessage(email, { raw, source: 'smtp', envelopeTo: ['service@smart-id.example'] })).toEqual({ inboundId: smartIdRow.id, inboundIds: [smartIdRow.id], duplicate: true });
    const carriRow = rows.find((r) => r.brand_id === carri)!;
    expect(await acceptRawMessage(email, { raw, source: 'imap', mailboxId: carriRow.mailbox_id })).toEqual({ inboundId: carriRow.id, inboundIds: [carriRow.id], duplicate: true });
    const count = await db.selectFrom('inbound_message').select((eb) => eb.fn.countAll<string>().as('n')).where('message_id', '=', `two-brands-${store}@client.example`).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
  });

  it('keeps a different mail that reuses an earlier Message-ID, and counts a real redelivery where an admin sees it', async () => {
    const { db, store } = ctx();
    const mid = `reused-${store}@list.example`;
    const first = Buffer.from(`From: ana@client.example\r\nTo: sav@carri.example\r\nDate: Mon, 30 Nov 2026 09:00:00 +0100\r\nSubject: Imprimante\r\nMessage-ID: <${mid}>\r\n\r\nLe bac 2 bourre\r\n`);
    // Another mail from a broken mailer that reuses the Message-ID: other sender, date, subject.
    const other = Buffer.from(`From: paul@autre.example\r\nTo: sav@carri.example\r\nDate: Tue, 1 Dec 2026 10:00:00 +0100\r\nSubject: Écran noir\r\nMessage-ID: <${mid}>\r\n\r\nÉcran noir au démarrage\r\n`);
    // The first mail again, relayed once more: one more Received header, same message.
    const relayed = Buffer.concat([Buffer.from('Received: from relay.example by mx.example; Mon, 30 Nov 2026 09:05:00 +0100\r\n'), first]);
    const a = await acceptRawMessage(email, { raw: first, source: 'smtp', envelopeTo: ['sav@carri.example'] });
    const b = await acceptRawMessage(email, { raw: other, source: 'smtp', envelopeTo: ['sav@carri.example'] });
    expect(b.duplicate).toBe(false);
    expect(b.inboundId).not.toBe(a.inboundId);
    expect(await acceptRawMessage(email, { raw: relayed, source: 'imap', envelopeTo: ['sav@carri.example'] })).toEqual({ ...a, duplicate: true });
    expect(await acceptRawMessage(email, { raw: first, source: 'smtp', envelopeTo: ['sav@carri.example'] })).toEqual({ ...a, duplicate: true });
    const rows = await db.selectFrom('inbound_message').select(['id', 'redeliveries', 'last_redelivered_at']).where('message_id', '=', mid).orderBy('received_at').execute();
    expect(rows.map((r) => [r.id, r.redeliveries])).toEqual([[a.inboundId, 2], [b.inboundId, 0]]);
    expect(rows[0]!.last_redelivered_at).not.toBeNull();
    // Both become tickets: nothing answered 250 vanishes.
    expect(await processInbound(email, ticketMail(email), a.inboundId, TEST_NOW)).toBe('processed');
    expect(await processInbound(email, ticketMail(email), b.inboundId, TEST_NOW)).toBe('processed');
    const tickets = await db.selectFrom('inbound_message').select('ticket_id').where('id', 'in', [a.inboundId, b.inboundId]).execute();
    expect(new Set(tickets.map((t) => t.ticket_id)).size).toBe(2);
    expect(tickets.every((t) => t.ticket_id !== null)).toBe(true);
  });

  it('accepts and tickets a mail with NUL bytes in its Message-ID, subject, sender name and body, and quarantines one with no usable sender', async () => {
    const { db, store } = ctx();
    const raw = Buffer.from(`From: "Ion\u0000 Pop" <ion@client.example>\r\nTo: service@smart-id.example\r\nSubject: Scaner\u0000 defect\r\nMessage-ID: <nul\u0000-${store}@client.example>\r\n\r\nNu\u0000 citește\r\n`, 'utf8');
    const accepted = await acceptRawMessage(email, { raw, source: 'smtp', envelopeTo: ['service@smart-id.example'] });
    expect(accepted.duplicate).toBe(false);
    expect(await processInbound(email, ticketMail(email), accepted.inboundId, TEST_NOW)).toBe('processed');
    const t = await db.selectFrom('inbound_message as i').innerJoin('ticket as t', 't.id', 'i.ticket_id').select(['t.subject', 't.description', 'i.message_id']).where('i.id', '=', accepted.inboundId).executeTakeFirstOrThrow();
    expect(t).toEqual({ subject: 'Scaner defect', description: 'Nu citește', message_id: `nul-${store}@client.example` });

    // "From: @" with a valid envelope sender: the envelope wins; with none usable, a reason.
    const noFrom = Buffer.from(`From: @\r\nTo: service@smart-id.example\r\nSubject: fără expeditor\r\nMessage-ID: <nofrom-${store}@client.example>\r\n\r\nx\r\n`);
    const viaEnvelope = await acceptRawMessage(email, { raw: noFrom, source: 'smtp', envelopeTo: ['service@smart-id.example'], envelopeFrom: 'real@client.example' });
    expect(await processInbound(email, ticketMail(email), viaEnvelope.inboundId, TEST_NOW)).toBe('processed');
    const requester = await db.selectFrom('inbound_message as i').innerJoin('ticket as t', 't.id', 'i.ticket_id').innerJoin('app_user as u', 'u.id', 't.requester_id').select('u.email').where('i.id', '=', viaEnvelope.inboundId).executeTakeFirstOrThrow();
    expect(requester.email).toBe('real@client.example');
    const none = await acceptRawMessage(email, { raw: Buffer.from(noFrom.toString().replace('nofrom-', 'nofrom2-')), source: 'smtp', envelopeTo: ['service@smart-id.example'], envelopeFrom: 'john@' });
    expect(await processInbound(email, ticketMail(email), none.inboundId, TEST_NOW)).toBe('quarantined');
    expect(await row(none.inboundId)).toMatchObject({ status: 'quarantined', reason: 'no_sender' });
    expect(await db.selectFrom('app_user').select('id').where('email', 'in', ['@', 'john@']).execute()).toEqual([]);
  });

  it('discards a copy whose brand shows only at processing when that brand has the message already', async () => {
    const { db, store } = ctx();
    const raw = Buffer.from(`From: ion@client.example\r\nTo: service@smart-id.example\r\nSubject: no envelope\r\nMessage-ID: <unrouted-${store}@client.example>\r\n\r\nx\r\n`);
    const routed = await acceptRawMessage(email, { raw, source: 'smtp', envelopeTo: ['service@smart-id.example'] });
    // Without an envelope or a mailbox the brand is unknown at acceptance: a row of its own.
    const unrouted = await acceptRawMessage(email, { raw, source: 'api' });
    expect(unrouted.duplicate).toBe(false);
    expect(unrouted.inboundId).not.toBe(routed.inboundId);
    expect(await acceptRawMessage(email, { raw, source: 'api' })).toEqual({ ...unrouted, duplicate: true });
    expect(await processInbound(email, ticketMail(email), unrouted.inboundId, TEST_NOW)).toBe('discarded');
    expect(await db.selectFrom('inbound_message').select(['status', 'reason', 'ticket_id']).where('id', '=', unrouted.inboundId).executeTakeFirstOrThrow()).toEqual({
      status: 'discarded',
      reason: 'duplicate',
      ticket_id: null,
    });
  });

  it('leaves alone a message whose job still waits, and puts back one whose worker died', async () => {
    const waiting = await accept();
    const orphan = await accept();
    await workerDied(orphan);
    const r = await recoverStalledInbound(email, 0);
    expect(r).toEqual({ requeued: 1, quarantined: 0 });
    expect(await jobStates(waiting)).toEqual(['created']);
    expect(await jobStates(orphan)).toEqual(['active', 'created']);
    expect(await row(orphan)).toMatchObject({ status: 'received', attempts: 1 });
    // Not stalled yet by the clock: nothing is done.
    await workerDied(waiting);
    expect(await recoverStalledInbound(email, 3600)).toEqual({ requeued: 0, quarantined: 0 });
  });

  it('quarantines a message whose processing stalls again and again', async () => {
    const id = await accept();
    for (let i = 1; i < MAX_PROCESSING_RESTARTS; i++) {
      await workerDied(id);
      await recoverStalledInbound(email, 0);
      expect(await row(id)).toMatchObject({ status: 'received', attempts: i });
    }
    await workerDied(id);
    await recoverStalledInbound(email, 0);
    expect(await row(id)).toMatchObject({ status: 'quarantined', reason: 'processing_failed' });
    expect(await jobStates(id)).toHaveLength(MAX_PROCESSING_RESTARTS);
  });

  it("reads subject and sender at acceptance, so the admin's list never opens the raw copies again", async () => {
    const { db, store } = ctx();
    const admin = await ctx().actor('admin@apres.example');
    // An encoded subject, and a message over the size limit (quarantined at the door, its headers still read).
    const encoded = Buffer.from(`From: "Ioana" <ioana@client.example>\r\nTo: service@smart-id.example\r\nSubject: =?UTF-8?B?${Buffer.from('Cititorul nu pornește').toString('base64')}?=\r\nMessage-ID: <summary-${store}@client.example>\r\n\r\nx\r\n`);
    const big = Buffer.concat([Buffer.from(`From: big@client.example\r\nTo: sav@carri.example\r\nSubject: Photos du bac\r\nMessage-ID: <big-${store}@client.example>\r\n\r\n`), Buffer.alloc(email.maxMessageBytes + 10, 65)]);
    const a = await acceptRawMessage(email, { raw: encoded, source: 'smtp', envelopeTo: ['service@smart-id.example'] });
    const b = await acceptRawMessage(email, { raw: big, source: 'smtp', envelopeTo: ['sav@carri.example'] });
    const stored = await db.selectFrom('inbound_message').select(['id', 'subject', 'from_address', 'summary_read', 'raw_storage_key']).where('id', 'in', [a.inboundId, b.inboundId]).execute();
    expect(stored.find((r) => r.id === a.inboundId)).toMatchObject({ subject: 'Cititorul nu pornește', from_address: 'ioana@client.example', summary_read: true });
    expect(stored.find((r) => r.id === b.inboundId)).toMatchObject({ subject: 'Photos du bac', from_address: 'big@client.example', summary_read: true });

    // The raw copy of the quarantined one is gone from the listing's reach: the list still shows it.
    const rawPath = path.join(ctx().filesDir, 'raw', stored.find((r) => r.id === b.inboundId)!.raw_storage_key);
    fs.renameSync(rawPath, `${rawPath}.away`);
    try {
      const page = await listInbound(email, admin, { status: 'quarantined', limit: 50 });
      expect(page.items.find((i) => i.id === b.inboundId)).toMatchObject({ subject: 'Photos du bac', from: 'big@client.example', reason: 'too_large' });
    } finally {
      fs.renameSync(`${rawPath}.away`, rawPath);
    }

    // A row accepted before migration 0008 is read once, when first listed, and kept.
    await db.updateTable('inbound_message').set({ subject: null, from_address: null, summary_read: false }).where('id', '=', b.inboundId).execute();
    const again = await listInbound(email, admin, { status: 'quarantined', limit: 50 });
    expect(again.items.find((i) => i.id === b.inboundId)).toMatchObject({ subject: 'Photos du bac', from: 'big@client.example' });
    expect(await db.selectFrom('inbound_message').select(['subject', 'summary_read']).where('id', '=', b.inboundId).executeTakeFirstOrThrow()).toEqual({ subject: 'Photos du bac', summary_read: true });
  });

  // PostgreSQL only: PGlite is one session, so nothing runs beside an open transaction.
  if (store === 'postgres') {
    it('skips a message whose processing transaction is open in another session', async () => {
      const id = await accept();
      await workerDied(id);
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let locked!: () => void;
      const isLocked = new Promise<void>((r) => (locked = r));
      const holder = ctx().db.transaction().execute(async (trx) => {
        await trx.selectFrom('inbound_message').select('id').where('id', '=', id).forUpdate().execute();
        locked();
        await held;
      });
      await isLocked;
      try {
        await recoverStalledInbound(email, 0);
        expect(await jobStates(id)).toEqual(['active']);
        expect(await row(id)).toMatchObject({ status: 'received', attempts: 0 });
      } finally {
        release();
        await holder;
      }
    });
  }

  it('threads a reply processed before the message it answers (workers run at once): that message goes first', async () => {
    const { db, store } = ctx();
    const first = Buffer.from(`From: lena@client.example\r\nTo: sav@carri.example\r\nSubject: Imprimante muette\r\nMessage-ID: <order-a-${store}@client.example>\r\n\r\nElle ne répond plus.\r\n`);
    const reply = Buffer.from(`From: lena@client.example\r\nTo: sav@carri.example\r\nSubject: Re: Imprimante muette\r\nMessage-ID: <order-b-${store}@client.example>\r\nIn-Reply-To: <order-a-${store}@client.example>\r\nReferences: <order-a-${store}@client.example>\r\n\r\nJ'ai oublié : le voyant clignote.\r\n`);
    const a = await acceptRawMessage(email, { raw: first, source: 'smtp', envelopeTo: ['sav@carri.example'] });
    const b = await acceptRawMessage(email, { raw: reply, source: 'smtp', envelopeTo: ['sav@carri.example'] });
    // The reply's job runs first: it processes the message it answers, then threads onto its ticket.
    expect(await processInbound(email, ticketMail(email), b.inboundId, TEST_NOW)).toBe('processed');
    const rows = await db.selectFrom('inbound_message').select(['id', 'status', 'ticket_id']).where('id', 'in', [a.inboundId, b.inboundId]).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(a.inboundId)!.status).toBe('processed');
    expect(byId.get(b.inboundId)!.ticket_id).toBe(byId.get(a.inboundId)!.ticket_id);
    // The first message's own job then finds it done.
    expect(await processInbound(email, ticketMail(email), a.inboundId, TEST_NOW)).toBe('processed');

    // A reply to the original and to the first reply, processed before both: one ticket for the three.
    const mk = (id: string, refs: string[]) =>
      Buffer.from(`From: lena@client.example\r\nTo: sav@carri.example\r\nSubject: Re: Scanner\r\nMessage-ID: <${id}-${store}@client.example>\r\n${refs.length ? `References: ${refs.map((r) => `<${r}-${store}@client.example>`).join(' ')}\r\n` : ''}\r\n${id}\r\n`);
    const o = await acceptRawMessage(email, { raw: mk('chain-o', []), source: 'smtp', envelopeTo: ['sav@carri.example'] });
    const r1 = await acceptRawMessage(email, { raw: mk('chain-r1', ['chain-o']), source: 'smtp', envelopeTo: ['sav@carri.example'] });
    const r2 = await acceptRawMessage(email, { raw: mk('chain-r2', ['chain-o', 'chain-r1']), source: 'smtp', envelopeTo: ['sav@carri.example'] });
    expect(await processInbound(email, ticketMail(email), r2.inboundId, TEST_NOW)).toBe('processed');
    const chain = await db.selectFrom('inbound_message').select(['status', 'ticket_id']).where('id', 'in', [o.inboundId, r1.inboundId, r2.inboundId]).execute();
    expect(chain.map((r) => r.status)).toEqual(['processed', 'processed', 'processed']);
    expect(new Set(chain.map((r) => r.ticket_id)).size).toBe(1);

    // Two messages that name each other end: each is processed once, neither waits forever.
    const x = Buffer.from(`From: lena@client.example\r\nTo: sav@carri.example\r\nSubject: boucle\r\nMessage-ID: <loop-x-${store}@client.example>\r\nReferences: <loop-y-${store}@client.example>\r\n\r\nx\r\n`);
    const y = Buffer.from(`From: lena@client.example\r\nTo: sav@carri.example\r\nSubject: boucle\r\nMessage-ID: <loop-y-${store}@client.example>\r\nReferences: <loop-x-${store}@client.example>\r\n\r\ny\r\n`);
    const ax = await acceptRawMessage(email, { raw: x, source: 'smtp', envelopeTo: ['sav@carri.example'] });
    const ay = await acceptRawMessage(email, { raw: y, source: 'smtp', envelopeTo: ['sav@carri.example'] });
    expect(await processInbound(email, ticketMail(email), ax.inboundId, TEST_NOW)).toBe('processed');
    expect((await db.selectFrom('inbound_message').select('status').where('id', '=', ay.inboundId).executeTakeFirstOrThrow()).status).toBe('processed');
  });
});
