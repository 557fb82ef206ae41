/**
 * Reports benchmark (issue 14: "fast at a million tickets"): preloads N tickets with their status
 * history (ticket_audit), first-response and resolution timers, serial numbers and units, in SQL
 * (generate_series INSERT … SELECT, in batches), then times every report query of one brand over a
 * month and over a year, as an administrator and as an agent (visibility predicate), and prints
 * p50/p95.
 *
 *   npm run bench:reports -- [--tickets 1000000] [--batch 100000] [--samples 15] [--keep]
 *   npm run bench:reports -- --reuse <url of a database kept with --keep> [--samples 15]
 *
 * PostgreSQL only (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres): a fresh
 * database apres_bench_reports_<time> is created and dropped at the end unless --keep. Half the
 * tickets belong to the brand measured (carri), spread over the two years before NOW. Never
 * asserts; it prints.
 */
import { sql } from 'kysely';
import { parseArgs } from 'node:util';
import { loadActor } from '../src/modules/auth/index.ts';
import { getReport, getReportChart, getReportCsv, REPORT_CHARTS } from '../src/modules/reports/index.ts';
import { openPostgres } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { seedDemo } from '../src/seeds/seed-demo.ts';
import { createScratchDatabase } from '../src/test/scratch-database.ts';
import { fmtInt, fmtMs, Samples, table } from './lib/stats.ts';

const { values: args } = parseArgs({
  options: {
    tickets: { type: 'string', default: '1000000' },
    batch: { type: 'string', default: '100000' },
    samples: { type: 'string', default: '15' },
    keep: { type: 'boolean', default: false },
    // Measure a database preloaded by an earlier run (kept with --keep) again, without preloading.
    reuse: { type: 'string' },
  },
  strict: true,
});
const N = Number(args.tickets!.replace(/[_,]/g, ''));
const BATCH = Number(args.batch);
const SAMPLES = Number(args.samples);
const NOW = new Date('2026-11-30T12:00:00Z');
const log = (line: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const scratch = args.reuse
  ? { url: args.reuse, name: new URL(args.reuse).pathname.slice(1), serverVersion: '', drop: async () => {} }
  : await createScratchDatabase(serverUrl, `apres_bench_reports_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`);
const database = await openPostgres(scratch.url, 4);
const { db } = database;
scratch.serverVersion ||= (await sql<{ v: string }>`select current_setting('server_version') as v`.execute(db)).rows[0]!.v;
log(`PostgreSQL ${scratch.serverVersion}: database ${scratch.name}`);
let preloadSeconds = 0;

try {
  if (!args.reuse) await migrateToLatest(db);
  if (!args.reuse) await seedDemo(db, NOW);
  const carri = (await db.selectFrom('brand').select(['id']).where('slug', '=', 'carri').executeTakeFirstOrThrow()).id;
  const others = (await db.selectFrom('brand').select('id').where('slug', '!=', 'carri').execute()).map((b) => b.id);
  const groups = (await db.selectFrom('agent_group').select('id').where('brand_id', '=', carri).execute()).map((g) => g.id);
  const agents = (await db.selectFrom('app_user as u').innerJoin('user_brand as ub', 'ub.user_id', 'u.id').select('u.id').where('ub.brand_id', '=', carri).where('u.role', 'in', ['agent', 'admin']).execute()).map((u) => u.id);
  const requester = (await db.selectFrom('app_user').select('id').where('role', '=', 'customer').executeTakeFirstOrThrow()).id;

  // The brand's catalogue: 20 models, 20,000 units whose serials the tickets name.
  if (!args.reuse) await preloadAll();
  async function preloadAll() {
  await sql`insert into product_model (brand_id, code, name, created_at)
    select ${carri}, 'BENCH-' || m, jsonb_build_object('en', 'Bench model ' || m, 'fr', 'Modèle ' || m), ${NOW} from generate_series(1, 20) m`.execute(db);
  await sql`insert into unit (brand_id, model_id, serial, country_of_sale, created_at)
    select ${carri}, (select id from product_model where code = 'BENCH-' || (1 + u % 20)), 'BS-' || u, 'FR', ${NOW} from generate_series(0, 19999) u`.execute(db);

  const started = Date.now();
  for (let from = 1; from <= N; from += BATCH) {
    const to = Math.min(N, from + BATCH - 1);
    await db.transaction().execute(async (trx) => {
      // Each ticket's life: first answer after h1, resolved after h2, closed a week later; one in ten
      // stays open (in progress or waiting on the customer).
      await sql`create temporary table life on commit drop as
        select i, gen_random_uuid() as id,
          case when i % 2 = 0 then ${carri}::uuid else (${others}::uuid[])[1 + (i / 2) % ${others.length}] end as brand_id,
          ${NOW}::timestamptz - random() * interval '730 days' as created_at,
          random() as fate, random() as r2, random() as r3
        from generate_series(${from}::int, ${to}::int) i`.execute(trx);
      await sql`alter table life add column h1 timestamptz, add column h2 timestamptz, add column h3 timestamptz,
          add column status text, add column group_id uuid, add column assignee_id uuid`.execute(trx);
      await sql`update life set
          h1 = created_at + (0.2 + fate * 16) * interval '1 hour',
          h2 = created_at + (1 + r2 * 140) * interval '1 hour',
          group_id = case when brand_id = ${carri} then (${groups}::uuid[])[1 + (i / 3) % ${groups.length}] end,
          assignee_id = case when brand_id = ${carri} and r3 < 0.9 then (${agents}::uuid[])[1 + (i / 5) % ${agents.length}] end`.execute(trx);
      await sql`update life set h2 = greatest(h2, h1 + interval '10 minutes')`.execute(trx);
      await sql`update life set h3 = h2 + interval '7 days'`.execute(trx);
      await sql`update life set status = case
          when h1 > ${NOW} then 'new'
          when fate < 0.06 then 'in_progress'
          when fate < 0.1 then 'waiting_customer'
          when h2 > ${NOW} then 'in_progress'
          when h3 > ${NOW} then 'resolved'
          else 'closed' end`.execute(trx);
      await sql`insert into ticket (id, brand_id, number, channel, requester_id, subject, description, status, group_id, assignee_id, created_at, updated_at, resolved_at, closed_at)
        select id, brand_id, 'BENCH-' || i, (array['email','email','email','portal','portal','web_form','phone','phone','fax','postal','onsite'])[1 + floor(r2 * 11)::int],
          ${requester}, 'Bench ticket ' || i, 'A benchmark ticket', status, group_id, assignee_id, created_at, created_at,
          case when status in ('resolved', 'closed') then h2 end, case when status = 'closed' then h3 end
        from life`.execute(trx);
      await sql`insert into ticket_audit (ticket_id, brand_id, group_id, actor_id, at, field, before_since, before, after)
        select id, brand_id, group_id, assignee_id, h1, 'status', created_at, '"new"'::jsonb, case when fate >= 0.06 and fate < 0.1 then '"waiting_customer"' else '"in_progress"' end::jsonb from life where h1 <= ${NOW}
        union all
        select id, brand_id, group_id, assignee_id, h2, 'status', h1, '"in_progress"'::jsonb, '"resolved"'::jsonb from life where status in ('resolved', 'closed')
        union all
        select id, brand_id, group_id, null::uuid, h3, 'status', h2, '"resolved"'::jsonb, '"closed"'::jsonb from life where status = 'closed'`.execute(trx);
      await sql`insert into ticket_sla_timer (ticket_id, brand_id, kind, target_minutes, state, started_at, due_at, stopped_at, explanation, computed_at)
        select id, brand_id, 'first_response', 480,
          case when h1 > ${NOW} then 'running' when h1 <= created_at + interval '8 hours' then 'met' else 'breached' end,
          created_at, created_at + interval '8 hours', case when h1 <= ${NOW} then h1 end, '{}'::jsonb, ${NOW}::timestamptz
        from life
        union all
        select id, brand_id, 'resolution', 4320,
          case when status not in ('resolved', 'closed') then 'running' when h2 <= created_at + interval '72 hours' then 'met' else 'breached' end,
          created_at, created_at + interval '72 hours', case when status in ('resolved', 'closed') then h2 end, '{}'::jsonb, ${NOW}::timestamptz
        from life`.execute(trx);
      await sql`insert into ticket_serial (ticket_id, position, serial)
        select id, 1, 'BS-' || (i % 20000) from life where brand_id = ${carri} and r3 < 0.5`.execute(trx);
    });
    const s = (Date.now() - started) / 1000;
    log(`preloaded ${fmtInt(to)} / ${fmtInt(N)} tickets (${s.toFixed(0)} s, ${fmtInt(Math.round(to / s))}/s)`);
  }
  preloadSeconds = (Date.now() - started) / 1000;
  // A live database's autovacuum has marked its pages visible: index-only scans rely on it.
  log('vacuum analyze');
  await sql`vacuum analyze`.execute(db);
  }
  const counts = await sql<{ tickets: number; carri: number; audits: number; timers: number; serials: number }>`select
    (select count(*)::int from ticket) as tickets, (select count(*)::int from ticket where brand_id = ${carri}) as carri,
    (select count(*)::int from ticket_audit) as audits, (select count(*)::int from ticket_sla_timer) as timers,
    (select count(*)::int from ticket_serial) as serials`.execute(db);
  const c = counts.rows[0]!;

  const adminId = (await db.selectFrom('app_user').select('id').where('email', '=', 'admin@apres.example').executeTakeFirstOrThrow()).id;
  const agentId = (await db.selectFrom('app_user').select('id').where('email', '=', 'agent@carri.example').executeTakeFirstOrThrow()).id;
  const admin = (await loadActor(db, adminId))!;
  const agent = (await loadActor(db, agentId))!;
  const ranges = [
    { label: '30 days', from: '2026-11-01', to: '2026-11-30' },
    { label: '365 days', from: '2025-12-01', to: '2026-11-30' },
  ];
  const rows: string[][] = [];
  for (const range of ranges) {
    for (const [who, actor] of [['admin', admin], ['agent', agent]] as const) {
      const runs: [string, () => Promise<unknown>][] = [
        ...REPORT_CHARTS.map((chart) => [chart, () => getReportCsv(db, actor, carri, chart, range, NOW)] as [string, () => Promise<unknown>]),
        ['all charts, one after the other', () => getReport(db, actor, carri, range, NOW)],
        // As the page asks: one request per chart, all at once (the pool has 4 connections).
        ['page: a request per chart, side by side', () => Promise.all(REPORT_CHARTS.map((chart) => getReportChart(db, actor, carri, chart, range, NOW)))],
      ];
      for (const [label, run] of runs) {
        await run(); // warm the cache: the figures are for a server that has run before
        const samples = new Samples();
        for (let k = 0; k < SAMPLES; k++) {
          const t = performance.now();
          await run();
          samples.add(performance.now() - t);
        }
        rows.push([range.label, who, label, fmtMs(samples.percentile(50)), fmtMs(samples.percentile(95))]);
        log(`${range.label} ${who} ${label}: p50 ${fmtMs(samples.percentile(50))} ms`);
      }
    }
  }
  console.log(`\nReports benchmark — PostgreSQL ${scratch.serverVersion}, ${fmtInt(c.tickets)} tickets (${fmtInt(c.carri)} in the brand measured), ${fmtInt(c.audits)} status changes, ${fmtInt(c.timers)} timers, ${fmtInt(c.serials)} serials; ${args.reuse ? 'preloaded earlier' : `preload ${preloadSeconds.toFixed(0)} s`}; ${SAMPLES} samples each after one warm-up\n`);
  console.log(table(['range', 'as', 'query (CSV endpoint\'s work)', 'p50 ms', 'p95 ms'], rows, [false, false, false, true, true]));
} finally {
  await database.close();
  if (args.keep || args.reuse) log(`kept ${scratch.url}`);
  else await scratch.drop();
}
