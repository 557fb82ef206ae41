import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStores } from '../test/db.ts';
import { buildTestApp, type Client, loginAs } from '../test/http.ts';
import { ROUTE_ACCESS } from '../test/route-matrix.ts';

const NON_ADMINS = ['client@carri.example', 'reseller@charge-amps.example', 'distributor@charge-amps.example', 'agent@carri.example', 'tech@carri.example'];
const PORTAL = ['client@carri.example', 'reseller@charge-amps.example', 'distributor@charge-amps.example'];
const SOME_ID = '00000000-0000-4000-8000-000000000000';

/** Issue 9: the authorization matrix covers every operation of the OpenAPI document. */
describeStores('route access matrix', (ctx) => {
  let app: FastifyInstance;
  let operations: string[] = [];
  beforeAll(async () => {
    app = await buildTestApp(ctx());
    const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
  });
  afterAll(() => app?.close());

  const call = (client: Client, op: string) => {
    const [method, path] = op.split(' ') as [string, string];
    const url = path.replace(/\{\w+\}/g, SOME_ID);
    // A body the route would accept in shape, so the refusal is about who calls, not what is sent.
    return client.request({ method: method as 'GET', url, ...(method === 'GET' ? {} : { payload: {} }) });
  };

  it('knows who may call every operation, and lists no operation that is gone', () => {
    expect(operations.filter((op) => !(op in ROUTE_ACCESS))).toEqual([]);
    expect(Object.keys(ROUTE_ACCESS).filter((op) => !operations.includes(op))).toEqual([]);
  });

  it('refuses every admin operation to every other role, before looking at ids or bodies', async () => {
    const seen: string[] = [];
    for (const email of NON_ADMINS) {
      const client = await loginAs(app, email);
      for (const op of operations.filter((o) => ROUTE_ACCESS[o] === 'admin')) {
        const res = await call(client, op);
        if (res.statusCode !== 403) seen.push(`${email} ${op} → ${res.statusCode}`);
      }
    }
    expect(seen).toEqual([]);
  });

  it('refuses staff operations to customers, resellers and distributors', async () => {
    for (const email of PORTAL) {
      const client = await loginAs(app, email);
      for (const op of operations.filter((o) => ROUTE_ACCESS[o] === 'staff')) expect([email, op, (await call(client, op)).statusCode]).toEqual([email, op, 403]);
    }
  });

  it('asks anyone not signed in to sign in, on every operation but login', async () => {
    for (const op of operations.filter((o) => ROUTE_ACCESS[o] !== 'public')) {
      const [method, path] = op.split(' ') as [string, string];
      const res = await app.inject({ method: method as 'GET', url: path.replace(/\{\w+\}/g, SOME_ID), ...(method === 'GET' ? {} : { payload: {} }) });
      expect([op, res.statusCode]).toEqual([op, 401]);
    }
  });
});
