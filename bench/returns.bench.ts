/**
 * The receiving desk's lookup (issue 12): a scanned number to its return, among many tickets.
 * Preloads tickets as `npm run bench` does (bench/lib/preload.ts), turns some of them into returns
 * waiting for their parcel (each with its own unit), then times the service the counter calls —
 * the check digit, the ticket by number, its visibility for the brand's agent, the return with its
 * lines, parcels and history. Never asserts.
 *
 *   DATABASE_URL=postgres://… npm run bench:returns -- [--preload 1000000] [--returns 2000] [--lookups 2000]
 *
 * Store: PostgreSQL when DATABASE_URL is set (a scratch database, dropped at the end), else PGlite in memory.
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { loadActor } from '../src/modules/auth/index.ts';
import { lookupReturn } from '../src/modules/returns/index.ts';
import { type Database, openPglite, openPostgres } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { seedDemo } from '../src/seeds/seed-demo.ts';
import { createScratchDatabase } from '../src/test/scratch-database.ts';
import { requesterPool } from './lib/corpus.ts';
import { NumberReservoir, preload } from './lib/preload.ts';
import { Rng } from './lib/rng.ts';
import { fmtInt, fmtMs, Samples, table } from './lib/stats.ts';

const { values: args } = parseArgs({
  options: { preload: { type: 'string', default: '1000000' }, returns: { type: 'string', default: '2000' }, lookups: { type: 'string', default: '2000' } },
  strict: true,
});
const log = (line: string) => process.stderr.write(`[bench:returns] ${line}\n`);

async function main() {
  let database: Database;
  let drop = async () => {};
  let label: string;
  if (process.env.DATABASE_URL) {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL, `apres_bench_returns_${Date.now().toString(36)}`);
    database = await openPostgres(scratch.url, 4);
    drop = () => scratch.drop();
    label = `PostgreSQL ${scratch.serverVersion}`;
  } else {
    database = await openPglite({});
    label = 'PGlite (embedded)';
  }
  try {
    const db = database.db;
    await migrateToLatest(db);
    await seedDemo(db, new Date());
    const rng = new Rng(7);
    const reservoir = new NumberReservoir(Number(args.returns), rng);
    const loaded = await preload(database, { count: Number(args.preload), rng, pool: requesterPool(new Rng(8), 200), reservoir, concurrency: database.kind === 'postgres' ? 3 : 1, log });
    log(`${fmtInt(loaded.inserted)} tickets preloaded in ${loaded.seconds.toFixed(0)} s`);

    // Returns waiting for their parcel on a sample of Smart ID's tickets, each with a unit of its own.
    const brand = await db.selectFrom('brand').select('id').where('slug', '=', 'smart-id').executeTakeFirstOrThrow();
    const model = await db.selectFrom('product_model').select(['id', 'accessories']).where('code', '=', 'SID-T5').executeTakeFirstOrThrow();
    const numbers = reservoir.items.filter((n) => n.brand === 'smart-id').map((n) => n.number);
    const tickets = numbers.length ? await db.selectFrom('ticket').select(['id', 'number', 'requester_id']).where('number', 'in', numbers).execute() : [];
    const now = new Date();
    for (const [i, t] of tickets.entries()) {
      const unit = await db
        .insertInto('unit')
        .values({ brand_id: brand.id, model_id: model.id, serial: `SIDT5-B${String(i).padStart(7, '0')}`, owner_id: t.requester_id, country_of_sale: 'RO', created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      const rma = await db
        .insertInto('rma')
        .values({ ticket_id: t.id, brand_id: brand.id, state: 'awaiting_parcel', channel_route: false, inbound_mode: 'courier', requested_by: t.requester_id, created_at: now, state_changed_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('rma_line').values({ rma_id: rma.id, unit_id: unit.id, warranty_outcome: 'legal_guarantee', accessories_expected: JSON.stringify(model.accessories.map((a) => a.key)), accessories_received: '[]' }).execute();
      await db.insertInto('rma_event').values([
        { rma_id: rma.id, at: now, actor_id: t.requester_id, event: 'request', from_state: null, to_state: 'requested', data: '{}' },
        { rma_id: rma.id, at: now, actor_id: null, event: 'authorise', from_state: 'requested', to_state: 'authorised', data: '{}' },
        { rma_id: rma.id, at: now, actor_id: t.requester_id, event: 'arrange_shipment', from_state: 'authorised', to_state: 'awaiting_parcel', data: '{}' },
      ]).execute();
      await db.insertInto('rma_shipment').values({ rma_id: rma.id, direction: 'in', mode: 'courier', paid_by: 'brand', created_at: now }).execute();
    }
    if (database.kind === 'postgres') await sql`analyze`.execute(db);
    const total = (await sql<{ n: number }>`select count(*)::int as n from ticket`.execute(db)).rows[0]!.n;
    log(`${fmtInt(tickets.length)} returns awaiting their parcel among ${fmtInt(total)} tickets`);

    const agentId = (await db.selectFrom('app_user').select('id').where('email', '=', 'agent@smart-id.example').executeTakeFirstOrThrow()).id;
    const agent = (await loadActor(db, agentId))!;
    // Warm the plans and the caches, as a counter open all day has them.
    for (const t of tickets.slice(0, 50)) await lookupReturn(db, agent, t.number);
    const samples = new Samples();
    const lookups = Number(args.lookups);
    for (let i = 0; i < lookups && tickets.length; i++) {
      const t = tickets[Math.floor(rng.next() * tickets.length)]!;
      const started = performance.now();
      try {
        const found = await lookupReturn(db, agent, t.number.toLowerCase());
        if (found.number !== t.number) samples.fail(`${t.number} gave ${found.number}`);
      } catch (err) {
        samples.fail(String(err));
      }
      samples.add(performance.now() - started);
    }
    process.stdout.write(
      `\nReceiving lookup by scanned number, ${label}, ${fmtInt(total)} tickets, ${fmtInt(tickets.length)} returns (in process, the service the route calls)\n\n${table(
        ['lookups', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors'],
        [[fmtInt(samples.count), fmtMs(samples.percentile(50)), fmtMs(samples.percentile(95)), fmtMs(samples.percentile(99)), fmtMs(samples.max), String(samples.errors)]],
        [true, true, true, true, true, true],
      )}\n${samples.errorExamples.map((e) => `  error: ${e}\n`).join('')}`,
    );
  } finally {
    await database.close();
    await drop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:returns failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
