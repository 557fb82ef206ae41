/**
 * Load benchmark (issue 9): many people at once on one server — agents working the queue (queue,
 * ticket, conversation, service levels, a reply now and then) and portal customers (their tickets,
 * one of them, its conversation, a message now and then) — measured from outside over loopback.
 *
 *   npm run bench:users -- [--agents 200] [--customers 1000] [--seconds 60] [--think-ms 1000] [--seed 42]
 *
 * Store: PostgreSQL when DATABASE_URL is set (a fresh database, dropped at the end), else PGlite in
 * a fresh folder. Accounts are created in the database before the server starts (agents spread
 * over the five brands and their groups; each customer opens one ticket through the API first).
 * Each person repeats their round with a random think time around --think-ms. Prints p50/p95/p99
 * and errors per action and overall, and the server's peak memory. Never asserts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createScratchDatabase } from '../src/test/scratch-database.ts';
import { type Database, lockDataDir, openPglite, openPostgres } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { hashPassword } from '../src/modules/auth/index.ts';
import { seedDemo } from '../src/seeds/seed-demo.ts';
import { BRAND_SLUGS, makeTicket, type Requester } from './lib/corpus.ts';
import { ApiClient } from './lib/http.ts';
import { Rng } from './lib/rng.ts';
import { memoryOf, startServer } from './lib/server.ts';
import { fmtInt, fmtMs, Samples, table } from './lib/stats.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PASSWORD = 'bench-password-1';
const { values: args } = parseArgs({
  options: {
    agents: { type: 'string', default: '200' },
    customers: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '60' },
    'think-ms': { type: 'string', default: '1000' },
    seed: { type: 'string', default: '42' },
  },
  strict: true,
});
const opts = { agents: Number(args.agents), customers: Number(args.customers), seconds: Number(args.seconds), thinkMs: Number(args['think-ms']), seed: Number(args.seed) };
const log = (line: string) => process.stderr.write(`[bench:users ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
const SETUP = 'set-up: customer opens a ticket (50 at once)';
const LOCALE: Record<string, 'fr' | 'en' | 'ro' | 'ru' | 'sv'> = { carri: 'fr', mecashop: 'fr', 'charge-amps': 'sv', eiler: 'ru', 'smart-id': 'ro' };

async function createAccounts(database: Database) {
  const db = database.db;
  const hash = await hashPassword(PASSWORD);
  const brands = await db.selectFrom('brand').select(['id', 'slug']).execute();
  const groups = await db.selectFrom('agent_group').select(['id', 'brand_id']).execute();
  const agents: { email: string; brand: string }[] = [];
  const customers: { email: string; brand: string }[] = [];
  for (let i = 0; i < opts.agents; i++) agents.push({ email: `bench-agent-${i}@${BRAND_SLUGS[i % BRAND_SLUGS.length]}.example`, brand: BRAND_SLUGS[i % BRAND_SLUGS.length]! });
  for (let i = 0; i < opts.customers; i++) customers.push({ email: `bench-customer-${i}@client-${i % 50}.example`, brand: BRAND_SLUGS[i % BRAND_SLUGS.length]! });
  for (const [list, role] of [[agents, 'agent'], [customers, 'customer']] as const) {
    for (let i = 0; i < list.length; i += 500) {
      const chunk = list.slice(i, i + 500);
      const rows = await db
        .insertInto('app_user')
        .values(chunk.map((u) => ({ email: u.email, name: u.email.split('@')[0]!, role, locale: LOCALE[u.brand]!, phone: null, organisation_id: null, password_hash: hash })))
        .returning(['id', 'email'])
        .execute();
      const byEmail = new Map(rows.map((r) => [r.email, r.id]));
      await db.insertInto('user_brand').values(chunk.map((u) => ({ user_id: byEmail.get(u.email)!, brand_id: brands.find((b) => b.slug === u.brand)!.id }))).execute();
      if (role === 'agent') {
        const members = chunk.flatMap((u) => groups.filter((g) => g.brand_id === brands.find((b) => b.slug === u.brand)!.id).map((g) => ({ group_id: g.id, user_id: byEmail.get(u.email)! })));
        if (members.length) await db.insertInto('group_member').values(members).execute();
      }
    }
  }
  return { agents, customers, brandIds: new Map(brands.map((b) => [b.slug, b.id])) };
}

async function main() {
  const url = process.env.DATABASE_URL;
  let childEnv: Record<string, string | undefined>;
  let open: () => Promise<{ database: Database; release: () => void }>;
  let cleanup: () => Promise<void>;
  let label: string;
  if (url) {
    const scratch = await createScratchDatabase(url, `apres_bench_users_${Date.now().toString(36)}`);
    label = `PostgreSQL ${scratch.serverVersion}`;
    childEnv = { DATABASE_URL: scratch.url };
    open = async () => ({ database: await openPostgres(scratch.url, 4), release: () => {} });
    cleanup = () => scratch.drop();
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'apres-bench-users-'));
    label = 'PGlite (embedded)';
    childEnv = { APRES_DATA_DIR: dataDir, DATABASE_URL: undefined };
    open = async () => ({ database: await openPglite({ dataDir: path.join(dataDir, 'pg') }), release: lockDataDir(dataDir) });
    cleanup = async () => fs.rmSync(dataDir, { recursive: true, force: true });
  }
  log(`${label}: creating ${opts.agents} agents and ${opts.customers} customers`);
  const { database, release } = await open();
  await migrateToLatest(database.db);
  await seedDemo(database.db, new Date());
  const people = await createAccounts(database);
  await database.close();
  release();

  const server = await startServer({ root: ROOT, env: { ...childEnv, APRES_SMTP_PORT: '0' } });
  const rng = new Rng(opts.seed);
  const samples = new Map<string, Samples>();
  const sample = (name: string) => samples.get(name) ?? (samples.set(name, new Samples()), samples.get(name)!);
  // A refused or dropped connection is an error of that action, not the end of the run.
  const record = async <T>(name: string, p: Promise<{ status: number; ms: number; body: T; text: string }>) => {
    try {
      const r = await p;
      if (r.status >= 400) sample(name).fail(`${r.status} ${r.text.slice(0, 120)}`);
      else sample(name).add(r.ms);
      return r;
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      sample(name).fail(`network: ${cause?.code ?? cause?.message ?? (err as Error).message}`);
      return { status: 0, ms: 0, body: undefined as T | undefined, text: '' };
    }
  };
  try {
    log('signing everyone in');
    const loginAll = async (list: { email: string }[]) => {
      const out: ApiClient[] = [];
      // Ten at a time: the address limiter (30 tries in flight from one address) counts a login until it succeeds.
      for (let i = 0; i < list.length; i += 10) out.push(...(await Promise.all(list.slice(i, i + 10).map((u) => ApiClient.login(server.baseUrl, u.email, PASSWORD)))));
      return out;
    };
    const agents = await loginAll(people.agents);
    const customers = await loginAll(people.customers);
    log('each customer opens a ticket');
    for (let i = 0; i < customers.length; i += 50) {
      await Promise.all(
        customers.slice(i, i + 50).map((c, j) => {
          const brand = people.customers[i + j]!.brand as (typeof BRAND_SLUGS)[number];
          const requester: Requester = { email: c.email, name: c.email.split('@')[0]!, locale: LOCALE[brand]!, brand };
          const t = makeTicket(rng, brand, requester);
          return record(SETUP, c.post('/tickets', { brandId: people.brandIds.get(brand), subject: t.subject, description: t.description, serialNumbers: t.serialNumbers, customFields: t.customFields }));
        }),
      );
    }
    const think = () => new Promise((r) => setTimeout(r, opts.thinkMs * (0.5 + Math.random())));
    const until = performance.now() + opts.seconds * 1000;
    // People arrive over one think time, as they do: 1 200 first clicks in the same millisecond would
    // measure a thundering herd no desk ever sees, not the steady load.
    const arrive = () => new Promise((r) => setTimeout(r, opts.thinkMs * Math.random()));
    const agentRound = async (a: ApiClient) => {
      await arrive();
      while (performance.now() < until) {
        const queue = await record<{ items: { id: string }[] }>('agent: queue', a.get('/tickets?status=new&status=accepted&status=in_progress&status=waiting_customer&limit=50'));
        await think();
        const items = queue.body?.items ?? [];
        if (!items.length) continue;
        const id = items[Math.floor(Math.random() * items.length)]!.id;
        await Promise.all([record('agent: ticket', a.get(`/tickets/${id}`)), record('agent: entries', a.get(`/tickets/${id}/entries`)), record('agent: service levels', a.get(`/tickets/${id}/sla`))]);
        await think();
        if (Math.random() < 0.3) await record('agent: reply', a.post(`/tickets/${id}/entries`, { kind: 'agent_reply', body: 'Bonjour, pouvez-vous nous envoyer le numéro de série ? Merci.', attachmentIds: [] }));
        await think();
      }
    };
    const customerRound = async (c: ApiClient) => {
      await arrive();
      while (performance.now() < until) {
        const mine = await record<{ items: { id: string }[] }>('customer: my tickets', c.get('/tickets?limit=20'));
        await think();
        const id = mine.body?.items?.[0]?.id;
        if (!id) continue;
        await Promise.all([record('customer: ticket', c.get(`/tickets/${id}`)), record('customer: entries', c.get(`/tickets/${id}/entries`))]);
        await think();
        if (Math.random() < 0.1) await record('customer: message', c.post(`/tickets/${id}/entries`, { kind: 'customer_message', body: 'Merci, voici le numéro : CS-1234.', attachmentIds: [] }));
        await think();
      }
    };
    log(`load: ${agents.length} agents and ${customers.length} customers for ${opts.seconds} s (think time ~${opts.thinkMs} ms)`);
    const t0 = performance.now();
    await Promise.all([...agents.map(agentRound), ...customers.map(customerRound)]);
    const elapsed = (performance.now() - t0) / 1000;
    const all = new Samples();
    // The tickets opened before the clock starts are the set-up, shown but not counted in "all".
    for (const [name, s] of samples) {
      if (name === SETUP) continue;
      for (const v of s.values) all.add(v);
      all.errors += s.errors;
    }
    const rows = [...samples].map(([name, s]) => [name, fmtInt(s.count), fmtMs(s.percentile(50)), fmtMs(s.percentile(95)), fmtMs(s.percentile(99)), fmtInt(s.errors)]);
    rows.push(['all', fmtInt(all.count), fmtMs(all.percentile(50)), fmtMs(all.percentile(95)), fmtMs(all.percentile(99)), fmtInt(all.errors)]);
    const mem = memoryOf(server.pid);
    process.stdout.write(`\nLoad: ${label}, ${opts.agents} agents + ${opts.customers} customers, ${opts.seconds} s, think ~${opts.thinkMs} ms; ${fmtInt(Math.round(all.count / elapsed))} requests/s; server peak RSS ${mem ? Math.round(mem.peakMb) : "?"} MB\n\n`);
    process.stdout.write(`${table(['action', 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'errors'], rows, [false, true, true, true, true, true])}\n`);
    for (const [name, s] of samples) for (const e of s.errorExamples) process.stdout.write(`  error in ${name}: ${e}\n`);
  } finally {
    await server.stop();
    await cleanup();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:users failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
