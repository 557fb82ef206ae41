import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { brandId, describeStores } from '../../test/db.ts';
import { buildTestApp, type Client, loginAs } from '../../test/http.ts';

type View = { id: string; name: string; group: { id: string; name: string } | null; editable: boolean; filters: Record<string, unknown>; columns: string[]; sort: string };

/** Issue 14, item 3: saved views of the queue — filters, columns and order, own or shared per group. */
describeStores('desk saved views', (ctx) => {
  let app: FastifyInstance;
  let sophie: Client; // Carri agent, group Hotline
  let julie: Client; // MécaShop agent
  let marc: Client; // Carri technician, not in Hotline until the test adds him
  let admin: Client;
  let hotline: string;
  let carri: string;
  beforeAll(async () => {
    app = await buildTestApp(ctx());
    [sophie, julie, marc, admin] = await Promise.all([loginAs(app, 'agent@carri.example'), loginAs(app, 'agent@mecashop.example'), loginAs(app, 'tech@carri.example'), loginAs(app, 'admin@apres.example')]);
    const { db } = ctx();
    carri = await brandId(db, 'carri');
    hotline = (await db.selectFrom('agent_group').select('id').where('brand_id', '=', carri).where('name', '=', 'Hotline').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => app?.close());
  const views = async (c: Client) => ((await c.get('/api/v1/desk/views')).json() as { items: View[] }).items;

  it("keeps an agent's own view to themselves: another agent neither sees, changes nor deletes it (404)", async () => {
    const body = { name: 'Mes nouveaux', filters: { brandId: carri, status: ['new', 'accepted'], assigneeId: 'me' }, columns: ['number', 'subject', 'status', 'sla'], sort: 'newest' };
    const res = await sophie.post('/api/v1/desk/views', body);
    expect(res.statusCode, res.body).toBe(201);
    const view = res.json() as View;
    expect(view).toMatchObject({ name: 'Mes nouveaux', group: null, editable: true, filters: body.filters, columns: body.columns, sort: 'newest' });
    expect((await views(sophie)).map((v) => v.id)).toContain(view.id);
    expect((await views(julie)).map((v) => v.id)).not.toContain(view.id);
    expect((await julie.request({ method: 'PUT', url: `/api/v1/desk/views/${view.id}`, payload: body })).statusCode).toBe(404);
    expect((await julie.request({ method: 'DELETE', url: `/api/v1/desk/views/${view.id}` })).statusCode).toBe(404);
    // The same name twice for one owner is refused on its field.
    const again = await sophie.post('/api/v1/desk/views', { ...body, name: 'MES NOUVEAUX' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'DESK_VIEW_NAME_TAKEN', errors: [{ field: 'name' }] });
    const renamed = await sophie.request({ method: 'PUT', url: `/api/v1/desk/views/${view.id}`, payload: { ...body, name: 'Nouveaux à moi', sort: 'oldest' } });
    expect(renamed.json()).toMatchObject({ name: 'Nouveaux à moi', sort: 'oldest' });
    expect((await sophie.request({ method: 'DELETE', url: `/api/v1/desk/views/${view.id}` })).statusCode).toBe(204);
    expect((await views(sophie)).map((v) => v.id)).not.toContain(view.id);
  });

  it("shares a view with a group: its members see it, only its author or an admin changes it, others don't see it", async () => {
    const body = { name: 'Hotline — urgent', groupId: hotline, filters: { groupId: hotline, status: ['new'] }, columns: ['number', 'subject', 'requester', 'priority'], sort: 'due' };
    const res = await sophie.post('/api/v1/desk/views', body);
    expect(res.statusCode, res.body).toBe(201);
    const view = res.json() as View;
    expect(view.group).toMatchObject({ id: hotline, name: 'Hotline' });
    expect((await views(marc)).map((v) => v.id)).not.toContain(view.id);
    expect((await views(julie)).map((v) => v.id)).not.toContain(view.id);
    await ctx().db.insertInto('group_member').values({ group_id: hotline, user_id: marc.userId }).execute();
    const seen = (await views(marc)).find((v) => v.id === view.id);
    expect(seen).toMatchObject({ editable: false });
    expect((await marc.request({ method: 'PUT', url: `/api/v1/desk/views/${view.id}`, payload: body })).statusCode).toBe(403);
    expect((await views(admin)).find((v) => v.id === view.id)).toMatchObject({ editable: true });
    // A view keeps its owner: making the shared view personal is refused on its field.
    const unshare = await sophie.request({ method: 'PUT', url: `/api/v1/desk/views/${view.id}`, payload: { ...body, groupId: null } });
    expect(unshare.statusCode).toBe(400);
    expect(unshare.json()).toMatchObject({ errors: [{ field: 'groupId' }] });
    await ctx().db.deleteFrom('group_member').where('group_id', '=', hotline).where('user_id', '=', marc.userId).execute();
  });

  it('refuses a group the agent is not in, a brand they do not serve and an unknown column, each on its field, writing nothing', async () => {
    const before = (await views(julie)).length;
    const foreignGroup = await julie.post('/api/v1/desk/views', { name: 'x', groupId: hotline, columns: ['number'] });
    expect(foreignGroup.statusCode).toBe(400);
    expect(foreignGroup.json()).toMatchObject({ errors: [{ field: 'groupId' }] });
    const foreignBrand = await julie.post('/api/v1/desk/views', { name: 'y', filters: { brandId: carri }, columns: ['number'] });
    expect(foreignBrand.json()).toMatchObject({ errors: [{ field: 'filters.brandId' }] });
    const badColumn = await julie.post('/api/v1/desk/views', { name: 'z', columns: ['number', 'colour'] });
    expect(badColumn.statusCode).toBe(400);
    expect(JSON.stringify(badColumn.json())).toContain('columns.1');
    expect((await views(julie)).length).toBe(before);
    const customer = await loginAs(app, 'client@carri.example');
    expect((await customer.get('/api/v1/desk/views')).statusCode).toBe(403);
  });

  it("orders the queue as a view asks: newest or oldest opened first, page after page", async () => {
    const list = async (sort: string) => {
      const out: { createdAt: string; id: string }[] = [];
      let cursor: string | null = null;
      do {
        const res = await admin.get(`/api/v1/tickets?sort=${sort}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(res.statusCode, res.body).toBe(200);
        const page = res.json() as { items: { createdAt: string; id: string; sla?: unknown }[]; nextCursor: string | null };
        // The desk keeps its due-time badges whatever the order.
        for (const t of page.items) expect(t).toHaveProperty('sla');
        out.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return out;
    };
    const oldest = await list('oldest');
    const newest = await list('newest');
    expect(oldest.length).toBeGreaterThan(6);
    const key = (t: { createdAt: string; id: string }) => `${t.createdAt}|${t.id}`;
    expect(oldest.map(key)).toEqual([...oldest.map(key)].sort());
    expect(newest.map((t) => t.id)).toEqual([...oldest].reverse().map((t) => t.id));
    expect((await admin.get('/api/v1/tickets?sort=sideways')).statusCode).toBe(400);
  });
});
