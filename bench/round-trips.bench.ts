/**
 * Round trips per request (issue 9): how many SQL statements each of the load benchmark's actions
 * sends to the store, counted in-process on an embedded database with the demo brands. Under load
 * every round trip waits for a pooled connection, so this count, not the CPU, is what a request
 * costs a busy server.
 *
 *   npm run bench:round-trips
 *
 * Prints one line per action. Never asserts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import { openPglite } from '../src/platform/db/database.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { loadConfig } from '../src/platform/config/config.ts';
import { buildApp } from '../src/app/app.ts';
import { createServices } from '../src/app/services.ts';
import { systemClock } from '../src/platform/clock/clock.ts';
import { DEMO_PASSWORD, seedDemo } from '../src/seeds/seed-demo.ts';
import { makeTicket } from './lib/corpus.ts';
import { Rng } from './lib/rng.ts';
import { table } from './lib/stats.ts';

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apres-round-trips-'));
  const database = await openPglite();
  await migrateToLatest(database.db);
  await seedDemo(database.db, new Date());
  let count = 0;
  const counted = { ...database, db: new Kysely<DB>({ dialect: new PostgresDialect({ pool: database.pool }), log: (e) => { count++; if (process.env.BENCH_SQL) process.stderr.write(`SQL ${e.query.sql.replace(/\s+/g, ' ').slice(0, 150)}\n`); } }) };
  const services = createServices({ ...loadConfig({ APRES_DATA_DIR: dir }), filesDir: dir }, counted, systemClock);
  // The job queue's tables exist once it has started: a create queues its after-commit work there.
  await services.jobs.start();
  const app = await buildApp({ ...services, logger: process.env.BENCH_LOG ? { level: 'error' } : false });
  app.addHook('onClose', () => services.jobs.stop());
  await app.ready();
  const login = async (address: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: address, password: DEMO_PASSWORD } });
    const cookie = res.cookies.find((c) => c.name === 'apres_session')!;
    const { csrfToken } = res.json() as { csrfToken: string };
    return (method: 'GET' | 'POST', url: string, payload?: object) =>
      app.inject({ method, url: `/api/v1${url}`, headers: { cookie: `apres_session=${cookie.value}`, 'x-csrf-token': csrfToken }, ...(payload ? { payload } : {}) });
  };
  const rows: string[][] = [];
  const measure = async (name: string, call: () => Promise<{ statusCode: number; body: string }>) => {
    count = 0;
    const res = await call();
    if (res.statusCode >= 400) throw new Error(`${name}: ${res.statusCode} ${res.body}`);
    rows.push([name, String(count)]);
    return JSON.parse(res.body || 'null') as unknown;
  };
  const brands = await database.db.selectFrom('brand').select(['id', 'slug']).execute();
  const customer = await login('client@carri.example');
  const agent = await login('agent@carri.example');
  const mine = (await measure('customer: my tickets', () => customer('GET', '/tickets?limit=20'))) as { items: { id: string; brandId: string }[] };
  const brandId = mine.items[0]?.brandId ?? brands.find((b) => b.slug === 'carri')!.id;
  const t = makeTicket(new Rng(42), 'carri', { email: 'client@carri.example', name: 'Jean Dupont', locale: 'fr', brand: 'carri' });
  const opened = (await measure('customer: open a ticket', () =>
    customer('POST', '/tickets', { brandId, subject: t.subject, description: t.description, serialNumbers: t.serialNumbers, customFields: t.customFields }),
  )) as { id: string };
  await measure('customer: ticket', () => customer('GET', `/tickets/${opened.id}`));
  await measure('customer: entries', () => customer('GET', `/tickets/${opened.id}/entries`));
  await measure('customer: message', () => customer('POST', `/tickets/${opened.id}/entries`, { kind: 'customer_message', body: 'Voici le numéro : CS-1234.', attachmentIds: [] }));
  await measure('agent: queue', () => agent('GET', '/tickets?status=new&status=accepted&status=in_progress&status=waiting_customer&limit=50'));
  await measure('agent: ticket', () => agent('GET', `/tickets/${opened.id}`));
  await measure('agent: entries', () => agent('GET', `/tickets/${opened.id}/entries`));
  await measure('agent: service levels', () => agent('GET', `/tickets/${opened.id}/sla`));
  await measure('agent: reply', () => agent('POST', `/tickets/${opened.id}/entries`, { kind: 'agent_reply', body: 'Merci, nous regardons.', attachmentIds: [] }));
  process.stdout.write(`\nSQL round trips per request (embedded store, demo brands)\n\n${table(['action', 'statements'], rows, [false, true])}\n`);
  await app.close();
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:round-trips failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
