import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../test/clock.ts';
import { describeStores } from '../../test/db.ts';
import { buildTestApp, loginAs } from '../../test/http.ts';
import { WEB_FORM_LIMITS } from './spam-guard.ts';
import { embeddableHeaders } from './web-form.routes.ts';

/** A multipart body as the form page sends it: the JSON part `payload`, then the files. */
function formBody(payload: unknown, files: { name: string; type: string; content: Buffer }[] = []) {
  const boundary = `----apres${crypto.randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="payload"\r\n\r\n${JSON.stringify(payload)}\r\n`)];
  for (const f of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`), f.content, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

/** Issue 14, item 7; SPEC §9 scenario 4 (seed 003): a request sent before any account exists. */
describeStores('public web form', (ctx) => {
  let app: FastifyInstance;
  let now = TEST_NOW.getTime();
  beforeAll(async () => {
    app = await buildTestApp(ctx(), { now: () => new Date(now) }, { publicUrl: 'https://desk.example' });
  });
  afterAll(() => app?.close());

  let ipSeq = 0;
  const freshIp = () => `198.51.100.${++ipSeq}`;
  const openForm = async (slug = 'eiler') => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/public/forms/${slug}` });
    expect(res.statusCode).toBe(200);
    return res.json() as { token: string; form: { fields: { key: string; required: boolean }[] } };
  };
  const complete = (token: string, over: Record<string, unknown> = {}) => ({
    token,
    website: '',
    name: 'Пётр Смирнов',
    email: `p.smirnov+${crypto.randomBytes(4).toString('hex')}@client.example`,
    locale: 'ru',
    subject: 'Отчёт не строится после обновления',
    message: 'После обновления до 4.2 отчёт по складу падает с ошибкой.',
    customFields: { reproductionSteps: 'Открыть отчёт, нажать «Построить»', frequency: 'always', productVersion: '4.2.1', criticality: 'high', contactPhone: '+7 499 677 44 25', contactEmail: 'it@client.example' },
    ...over,
  });
  const submit = (payload: unknown, opts: { ip?: string; files?: { name: string; type: string; content: Buffer }[]; slug?: string } = {}) =>
    app.inject({ method: 'POST', url: `/api/v1/public/forms/${opts.slug ?? 'eiler'}/submissions`, remoteAddress: opts.ip ?? freshIp(), ...formBody(payload, opts.files) });
  const later = () => (now += (WEB_FORM_LIMITS.minFillSeconds + 2) * 1000);
  const ticketsOf = (email: string) =>
    ctx().db.selectFrom('ticket as t').innerJoin('app_user as u', 'u.id', 't.requester_id').select(['t.id', 't.number', 't.channel', 't.custom_fields']).where('u.email', '=', email).execute();
  const mailsTo = (email: string) => ctx().db.selectFrom('outbound_message').select(['kind', 'subject', 'body_text', 'ticket_id']).where('to_address', '=', email).execute();

  it("shows the brand's intake form with a token, and answers 404 for a brand that does not exist", async () => {
    const form = await openForm();
    expect(form.form.fields.filter((f) => f.required).map((f) => f.key)).toContain('productVersion');
    expect((await app.inject({ method: 'GET', url: '/api/v1/public/forms/nobody' })).json().code).toBe('WEB_FORM_NOT_FOUND');
  });

  it('refuses a request missing the product version, naming the field, and writes nothing (seed 003)', async () => {
    const { token } = await openForm();
    later();
    const body = complete(token);
    const res = await submit({ ...body, customFields: { ...body.customFields, productVersion: ' ' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['customFields.productVersion']);
    expect(await ticketsOf(body.email)).toEqual([]);
    expect(await ctx().db.selectFrom('app_user').select('id').where('email', '=', body.email).execute()).toEqual([]);
  });

  it('opens a web-form ticket with its file for a new customer, and mails the number with a link that sets a password and shows the ticket', async () => {
    const { token } = await openForm();
    later();
    const body = complete(token);
    const res = await submit(body, { files: [{ name: '../../etc/<img src=x onerror=alert(1)>.png', type: 'image/png', content: PNG }] });
    expect(res.statusCode).toBe(201);
    const answer = res.json();
    const [ticket] = await ticketsOf(body.email);
    expect([answer.number, answer.confirmation, ticket!.channel]).toEqual([ticket!.number, 'queued', 'web_form']);
    expect(ticket!.custom_fields).toMatchObject({ productVersion: '4.2.1' });
    const files = await ctx().db.selectFrom('attachment').select(['filename', 'content_type']).where('ticket_id', '=', ticket!.id).execute();
    expect(files).toHaveLength(1);
    expect(files[0]!.content_type).toBe('image/png');
    // Its path is gone; the rest is only ever shown as text (e2e/hostile-attachments.test.ts).
    expect(files[0]!.filename).toBe('<img src=x onerror=alert(1)>.png');

    const [mail] = await mailsTo(body.email);
    expect([mail!.kind, mail!.ticket_id]).toEqual(['acknowledgment', ticket!.id]);
    expect(mail!.subject).toContain(ticket!.number);
    const link = mail!.body_text.match(/https:\/\/desk\.example\/activate-account#token=([\w-]+)&ticket=([\w-]+)/);
    expect(link?.[2]).toBe(ticket!.id);

    const short = await app.inject({ method: 'POST', url: '/api/v1/public/account-activation', payload: { token: link![1], password: 'short' } });
    expect([short.statusCode, short.json().errors[0].field]).toEqual([400, 'password']);
    const activated = await app.inject({ method: 'POST', url: '/api/v1/public/account-activation', payload: { token: link![1], password: 'мой новый пароль 2026' } });
    expect(activated.statusCode).toBe(200);
    const cookie = activated.cookies.find((c) => c.name === 'apres_session')!;
    const seen = await app.inject({ method: 'GET', url: `/api/v1/tickets/${ticket!.id}`, headers: { cookie: `apres_session=${cookie.value}` } });
    expect([seen.statusCode, seen.json().number]).toEqual([200, ticket!.number]);
    const again = await app.inject({ method: 'POST', url: '/api/v1/public/account-activation', payload: { token: link![1], password: 'yet another password' } });
    expect(again.json().code).toBe('AUTH_RESET_LINK_INVALID');
    // The password works for signing in from now on.
    expect((await loginAs(app, body.email, 'мой новый пароль 2026')).userId).toBeTruthy();
  });

  it('answers a second submit of the same form with the first ticket, not a second one', async () => {
    const { token } = await openForm();
    later();
    const body = complete(token);
    const [a, b] = await Promise.all([submit(body), submit(body)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().number).toBe(b.json().number);
    expect(await ticketsOf(body.email)).toHaveLength(1);
    expect(await mailsTo(body.email)).toHaveLength(1);
  });

  it('refuses a filled honeypot, a too-fast submit, a forged or another brand’s token, and writes nothing', async () => {
    const { token } = await openForm();
    const fast = complete(token);
    const tooFast = await submit(fast);
    expect([tooFast.statusCode, tooFast.json().code, tooFast.json().errors[0].field]).toEqual([400, 'WEB_FORM_TOO_FAST', 'token']);
    later();
    const botBody = complete(token, { website: 'http://spam.example' });
    const bot = await submit(botBody);
    expect([bot.statusCode, bot.json().code, bot.json().errors[0].field]).toEqual([400, 'WEB_FORM_REJECTED', 'website']);
    const forged = await submit(complete(`${token.split('.')[0]}.${Buffer.from('x'.repeat(32)).toString('base64url')}`));
    expect([forged.statusCode, forged.json().code]).toEqual([400, 'WEB_FORM_TOKEN_INVALID']);
    const other = await openForm('carri');
    later();
    const crossBrand = await submit(complete(other.token));
    expect(crossBrand.json().code).toBe('WEB_FORM_TOKEN_INVALID');
    for (const b of [fast, botBody]) expect(await ticketsOf(b.email)).toEqual([]);
    expect(await ctx().db.selectFrom('web_form_submission').select('nonce').where('address', 'in', [fast.email, botBody.email]).execute()).toEqual([]);
  });

  it('answers a multipart body cut short or badly framed with a 400 naming the payload, writing nothing', async () => {
    const broken = await app.inject({ method: 'POST', url: '/api/v1/public/forms/eiler/submissions', remoteAddress: freshIp(), headers: { 'content-type': 'multipart/form-data' }, payload: '--x\r\nbroken' });
    expect([broken.statusCode, broken.json().errors?.[0]?.field]).toEqual([400, 'payload']);
    const { token } = await openForm();
    later();
    const body = complete(token);
    const { payload, headers } = formBody(body, [{ name: 'photo.png', type: 'image/png', content: Buffer.concat([PNG, Buffer.alloc(4096)]) }]);
    const cut = (payload as Buffer).subarray(0, (payload as Buffer).length - 2000);
    const short = await app.inject({ method: 'POST', url: '/api/v1/public/forms/eiler/submissions', remoteAddress: freshIp(), headers, payload: cut });
    expect(short.statusCode, short.body).toBe(400);
    expect(await ticketsOf(body.email)).toEqual([]);
  });

  it('refuses a file of a type no one may upload, and keeps nothing of the request', async () => {
    const { token } = await openForm();
    later();
    const body = complete(token);
    const res = await submit(body, { files: [{ name: 'run.exe', type: 'application/x-msdownload', content: Buffer.from('MZ') }] });
    expect([res.statusCode, res.json().code, res.json().errors[0].field]).toEqual([415, 'ATTACHMENT_TYPE_NOT_ALLOWED', 'files.0']);
    expect(await ticketsOf(body.email)).toEqual([]);
  });

  it('limits requests per IP and per e-mail address within the hour, shared through the database', async () => {
    const ip = '203.0.114.7';
    for (let i = 0; i < WEB_FORM_LIMITS.perIpPerHour; i++) {
      const { token } = await openForm();
      later();
      const ok = await submit(complete(token), { ip });
      expect([i, ok.statusCode, ok.body]).toEqual([i, 201, ok.body]);
    }
    const { token } = await openForm();
    later();
    const body = complete(token);
    const limited = await submit(body, { ip });
    expect([limited.statusCode, limited.json().code]).toEqual([429, 'WEB_FORM_RATE_LIMITED']);
    expect(await ticketsOf(body.email)).toEqual([]);

    const email = 'busy@client.example';
    for (let i = 0; i < WEB_FORM_LIMITS.perAddressPerHour; i++) {
      const f = await openForm();
      later();
      expect((await submit(complete(f.token, { email }))).statusCode).toBe(201);
    }
    const f = await openForm();
    later();
    const byAddress = await submit(complete(f.token, { email }));
    expect([byAddress.statusCode, byAddress.json().errors[0].field]).toEqual([429, 'email']);
    now += 3600_000;
    const g = await openForm();
    later();
    expect((await submit(complete(g.token, { email }), { ip })).statusCode).toBe(201);
  });

  it('mails a customer who already has a password a link to the portal ticket, not a password link', async () => {
    const { token } = await openForm();
    later();
    const res = await submit(complete(token, { email: 'client@eiler.example' }));
    expect(res.statusCode).toBe(201);
    const mails = await mailsTo('client@eiler.example');
    const mail = mails.find((m) => m.body_text.includes(res.json().number))!;
    expect(mail.body_text).toMatch(/https:\/\/desk\.example\/portal\/tickets\/[\w-]+/);
    expect(mail.body_text).not.toContain('activate-account');
  });

  it('lets the form page be framed by any site, and no other page', async () => {
    const form = await app.inject({ method: 'GET', url: '/api/v1/public/forms/eiler' });
    expect(form.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(form.headers['x-frame-options']).toBeDefined();
  });
});

describe('embeddable pages', () => {
  it('opens frame-ancestors for /f/ only', () => {
    expect(embeddableHeaders('/f/eiler?embed=1', { csp: "default-src 'self';frame-ancestors 'none';img-src 'self'" })?.csp).toBe("default-src 'self';frame-ancestors *;img-src 'self'");
    expect(embeddableHeaders('/portal', { csp: "frame-ancestors 'none'" })).toBeNull();
    expect(embeddableHeaders('/f/', { csp: '' })).toBeNull();
  });
});
