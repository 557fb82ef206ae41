import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { brandId, describeStores } from '../test/db.ts';
import { buildTestApp, type Client, loginAs } from '../test/http.ts';

/**
 * Issue 9, finding 5: a NUL character or invalid Unicode in any text, and a broken multipart body,
 * answer 400 naming the field, never 500, and write nothing.
 */
describeStores('bad input', (ctx) => {
  let app: FastifyInstance;
  let agent: Client;
  let admin: Client;
  beforeAll(async () => {
    app = await buildTestApp(ctx());
    agent = await loginAs(app, 'agent@carri.example');
    admin = await loginAs(app, 'admin@apres.example');
  });
  afterAll(() => app?.close());

  const fieldsOf = (res: { statusCode: number; json(): { code: string; errors?: { field: string; code: string }[] } }) => [res.statusCode, res.json().code, res.json().errors?.map((e) => `${e.field}:${e.code}`)];

  it('refuses NUL and lone surrogates in JSON bodies, query strings and paths, naming the field', async () => {
    const carri = await brandId(ctx().db, 'carri');
    const tickets = async () => Number((await ctx().db.selectFrom('ticket').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await tickets();
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'agent@carri.example\u0000', password: 'x' } });
    expect(fieldsOf(login)).toEqual([400, 'VALIDATION_FAILED', ['email:invalid_characters']]);
    const create = await agent.post('/api/v1/tickets', {
      brandId: carri, channel: 'phone', subject: 'Écran\u0000noir', description: 'ok', requesterEmail: 'x@client.example',
      serialNumbers: ['CS-\ud800'], customFields: { troubleshootingSteps: 'a\u0000', physicalAccess: 'no' },
    });
    expect(fieldsOf(create)).toEqual([400, 'VALIDATION_FAILED', ['subject:invalid_characters', 'serialNumbers.0:invalid_characters', 'customFields.troubleshootingSteps:invalid_characters']]);
    expect(await tickets()).toBe(before);
    expect(fieldsOf(await agent.get('/api/v1/tickets/search?q=%00bourrage'))).toEqual([400, 'VALIDATION_FAILED', ['q:invalid_characters']]);
    expect(fieldsOf(await agent.get('/api/v1/tickets/lookup?number=CS%00'))).toEqual([400, 'VALIDATION_FAILED', ['number:invalid_characters']]);
    const [ticket] = (await agent.get('/api/v1/tickets?limit=1')).json().items as { id: string }[];
    expect(fieldsOf(await agent.patch(`/api/v1/tickets/${ticket!.id}`, { subject: 'a\u0000b' }))).toEqual([400, 'VALIDATION_FAILED', ['subject:invalid_characters']]);
    expect(fieldsOf(await agent.post(`/api/v1/tickets/${ticket!.id}/entries`, { kind: 'internal_note', body: '\u0000', attachmentIds: [] }))).toEqual([400, 'VALIDATION_FAILED', ['body:invalid_characters']]);
    const cal = (await admin.get(`/api/v1/admin/calendars?brandId=${carri}`)).json().items[0] as { id: string; name: string; definition: unknown };
    expect(fieldsOf(await admin.request({ method: 'PUT', url: `/api/v1/admin/calendars/${cal.id}`, payload: { brandId: carri, name: 'Hot\u0000line', definition: cal.definition } }))).toEqual([400, 'VALIDATION_FAILED', ['name:invalid_characters']]);
  });

  it('answers a multipart body without a boundary, or cut short, with 400', async () => {
    const noBoundary = await agent.request({ method: 'POST', url: '/api/v1/attachments', payload: 'x', headers: { 'content-type': 'multipart/form-data' } });
    expect(noBoundary.statusCode).toBe(400);
    const truncated = await agent.request({
      method: 'POST',
      url: '/api/v1/attachments',
      payload: '------b\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello',
      headers: { 'content-type': 'multipart/form-data; boundary=----b' },
    });
    expect(truncated.statusCode).toBe(400);
    expect(truncated.json().code).toMatch(/^(BAD_REQUEST|VALIDATION_FAILED)$/);
  });
});
