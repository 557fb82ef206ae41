import { TEST_NOW } from '../test/clock.ts';
import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApiToken } from '../modules/auth/index.ts';
import { brandId, describeStores } from '../test/db.ts';
import { buildTestApp, type Client, loginAs, multipartFile } from '../test/http.ts';


describeStores('HTTP API', (ctx) => {
  let app: FastifyInstance;
  let agent: Client;
  let carri: string;
  const carriFields = { troubleshootingSteps: 'Redémarré', physicalAccess: 'yes' };
  beforeAll(async () => {
    app = await buildTestApp(ctx());
    agent = await loginAs(app, 'agent@carri.example');
    carri = await brandId(ctx().db, 'carri');
  });
  afterAll(() => app?.close());

  it('answers wrong credentials with 401 and then makes the account wait, with Retry-After, even for the right password', async () => {
    const attempt = () => app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'tech@carri.example', password: 'wrong' } });
    // Five tries, then one more that starts the wait.
    for (let i = 0; i < 6; i++) {
      const res = await attempt();
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS' });
    }
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Even the right password waits.
    const right = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'tech@carri.example', password: 'apres-demo' } });
    expect(right.statusCode).toBe(429);
  });

  it('shows the mail receiver settings to admins only', async () => {
    for (const email of ['client@carri.example', 'reseller@charge-amps.example', 'distributor@charge-amps.example', 'agent@carri.example', 'agent@eiler.example']) {
      const res = await (await loginAs(app, email)).get('/api/v1/admin/mail-settings');
      expect([email, res.statusCode, res.json().code]).toEqual([email, 403, 'FORBIDDEN']);
    }
    const admin = await (await loginAs(app, 'admin@apres.example')).get('/api/v1/admin/mail-settings');
    expect(admin.statusCode).toBe(200);
    expect(admin.json()).toHaveProperty('smtpReceiver');
  });

  it('requires a session, and the CSRF token on cookie writes', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/tickets' })).json()).toMatchObject({ status: 401, code: 'AUTH_REQUIRED' });
    const noCsrf = await agent.request({ method: 'PATCH', url: '/api/v1/auth/me', payload: { locale: 'en' }, headers: { 'x-csrf-token': 'forged' } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('AUTH_CSRF_INVALID');
    expect((await agent.patch('/api/v1/auth/me', { locale: 'fr' })).statusCode).toBe(200);
  });

  it('accepts bearer API tokens without CSRF and refuses revoked or unknown ones', async () => {
    const token = await createApiToken(ctx().db, agent.userId, 'ERP', TEST_NOW);
    const ok = await app.inject({ method: 'GET', url: '/api/v1/tickets?limit=1', headers: { authorization: `Bearer ${token}` } });
    expect(ok.statusCode).toBe(200);
    const bad = await app.inject({ method: 'GET', url: '/api/v1/tickets', headers: { authorization: 'Bearer apres_nope' } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().code).toBe('AUTH_INVALID_TOKEN');
  });

  it('logs out by deleting the session', async () => {
    const c = await loginAs(app, 'agent@mecashop.example');
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('names the field at fault for bad input, never a 500', async () => {
    const cases: [string, () => Promise<{ statusCode: number; json(): { code: string; errors?: { field: string; code: string }[] } }>, string][] = [
      ['customFields.physicalAccess', () => agent.post('/api/v1/tickets', { brandId: carri, subject: 's', description: 'd', serialNumbers: ['X1'], customFields: { troubleshootingSteps: 'a' } }), 'required'],
      ['subject', () => agent.post('/api/v1/tickets', { brandId: carri, description: 'd' }), 'required'],
      ['brandId', () => agent.post('/api/v1/tickets', { brandId: 'nope', subject: 's', description: 'd' }), 'invalid_format'],
      ['extra', () => agent.post('/api/v1/tickets', { brandId: carri, subject: 's', description: 'd', extra: 1 }), 'unknown_field'],
      ['id', () => agent.get('/api/v1/tickets/123'), 'invalid_format'],
      ['limit', () => agent.get('/api/v1/tickets?limit=100000'), 'too_big'],
      ['cursor', () => agent.get('/api/v1/tickets?cursor=garbage'), 'invalid_format'],
      ['status', () => agent.patch(`/api/v1/tickets/${crypto.randomUUID()}`, { status: 'sleeping' }), 'invalid_value'],
    ];
    for (const [field, call, code] of cases) {
      const res = await call();
      expect(res.statusCode, field).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(res.json().errors, field).toContainEqual(expect.objectContaining({ field, code }));
    }
    const malformed = await agent.request({ method: 'POST', url: '/api/v1/tickets', payload: '{"brandId":', headers: { 'content-type': 'application/json' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
    const wrongType = await agent.request({ method: 'POST', url: '/api/v1/tickets', payload: 'a=b', headers: { 'content-type': 'text/csv' } });
    expect(wrongType.statusCode).toBe(415);
  });

  it('returns the first result for a repeated Idempotency-Key and refuses its reuse for another body', async () => {
    const body = { brandId: carri, subject: 'Onduleur en alarme', description: 'Bip continu', serialNumbers: ['UPS-77'], customFields: carriFields, requesterEmail: 'idem@client.example', channel: 'phone' };
    const key = crypto.randomUUID();
    const first = await agent.post('/api/v1/tickets', body, { 'idempotency-key': key });
    const second = await agent.post('/api/v1/tickets', body, { 'idempotency-key': key });
    expect(first.statusCode, first.body).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json().id).toBe(first.json().id);
    expect(second.headers['idempotent-replayed']).toBe('true');
    const count = await ctx().db.selectFrom('ticket').select((eb) => eb.fn.countAll<string>().as('n')).where('subject', '=', 'Onduleur en alarme').executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    const reuse = await agent.post('/api/v1/tickets', { ...body, subject: 'Autre' }, { 'idempotency-key': key });
    expect(reuse.statusCode).toBe(409);
    expect(reuse.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('stores attachments with checksum, refuses oversize and unknown types, and links them to a reply', async () => {
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), crypto.randomBytes(2000)]);
    const up = await agent.request({ method: 'POST', url: '/api/v1/attachments', ...multipartFile('écran.png', 'image/png', png) });
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({ filename: 'écran.png', sizeBytes: png.length, sha256: crypto.createHash('sha256').update(png).digest('hex') });
    const key = crypto.randomUUID();
    const withKey = () => {
      const m = multipartFile('a.png', 'image/png', png);
      return agent.request({ method: 'POST', url: '/api/v1/attachments', payload: m.payload, headers: { ...m.headers, 'idempotency-key': key } });
    };
    const once = await withKey();
    const twice = await withKey();
    expect(once.statusCode).toBe(201);
    expect(twice.json().id).toBe(once.json().id);
    const tooBig = await agent.request({ method: 'POST', url: '/api/v1/attachments', ...multipartFile('big.pdf', 'application/pdf', Buffer.alloc(70 * 1024)) });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().code).toBe('ATTACHMENT_TOO_LARGE');
    const exe = await agent.request({ method: 'POST', url: '/api/v1/attachments', ...multipartFile('x.exe', 'application/x-msdownload', Buffer.from('MZ')) });
    expect(exe.statusCode).toBe(415);
    const ticket = (await agent.get('/api/v1/tickets?limit=1')).json().items[0];
    const reply = await agent.post(`/api/v1/tickets/${ticket.id}/entries`, { kind: 'agent_reply', body: 'Voir la capture', attachmentIds: [up.json().id] });
    expect(reply.statusCode).toBe(201);
    expect(reply.json().attachments).toHaveLength(1);
    const again = await agent.post(`/api/v1/tickets/${ticket.id}/entries`, { kind: 'agent_reply', body: 'Encore', attachmentIds: [up.json().id] });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0].field).toBe('attachmentIds.0');
    const download = await agent.get(`/api/v1/attachments/${up.json().id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(png)).toBe(true);
  });

  it('publishes the OpenAPI document and the reference page, with security headers', async () => {
    const doc = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(doc.statusCode).toBe(200);
    expect(Object.keys(doc.json().paths)).toEqual(expect.arrayContaining(['/api/v1/tickets', '/api/v1/tickets/{id}', '/api/v1/auth/login']));
    const page = await app.inject({ method: 'GET', url: '/api/v1/docs/' });
    expect(page.statusCode).toBe(200);
    const health = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.headers['x-content-type-options']).toBe('nosniff');
    expect(health.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(health.headers['x-frame-options']).toBe('SAMEORIGIN');
    const missing = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('NOT_FOUND');
  });
});
