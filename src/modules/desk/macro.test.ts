import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TEST_NOW } from '../../test/clock.ts';
import { brandId, describeStores } from '../../test/db.ts';
import { buildTestApp, type Client, loginAs } from '../../test/http.ts';
import { CreateTicketBody, createTicket } from '../tickets/index.ts';
import { renderTemplate, templateProblems } from './macro-template.ts';

const eilerFields = { reproductionSteps: 'Открыть отчёт', frequency: 'always', productVersion: '5.3.2', criticality: 'high', contactPhone: '+7 916 555-12-34', contactEmail: 'client@eiler.example' };
const smartIdFields = { senderName: 'Maria Ionescu', senderAddress: 'Str. Lipscani 1, București', contactPerson: 'Maria Ionescu', contactPhone: '+40 721 000 000' };

const REPLY = {
  en: 'Hello {{customer.name}}, ticket {{ticket.number}} is due {{ticket.due}}.',
  ru: 'Здравствуйте, {{customer.name}}! Заявка {{ticket.number}}, срок: {{ticket.due}}.',
  ro: 'Bună ziua, {{ customer.name }}! Tichetul {{ticket.number}} are termenul {{ticket.due}}.',
};

it('fills known variables and reports unknown or broken ones', () => {
  expect(renderTemplate('Hi {{ customer.name }} ({{ticket.number}})', { 'customer.name': 'Ана', 'ticket.number': 'X-1', 'ticket.subject': '', 'ticket.due': '', 'agent.name': '' })).toBe('Hi Ана (X-1)');
  expect(templateProblems('Hi {{customer.firstName}}').map((p) => p.code)).toEqual(['unknown_variable']);
  expect(templateProblems('Hi {{customer.name}').map((p) => p.code)).toEqual(['malformed_variable']);
  expect(templateProblems('Hi {{customer.name}}')).toEqual([]);
});

/** Issue 14, item 3: macros — a named set of actions plus a reply per language with variables. */
describeStores('desk macros', (ctx) => {
  let app: FastifyInstance;
  let admin: Client;
  beforeAll(async () => {
    app = await buildTestApp(ctx());
    admin = await loginAs(app, 'admin@apres.example');
  });
  afterAll(() => app?.close());

  async function ticket(slug: 'eiler' | 'smart-id', email: string, fields: Record<string, unknown>) {
    const { db, actor } = ctx();
    const customer = await actor(email);
    const body = CreateTicketBody.parse({ brandId: await brandId(db, slug), subject: 'Тест', description: 'Описание', customFields: fields, ...(slug === 'smart-id' ? { serialNumbers: ['SID-0001'] } : {}) });
    return db.transaction().execute((trx) => createTicket(trx, customer, body, TEST_NOW));
  }
  const entries = async (client: Client, id: string) => ((await client.get(`/api/v1/tickets/${id}/entries`)).json() as { items: { kind: string; body: string }[] }).items;

  it('applies a shared macro in bulk: the reply in the customer\'s language (ru) with the due date in Moscow time, then the status in one step', async () => {
    const { db } = ctx();
    const eiler = await brandId(db, 'eiler');
    const created = await admin.post('/api/v1/desk/macros', { brandId: eiler, name: 'Запросить журнал', shared: true, actions: { status: 'waiting_customer', priority: 'high' }, reply: REPLY });
    expect(created.statusCode, created.body).toBe(201);
    const macro = created.json() as { id: string };
    const t = await ticket('eiler', 'client@eiler.example', eilerFields);
    const agent = await loginAs(app, 'agent@eiler.example');
    // Accepted first, so the 48-hour clock runs and {{ticket.due}} has a date.
    await agent.patch(`/api/v1/tickets/${t.id}`, { status: 'accepted' });
    const sla = (await agent.get(`/api/v1/tickets/${t.id}/sla`)).json() as { timers: { state: string; dueAt: string | null }[] };
    const due = sla.timers.find((x) => x.state === 'running' && x.dueAt)!.dueAt!;
    const res = await agent.post('/api/v1/tickets/bulk', { ticketIds: [t.id], action: { type: 'macro', macroId: macro.id } });
    expect(res.json()).toMatchObject({ undoable: false, results: [{ ticketId: t.id, ok: true }] });
    const reply = (await entries(agent, t.id)).find((e) => e.kind === 'agent_reply')!;
    const expectedDue = new Intl.DateTimeFormat('ru', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Moscow', timeZoneName: 'short' }).format(new Date(due));
    expect(reply.body).toBe(`Здравствуйте, ${t.requester.name}! Заявка ${t.number}, срок: ${expectedDue}.`);
    const after = (await agent.get(`/api/v1/tickets/${t.id}`)).json() as { status: string; priority: string };
    expect(after).toMatchObject({ status: 'waiting_customer', priority: 'high' });
  });

  it('writes Romanian for a Romanian customer, and a Carri agent cannot see or apply a Smart ID macro (not found)', async () => {
    const { db } = ctx();
    const smartId = await brandId(db, 'smart-id');
    const macro = (await admin.post('/api/v1/desk/macros', { brandId: smartId, name: 'Confirmare', shared: true, reply: REPLY })).json() as { id: string };
    const t = await ticket('smart-id', 'client@smart-id.example', smartIdFields);
    const agent = await loginAs(app, 'agent@smart-id.example');
    const res = (await agent.post('/api/v1/tickets/bulk', { ticketIds: [t.id], action: { type: 'macro', macroId: macro.id } })).json() as { results: { ok: boolean }[] };
    expect(res.results[0]!.ok).toBe(true);
    const body = (await entries(agent, t.id)).find((e) => e.kind === 'agent_reply')!.body;
    expect(body).toMatch(new RegExp(`^Bună ziua, ${t.requester.name}! Tichetul ${t.number} are termenul .+\\.$`));
    expect(body).not.toContain('{{');

    const carri = await loginAs(app, 'agent@carri.example');
    expect((await carri.get(`/api/v1/desk/macros?brandId=${smartId}`)).json()).toEqual({ items: [] });
    const other = (await carri.post('/api/v1/tickets/bulk', { ticketIds: [t.id], action: { type: 'macro', macroId: macro.id } })).json() as { results: { code: string; number: string | null }[] };
    expect(other.results[0]).toMatchObject({ code: 'TICKET_NOT_FOUND', number: null });
    expect((await carri.request({ method: 'PUT', url: `/api/v1/desk/macros/${macro.id}`, payload: { brandId: smartId, name: 'x' } })).statusCode).toBe(404);
  });

  it('names the field: an unknown variable in the Russian text, a shared macro by an agent, a taken name', async () => {
    const { db } = ctx();
    const eiler = await brandId(db, 'eiler');
    const agent = await loginAs(app, 'agent@eiler.example');
    const bad = await agent.post('/api/v1/desk/macros', { brandId: eiler, name: 'Плохой', reply: { ru: 'Здравствуйте, {{customer.firstName}}' } });
    expect([bad.statusCode, bad.json().errors]).toEqual([400, [expect.objectContaining({ field: 'reply.ru', code: 'unknown_variable' })]]);
    // An administrator serves every brand, but a brand that does not exist is named, not a 500.
    const admin = await loginAs(app, 'admin@apres.example');
    const nowhere = await admin.post('/api/v1/desk/macros', { brandId: '00000000-0000-4000-8000-000000000000', name: 'Nulle part' });
    expect([nowhere.statusCode, nowhere.json().errors]).toEqual([400, [expect.objectContaining({ field: 'brandId' })]]);
    const shared = await agent.post('/api/v1/desk/macros', { brandId: eiler, name: 'Общий', shared: true });
    expect(shared.json().errors).toEqual([expect.objectContaining({ field: 'shared' })]);
    const mine = await agent.post('/api/v1/desk/macros', { brandId: eiler, name: 'Мой', actions: { priority: 'low' } });
    expect(mine.statusCode).toBe(201);
    const again = await agent.post('/api/v1/desk/macros', { brandId: eiler, name: 'мой' });
    expect([again.statusCode, again.json().code, again.json().errors?.[0]?.field]).toEqual([409, 'DESK_MACRO_NAME_TAKEN', 'name']);
    // Personal: a colleague does not see it.
    const list = (await agent.get(`/api/v1/desk/macros?brandId=${eiler}`)).json() as { items: { name: string; editable: boolean }[] };
    expect(list.items.find((m) => m.name === 'Мой')).toMatchObject({ editable: true });
    const id = (mine.json() as { id: string }).id;
    expect((await agent.request({ method: 'DELETE', url: `/api/v1/desk/macros/${id}` })).statusCode).toBe(204);
  });
});
