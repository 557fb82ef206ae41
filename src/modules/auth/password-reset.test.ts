import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TEST_NOW } from '../../test/clock.ts';
import { describeStores } from '../../test/db.ts';
import { buildTestApp } from '../../test/http.ts';
import { RESET_LIMITS, RESET_TTL_MINUTES } from './password-reset.service.ts';

/** Issue 9, finding 3: a locked-out user has a way back — a single-use, expiring, rate-limited link by e-mail. */
describeStores('password reset by e-mail link', (ctx) => {
  let app: FastifyInstance;
  let now = TEST_NOW.getTime();
  beforeAll(async () => {
    app = await buildTestApp(ctx(), { now: () => new Date(now) }, { publicUrl: 'https://desk.example' });
  });
  afterAll(() => app?.close());

  const post = (url: string, payload: unknown, ip = '203.0.113.9') => app.inject({ method: 'POST', url, payload: payload as object, remoteAddress: ip });
  const resetMails = (to: string) =>
    ctx().db.selectFrom('outbound_message').select(['subject', 'body_text', 'status', 'created_at']).where('to_address', '=', to).where('kind', '=', 'notification').where('ticket_id', 'is', null).orderBy('created_at').execute();
  const tokenIn = (text: string) => text.match(/reset-password#token=([\w-]+)/)![1]!;

  it('answers the same for an address with and without an account, and mails a link in the user’s language', async () => {
    const known = await post('/api/v1/auth/password-reset', { email: 'Client@Eiler.example' });
    const unknown = await post('/api/v1/auth/password-reset', { email: 'nobody@nowhere.example' });
    expect([known.statusCode, known.body]).toEqual([unknown.statusCode, unknown.body]);
    expect(known.statusCode).toBe(202);
    const [mail] = await resetMails('client@eiler.example');
    expect(mail!.subject).toBe('Сброс пароля');
    expect(mail!.body_text).toContain('https://desk.example/reset-password#token=');
    expect(await resetMails('nobody@nowhere.example')).toEqual([]);
  });

  it('sets a new password once, ends every session, and refuses the link again, a short password and an expired link', async () => {
    const login = (password: string) => post('/api/v1/auth/login', { email: 'client@smart-id.example', password }, '192.0.2.70');
    const before = await login('apres-demo');
    expect(before.statusCode).toBe(200);
    const cookie = `apres_session=${before.cookies.find((c) => c.name === 'apres_session')!.value}`;
    await post('/api/v1/auth/password-reset', { email: 'client@smart-id.example' });
    const token = tokenIn((await resetMails('client@smart-id.example')).at(-1)!.body_text);

    const short = await post('/api/v1/auth/password-reset/confirm', { token, password: 'short' });
    expect([short.statusCode, short.json().errors[0].field]).toEqual([400, 'password']);
    expect((await post('/api/v1/auth/password-reset/confirm', { token, password: 'o parolă nouă și lungă' })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
    expect((await login('apres-demo')).statusCode).toBe(401);
    expect((await login('o parolă nouă și lungă')).statusCode).toBe(200);
    const again = await post('/api/v1/auth/password-reset/confirm', { token, password: 'yet another long one' });
    expect([again.statusCode, again.json().code, again.json().errors[0].field]).toEqual([400, 'AUTH_RESET_LINK_INVALID', 'token']);

    await post('/api/v1/auth/password-reset', { email: 'client@smart-id.example' });
    const late = tokenIn((await resetMails('client@smart-id.example')).at(-1)!.body_text);
    now += (RESET_TTL_MINUTES + 1) * 60_000;
    expect((await post('/api/v1/auth/password-reset/confirm', { token: late, password: 'too late for this one' })).json().code).toBe('AUTH_RESET_LINK_INVALID');
  });

  it('sends at most three links an hour for an account, and answers the same past the limit', async () => {
    for (let i = 0; i < RESET_LIMITS.perAccountPerHour + 2; i++) expect((await post('/api/v1/auth/password-reset', { email: 'client@mecashop.example' }, `192.0.2.${100 + i}`)).statusCode).toBe(202);
    expect(await resetMails('client@mecashop.example')).toHaveLength(RESET_LIMITS.perAccountPerHour);
    now += 61 * 60_000;
    await post('/api/v1/auth/password-reset', { email: 'client@mecashop.example' });
    expect(await resetMails('client@mecashop.example')).toHaveLength(RESET_LIMITS.perAccountPerHour + 1);
  });
});
