import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../platform/clock/clock.ts';
import type { SlaAlert, SlaNotifier } from '../sla/index.ts';
import { TEST_NOW } from '../../test/clock.ts';
import { brandId, describeStores } from '../../test/db.ts';
import { buildTestApp, type Client, loginAs } from '../../test/http.ts';
import { createEventBus } from '../../platform/events/event-bus.ts';
import { mentioned, withSlaNotifications } from './notification.service.ts';
import { createJobQueueForTest, openEventStream, type EventStream } from './test-support.ts';

describe('mentions', () => {
  const people = [
    { id: 'sophie', name: 'Sophie Lefèvre', email: 'agent@carri.example' },
    { id: 'ana', name: 'Ana', email: 'ana@x.example' },
  ];
  it('finds a person by @name or @email, in any case, and not inside a longer name', () => {
    expect(mentioned('Ping @sophie lefèvre, please', people)).toEqual(['sophie']);
    expect(mentioned('cc @AGENT@carri.example.', people)).toEqual(['sophie']);
    expect(mentioned('@Anastasia will call', people)).toEqual([]);
    expect(mentioned('ask @Ana.', people)).toEqual(['ana']);
    expect(mentioned('no handle here: sophie lefèvre', people)).toEqual([]);
  });
});

describeStores('notifications', (ctx) => {
  let app: FastifyInstance;
  let now = TEST_NOW.getTime();
  const clock: Clock = { now: () => new Date(now) };
  let sophie: Client; // carri agent, Hotline
  let marc: Client; // carri technician, on-site group
  let erik: Client; // charge-amps agent: sees no carri ticket
  let admin: Client;
  let customer: Client;
  let baseUrl = '';
  let ticketId = '';

  beforeAll(async () => {
    app = await buildTestApp(ctx(), clock);
    baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    sophie = await loginAs(app, 'agent@carri.example');
    marc = await loginAs(app, 'tech@carri.example');
    erik = await loginAs(app, 'agent@charge-amps.example');
    admin = await loginAs(app, 'admin@apres.example');
    customer = await loginAs(app, 'client@carri.example');
    const carri = await brandId(ctx().db, 'carri');
    const created = await customer.post('/api/v1/tickets', { brandId: carri, subject: 'Imprimante bloquée', description: 'Voyant orange', serialNumbers: ['CS540-1234-A7'], customFields: { troubleshootingSteps: 'x', physicalAccess: 'no' } });
    expect(created.statusCode).toBe(201);
    ticketId = created.json().id;
  });
  let closed = false;
  afterAll(() => (closed ? undefined : app?.close()));

  const unread = async (c: Client) => (await c.get('/api/v1/notifications')).json() as { unread: number; items: { id: number; kind: string; ticket: { id: string } | null; actorName: string | null; read: boolean }[] };
  const mailsTo = (to: string) => ctx().db.selectFrom('outbound_message').select(['subject', 'body_text', 'status', 'ticket_id']).where('to_address', '=', to).where('kind', '=', 'notification').execute();

  it('tells the assignee, in the app and (by default) by e-mail in their language, and never the one who assigned', async () => {
    const before = (await unread(sophie)).unread;
    expect((await admin.patch(`/api/v1/tickets/${ticketId}`, { assigneeId: sophie.userId })).statusCode).toBe(200);
    const list = await unread(sophie);
    expect(list.unread).toBe(before + 1);
    expect(list.items[0]).toMatchObject({ kind: 'assigned', ticket: { id: ticketId }, actorName: 'Alex Admin', read: false });
    const mails = await mailsTo('agent@carri.example');
    expect(mails.some((m) => m.subject.includes('Attribué à vous : Imprimante bloquée') && m.ticket_id === null)).toBe(true);
    // Assigning oneself tells nobody.
    expect((await sophie.patch(`/api/v1/tickets/${ticketId}`, { assigneeId: marc.userId })).statusCode).toBe(200);
    expect((await sophie.patch(`/api/v1/tickets/${ticketId}`, { assigneeId: sophie.userId })).statusCode).toBe(200);
    expect((await unread(sophie)).items.filter((i) => i.kind === 'assigned')).toHaveLength(1);
    expect((await unread(marc)).items[0]).toMatchObject({ kind: 'assigned', actorName: 'Sophie Lefèvre' });
  });

  it('tells the assignee of a customer reply, by e-mail only when the preference says so', async () => {
    const before = (await unread(sophie)).items.filter((i) => i.kind === 'customer_replied').length;
    expect((await customer.post(`/api/v1/tickets/${ticketId}/entries`, { kind: 'customer_message', body: 'Toujours bloqué' })).statusCode).toBe(201);
    expect((await unread(sophie)).items.filter((i) => i.kind === 'customer_replied')).toHaveLength(before + 1);
    expect((await mailsTo('agent@carri.example')).filter((m) => m.subject.includes('Le client a répondu'))).toHaveLength(0);
    const put = await sophie.request({ method: 'PUT', url: '/api/v1/notifications/preferences', payload: { items: [{ kind: 'customer_replied', email: true }] } });
    expect(put.statusCode).toBe(200);
    expect(put.json().items).toContainEqual({ kind: 'customer_replied', email: true });
    expect((await customer.post(`/api/v1/tickets/${ticketId}/entries`, { kind: 'customer_message', body: 'Et maintenant ?' })).statusCode).toBe(201);
    expect((await mailsTo('agent@carri.example')).filter((m) => m.subject.includes('Le client a répondu : Imprimante bloquée'))).toHaveLength(1);
    // The unassigned technician's group is not this ticket's: Marc hears nothing of replies.
    expect((await unread(marc)).items.filter((i) => i.kind === 'customer_replied')).toHaveLength(0);
  });

  it('refuses a preference listed twice, naming the field, and changes nothing', async () => {
    const res = await sophie.request({ method: 'PUT', url: '/api/v1/notifications/preferences', payload: { items: [{ kind: 'mention', email: false }, { kind: 'mention', email: true }] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('items.1.kind');
    expect((await sophie.get('/api/v1/notifications/preferences')).json().items).toContainEqual({ kind: 'mention', email: true });
  });

  it('notifies an @mention in an internal note, only to someone who can see the ticket', async () => {
    const res = await admin.post(`/api/v1/tickets/${ticketId}/entries`, { kind: 'internal_note', body: 'Voir avec @Sophie Lefèvre et @agent@charge-amps.example' });
    expect(res.statusCode).toBe(201);
    expect((await unread(sophie)).items[0]).toMatchObject({ kind: 'mention', actorName: 'Alex Admin' });
    expect((await unread(erik)).items.filter((i) => i.kind === 'mention')).toHaveLength(0);
  });

  it('marks one read, then all read, each only for its owner', async () => {
    const list = await unread(sophie);
    const first = list.items.find((i) => !i.read)!;
    expect((await marc.post(`/api/v1/notifications/${first.id}/read`)).json().code).toBe('NOTIFICATION_NOT_FOUND');
    expect((await sophie.post(`/api/v1/notifications/${first.id}/read`)).statusCode).toBe(204);
    expect((await unread(sophie)).unread).toBe(list.unread - 1);
    expect((await sophie.post('/api/v1/notifications/read-all')).json().changed).toBe(list.unread - 1);
    expect((await unread(sophie)).unread).toBe(0);
    expect((await unread(marc)).unread).toBeGreaterThan(0);
    expect((await customer.get('/api/v1/notifications')).statusCode).toBe(403);
  });

  it('marks a ticket unread on someone else’s activity until the agent opens it', async () => {
    const unseen = async (c: Client) => (await c.get('/api/v1/notifications/unseen-tickets')).json().ticketIds as string[];
    expect(await unseen(sophie)).toContain(ticketId);
    expect((await sophie.post(`/api/v1/tickets/${ticketId}/seen`)).statusCode).toBe(204);
    expect(await unseen(sophie)).not.toContain(ticketId);
    // Her own reply does not make it unread; the customer's does.
    now += 60_000;
    await sophie.post(`/api/v1/tickets/${ticketId}/entries`, { kind: 'agent_reply', body: 'Nous regardons.' });
    expect(await unseen(sophie)).not.toContain(ticketId);
    now += 60_000;
    await customer.post(`/api/v1/tickets/${ticketId}/entries`, { kind: 'customer_message', body: 'Merci' });
    expect(await unseen(sophie)).toContain(ticketId);
    expect(await unseen(erik)).not.toContain(ticketId);
  });

  it('shows who else is replying, until 30 seconds pass without a heartbeat', async () => {
    expect((await admin.post(`/api/v1/tickets/${ticketId}/presence`, { replying: true })).json()).toEqual({ replying: [] });
    expect((await sophie.get(`/api/v1/tickets/${ticketId}/presence`)).json().replying).toEqual([expect.objectContaining({ name: 'Alex Admin' })]);
    expect((await admin.get(`/api/v1/tickets/${ticketId}/presence`)).json().replying).toEqual([]);
    now += 29_000;
    expect((await sophie.get(`/api/v1/tickets/${ticketId}/presence`)).json().replying).toHaveLength(1);
    now += 2_000;
    expect((await sophie.get(`/api/v1/tickets/${ticketId}/presence`)).json().replying).toHaveLength(0);
    await admin.post(`/api/v1/tickets/${ticketId}/presence`, { replying: true });
    expect((await sophie.get(`/api/v1/tickets/${ticketId}/presence`)).json().replying).toHaveLength(1);
    await admin.post(`/api/v1/tickets/${ticketId}/presence`, { replying: false });
    expect((await sophie.get(`/api/v1/tickets/${ticketId}/presence`)).json().replying).toHaveLength(0);
    expect((await erik.get(`/api/v1/tickets/${ticketId}/presence`)).statusCode).toBe(404);
  });

  describe('server-sent events', () => {
    let streams: EventStream[] = [];
    afterAll(() => streams.forEach((s) => s.abort()));

    it('streams a ticket change after commit to those who may see it, and a notification to its owner only', async () => {
      const sSophie = await openEventStream(baseUrl, 'agent@carri.example');
      const sErik = await openEventStream(baseUrl, 'agent@charge-amps.example');
      const sMarc = await openEventStream(baseUrl, 'tech@carri.example');
      streams = [sSophie, sErik, sMarc];
      await customer.post(`/api/v1/tickets/${ticketId}/entries`, { kind: 'customer_message', body: 'Allô ?' });
      await sSophie.until((e) => e.event === 'ticket' && e.data.ticketId === ticketId);
      await sSophie.until((e) => e.event === 'notification');
      // Marc sees the ticket (no group) but is not told of Sophie's notification; Erik hears nothing of a carri ticket.
      await sMarc.until((e) => e.event === 'ticket' && e.data.ticketId === ticketId);
      // An event Erik may see, published after: once it arrives, the carri one would have arrived before it.
      const otherId = (await erik.get('/api/v1/tickets?limit=1')).json().items[0].id as string;
      expect((await erik.post(`/api/v1/tickets/${otherId}/entries`, { kind: 'internal_note', body: 'Kollar' })).statusCode).toBe(201);
      await sErik.until((e) => e.event === 'ticket' && e.data.ticketId === otherId);
      expect(sErik.events.filter((e) => e.data.ticketId === ticketId)).toEqual([]);
      expect(sMarc.events.filter((e) => e.event === 'notification')).toEqual([]);
      expect(sMarc.events.filter((e) => e.data.ticketId === otherId)).toEqual([]);
    });

    it('publishes nothing for a change rolled back', async () => {
      const bus = createEventBus(ctx().database);
      const heard: unknown[] = [];
      const unsubscribe = await bus.subscribe((m) => heard.push(m));
      await ctx().db.transaction().execute(async (trx) => {
        await bus.publish(trx, { type: 'probe', n: 1 });
        throw new Error('rolled back');
      }).catch(() => {});
      await ctx().db.transaction().execute((trx) => bus.publish(trx, { type: 'probe', n: 2 }));
      const deadline = Date.now() + 5000;
      while (!heard.some((m) => JSON.stringify(m).includes('"n":2'))) {
        if (Date.now() > deadline) throw new Error('the committed event never arrived');
        await new Promise((r) => setImmediate(r));
      }
      expect(heard.filter((m) => JSON.stringify(m).includes('probe'))).toEqual([{ kind: 'event', event: { type: 'probe', n: 2 } }]);
      await unsubscribe();
    });
  });

  it('puts service-level alerts in the centre, and by e-mail only for those who want it', async () => {
    const passed: SlaAlert[] = [];
    const inner: SlaNotifier = { warning: async (_t, a) => void passed.push(a), breached: async (_t, a) => void passed.push(a), scheduleChanged: async () => null };
    const bus = createEventBus(ctx().database);
    const notifier = withSlaNotifications(inner, { bus, jobs: createJobQueueForTest(ctx().database), publicUrl: 'http://x' });
    await sophie.request({ method: 'PUT', url: '/api/v1/notifications/preferences', payload: { items: [{ kind: 'sla_breach', email: false }] } });
    const alert: SlaAlert = {
      ticketId, kind: 'resolution', dueAt: new Date(now), workingMinutesLeft: 0, at: new Date(now),
      recipients: [{ email: 'agent@carri.example', name: 'Sophie', locale: 'fr' }, { email: 'tech@carri.example', name: 'Marc', locale: 'fr' }],
    };
    // Two sweeps finding the same breach notify once.
    await ctx().db.transaction().execute((trx) => notifier.breached(trx, alert));
    await ctx().db.transaction().execute((trx) => notifier.breached(trx, alert));
    expect(passed[0]!.recipients.map((r) => r.email)).toEqual(['tech@carri.example']);
    expect((await unread(sophie)).items.filter((i) => i.kind === 'sla_breach')).toHaveLength(1);
    expect((await unread(marc)).items.filter((i) => i.kind === 'sla_breach')).toHaveLength(1);
  });

  it('ends open streams when the server closes', async () => {
    const s = await openEventStream(baseUrl, 'admin@apres.example');
    await app.close();
    await s.ended;
    closed = true;
  });
});
