import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/clock.ts';
import { brandId, describeStores } from '../../../test/db.ts';
import { buildTestApp, type Client, loginAs } from '../../../test/http.ts';
import { Writable } from 'node:stream';
import { buildApp } from '../../../app/app.ts';
import { createServices } from '../../../app/services.ts';
import { loadConfig } from '../../../platform/config/config.ts';

type Res = { statusCode: number; json(): { code?: string; errors?: { field: string }[] } & Record<string, unknown> };
/** Status, code and the first field at fault: what a person (and the web app) is told. */
const refusal = (r: Res) => [r.statusCode, r.json().code, r.json().errors?.[0]?.field];

/** Issue 14, item 6: people and access administered in the app. */
describeStores('people and access administration', (ctx) => {
  let app: FastifyInstance;
  let admin: Client;
  let now = TEST_NOW.getTime();
  let carri: string;
  let eiler: string;
  beforeAll(async () => {
    app = await buildTestApp(ctx(), { now: () => new Date(now) }, { publicUrl: 'https://desk.example' });
    admin = await loginAs(app, 'admin@apres.example');
    carri = await brandId(ctx().db, 'carri');
    eiler = await brandId(ctx().db, 'eiler');
  });
  afterAll(() => app?.close());

  const post = (url: string, payload: unknown) => app.inject({ method: 'POST', url, payload: payload as object, remoteAddress: '198.51.100.7' });
  const mailsTo = (to: string) => ctx().db.selectFrom('outbound_message').select(['subject', 'body_text', 'brand_id', 'automatic']).where('to_address', '=', to).orderBy('created_at').execute();
  const linkToken = (text: string) => text.match(/https:\/\/desk\.example\/welcome#token=([\w-]+)/)![1]!;
  const userId = async (email: string) => (await ctx().db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

  it('invites by e-mail: the invitee reads the link in their language, chooses a password and signs in', async () => {
    const res = await admin.post('/api/v1/admin/users', { email: 'Nadia@Eiler.example', name: 'Надежда Кузнецова', role: 'agent', locale: 'ru', brandIds: [eiler] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ email: 'Nadia@Eiler.example', role: 'agent', active: true, passwordSet: false, brandIds: [eiler] });
    const [mail] = await mailsTo('Nadia@Eiler.example');
    expect(mail!.subject).toBe('Приглашение в службу поддержки Eiler');
    expect(mail!.body_text).toContain('Alex Admin создал(а) для вас учётную запись');
    expect(mail!.brand_id).toBe(eiler);
    // No password yet: nothing signs in.
    expect((await post('/api/v1/auth/login', { email: 'nadia@eiler.example', password: 'anything at all' })).statusCode).toBe(401);
    const token = linkToken(mail!.body_text);
    expect((await post('/api/v1/auth/password-reset/confirm', { token, password: 'пароль-достаточно-длинный' })).statusCode).toBe(204);
    const login = await post('/api/v1/auth/login', { email: 'nadia@eiler.example', password: 'пароль-достаточно-длинный' });
    expect(login.statusCode).toBe(200);
    expect(login.json().user).toMatchObject({ role: 'agent', locale: 'ru', brandIds: [eiler] });
    expect((await admin.get(`/api/v1/admin/users/${login.json().user.id}`)).json()).toMatchObject({ passwordSet: true });
    // The link worked once.
    expect(refusal(await post('/api/v1/auth/password-reset/confirm', { token, password: 'another long password' }))).toEqual([400, 'AUTH_RESET_LINK_INVALID', 'token']);
  });

  it('refuses an address already in use, an invitation without a brand, and a reseller without a reseller organisation — naming the field', async () => {
    expect(refusal(await admin.post('/api/v1/admin/users', { email: 'AGENT@carri.example', name: 'Twin', role: 'agent', locale: 'fr', brandIds: [carri] }))).toEqual([409, 'USER_EMAIL_TAKEN', 'email']);
    expect(refusal(await admin.post('/api/v1/admin/users', { email: 'nobrand@apres.example', name: 'No brand', role: 'agent', locale: 'en', brandIds: [] }))).toEqual([400, 'VALIDATION_FAILED', 'brandIds']);
    expect(refusal(await admin.post('/api/v1/admin/users', { email: 'r@apres.example', name: 'R', role: 'reseller', locale: 'sv', brandIds: [carri] }))).toEqual([400, 'USER_ORGANISATION_INVALID', 'organisationId']);
    expect(refusal(await admin.post('/api/v1/admin/users', { email: 'bad', name: 'Bad', role: 'agent', locale: 'en', brandIds: [carri] }))).toEqual([400, 'VALIDATION_FAILED', 'email']);
    // Nothing half-written.
    expect(await ctx().db.selectFrom('app_user').select('id').where('email', 'in', ['nobrand@apres.example', 'r@apres.example']).execute()).toEqual([]);
    expect(await mailsTo('r@apres.example')).toEqual([]);
  });

  it('lists people by search, role, brand and whether active, a page at a time', async () => {
    const search = (await admin.get('/api/v1/admin/users?search=lef%C3%A8vre')).json().items as { email: string }[];
    expect(search.map((u) => u.email)).toEqual(['agent@carri.example']);
    const agentsOfCarri = (await admin.get(`/api/v1/admin/users?role=agent&brandId=${carri}`)).json().items as { email: string }[];
    expect(agentsOfCarri.map((u) => u.email)).toEqual(['agent@carri.example']);
    const page1 = (await admin.get('/api/v1/admin/users?limit=3')).json() as { items: { id: string }[]; nextCursor: string };
    const page2 = (await admin.get(`/api/v1/admin/users?limit=3&cursor=${page1.nextCursor}`)).json() as { items: { id: string }[] };
    expect(page1.items).toHaveLength(3);
    expect(page2.items.some((u) => page1.items.some((p) => p.id === u.id))).toBe(false);
    expect(refusal(await admin.get('/api/v1/admin/users?cursor=nonsense'))).toEqual([400, 'VALIDATION_FAILED', 'cursor']);
    // `%` is a letter, not a wildcard.
    expect((await admin.get('/api/v1/admin/users?search=%25')).json().items).toEqual([]);
  });

  it('deactivates: the sessions end at once and signing in is refused; reactivated, the person signs in again', async () => {
    const tech = await loginAs(app, 'tech@carri.example');
    expect((await tech.get('/api/v1/auth/me')).statusCode).toBe(200);
    const off = await admin.patch(`/api/v1/admin/users/${tech.userId}`, { active: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ active: false, deactivatedAt: new Date(now).toISOString() });
    expect((await tech.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect(await ctx().db.selectFrom('session').select('token_hash').where('user_id', '=', tech.userId).execute()).toEqual([]);
    expect((await post('/api/v1/auth/login', { email: 'tech@carri.example', password: 'apres-demo' })).statusCode).toBe(401);
    expect((await admin.get('/api/v1/admin/users?active=false')).json().items.map((u: { email: string }) => u.email)).toContain('tech@carri.example');
    expect((await admin.patch(`/api/v1/admin/users/${tech.userId}`, { active: true })).json()).toMatchObject({ active: true, deactivatedAt: null });
    expect((await loginAs(app, 'tech@carri.example')).userId).toBe(tech.userId);
  });

  it('keeps the last active administrator: neither demoted nor deactivated, until there is another', async () => {
    expect(refusal(await admin.patch(`/api/v1/admin/users/${admin.userId}`, { role: 'agent' }))).toEqual([409, 'USER_LAST_ADMIN', 'role']);
    expect(refusal(await admin.patch(`/api/v1/admin/users/${admin.userId}`, { active: false }))).toEqual([409, 'USER_LAST_ADMIN', 'active']);
    expect((await admin.get('/api/v1/auth/me')).statusCode).toBe(200);
    const second = await admin.patch(`/api/v1/admin/users/${await userId('agent@mecashop.example')}`, { role: 'admin' });
    expect(second.json()).toMatchObject({ role: 'admin', groupIds: expect.any(Array) });
    const demoted = await admin.patch(`/api/v1/admin/users/${second.json().id}`, { role: 'agent' });
    expect(demoted.json()).toMatchObject({ role: 'agent' });
  });

  it('sets roles, brands and groups; leaving a brand leaves its groups; a group of another brand is refused', async () => {
    const id = await userId('agent@charge-amps.example');
    const groups = (await admin.get('/api/v1/admin/groups')).json().items as { id: string; brandId: string; name: string }[];
    const carriHotline = groups.find((g) => g.brandId === carri && g.name === 'Hotline')!;
    expect(refusal(await admin.patch(`/api/v1/admin/users/${id}`, { groupIds: [carriHotline.id] }))).toEqual([400, 'GROUP_MEMBER_INVALID', 'groupIds']);
    const chargeAmps = await brandId(ctx().db, 'charge-amps');
    const both = await admin.patch(`/api/v1/admin/users/${id}`, { brandIds: [chargeAmps, carri], groupIds: [carriHotline.id] });
    expect(both.json().groupIds).toEqual([carriHotline.id]);
    const left = await admin.patch(`/api/v1/admin/users/${id}`, { brandIds: [chargeAmps] });
    expect(left.json()).toMatchObject({ brandIds: [chargeAmps], groupIds: [] });
    expect(refusal(await admin.patch(`/api/v1/admin/users/${id}`, { brandIds: [crypto.randomUUID()] }))).toEqual([400, 'VALIDATION_FAILED', 'brandIds']);
    expect(refusal(await admin.patch(`/api/v1/admin/users/${crypto.randomUUID()}`, { name: 'Ghost' }))).toEqual([404, 'USER_NOT_FOUND', undefined]);
  });

  it('lets no one but an administrator see or manage people, groups, organisations or tokens', async () => {
    const someone = await userId('agent@eiler.example');
    for (const email of ['agent@carri.example', 'tech@carri.example', 'client@carri.example', 'reseller@charge-amps.example', 'distributor@charge-amps.example']) {
      const c = await loginAs(app, email);
      for (const res of [
        await c.get('/api/v1/admin/users'),
        await c.get(`/api/v1/admin/users/${someone}`),
        await c.patch(`/api/v1/admin/users/${someone}`, { active: false }),
        await c.get('/api/v1/admin/groups'),
        await c.get('/api/v1/admin/organisations'),
        await c.post('/api/v1/admin/api-tokens', { name: 'mine' }),
      ]) {
        expect([email, res.statusCode]).toEqual([email, 403]);
      }
    }
    // An agent of Carri sees none of Eiler's staff in the desk's directory either.
    const agent = await loginAs(app, 'agent@carri.example');
    expect((await agent.get(`/api/v1/users?brandId=${eiler}`)).json().items).toEqual([]);
    expect((await ctx().db.selectFrom('app_user').select('active').where('id', '=', someone).executeTakeFirstOrThrow()).active).toBe(true);
  });

  it('creates and renames groups per brand and adds and removes agents of that brand only', async () => {
    const made = await admin.post('/api/v1/admin/groups', { brandId: carri, name: 'Grands comptes' });
    expect(made.statusCode, made.body).toBe(201);
    const g = made.json() as { id: string };
    expect(refusal(await admin.post('/api/v1/admin/groups', { brandId: carri, name: 'Hotline' }))).toEqual([409, 'GROUP_NAME_TAKEN', 'name']);
    expect((await admin.post('/api/v1/admin/groups', { brandId: eiler, name: 'Hotline' })).statusCode).toBe(201);
    expect((await admin.patch(`/api/v1/admin/groups/${g.id}`, { name: 'Comptes clés' })).json()).toMatchObject({ name: 'Comptes clés' });
    expect(refusal(await admin.patch(`/api/v1/admin/groups/${g.id}`, { name: 'Hotline' }))).toEqual([409, 'GROUP_NAME_TAKEN', 'name']);
    const agent = await userId('agent@carri.example');
    const added = await admin.request({ method: 'PUT', url: `/api/v1/admin/groups/${g.id}/members/${agent}` });
    expect(added.json().members.map((m: { id: string }) => m.id)).toEqual([agent]);
    expect(refusal(await admin.request({ method: 'PUT', url: `/api/v1/admin/groups/${g.id}/members/${await userId('agent@eiler.example')}` }))).toEqual([400, 'GROUP_MEMBER_INVALID', 'userId']);
    expect(refusal(await admin.request({ method: 'PUT', url: `/api/v1/admin/groups/${g.id}/members/${await userId('client@carri.example')}` }))).toEqual([400, 'GROUP_MEMBER_INVALID', 'userId']);
    // The member now sees the group's tickets: the actor carries it.
    expect((await ctx().actor('agent@carri.example')).groupIds).toContain(g.id);
    const removed = await admin.request({ method: 'DELETE', url: `/api/v1/admin/groups/${g.id}/members/${agent}` });
    expect(removed.json().members).toEqual([]);
    expect(refusal(await admin.patch(`/api/v1/admin/groups/${crypto.randomUUID()}`, { name: 'x' }))).toEqual([404, 'GROUP_NOT_FOUND', undefined]);
  });

  it('builds the reseller → distributor chain, refuses a loop and a parent of the wrong kind, and links customers', async () => {
    const create = async (name: string, kind: string, parentId: string | null = null) => {
      const r = await admin.post('/api/v1/admin/organisations', { name, kind, parentId });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as string;
    };
    const distributor = await create('Baltic Charge OÜ', 'distributor');
    const reseller = await create('Tallinna Laadijad', 'reseller', distributor);
    const customer = await create('Kesklinna Korteriühistu', 'customer', reseller);
    // The distributor under its own reseller would close a loop.
    expect(refusal(await admin.patch(`/api/v1/admin/organisations/${distributor}`, { parentId: reseller }))).toEqual([400, 'ORGANISATION_CHAIN_CYCLE', 'parentId']);
    expect(refusal(await admin.patch(`/api/v1/admin/organisations/${reseller}`, { parentId: reseller }))).toEqual([400, 'ORGANISATION_CHAIN_CYCLE', 'parentId']);
    expect(refusal(await admin.patch(`/api/v1/admin/organisations/${customer}`, { parentId: distributor }))).toEqual([400, 'ORGANISATION_PARENT_INVALID', 'parentId']);
    expect(refusal(await admin.post('/api/v1/admin/organisations', { name: 'X', kind: 'reseller', parentId: crypto.randomUUID() }))).toEqual([400, 'ORGANISATION_PARENT_INVALID', 'parentId']);
    expect(refusal(await admin.patch(`/api/v1/admin/organisations/${reseller}`, { kind: 'customer' }))).toEqual([409, 'ORGANISATION_KIND_IN_USE', 'kind']);
    // Seed 002's reseller moves under the new distributor.
    const laddexperten = (await ctx().db.selectFrom('organisation').select('id').where('name', '=', 'Laddexperten AB').executeTakeFirstOrThrow()).id;
    const moved = await admin.patch(`/api/v1/admin/organisations/${laddexperten}`, { parentId: distributor });
    expect(moved.json()).toMatchObject({ parentId: distributor, parentName: 'Baltic Charge OÜ' });
    // A customer joins the customer organisation; a reseller cannot.
    const karin = await userId('kund@charge-amps.example');
    expect((await admin.patch(`/api/v1/admin/users/${karin}`, { organisationId: customer })).json()).toMatchObject({ organisationId: customer, organisationName: 'Kesklinna Korteriühistu' });
    expect(refusal(await admin.patch(`/api/v1/admin/users/${await userId('reseller@charge-amps.example')}`, { organisationId: customer }))).toEqual([400, 'USER_ORGANISATION_INVALID', 'organisationId']);
    const detail = (await admin.get(`/api/v1/admin/organisations/${customer}`)).json();
    expect(detail).toMatchObject({ kind: 'customer', parentName: 'Tallinna Laadijad', memberCount: 1, members: [{ id: karin }] });
    expect((await admin.get(`/api/v1/admin/organisations/${distributor}`)).json().children.map((c: { name: string }) => c.name)).toEqual(['Laddexperten AB', 'Tallinna Laadijad']);
  });

  it('makes API tokens: the secret once, stored hashed; a bearer acts as its user narrowed by role, brand and scope; revoked or expired, 401', async () => {
    const made = await admin.post('/api/v1/admin/api-tokens', { name: 'ERP Carri', role: 'agent', brandIds: [carri], scope: 'write' });
    expect(made.statusCode, made.body).toBe(201);
    const { token, secret } = made.json() as { token: { id: string; prefix: string }; secret: string };
    expect(secret).toMatch(/^apres_/);
    expect(secret.startsWith(token.prefix)).toBe(true);
    const listed = await admin.get('/api/v1/admin/api-tokens');
    expect(listed.body).not.toContain(secret);
    expect(listed.body).not.toContain(secret.slice(12));
    const stored = await ctx().db.selectFrom('api_token').select('token_hash').where('id', '=', token.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(crypto.createHash('sha256').update(secret).digest('hex'));

    const bearer = (method: 'GET' | 'POST', url: string, payload?: object, s = secret) => app.inject({ method, url, headers: { authorization: `Bearer ${s}` }, ...(payload ? { payload } : {}) });
    const me = await bearer('GET', '/api/v1/auth/me');
    expect(me.json().user).toMatchObject({ id: admin.userId, role: 'agent', brandIds: [carri] });
    // Acting as an agent of Carri: no admin route, no ticket of another brand (404 like any other).
    expect((await bearer('GET', '/api/v1/admin/users')).statusCode).toBe(403);
    const eilerTicket = await ctx().db.selectFrom('ticket').select('id').where('brand_id', '=', eiler).executeTakeFirstOrThrow();
    expect(refusal(await bearer('GET', `/api/v1/tickets/${eilerTicket.id}`))).toEqual([404, 'TICKET_NOT_FOUND', undefined]);
    const carriTickets = (await bearer('GET', '/api/v1/tickets?limit=50')).json().items as { brandId: string }[];
    expect(carriTickets.length).toBeGreaterThan(0);
    expect(carriTickets.every((t) => t.brandId === carri)).toBe(true);

    const reader = (await admin.post('/api/v1/admin/api-tokens', { name: 'Reporting', scope: 'read', expiresAt: new Date(now + 3600_000).toISOString() })).json().secret as string;
    expect((await bearer('GET', '/api/v1/admin/users', undefined, reader)).statusCode).toBe(200);
    expect(refusal(await bearer('POST', '/api/v1/admin/groups', { brandId: carri, name: 'Read only' }, reader))).toEqual([403, 'AUTH_TOKEN_READ_ONLY', undefined]);
    now += 3600_000 + 1000;
    expect(refusal(await bearer('GET', '/api/v1/auth/me', undefined, reader))).toEqual([401, 'AUTH_INVALID_TOKEN', undefined]);

    const revoked = await admin.post(`/api/v1/admin/api-tokens/${token.id}/revoke`);
    expect(revoked.json()).toMatchObject({ id: token.id, revokedAt: new Date(now).toISOString() });
    expect(revoked.body).not.toContain(secret);
    expect(refusal(await bearer('GET', '/api/v1/auth/me'))).toEqual([401, 'AUTH_INVALID_TOKEN', undefined]);

    // Refusals name the field.
    expect(refusal(await admin.post('/api/v1/admin/api-tokens', { name: 'All brands admin', brandIds: [carri] }))).toEqual([400, 'API_TOKEN_NOT_ALLOWED', 'brandIds']);
    expect(refusal(await admin.post('/api/v1/admin/api-tokens', { name: 'Up', userId: await userId('agent@carri.example'), role: 'admin' }))).toEqual([400, 'API_TOKEN_NOT_ALLOWED', 'role']);
    expect(refusal(await admin.post('/api/v1/admin/api-tokens', { name: 'Other', userId: await userId('agent@carri.example'), brandIds: [eiler] }))).toEqual([400, 'API_TOKEN_NOT_ALLOWED', 'brandIds']);
    expect(refusal(await admin.post('/api/v1/admin/api-tokens', { name: 'Past', expiresAt: new Date(now - 1000).toISOString() }))).toEqual([400, 'VALIDATION_FAILED', 'expiresAt']);
    expect(refusal(await admin.post(`/api/v1/admin/api-tokens/${crypto.randomUUID()}/revoke`))).toEqual([404, 'API_TOKEN_NOT_FOUND', undefined]);
  });

  it("stops a deactivated user's API tokens too", async () => {
    const id = await userId('agent@smart-id.example');
    const secret = (await admin.post('/api/v1/admin/api-tokens', { name: 'Smart-ID sync', userId: id })).json().secret as string;
    const call = () => app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${secret}` } });
    expect((await call()).statusCode).toBe(200);
    await admin.patch(`/api/v1/admin/users/${id}`, { active: false });
    expect((await call()).statusCode).toBe(401);
  });

  it('never writes a token secret to the request log, at the most verbose level', async () => {
    const lines: string[] = [];
    const stream = new Writable({ write: (chunk: Buffer, _enc, done) => void (lines.push(chunk.toString()), done()) });
    const services = createServices({ ...loadConfig({ APRES_DATA_DIR: ctx().filesDir }), filesDir: ctx().filesDir }, ctx().database, { now: () => new Date(now) });
    const logger = { level: 'trace', stream };
    const logged = await buildApp({ ...services, logger });
    try {
      const c = await loginAs(logged, 'admin@apres.example');
      const made = await c.post('/api/v1/admin/api-tokens', { name: 'Logged?' });
      const secret = made.json().secret as string;
      expect((await logged.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${secret}` } })).statusCode).toBe(200);
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.join('')).not.toContain(secret.slice(6));
    } finally {
      await logged.close();
    }
  });
});
