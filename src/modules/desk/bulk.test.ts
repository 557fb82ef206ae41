import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Clock } from '../../platform/clock/clock.ts';
import { TEST_NOW } from '../../test/clock.ts';
import { brandId, describeStores } from '../../test/db.ts';
import { buildTestApp, type Client, loginAs } from '../../test/http.ts';
import type { Actor } from '../auth/index.ts';
import { addEntry, CreateTicketBody, createTicket } from '../tickets/index.ts';

const carriFields = { troubleshootingSteps: 'Redémarré', physicalAccess: 'yes' };
const eilerFields = { reproductionSteps: 'Открыть отчёт', frequency: 'always', productVersion: '5.3.2', criticality: 'high', contactPhone: '+7 916 555-12-34', contactEmail: 'client@eiler.example' };

type Result = { ticketId: string; number: string | null; ok: boolean; code: string | null };

/** Issue 14, item 3: bulk select and bulk actions with an undo. */
describeStores('desk bulk actions', (ctx) => {
  let app: FastifyInstance;
  let at = TEST_NOW.getTime();
  // The undo window is read from the injected clock: the test moves it.
  const clock: Clock = { now: () => new Date(at) };
  let agent: Client;
  beforeAll(async () => {
    app = await buildTestApp(ctx(), clock);
    agent = await loginAs(app, 'agent@carri.example');
  });
  afterAll(() => app?.close());

  async function carriTicket(by: Actor, email = 'client@carri.example') {
    const { db } = ctx();
    const body = CreateTicketBody.parse({
      brandId: await brandId(db, 'carri'), subject: 'Imprimante', description: 'Bourrage', serialNumbers: ['CR-1001'], customFields: carriFields,
      channel: 'phone', requesterEmail: email, requesterName: 'Client Carri',
    });
    return db.transaction().execute((trx) => createTicket(trx, by, body, new Date(at)));
  }
  async function eilerTicket() {
    const { db, actor } = ctx();
    const body = CreateTicketBody.parse({ brandId: await brandId(db, 'eiler'), subject: 'Экспорт', description: 'Ошибка', customFields: eilerFields });
    const customer = await actor('client@eiler.example');
    return db.transaction().execute((trx) => createTicket(trx, customer, body, new Date(at)));
  }
  const status = async (id: string) => (await ctx().db.selectFrom('ticket').select(['status', 'priority', 'closed_at']).where('id', '=', id).executeTakeFirstOrThrow());

  it('closes the selected tickets, reports another brand\'s ticket as not found, and undoes the close', async () => {
    const carriAgent = await ctx().actor('agent@carri.example');
    const a = await carriTicket(carriAgent);
    const b = await carriTicket(carriAgent);
    await ctx().db.transaction().execute((trx) => addEntry(trx, carriAgent, b.id, { kind: 'agent_reply', body: 'Bonjour', attachmentIds: [] }, new Date(at)));
    const foreign = await eilerTicket();
    at += 60_000;
    const res = await agent.post('/api/v1/tickets/bulk', { ticketIds: [a.id, b.id, foreign.id], action: { type: 'close' } });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { id: string; undoable: boolean; undoableUntil: string; results: Result[] };
    expect(body.results).toEqual([
      { ticketId: a.id, number: a.number, ok: true, code: null },
      // in progress → resolved → closed, as an agent would close it by hand.
      { ticketId: b.id, number: b.number, ok: true, code: null },
      // Brand B's ticket: exactly what a ticket that does not exist looks like — no number, no status.
      { ticketId: foreign.id, number: null, ok: false, code: 'TICKET_NOT_FOUND' },
    ]);
    expect(body.undoable).toBe(true);
    expect(body.undoableUntil).toBe(new Date(at + 10 * 60_000).toISOString());
    expect((await status(a.id)).status).toBe('closed');
    expect((await status(b.id)).status).toBe('closed');
    expect((await status(foreign.id)).status).toBe('new');

    at += 5 * 60_000;
    const undo = await agent.post(`/api/v1/tickets/bulk/${body.id}/undo`, {});
    expect(undo.statusCode).toBe(200);
    expect((undo.json() as { results: Result[] }).results.map((r) => [r.ticketId, r.ok])).toEqual(expect.arrayContaining([[a.id, true], [b.id, true]]));
    // Back where each was, even where the transition table has no edge back (closed → new).
    expect(await status(a.id)).toMatchObject({ status: 'new', closed_at: null });
    expect(await status(b.id)).toMatchObject({ status: 'in_progress', closed_at: null });
    expect((await agent.post(`/api/v1/tickets/bulk/${body.id}/undo`, {})).json()).toMatchObject({ code: 'DESK_BULK_ALREADY_UNDONE' });
  });

  it('leaves alone, and says so, a ticket that changed after the bulk operation', async () => {
    const carriAgent = await ctx().actor('agent@carri.example');
    const a = await carriTicket(carriAgent);
    const b = await carriTicket(carriAgent);
    const res = await agent.post('/api/v1/tickets/bulk', { ticketIds: [a.id, b.id], action: { type: 'priority', priority: 'urgent' } });
    const op = res.json() as { id: string };
    at += 60_000;
    // A colleague lowers b afterwards: that later work wins over the undo.
    await (await loginAs(app, 'admin@apres.example')).patch(`/api/v1/tickets/${b.id}`, { priority: 'low' });
    at += 60_000;
    const undo = (await agent.post(`/api/v1/tickets/bulk/${op.id}/undo`, {})).json() as { results: Result[] };
    expect(undo.results.find((r) => r.ticketId === a.id)).toMatchObject({ ok: true });
    expect(undo.results.find((r) => r.ticketId === b.id)).toMatchObject({ ok: false, code: 'DESK_BULK_TICKET_CHANGED', number: b.number });
    expect((await status(a.id)).priority).toBe('normal');
    expect((await status(b.id)).priority).toBe('low');
  });

  it('refuses an undo after ten minutes, and another agent\'s operation is not found', async () => {
    const carriAgent = await ctx().actor('agent@carri.example');
    const a = await carriTicket(carriAgent);
    const op = (await agent.post('/api/v1/tickets/bulk', { ticketIds: [a.id], action: { type: 'status', status: 'accepted' } })).json() as { id: string };
    const other = await loginAs(app, 'agent@eiler.example');
    expect((await other.post(`/api/v1/tickets/bulk/${op.id}/undo`, {})).statusCode).toBe(404);
    at += 10 * 60_000 + 1000;
    const late = await agent.post(`/api/v1/tickets/bulk/${op.id}/undo`, {});
    expect([late.statusCode, late.json().code]).toEqual([409, 'DESK_BULK_UNDO_EXPIRED']);
    expect((await status(a.id)).status).toBe('accepted');
  });

  it('merges into one target and says clearly that a merge cannot be undone', async () => {
    const carriAgent = await ctx().actor('agent@carri.example');
    const target = await carriTicket(carriAgent);
    const a = await carriTicket(carriAgent);
    const stranger = await carriTicket(carriAgent, 'autre.client@example.fr');
    const res = (await agent.post('/api/v1/tickets/bulk', { ticketIds: [a.id, stranger.id], action: { type: 'merge', intoTicketId: target.id } })).json() as { id: string; undoable: boolean; results: Result[] };
    expect(res.results).toEqual([
      { ticketId: a.id, number: a.number, ok: true, code: null },
      // Two customers' conversations are never mixed: the single-ticket rule holds in bulk.
      { ticketId: stranger.id, number: stranger.number, ok: false, code: 'TICKET_MERGE_OTHER_CUSTOMER' },
    ]);
    expect(res.undoable).toBe(false);
    const undo = await agent.post(`/api/v1/tickets/bulk/${res.id}/undo`, {});
    expect([undo.statusCode, undo.json().code]).toEqual([409, 'DESK_BULK_UNDO_UNSUPPORTED']);
  });

  it('names the field at fault: a merge target out of reach, an unknown status, no tickets', async () => {
    const foreign = await eilerTicket();
    const carriAgent = await ctx().actor('agent@carri.example');
    const a = await carriTicket(carriAgent);
    const fields = (r: { statusCode: number; json(): { errors?: { field: string }[] } }) => [r.statusCode, r.json().errors?.map((e) => e.field)];
    expect(fields(await agent.post('/api/v1/tickets/bulk', { ticketIds: [a.id], action: { type: 'merge', intoTicketId: foreign.id } }))).toEqual([400, ['action.intoTicketId']]);
    expect(fields(await agent.post('/api/v1/tickets/bulk', { ticketIds: [a.id], action: { type: 'status', status: 'sleeping' } }))).toEqual([400, ['action.status']]);
    expect(fields(await agent.post('/api/v1/tickets/bulk', { ticketIds: [], action: { type: 'close' } }))).toEqual([400, ['ticketIds']]);
    expect((await status(a.id)).status).toBe('new');
  });

  it('refuses the bulk endpoint to a customer', async () => {
    const customer = await loginAs(app, 'client@carri.example');
    expect((await customer.post('/api/v1/tickets/bulk', { ticketIds: [crypto.randomUUID()], action: { type: 'close' } })).statusCode).toBe(403);
  });
});
