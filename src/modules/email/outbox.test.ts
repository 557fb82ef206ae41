import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { SMTPServer } from 'smtp-server';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileStore } from '../../platform/files/file-store.ts';
import { JobQueue } from '../../platform/jobs/job-queue.ts';
import { testClock } from '../../test/clock.ts';
import { brandId, describeStores } from '../../test/db.ts';
import { buildTestApp, type Client, loginAs } from '../../test/http.ts';
import { startSmtpSink, until } from '../../test/support.ts';
import { registerEmailWorkers } from './email-worker.ts';
import { ticketMail } from './outbound/index.ts';

type OutboxItem = { id: string; kind: string; to: string; subject: string; bodyText: string; ticketId: string | null; ticketNumber: string | null; deliveredAt: string; brandName: string };
type TicketMail = { id: string; kind: string; automatic: boolean; status: string; to: string; subject: string; sentAt: string | null; error: string | null };

/**
 * Issue 14: a fresh install sends no mail, and says so. The demo mailboxes have no SMTP server, so
 * their mail goes to the built-in outbox an admin reads in the app; a brand without the outbox holds
 * its mail until a server is configured, then sends each held mail once; every mail, automatic ones
 * included, shows on the ticket with its delivery state.
 */
describeStores('built-in outbox and held mail', (ctx) => {
  let app: FastifyInstance;
  let admin: Client;
  let agent: Client;
  let sink: { server: SMTPServer; port: number; delivered: ParsedMail[] };
  let jobs: JobQueue;

  // What each brand's intake form asks for.
  const FIELDS: Record<string, object> = {
    carri: { serialNumbers: ['CS540-0815-B2'], customFields: { troubleshootingSteps: 'Redémarrage', physicalAccess: 'yes' } },
    'charge-amps': { serialNumbers: ['CA-HALO-300001'] },
  };
  const phoneTicket = async (client: Client, brand: string, requesterEmail: string, subject: string) => {
    const res = await client.post('/api/v1/tickets', { brandId: await brandId(ctx().db, brand), channel: 'phone', subject, description: 'Appel du client', requesterEmail, ...FIELDS[brand] });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; number: string };
  };
  const mailsOf = async (client: Client, ticketId: string) => (await client.get(`/api/v1/tickets/${ticketId}/mails`)).json().items as TicketMail[];

  beforeAll(async () => {
    app = await buildTestApp(ctx());
    // The app only enqueues; this process plays the mail worker.
    const { database, db, filesDir } = ctx();
    jobs = new JobQueue(database);
    const email = { db, jobs, files: new FileStore(path.join(filesDir, 'files')), rawStore: new FileStore(path.join(filesDir, 'raw')), maxMessageBytes: 1_000_000, clock: testClock() };
    registerEmailWorkers(jobs, email, ticketMail(email));
    await jobs.start();
    admin = await loginAs(app, 'admin@apres.example');
    agent = await loginAs(app, 'agent@carri.example');
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await jobs?.stop();
    await app?.close();
    await new Promise<void>((r) => sink?.server.close(() => r()));
  });

  describe('a demo mailbox without a server', () => {
    let ticket: { id: string; number: string };
    beforeAll(async () => {
      ticket = await phoneTicket(agent, 'carri', 'client@carri.example', 'Serveur qui redémarre en boucle');
    });

    it('delivers the confirmation request to the outbox, where an admin reads it as text', async () => {
      const item = await until('the confirmation in the outbox', async () => ((await admin.get('/api/v1/admin/outbox')).json().items as OutboxItem[]).find((m) => m.ticketId === ticket.id));
      expect(item).toMatchObject({ kind: 'confirmation_request', to: 'client@carri.example', ticketNumber: ticket.number, brandName: 'CARRI Systems' });
      expect(item.subject).toContain(ticket.number);
      expect(item.bodyText).toContain(ticket.number);
      expect(sink.delivered).toEqual([]);
    });

    it('shows the mail on the ticket as in the outbox, and does not treat the customer as told', async () => {
      const [mail] = await mailsOf(agent, ticket.id);
      expect(mail).toMatchObject({ kind: 'confirmation_request', automatic: true, status: 'outbox', to: 'client@carri.example', error: null });
      expect(mail!.sentAt).not.toBeNull();
      // Nothing left the install: the ticket is not stamped as if the confirmation had been asked.
      const row = await ctx().db.selectFrom('ticket').select(['confirmation_requested_at', 'status']).where('id', '=', ticket.id).executeTakeFirstOrThrow();
      expect(row).toEqual({ confirmation_requested_at: null, status: 'new' });
    });

    it('pages the outbox newest first', async () => {
      const second = await phoneTicket(agent, 'carri', 'client@carri.example', 'Deuxième appel');
      await until('the second mail in the outbox', async () => (await mailsOf(agent, second.id))[0]?.status === 'outbox');
      const first = (await admin.get('/api/v1/admin/outbox?limit=1')).json() as { items: OutboxItem[]; nextCursor: string | null };
      expect(first.items.map((m) => m.ticketId)).toEqual([second.id]);
      expect(first.nextCursor).not.toBeNull();
      const next = (await admin.get(`/api/v1/admin/outbox?limit=1&cursor=${first.nextCursor}`)).json() as { items: OutboxItem[] };
      expect(next.items.map((m) => m.ticketId)).toEqual([ticket.id]);
      expect((await admin.get('/api/v1/admin/outbox?cursor=nonsense')).statusCode).toBe(400);
    });

    it('lets only admins read the outbox, and only the staff who see the ticket read its mails', async () => {
      for (const email of ['agent@carri.example', 'tech@carri.example', 'client@carri.example']) {
        expect([email, (await (await loginAs(app, email)).get('/api/v1/admin/outbox')).statusCode]).toEqual([email, 403]);
      }
      expect((await (await loginAs(app, 'client@carri.example')).get(`/api/v1/tickets/${ticket.id}/mails`)).statusCode).toBe(403);
      const foreign = await (await loginAs(app, 'agent@smart-id.example')).get(`/api/v1/tickets/${ticket.id}/mails`);
      expect([foreign.statusCode, foreign.json().code]).toEqual([404, 'TICKET_NOT_FOUND']);
      expect((await admin.get(`/api/v1/tickets/${ticket.id}/mails`)).statusCode).toBe(200);
    });
  });

  describe('a mailbox that holds its mail', () => {
    it('sends a held mail once, after an admin configures the server', async () => {
      const { db } = ctx();
      const chargeAmps = await brandId(db, 'charge-amps');
      const mailbox = await db.selectFrom('mailbox').select('id').where('brand_id', '=', chargeAmps).executeTakeFirstOrThrow();
      await db.updateTable('mailbox').set({ outbox: false }).where('id', '=', mailbox.id).execute();
      const caAgent = await loginAs(app, 'agent@charge-amps.example');
      const ticket = await phoneTicket(caAgent, 'charge-amps', 'kund@charge-amps.example', 'Laddboxen startar inte');
      const [held] = await mailsOf(caAgent, ticket.id);
      expect(held).toMatchObject({ kind: 'confirmation_request', status: 'held', sentAt: null });

      // Changing something else does not release it: there is still nowhere to deliver.
      expect((await admin.patch(`/api/v1/admin/mailboxes/${mailbox.id}`, { displayName: 'Charge Amps' })).statusCode).toBe(200);
      expect((await mailsOf(caAgent, ticket.id))[0]!.status).toBe('held');

      const smtp = { host: '127.0.0.1', port: sink.port, secure: false };
      const saved = await admin.patch(`/api/v1/admin/mailboxes/${mailbox.id}`, { smtp });
      expect(saved.statusCode, saved.body).toBe(200);
      const sent = await until('the held mail sent', async () => (await mailsOf(caAgent, ticket.id)).find((m) => m.status === 'sent'));
      expect(sent.error).toBeNull();
      // Saved again (a second admin, a double click): the mail already left and is not sent again.
      expect((await admin.patch(`/api/v1/admin/mailboxes/${mailbox.id}`, { smtp })).statusCode).toBe(200);
      await new Promise((r) => setTimeout(r, 1500));
      const copies = sink.delivered.filter((m) => m.subject?.includes(ticket.number));
      expect(copies).toHaveLength(1);
      expect(copies[0]!.to).toMatchObject({ text: 'kund@charge-amps.example' });
      // A mail that really left is a real confirmation request: the ticket is stamped.
      await until('the ticket stamped', async () => (await db.selectFrom('ticket').select('confirmation_requested_at').where('id', '=', ticket.id).executeTakeFirstOrThrow()).confirmation_requested_at);
      const listed = (await admin.get('/api/v1/admin/mailboxes')).json().items.find((m: { id: string }) => m.id === mailbox.id);
      expect(listed).toMatchObject({ outbox: false, smtp: { host: '127.0.0.1' } });
    });
  });
});
