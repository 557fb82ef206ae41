import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TEST_NOW } from '../../test/clock.ts';
import { describeStores } from '../../test/db.ts';
import { buildTestApp } from '../../test/http.ts';
import { backoffSeconds } from './login-throttle.ts';

/** Issue 9, finding 3: a limiter that holds under parallel guesses, spoofed addresses and sprays, without locking the owner out. */
describeStores('login throttling', (ctx) => {
  let app: FastifyInstance;
  let now = TEST_NOW.getTime();
  const later = (seconds: number) => (now += seconds * 1000);

  beforeAll(async () => {
    app = await buildTestApp(ctx(), { now: () => new Date(now) });
  });
  afterAll(() => app?.close());

  const login = (email: string, password: string, ip = '203.0.113.7', headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: ip, headers });

  it('counts 40 parallel wrong passwords one by one: only the first six are checked', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, () => login('agent@mecashop.example', 'guess', '198.51.100.1')));
    const codes = answers.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(6);
    expect(codes.filter((c) => c === 429)).toHaveLength(34);
    // The right password in the burst's wake waits too.
    expect((await login('agent@mecashop.example', 'apres-demo', '198.51.100.1')).statusCode).toBe(429);
  });

  it('does not believe X-Forwarded-For from anyone: a spoofed address does not reset the count', async () => {
    for (let i = 0; i < 6; i++) expect((await login('client@mecashop.example', 'x', '198.51.100.2', { 'x-forwarded-for': `10.9.9.${i}` })).statusCode).toBe(401);
    expect((await login('client@mecashop.example', 'x', '198.51.100.2', { 'x-forwarded-for': '10.9.9.99' })).statusCode).toBe(429);
  });

  it('keeps the real owner out of an attacker’s lockout: other addresses still log in', async () => {
    for (let i = 0; i < 6; i++) await login('agent@eiler.example', 'wrong', '198.51.100.3');
    expect((await login('agent@eiler.example', 'apres-demo', '198.51.100.3')).statusCode).toBe(429);
    const owner = await login('agent@eiler.example', 'apres-demo', '192.0.2.44');
    expect(owner.statusCode).toBe(200);
  });

  it('slows a spray across many accounts from one address', async () => {
    const accounts = ['client@carri.example', 'client@eiler.example', 'client@smart-id.example', 'kund@charge-amps.example', 'agent@smart-id.example', 'agent@charge-amps.example'];
    const codes: number[] = [];
    for (let i = 0; i < 36; i++) codes.push((await login(accounts[i % accounts.length]!, `spray-${i}`, '198.51.100.4')).statusCode);
    expect(codes.slice(0, 31).every((c) => c === 401)).toBe(true);
    expect(codes.slice(31).every((c) => c === 429)).toBe(true);
  });

  it('waits twice as long after each further failure, and lets one try through when the wait is over', async () => {
    const ip = '198.51.100.5';
    for (let i = 0; i < 6; i++) await login('distributor@charge-amps.example', 'no', ip);
    const first = await login('distributor@charge-amps.example', 'no', ip);
    expect([first.statusCode, Number(first.headers['retry-after'])]).toEqual([429, backoffSeconds(1)]);
    later(backoffSeconds(1) + 1);
    expect((await login('distributor@charge-amps.example', 'no', ip)).statusCode).toBe(401);
    const second = await login('distributor@charge-amps.example', 'no', ip);
    expect([second.statusCode, Number(second.headers['retry-after'])]).toEqual([429, backoffSeconds(2)]);
    expect(backoffSeconds(2)).toBe(2 * backoffSeconds(1));
    later(backoffSeconds(2) + 1);
    expect((await login('distributor@charge-amps.example', 'apres-demo', ip)).statusCode).toBe(200);
    // The right password clears the account's count.
    expect((await login('distributor@charge-amps.example', 'no', ip)).statusCode).toBe(401);
  });

  it('never slows an office whose people all sign in from one address', async () => {
    const people = ['client@carri.example', 'agent@carri.example', 'client@eiler.example', 'agent@smart-id.example', 'client@smart-id.example', 'kund@charge-amps.example'];
    for (let i = 0; i < 60; i++) expect((await login(people[i % people.length]!, 'apres-demo', '198.51.100.60')).statusCode).toBe(200);
  });

  it('logs out everywhere: every session of the user ends', async () => {
    const sessions = [];
    for (const ip of ['192.0.2.10', '192.0.2.11']) {
      const res = await login('reseller@charge-amps.example', 'apres-demo', ip);
      expect(res.statusCode).toBe(200);
      sessions.push({ cookie: `apres_session=${res.cookies.find((c) => c.name === 'apres_session')!.value}`, csrf: (res.json() as { csrfToken: string }).csrfToken });
    }
    const me = (s: { cookie: string }) => app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie } });
    expect((await me(sessions[1]!)).statusCode).toBe(200);
    const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout-everywhere', headers: { cookie: sessions[0]!.cookie, 'x-csrf-token': sessions[0]!.csrf } });
    expect([out.statusCode, out.json().endedSessions]).toEqual([200, 2]);
    expect((await me(sessions[0]!)).statusCode).toBe(401);
    expect((await me(sessions[1]!)).statusCode).toBe(401);
  });
});
