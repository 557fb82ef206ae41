import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { brandId as brandIdOf, describeStores, type StoreContext } from '../../test/db.ts';
import { buildTestApp, loginAs } from '../../test/http.ts';
import { getReport, getReportCsv } from './index.ts';

/**
 * A crafted week (Mon 2 – Sun 8 March 2026, Paris: UTC+1) of a fresh brand, its figures counted by
 * hand. Local midnight is 23:00 UTC, so T1 (created 23:30 UTC on the 2nd) belongs to the 3rd and
 * T2 (22:30 UTC) to the 2nd.
 *
 *   T0 created 20 Feb, in_progress, G1, Alice          (before the range: only in the backlog)
 *   T1 03-02 23:30Z phone  G1 Alice: new → in_progress 03-03 08:00 (Alice) → resolved 03-04 08:00 (Alice) → closed 03-06 08:00
 *   T2 03-02 22:30Z email  G2 Bob:   new → waiting_customer 03-03 10:00 (Bob) → in_progress 03-05 10:00
 *   T3 03-05 09:00Z email  no group, unassigned, new
 *   T4 03-06 09:00Z portal G1 Bob:   new → resolved 03-07 09:00 (Bob) → in_progress 03-08 09:00 (reopened)
 *   T5 03-09 09:00Z phone  G1, new   (after the range: open now, not in the backlog of the range)
 *   now = 03-10 12:00Z
 */
const NOW = new Date('2026-03-10T12:00:00Z');
const RANGE = { from: '2026-03-02', to: '2026-03-08' };

interface Fixture { brandId: string; g1: string; g2: string; otherBrandGroup: string; alice: string; bob: string }

async function craft(ctx: StoreContext): Promise<Fixture> {
  const { db } = ctx;
  const brand = await db
    .insertInto('brand')
    .values({ slug: 'rep-test', name: 'Reports Test', country: 'FR', time_zone: 'Europe/Paris', default_locale: 'fr', locales: ['fr', 'en'], ticket_number_format: 'R-{SEQ:4}', settings: JSON.stringify({}) })
    .returning('id')
    .executeTakeFirstOrThrow();
  const b = brand.id;
  const [g1, g2] = await db.insertInto('agent_group').values([{ brand_id: b, name: 'G1' }, { brand_id: b, name: 'G2' }]).returning('id').execute();
  const user = async (email: string, name: string, role: 'agent' | 'customer', groups: string[]) => {
    const u = await db.insertInto('app_user').values({ email, name, role }).returning('id').executeTakeFirstOrThrow();
    if (role === 'agent') await db.insertInto('user_brand').values({ user_id: u.id, brand_id: b }).execute();
    for (const g of groups) await db.insertInto('group_member').values({ user_id: u.id, group_id: g }).execute();
    return u.id;
  };
  const alice = await user('alice@rep.example', 'Alice', 'agent', [g1!.id]);
  const bob = await user('bob@rep.example', 'Bob', 'agent', [g1!.id, g2!.id]);
  const customer = await user('cust@rep.example', 'Cust', 'customer', []);

  const ticket = async (n: number, createdAt: string, channel: string, status: string, groupId: string | null, assigneeId: string | null) =>
    (
      await db
        .insertInto('ticket')
        .values({ brand_id: b, number: `R-000${n}`, channel, requester_id: customer, subject: `T${n}`, description: '-', status, group_id: groupId, assignee_id: assigneeId, created_at: new Date(createdAt), updated_at: new Date(createdAt) } as never)
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const t0 = await ticket(0, '2026-02-20T10:00:00Z', 'email', 'in_progress', g1!.id, alice);
  const t1 = await ticket(1, '2026-03-02T23:30:00Z', 'phone', 'closed', g1!.id, alice);
  const t2 = await ticket(2, '2026-03-02T22:30:00Z', 'email', 'in_progress', g2!.id, bob);
  const t3 = await ticket(3, '2026-03-05T09:00:00Z', 'email', 'new', null, null);
  const t4 = await ticket(4, '2026-03-06T09:00:00Z', 'portal', 'in_progress', g1!.id, bob);
  await ticket(5, '2026-03-09T09:00:00Z', 'phone', 'new', g1!.id, null);

  // As the tickets module writes them: each change records its ticket's brand and current group,
  // and since when the status it leaves ran.
  const groupOf = new Map<string, string | null>([[t0, g1!.id], [t1, g1!.id], [t2, g2!.id], [t3, null], [t4, g1!.id]]);
  const change = (ticketId: string, since: string, at: string, before: string, after: string, actorId: string | null) => ({ ticket_id: ticketId, brand_id: b, group_id: groupOf.get(ticketId), at: new Date(at), field: 'status', before: JSON.stringify(before), after: JSON.stringify(after), before_since: new Date(since), actor_id: actorId });
  await db
    .insertInto('ticket_audit')
    .values([
      change(t0, '2026-02-20T10:00:00Z', '2026-02-21T10:00:00Z', 'new', 'in_progress', alice),
      change(t1, '2026-03-02T23:30:00Z', '2026-03-03T08:00:00Z', 'new', 'in_progress', alice),
      change(t1, '2026-03-03T08:00:00Z', '2026-03-04T08:00:00Z', 'in_progress', 'resolved', alice),
      change(t1, '2026-03-04T08:00:00Z', '2026-03-06T08:00:00Z', 'resolved', 'closed', null),
      change(t2, '2026-03-02T22:30:00Z', '2026-03-03T10:00:00Z', 'new', 'waiting_customer', bob),
      change(t2, '2026-03-03T10:00:00Z', '2026-03-05T10:00:00Z', 'waiting_customer', 'in_progress', null),
      change(t4, '2026-03-06T09:00:00Z', '2026-03-07T09:00:00Z', 'new', 'resolved', bob),
      change(t4, '2026-03-07T09:00:00Z', '2026-03-08T09:00:00Z', 'resolved', 'in_progress', null),
      // Not a status change: never read.
      { ticket_id: t4, brand_id: b, group_id: g1!.id, at: new Date('2026-03-07T09:00:00Z'), field: 'priority', before: JSON.stringify('normal'), after: JSON.stringify('high'), actor_id: bob },
    ] as never)
    .execute();

  const timer = (ticketId: string, kind: string, state: string, dueAt: string | null) => ({ ticket_id: ticketId, brand_id: b, kind, state, target_minutes: 60, due_at: dueAt ? new Date(dueAt) : null, explanation: '{}', computed_at: NOW });
  await db
    .insertInto('ticket_sla_timer')
    .values([
      timer(t1, 'first_response', 'met', '2026-03-03T09:00:00Z'),
      timer(t1, 'resolution', 'met', '2026-03-05T10:00:00Z'),
      timer(t2, 'first_response', 'breached', '2026-03-03T09:00:00Z'),
      // Running past its due time now: breached.
      timer(t2, 'resolution', 'running', '2026-03-06T12:00:00Z'),
      // Running, due after now: not decided yet.
      timer(t3, 'first_response', 'running', '2026-03-12T09:00:00Z'),
      // Due 00:30 on Monday 9 March in Paris: the next week, outside the range.
      timer(t4, 'first_response', 'met', '2026-03-08T23:30:00Z'),
      timer(t4, 'resolution', 'paused', null),
      // Due 23:30 on Sunday 1 March in Paris: the week of 23 February.
      timer(t0, 'resolution', 'breached', '2026-03-01T22:30:00Z'),
      // Not a first response or a resolution.
      timer(t0, 'callback', 'breached', '2026-03-03T09:00:00Z'),
    ] as never)
    .execute();

  const model = async (brandId: string, code: string) =>
    (await db.insertInto('product_model').values({ brand_id: brandId, code, name: JSON.stringify({ fr: `Modèle ${code}`, en: `Model ${code}` }), created_at: NOW } as never).returning('id').executeTakeFirstOrThrow()).id;
  const unit = (brandId: string, modelId: string, serial: string) => ({ brand_id: brandId, model_id: modelId, serial, country_of_sale: 'FR', created_at: NOW });
  const m1 = await model(b, 'RX-1');
  const m2 = await model(b, 'RX-2');
  const otherBrand = await brandIdOf(db, 'carri');
  const m3 = await model(otherBrand, 'OTHER-9');
  await db.insertInto('unit').values([unit(b, m1, 'SN-100'), unit(b, m2, 'SN-200'), unit(otherBrand, m3, 'SN-999')] as never).execute();
  await db
    .insertInto('ticket_serial')
    .values([
      { ticket_id: t1, position: 1, serial: 'sn-100' },
      { ticket_id: t2, position: 1, serial: 'SN-100' },
      { ticket_id: t2, position: 2, serial: 'SN-200' },
      // Another brand's unit: not this brand's product.
      { ticket_id: t3, position: 1, serial: 'SN-999' },
    ])
    .execute();
  const otherBrandGroup = (await db.selectFrom('agent_group').select('id').where('brand_id', '=', otherBrand).executeTakeFirstOrThrow()).id;
  return { brandId: b, g1: g1!.id, g2: g2!.id, otherBrandGroup, alice, bob };
}

describeStores('reports', (ctx) => {
  let f: Fixture;
  let app: FastifyInstance;
  beforeAll(async () => {
    f = await craft(ctx());
  });
  afterAll(() => app?.close());

  it('computes every chart of the crafted week as counted by hand', async () => {
    const admin = await ctx().actor('admin@apres.example');
    const r = await getReport(ctx().db, admin, f.brandId, RANGE, NOW);
    expect(r.timeZone).toBe('Europe/Paris');
    expect(r.backlog).toEqual([
      { day: '2026-03-02', open: 2 },
      { day: '2026-03-03', open: 3 },
      { day: '2026-03-04', open: 2 },
      { day: '2026-03-05', open: 3 },
      { day: '2026-03-06', open: 4 },
      { day: '2026-03-07', open: 3 },
      { day: '2026-03-08', open: 4 },
    ]);
    expect(r.sla).toEqual([{ week: '2026-03-02', firstResponseMet: 1, firstResponseBreached: 1, resolutionMet: 1, resolutionBreached: 1 }]);
    expect(r.channels).toEqual([
      { channel: 'email', tickets: 2 },
      { channel: 'portal', tickets: 1 },
      { channel: 'phone', tickets: 1 },
      { channel: 'web_form', tickets: 0 },
      { channel: 'fax', tickets: 0 },
      { channel: 'postal', tickets: 0 },
      { channel: 'onsite', tickets: 0 },
    ]);
    // The admin reads English: model names in their language.
    expect(r.products.map(({ modelCode, modelName, tickets }) => ({ modelCode, modelName, tickets }))).toEqual([
      { modelCode: 'RX-1', modelName: 'Model RX-1', tickets: 2 },
      { modelCode: null, modelName: null, tickets: 2 },
      { modelCode: 'RX-2', modelName: 'Model RX-2', tickets: 1 },
    ]);
    // The stays that ended in the week, by hand: new 8.5 h (T1), 11.5 h (T2), 24 h (T4); in progress
    // 24 h (T1); waiting 48 h (T2); resolved 48 h (T1), 24 h (T4, reopened). T1's closing ends no stay.
    expect(r.timeInStatus).toEqual([
      { status: 'new', stays: 3, averageHours: 14.67, medianHours: 11.5 },
      { status: 'in_progress', stays: 1, averageHours: 24, medianHours: 24 },
      { status: 'waiting_customer', stays: 1, averageHours: 48, medianHours: 48 },
      { status: 'resolved', stays: 2, averageHours: 36, medianHours: 36 },
    ]);
    expect(r.workload).toEqual([
      { agentId: f.bob, agentName: 'Bob', openTickets: 2, handled: 1 },
      { agentId: f.alice, agentName: 'Alice', openTickets: 1, handled: 1 },
    ]);
    expect(r.handled).toEqual([
      { week: '2026-03-02', agentId: f.alice, agentName: 'Alice', handled: 1 },
      { week: '2026-03-02', agentId: f.bob, agentName: 'Bob', handled: 1 },
    ]);
  });

  it("buckets weeks in the brand's time zone: a due time late on Sunday in Paris is the week before", async () => {
    const admin = await ctx().actor('admin@apres.example');
    const r = await getReport(ctx().db, admin, f.brandId, { from: '2026-03-01', to: '2026-03-08' }, NOW);
    expect(r.sla).toEqual([
      { week: '2026-02-23', firstResponseMet: 0, firstResponseBreached: 0, resolutionMet: 0, resolutionBreached: 1 },
      { week: '2026-03-02', firstResponseMet: 1, firstResponseBreached: 1, resolutionMet: 1, resolutionBreached: 1 },
    ]);
    expect(r.backlog.slice(0, 2)).toEqual([{ day: '2026-03-01', open: 1 }, { day: '2026-03-02', open: 2 }]);
  });

  it('filters by group', async () => {
    const admin = await ctx().actor('admin@apres.example');
    const r = await getReport(ctx().db, admin, f.brandId, { ...RANGE, groupId: f.g1 }, NOW);
    expect(r.backlog.map((d) => d.open)).toEqual([1, 2, 1, 1, 2, 1, 2]);
    expect(r.channels.filter((c) => c.tickets > 0)).toEqual([{ channel: 'portal', tickets: 1 }, { channel: 'phone', tickets: 1 }]);
  });

  it("counts only the tickets an agent may see: Alice is not in G2, so Bob's G2 ticket is not in her figures", async () => {
    const alice = await ctx().actor('alice@rep.example');
    const r = await getReport(ctx().db, alice, f.brandId, RANGE, NOW);
    expect(r.backlog.map((d) => d.open)).toEqual([1, 2, 1, 2, 3, 2, 3]);
    expect(r.channels.find((c) => c.channel === 'email')?.tickets).toBe(1);
    expect(r.workload).toEqual([
      { agentId: f.alice, agentName: 'Alice', openTickets: 1, handled: 1 },
      { agentId: f.bob, agentName: 'Bob', openTickets: 1, handled: 1 },
    ]);
  });

  it("gives an agent in every group of the brand the administrator's figures (the brand's own keys, no join to the tickets)", async () => {
    const [bob, admin] = [await ctx().actor('bob@rep.example'), await ctx().actor('admin@apres.example')];
    const forBob = await getReport(ctx().db, bob, f.brandId, RANGE, NOW);
    expect(forBob).toEqual(await getReport(ctx().db, admin, f.brandId, RANGE, NOW));
    expect(forBob.backlog.map((d) => d.open)).toEqual([2, 3, 2, 3, 4, 3, 4]);
  });

  it("hides another brand's reports from an agent (not found), refuses technicians, and names the field of a bad range", async () => {
    const carriAgent = await ctx().actor('agent@carri.example');
    await expect(getReport(ctx().db, carriAgent, f.brandId, RANGE, NOW)).rejects.toMatchObject({ code: 'BRAND_NOT_FOUND', httpStatus: 404 });
    const tech = await ctx().actor('tech@carri.example');
    await expect(getReport(ctx().db, tech, await brandIdOf(ctx().db, 'carri'), RANGE, NOW)).rejects.toMatchObject({ code: 'FORBIDDEN', httpStatus: 403 });
    const admin = await ctx().actor('admin@apres.example');
    await expect(getReport(ctx().db, admin, f.brandId, { ...RANGE, groupId: f.otherBrandGroup }, NOW)).rejects.toMatchObject({ code: 'GROUP_NOT_FOUND', httpStatus: 404 });
    await expect(getReport(ctx().db, admin, f.brandId, { from: '2026-03-09', to: '2026-03-08' }, NOW)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { errors: [{ field: 'from' }] } });
    await expect(getReport(ctx().db, admin, f.brandId, { from: '2025-01-01', to: '2026-03-08' }, NOW)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { errors: [{ field: 'to' }] } });
  });

  it("writes each chart's CSV with its headers and ISO local dates", async () => {
    const admin = await ctx().actor('admin@apres.example');
    const backlog = await getReportCsv(ctx().db, admin, f.brandId, 'backlog', RANGE, NOW);
    expect(backlog.filename).toBe('rep-test-backlog-2026-03-02-2026-03-08.csv');
    expect(backlog.csv).toBe('day,open_tickets\r\n2026-03-02,2\r\n2026-03-03,3\r\n2026-03-04,2\r\n2026-03-05,3\r\n2026-03-06,4\r\n2026-03-07,3\r\n2026-03-08,4\r\n');
    expect((await getReportCsv(ctx().db, admin, f.brandId, 'sla', RANGE, NOW)).csv).toBe(
      'week_starting,first_response_met,first_response_breached,resolution_met,resolution_breached\r\n2026-03-02,1,1,1,1\r\n',
    );
    expect((await getReportCsv(ctx().db, admin, f.brandId, 'time-in-status', RANGE, NOW)).csv).toBe(
      'status,stays,average_hours,median_hours\r\nnew,3,14.67,11.5\r\nin_progress,1,24,24\r\nwaiting_customer,1,48,48\r\nresolved,2,36,36\r\n',
    );
    expect((await getReportCsv(ctx().db, admin, f.brandId, 'products', RANGE, NOW)).csv).toBe('model_code,model_name,tickets\r\nRX-1,Model RX-1,2\r\n,,2\r\nRX-2,Model RX-2,1\r\n');
    expect((await getReportCsv(ctx().db, admin, f.brandId, 'workload', RANGE, NOW)).csv).toBe('agent,open_assigned_tickets,handled_in_period\r\nBob,2,1\r\nAlice,1,1\r\n');
    expect((await getReportCsv(ctx().db, admin, f.brandId, 'handled', RANGE, NOW)).csv).toBe('week_starting,agent,handled\r\n2026-03-02,Alice,1\r\n2026-03-02,Bob,1\r\n');
  });

  it('serves the CSV as a download over HTTP, and answers 404 to an agent of another brand', async () => {
    app = await buildTestApp(ctx());
    const admin = await loginAs(app, 'admin@apres.example');
    const res = await admin.get(`/api/v1/reports/brands/${f.brandId}/csv/channels?from=2026-03-02&to=2026-03-08`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="rep-test-channels-2026-03-02-2026-03-08.csv"');
    expect(res.body).toBe('channel,tickets\r\nemail,2\r\nportal,1\r\nphone,1\r\nweb_form,0\r\nfax,0\r\npostal,0\r\nonsite,0\r\n');
    const bad = await admin.get(`/api/v1/reports/brands/${f.brandId}?from=2026-13-01`);
    expect(bad.statusCode).toBe(400);
    const carri = await loginAs(app, 'agent@carri.example');
    expect((await carri.get(`/api/v1/reports/brands/${f.brandId}/csv/channels`)).statusCode).toBe(404);
    expect((await carri.get(`/api/v1/reports/brands/${f.brandId}`)).statusCode).toBe(404);
    const own = await carri.get(`/api/v1/reports/brands/${await brandIdOf(ctx().db, 'carri')}`);
    expect(own.statusCode).toBe(200);
    expect((own.json() as { backlog: unknown[] }).backlog).toHaveLength(30);
  });

  it('serves each chart apart under its own key, the same figures as the whole report', async () => {
    app ??= await buildTestApp(ctx());
    const admin = await loginAs(app, 'admin@apres.example');
    const whole = (await admin.get(`/api/v1/reports/brands/${f.brandId}?from=2026-03-02&to=2026-03-08`)).json() as Record<string, unknown>;
    for (const [chart, key] of [['backlog', 'backlog'], ['time-in-status', 'timeInStatus'], ['handled', 'handled']] as const) {
      const res = await admin.get(`/api/v1/reports/brands/${f.brandId}/charts/${chart}?from=2026-03-02&to=2026-03-08`);
      expect(res.statusCode).toBe(200);
      const body = res.json() as Record<string, unknown>;
      expect(body).toEqual({ brandId: f.brandId, timeZone: 'Europe/Paris', from: '2026-03-02', to: '2026-03-08', groupId: null, chart, [key]: whole[key] });
    }
    const unknown = await admin.get(`/api/v1/reports/brands/${f.brandId}/charts/pie`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('chart');
    const carri = await loginAs(app, 'agent@carri.example');
    expect((await carri.get(`/api/v1/reports/brands/${f.brandId}/charts/backlog`)).statusCode).toBe(404);
  });
});
