import { TEST_NOW } from '../../test/clock.ts';
import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { brandId, describeStores } from '../../test/db.ts';
import { buildTestApp, type Client, loginAs } from '../../test/http.ts';
import { ROUTE_ACCESS } from '../../test/route-matrix.ts';
import { CreateTicketBody } from './ticket.schemas.ts';
import { createTicket } from './ticket-create.service.ts';
import { updateTicket } from './ticket.service.ts';

type Role = 'customer' | 'reseller' | 'distributor' | 'agent' | 'technician' | 'admin';
const ACCOUNTS: Record<Role, string> = {
  customer: 'client@carri.example',
  reseller: 'reseller@charge-amps.example',
  distributor: 'distributor@charge-amps.example',
  agent: 'agent@carri.example',
  technician: 'tech@carri.example',
  admin: 'admin@apres.example',
};

/**
 * Every ticket route × every role, with ids that belong to someone else: each answers 404, exactly
 * as an id that does not exist, while the role's own ticket on the same route does not.
 */
describeStores('authorization matrix', (ctx) => {
  let app: FastifyInstance;
  const clients = {} as Record<Role, Client>;
  const t: Record<string, { id: string; number: string }> = {};
  let foreignAttachment = '';

  const OWN: Record<Role, string> = { customer: 'carriOwn', reseller: 'caReseller', distributor: 'caReseller', agent: 'carriHotline', technician: 'carriOnsite', admin: 'eiler' };
  const FOREIGN: Record<Role, string[]> = {
    customer: ['eiler', 'carriOther', 'caDirect', 'carriHotline'],
    reseller: ['eiler', 'caDirect', 'carriOther'],
    distributor: ['eiler', 'caDirect', 'carriOwn'],
    agent: ['eiler', 'carriOnsite', 'caDirect'],
    technician: ['eiler', 'carriHotline', 'caReseller'],
    admin: [],
  };

  beforeAll(async () => {
    const { db, actor } = ctx();
    app = await buildTestApp(ctx());
    for (const role of Object.keys(ACCOUNTS) as Role[]) clients[role] = await loginAs(app, ACCOUNTS[role]);
    const admin = await actor('admin@apres.example');
    const groups = await db.selectFrom('agent_group').select(['id', 'name']).execute();
    const group = (name: string) => groups.find((g) => g.name === name)!.id;
    const [carri, ca] = [await brandId(db, 'carri'), await brandId(db, 'charge-amps')];
    const carriFields = { troubleshootingSteps: 'x', physicalAccess: 'no' };
    const make = async (key: string, who: Awaited<ReturnType<typeof actor>>, body: Record<string, unknown>, groupName?: string) => {
      const created = await db.transaction().execute((trx) => createTicket(trx, who, CreateTicketBody.parse(body), TEST_NOW));
      if (groupName) await updateTicket(db, admin, created.id, { groupId: group(groupName) }, TEST_NOW);
      t[key] = { id: created.id, number: created.number };
    };
    await make('carriOwn', await actor('client@carri.example'), { brandId: carri, subject: 'Mon poste', description: 'd', serialNumbers: ['S1'], customFields: carriFields });
    await make('carriOther', admin, { brandId: carri, subject: 'Autre client', description: 'd', serialNumbers: ['S2'], customFields: carriFields, requesterEmail: 'autre@client.example' });
    await make('carriHotline', admin, { brandId: carri, subject: 'Hotline', description: 'd', serialNumbers: ['S3'], customFields: carriFields, requesterEmail: 'autre@client.example' }, 'Hotline');
    await make('carriOnsite', admin, { brandId: carri, subject: 'Sur site', description: 'd', serialNumbers: ['S4'], customFields: carriFields, requesterEmail: 'autre@client.example' }, 'Interventions sur site');
    await make('caReseller', await actor('reseller@charge-amps.example'), { brandId: ca, subject: 'Via återförsäljare', description: 'd', serialNumbers: ['C1'], requesterEmail: 'slutkund@example.se' });
    await make('caDirect', admin, { brandId: ca, subject: 'Direkt', description: 'd', serialNumbers: ['C2'], requesterEmail: 'direkt@example.se' });
    const eilerTicket = await db.selectFrom('ticket as tk').innerJoin('brand as b', 'b.id', 'tk.brand_id').select(['tk.id', 'tk.number']).where('b.slug', '=', 'eiler').executeTakeFirstOrThrow();
    t.eiler = eilerTicket;
    const eilerClient = await loginAs(app, 'client@eiler.example');
    const boundary = 'xx' + crypto.randomBytes(6).toString('hex');
    const upload = await eilerClient.request({
      method: 'POST',
      url: '/api/v1/attachments',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="log.txt"\r\nContent-Type: text/plain\r\n\r\nsecret log\r\n--${boundary}--\r\n`,
    });
    foreignAttachment = upload.json().id;
    const mine = (await eilerClient.get('/api/v1/tickets?limit=1')).json().items[0].id;
    expect((await eilerClient.post(`/api/v1/tickets/${mine}/entries`, { kind: 'customer_message', body: 'log', attachmentIds: [foreignAttachment] })).statusCode).toBe(201);
  });
  afterAll(() => app?.close());

  const entryKind = (role: Role) => (['customer', 'reseller', 'distributor'].includes(role) ? 'customer_message' : 'agent_reply');
  const routes = (role: Role, id: string, number: string, ownId: string) => [
    ['GET /tickets/:id', () => clients[role].get(`/api/v1/tickets/${id}`)],
    ['PATCH /tickets/:id', () => clients[role].patch(`/api/v1/tickets/${id}`, { status: 'closed' })],
    ['GET /tickets/:id/entries', () => clients[role].get(`/api/v1/tickets/${id}/entries`)],
    ['POST /tickets/:id/entries', () => clients[role].post(`/api/v1/tickets/${id}/entries`, { kind: entryKind(role), body: 'hello' })],
    ['GET /tickets/:id/history', () => clients[role].get(`/api/v1/tickets/${id}/history`)],
    ['POST /tickets/:id/merge (source)', () => clients[role].post(`/api/v1/tickets/${id}/merge`, { intoTicketId: ownId })],
    ['POST /tickets/:id/merge (target)', () => clients[role].post(`/api/v1/tickets/${ownId}/merge`, { intoTicketId: id })],
    ['GET /tickets/lookup', () => clients[role].get(`/api/v1/tickets/lookup?number=${encodeURIComponent(number)}`)],
    ['GET /tickets/:id/sla', () => clients[role].get(`/api/v1/tickets/${id}/sla`)],
    ['GET /tickets/:id/units', () => clients[role].get(`/api/v1/tickets/${id}/units`)],
    ['POST /tickets/:id/rma', () => clients[role].post(`/api/v1/tickets/${id}/rma`, { unitIds: [crypto.randomUUID()] })],
    ['GET /tickets/:id/rma', () => clients[role].get(`/api/v1/tickets/${id}/rma`)],
    ['POST /tickets/:id/rma/events', () => clients[role].post(`/api/v1/tickets/${id}/rma/events`, { event: 'cancel', reason: 'x' })],
    ['GET /tickets/:id/rma/label', () => clients[role].get(`/api/v1/tickets/${id}/rma/label`)],
    ['GET /tickets/:id/rma/packing', () => clients[role].get(`/api/v1/tickets/${id}/rma/packing`)],
    ['GET /tickets/:id/rma/receipt', () => clients[role].get(`/api/v1/tickets/${id}/rma/receipt`)],
    ['POST /tickets/:id/visits', () => clients[role].post(`/api/v1/tickets/${id}/visits`, { unitId: crypto.randomUUID(), technicianId: crypto.randomUUID(), address: 'x', windowStart: '2099-01-05T09:00:00+01:00', windowEnd: '2099-01-05T10:00:00+01:00' })],
    ['GET /tickets/:id/workshop', () => clients[role].get(`/api/v1/tickets/${id}/workshop`)],
    ['GET /tickets/:id/workshop/repairs/:repairId/report', () => clients[role].get(`/api/v1/tickets/${id}/workshop/repairs/${crypto.randomUUID()}/report`)],
    ['GET /tickets/:id/workshop/repairs/:repairId/recycling-certificate', () => clients[role].get(`/api/v1/tickets/${id}/workshop/repairs/${crypto.randomUUID()}/recycling-certificate`)],
    ['POST /tickets/:id/workshop/repairs/:repairId/decision', () => clients[role].post(`/api/v1/tickets/${id}/workshop/repairs/${crypto.randomUUID()}/decision`, {})],
    ['GET /tickets/:id/visits', () => clients[role].get(`/api/v1/tickets/${id}/visits`)],
    ['POST /tickets/:id/schedule-changes', () => clients[role].post(`/api/v1/tickets/${id}/schedule-changes`, { reason: 'cannot_reproduce', plannedResolutionAt: '2099-01-01T10:00:00+01:00' })],
    ['POST /tickets/:id/seen', () => clients[role].post(`/api/v1/tickets/${id}/seen`)],
    ['GET /tickets/:id/presence', () => clients[role].get(`/api/v1/tickets/${id}/presence`)],
    ['POST /tickets/:id/presence', () => clients[role].post(`/api/v1/tickets/${id}/presence`, { replying: true })],
  ] as const;

  it('covers every ticket-scoped operation of the API (src/test/route-matrix.ts)', () => {
    const covered = new Set(routes('admin', 'x', 'x', 'x').map(([name]) => `${name.split(' (')[0]!.replace(/^(\w+) /, '$1 /api/v1').replace(/:(\w+)/g, '{$1}')}`));
    expect([...covered].sort()).toEqual(Object.entries(ROUTE_ACCESS).filter(([, access]) => access === 'ticket').map(([op]) => op).sort());
  });

  for (const role of Object.keys(ACCOUNTS) as Role[]) {
    it(`${role}: someone else's ticket is not found on every route`, async () => {
      const own = t[OWN[role]]!;
      expect((await clients[role].get(`/api/v1/tickets/${own.id}`)).statusCode, `${role} sees own`).toBe(200);
      for (const key of FOREIGN[role]) {
        const foreign = t[key]!;
        for (const [name, call] of routes(role, foreign.id, foreign.number, own.id)) {
          const res = await call();
          expect([res.statusCode, res.json().code], `${role} ${name} on ${key}`).toEqual([404, 'TICKET_NOT_FOUND']);
        }
      }
      const missing = crypto.randomUUID();
      expect((await clients[role].get(`/api/v1/tickets/${missing}`)).json().code).toBe('TICKET_NOT_FOUND');
    });

    it(`${role}: lists and search hold no one else's tickets`, async () => {
      const listed: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await clients[role].get(`/api/v1/tickets?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.statusCode).toBe(200);
        listed.push(...res.json().items.map((i: { id: string }) => i.id));
        cursor = res.json().nextCursor;
      } while (cursor);
      expect(listed).toContain(t[OWN[role]]!.id);
      for (const key of FOREIGN[role]) expect(listed, `${role} lists ${key}`).not.toContain(t[key]!.id);
      for (const key of FOREIGN[role]) {
        const found = (await clients[role].get(`/api/v1/search?q=${encodeURIComponent(t[key]!.number)}`)).json().items.map((i: { id: string }) => i.id);
        expect(found, `${role} finds ${key}`).not.toContain(t[key]!.id);
      }
    });

    it(`${role}: someone else's attachment and brand are not found`, async () => {
      const res = await clients[role].get(`/api/v1/attachments/${foreignAttachment}`);
      expect(res.statusCode).toBe(role === 'admin' ? 200 : 404);
      if (role === 'admin') return;
      const eiler = await brandId(ctx().db, 'eiler');
      expect((await clients[role].get(`/api/v1/brands/${eiler}`)).statusCode).toBe(404);
      const create = await clients[role].post('/api/v1/tickets', { brandId: eiler, subject: 's', description: 'd', requesterEmail: 'x@example.ru' });
      expect([create.statusCode, create.json().code]).toEqual([404, 'BRAND_NOT_FOUND']);
    });
  }

  it('lets only the desk change or merge a visible ticket, and keeps the history from customers', async () => {
    const customer = clients.customer;
    const own = t.carriOwn!.id;
    expect((await customer.patch(`/api/v1/tickets/${own}`, { priority: 'urgent' })).statusCode).toBe(403);
    expect((await customer.post(`/api/v1/tickets/${own}/entries`, { kind: 'internal_note', body: 'x' })).statusCode).toBe(403);
    expect((await customer.get(`/api/v1/tickets/${own}/history`)).statusCode).toBe(404);
    expect((await customer.get('/api/v1/groups')).statusCode).toBe(403);
    expect((await clients.agent.patch(`/api/v1/tickets/${t.carriHotline!.id}`, { assigneeId: clients.technician.userId })).statusCode).toBe(200);
  });
});
