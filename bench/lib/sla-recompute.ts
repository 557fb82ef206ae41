/**
 * `bench/sla.bench.ts --section recompute`: the time to recompute the service-level timers of N
 * open tickets after a calendar change (issue 4 item 7), on PGlite (default) or PostgreSQL
 * (`--store postgres`, DATABASE_URL or TEST_DATABASE_URL; a scratch database is created and dropped).
 */
import { createScratchDatabase } from '../../src/test/scratch-database.ts';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { type Database, openPglite, openPostgres } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { seedDemo } from '../../src/seeds/seed-demo.ts';
import { recomputeBrand } from '../../src/modules/sla/index.ts';
import { fmtInt, table } from './stats.ts';

async function openStore(store: string): Promise<{ database: Database; cleanup: () => Promise<void> }> {
  if (store === 'postgres') {
    const url = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
    const scratch = await createScratchDatabase(url, `apres_bench_sla_${crypto.randomBytes(4).toString('hex')}`);
    const database = await openPostgres(scratch.url, 4);
    return {
      database,
      cleanup: async () => {
        await database.close();
        await scratch.drop();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apres-bench-sla-'));
  const database = await openPglite({ dataDir: path.join(dir, 'pg') });
  return { database, cleanup: async () => (await database.close(), fs.rmSync(dir, { recursive: true, force: true })) };
}

/**
 * N open Carri tickets created over the last 60 days, in the statuses a desk really holds, a third
 * with a wait for the customer in their history and half with an agent's answer: one SQL statement
 * each, so the preload takes seconds, not the benchmark's time.
 */
async function preloadOpenTickets(database: Database, n: number): Promise<string> {
  const db = database.db;
  const brand = await db.selectFrom('brand').select('id').where('slug', '=', 'carri').executeTakeFirstOrThrow();
  const requester = await db.selectFrom('app_user').select(['id', 'organisation_id']).where('email', '=', 'client@carri.example').executeTakeFirstOrThrow();
  const agent = await db.selectFrom('app_user').select('id').where('email', '=', 'agent@carri.example').executeTakeFirstOrThrow();
  await sql`
    insert into ticket (brand_id, number, channel, requester_id, organisation_id, subject, description, priority, status, contract_level, created_at, updated_at, accepted_at)
    select ${brand.id}::uuid, 'BENCH-' || g, 'phone', ${requester.id}::uuid, ${requester.organisation_id}::uuid,
           'Imprimante ' || g, 'Bourrage papier', 'normal',
           (array['new', 'accepted', 'in_progress', 'waiting_customer', 'waiting_parts'])[1 + g % 5],
           case when g % 4 = 0 then 'premium' else 'standard' end,
           now() - (g % 86400) * interval '1 minute', now(), now() - (g % 86400) * interval '1 minute' + interval '10 minutes'
    from generate_series(1, ${n}::int) g`.execute(db);
  await sql`
    insert into ticket_audit (ticket_id, brand_id, group_id, at, field, before_since, before, after)
    select id, brand_id, group_id, created_at + interval '2 hours', 'status', created_at, '"in_progress"'::jsonb, '"waiting_customer"'::jsonb from ticket where number like 'BENCH-%' and status = 'waiting_customer'
    union all
    select id, brand_id, group_id, created_at + interval '1 hour', 'status', created_at, '"in_progress"'::jsonb, '"waiting_customer"'::jsonb from ticket where number like 'BENCH-%' and status = 'in_progress' and created_at::time < '12:00'
    union all
    select id, brand_id, group_id, created_at + interval '1 day', 'status', created_at + interval '1 hour', '"waiting_customer"'::jsonb, '"in_progress"'::jsonb from ticket where number like 'BENCH-%' and status = 'in_progress' and created_at::time < '12:00'`.execute(db);
  await sql`
    insert into ticket_entry (ticket_id, kind, body, author_id, created_at)
    select id, 'agent_reply', 'Bonjour, nous regardons.', ${agent.id}::uuid, created_at + interval '30 minutes'
    from ticket where number like 'BENCH-%' and status <> 'new' and (hashtext(id::text) % 2) = 0`.execute(db);
  return brand.id;
}

export async function recomputeSection(opts: { tickets: number; store: string }): Promise<void> {
  const { database, cleanup } = await openStore(opts.store);
  try {
    await migrateToLatest(database.db);
    await seedDemo(database.db, new Date());
    const t0 = performance.now();
    const brandId = await preloadOpenTickets(database, opts.tickets);
    const preloadS = (performance.now() - t0) / 1000;
    const open = await database.db.selectFrom('ticket').select((eb) => eb.fn.countAll<string>().as('n')).where('brand_id', '=', brandId).where('status', 'not in', ['resolved', 'closed']).executeTakeFirstOrThrow();

    const measure = async () => {
      const s = performance.now();
      const count = await recomputeBrand(database.db, brandId, { now: () => new Date(), batchSize: 500, concurrency: database.kind === 'postgres' ? 3 : 1 });
      return { count, seconds: (performance.now() - s) / 1000 };
    };
    const first = await measure();
    // The change an admin makes: a one-off closure (a training day) in the Hotline calendar.
    const cal = await database.db.selectFrom('business_calendar').select(['id', 'definition']).where('brand_id', '=', brandId).executeTakeFirstOrThrow();
    const def = cal.definition as { closures: unknown[] };
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    def.closures = [...def.closures, { start: `${tomorrow}T09:00:00+01:00`, end: `${tomorrow}T18:00:00+01:00`, reason: 'Formation' }];
    await database.db.updateTable('business_calendar').set((eb) => ({ definition: JSON.stringify(def), version: eb('version', '+', 1) })).where('id', '=', cal.id).execute();
    const after = await measure();
    const timers = await database.db.selectFrom('ticket_sla_timer').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();

    console.log(`\n## recompute: ${fmtInt(Number(open.n))} open tickets of one brand after a calendar change (${opts.store})`);
    console.log(`preload: ${fmtInt(opts.tickets)} tickets in ${preloadS.toFixed(1)} s; ${fmtInt(Number(timers.n))} timers stored\n`);
    const row = (label: string, r: { count: number; seconds: number }) => [label, fmtInt(r.count), r.seconds.toFixed(1), fmtInt(Math.round(r.count / r.seconds))];
    console.log(table(['', 'tickets', 'seconds', 'tickets/s'], [row('first computation', first), row('after adding a closure', after)], [false, true, true, true]));
  } finally {
    await cleanup();
  }
}
