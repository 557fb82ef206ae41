import { TEST_NOW, testClock } from '../../test/clock.ts';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import nodemailer, { type Transporter } from 'nodemailer';
import type { SMTPServer } from 'smtp-server';
import type { ParsedMail as LibParsed } from 'mailparser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FileStore } from '../../platform/files/file-store.ts';
import { JobQueue } from '../../platform/jobs/job-queue.ts';
import { brandId, describeStores } from '../../test/db.ts';
import { listenOnLoopback, startSmtpSink, until } from '../../test/support.ts';
import { createTicket } from '../tickets/index.ts';
import { CreateTicketBody } from '../tickets/index.ts';
import { getTicket } from '../tickets/index.ts';
import type { EmailContext } from './context/index.ts';
import { registerEmailWorkers } from './email-worker.ts';
import { createSmtpReceiver } from './inbound/index.ts';
import { ticketMail } from './outbound/index.ts';

/**
 * Real SMTP both ways: customers' mail enters through the built-in receiver, Apres' mail leaves
 * through nodemailer to an SMTP listener standing for the brand's mail server.
 */
describeStores('e-mail flow over SMTP', (ctx) => {
  let jobs: JobQueue;
  let email: EmailContext;
  let receiver: SMTPServer;
  let sink: SMTPServer;
  let receiverPort = 0;
  let delivered: LibParsed[] = [];
  let customerMail: Transporter;

  beforeAll(async () => {
    const { database, db } = ctx();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apres-mail-'));
    jobs = new JobQueue(database);
    email = { db, jobs, files: new FileStore(path.join(dir, 'files')), rawStore: new FileStore(path.join(dir, 'raw')), maxMessageBytes: 200_000, clock: testClock() };
    const events = ticketMail(email);
    registerEmailWorkers(jobs, email, events);
    await jobs.start();
    const started = await startSmtpSink();
    sink = started.server;
    delivered = started.delivered;
    const sinkPort = started.port;
    await db.updateTable('mailbox').set({ smtp: JSON.stringify({ host: '127.0.0.1', port: sinkPort, secure: false }) }).execute();
    receiver = createSmtpReceiver(email, { hardLimitBytes: 400_000, log: () => {} });
    receiverPort = await listenOnLoopback(receiver);
    customerMail = nodemailer.createTransport({ host: '127.0.0.1', port: receiverPort, secure: false, ignoreTLS: true });
  });
  afterAll(async () => {
    await jobs?.stop();
    await new Promise<void>((r) => receiver?.close(() => r()));
    await new Promise<void>((r) => sink?.close(() => r()));
  });

  it('turns a mail with two serials into a ticket and acknowledges it with the number (seed 002)', async () => {
    const { db } = ctx();
    await customerMail.sendMail({
      from: 'Lars Holm <lars@installer.example.se>',
      to: 'support@charge-amps.example',
      subject: 'Två laddboxar startar inte',
      text: 'Hej! Två enheter startar inte efter installationen. S/N: CA-HALO-300001 och CA-HALO-300002.',
      messageId: '<first-300001@installer.example.se>',
    });
    const inbound = await until('processing', () => db.selectFrom('inbound_message').selectAll().where('message_id', '=', 'first-300001@installer.example.se').where('status', '=', 'processed').executeTakeFirst());
    const admin = await ctx().actor('admin@apres.example');
    const ticket = await getTicket(db, admin, inbound.ticket_id!);
    expect(ticket).toMatchObject({ channel: 'email', subject: 'Två laddboxar startar inte', serialNumbers: ['CA-HALO-300001', 'CA-HALO-300002'] });
    const ack = await until('acknowledgment', async () => delivered.find((m) => m.subject?.includes(ticket.number)));
    expect(ack.subject).toBe(`[${ticket.number}] Vi har tagit emot ditt ärende: Två laddboxar startar inte`);
    expect(ack.text).toContain(ticket.number);
    expect(ack.headers.get('auto-submitted')).toBe('auto-replied');
    expect(ack.inReplyTo).toBe('<first-300001@installer.example.se>');
    // The moment the acknowledgment went out is the moment the request was accepted (seed 003).
    const accepted = await until('accepted', async () => (await getTicket(db, admin, ticket.id)).acceptedAt);
    const sent = await db.selectFrom('outbound_message').select('sent_at').where('ticket_id', '=', ticket.id).where('kind', '=', 'acknowledgment').executeTakeFirstOrThrow();
    expect(accepted).toBe(sent.sent_at!.toISOString());
  });

  it('threads a reply by its headers, and a number-only mail by a stranger opens a new ticket', async () => {
    const { db } = ctx();
    const first = await until('ticket', () => db.selectFrom('inbound_message').select(['ticket_id']).where('message_id', '=', 'first-300001@installer.example.se').executeTakeFirst());
    const ticket = await db.selectFrom('ticket').select(['id', 'number']).where('id', '=', first.ticket_id!).executeTakeFirstOrThrow();
    const ack = delivered.find((m) => m.subject?.includes(ticket.number))!;
    await customerMail.sendMail({
      from: 'lars@installer.example.se',
      to: 'support@charge-amps.example',
      subject: `Re: ${ack.subject}`,
      text: 'Här är kvittot.',
      inReplyTo: ack.messageId!,
      references: [ack.messageId!],
      messageId: '<reply-1@installer.example.se>',
    });
    await customerMail.sendMail({
      from: 'someone.else@example.com',
      to: 'support@charge-amps.example',
      subject: `Angående ${ticket.number}`,
      text: 'Jag har också ett problem.',
      messageId: '<stranger-1@example.com>',
    });
    const reply = await until('reply', () => db.selectFrom('inbound_message').select(['ticket_id', 'status']).where('message_id', '=', 'reply-1@installer.example.se').where('status', '=', 'processed').executeTakeFirst());
    const stranger = await until('stranger', () => db.selectFrom('inbound_message').select(['ticket_id', 'status']).where('message_id', '=', 'stranger-1@example.com').where('status', '=', 'processed').executeTakeFirst());
    expect(reply.ticket_id).toBe(ticket.id);
    expect(stranger.ticket_id).not.toBe(ticket.id);
  });

  it('stores the same message once however often it is delivered, and never answers an auto-reply', async () => {
    const { db } = ctx();
    const mail = { from: 'ooo@example.fr', to: 'sav@carri.example', subject: 'Réponse automatique : absent', text: 'Je suis absent jusqu’au 30.', messageId: '<ooo-1@example.fr>', date: new Date('2026-06-10T06:40:00Z'), headers: { 'Auto-Submitted': 'auto-replied' } };
    await customerMail.sendMail(mail);
    await customerMail.sendMail(mail);
    const row = await until('auto-reply', () => db.selectFrom('inbound_message').selectAll().where('message_id', '=', 'ooo-1@example.fr').where('status', '=', 'processed').executeTakeFirst());
    const count = await db.selectFrom('inbound_message').select((eb) => eb.fn.countAll<string>().as('n')).where('message_id', '=', 'ooo-1@example.fr').executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    expect(row.classification).toBe('auto_reply');
    const answers = await db.selectFrom('outbound_message').select('id').where('ticket_id', '=', row.ticket_id!).execute();
    expect(answers).toEqual([]);
  });

  it('opens a ticket in each brand a mail is addressed to, keeps redeliveries once per brand, and threads replies in each', async () => {
    const { db } = ctx();
    const mail = {
      from: 'Ana Pop <ana.pop@client.example.ro>',
      to: ['sav@carri.example', 'service@smart-id.example'],
      subject: 'Cititorul de carduri și serverul nu pornesc',
      text: 'Bună ziua, după pana de curent nici serverul, nici cititorul nu mai pornesc.',
      messageId: '<two-brands-1@client.example.ro>',
      // A redelivery is the same message: same Message-ID, sender, date and subject.
      date: new Date('2026-06-10T06:30:00Z'),
    };
    // One SMTP transaction for both brands, then once per domain as another MTA would redeliver it.
    await customerMail.sendMail(mail);
    await customerMail.sendMail({ ...mail, to: 'sav@carri.example' });
    await customerMail.sendMail({ ...mail, to: 'service@smart-id.example' });
    const processed = (messageId: string) =>
      until(messageId, async () => {
        const rows = await db.selectFrom('inbound_message as i').innerJoin('ticket as t', 't.id', 'i.ticket_id').select(['i.brand_id', 'i.ticket_id', 't.brand_id as ticket_brand_id']).where('i.message_id', '=', messageId).where('i.status', '=', 'processed').execute();
        return rows.length === 2 && rows;
      });
    const first = await processed('two-brands-1@client.example.ro');
    const [carri, smartId] = [await brandId(db, 'carri'), await brandId(db, 'smart-id')];
    expect(first.map((r) => r.brand_id).sort()).toEqual([carri, smartId].sort());
    expect(first.every((r) => r.ticket_brand_id === r.brand_id)).toBe(true);
    const count = await db.selectFrom('inbound_message').select((eb) => eb.fn.countAll<string>().as('n')).where('message_id', '=', 'two-brands-1@client.example.ro').executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);

    await customerMail.sendMail({
      ...mail,
      subject: `Re: ${mail.subject}`,
      text: 'Am uitat: seria serverului este CS540-1234-A1.',
      inReplyTo: mail.messageId,
      references: [mail.messageId],
      messageId: '<two-brands-2@client.example.ro>',
    });
    const reply = await processed('two-brands-2@client.example.ro');
    const ticketOf = (rows: typeof first, brand: string) => rows.find((r) => r.brand_id === brand)!.ticket_id;
    expect(ticketOf(reply, carri)).toBe(ticketOf(first, carri));
    expect(ticketOf(reply, smartId)).toBe(ticketOf(first, smartId));
  });

  it('asks a phone caller to confirm by e-mail and marks the ticket confirmed on their reply (seed 000)', async () => {
    const { db, actor } = ctx();
    const agent = await actor('agent@carri.example');
    const carri = await brandId(db, 'carri');
    const ticket = await db.transaction().execute(async (trx) => {
      const t = await createTicket(trx, agent, CreateTicketBody.parse({
        brandId: carri, channel: 'phone', subject: 'Serveur en panne', description: 'Appel du client', serialNumbers: ['CS540-7777'],
        customFields: { troubleshootingSteps: 'Redémarrage', physicalAccess: 'yes' }, requesterEmail: 'dsi@client.example.fr', requesterName: 'DSI Client',
      }), TEST_NOW);
      await ticketMail(email).ticketCreated(trx, t.id, TEST_NOW);
      return t;
    });
    const request = await until('confirmation request', async () => delivered.find((m) => m.subject?.startsWith(`[${ticket.number}] Merci de confirmer`)));
    expect(request.text).toContain('téléphone');
    await until('requested', async () => (await getTicket(db, agent, ticket.id)).confirmationRequestedAt);
    await customerMail.sendMail({
      from: 'dsi@client.example.fr', to: 'sav@carri.example', subject: `Re: ${request.subject}`, text: 'Je confirme : serveur CS540-7777 bloqué, voyant orange.',
      inReplyTo: request.messageId!, references: [request.messageId!], messageId: '<confirm-1@client.example.fr>',
    });
    const confirmed = await until('confirmed', async () => (await getTicket(db, agent, ticket.id)).confirmedAt);
    expect(confirmed).not.toBeNull();
  });

  it('refuses mail for unknown addresses at the door and quarantines what it cannot route', async () => {
    await expect(customerMail.sendMail({ from: 'a@example.com', to: 'nobody@nowhere.example', subject: 'x', text: 'y' })).rejects.toThrow(/550/);
    const { db } = ctx();
    const big = 'x'.repeat(250_000);
    await customerMail.sendMail({ from: 'a@example.com', to: 'sav@carri.example', subject: 'Gros fichier', text: big, messageId: '<big-1@example.com>' });
    const row = await until('quarantine', () => db.selectFrom('inbound_message').selectAll().where('message_id', '=', 'big-1@example.com').executeTakeFirst());
    expect(row).toMatchObject({ status: 'quarantined', reason: 'too_large' });
  });
});
