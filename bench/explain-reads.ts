/**
 * Prints EXPLAIN (ANALYZE, BUFFERS) of the SQL behind the benchmark's read paths — the agent
 * queue (page 1 and a page reached by the cursor), lookup by number and search — by running the
 * server's own service functions against a kept benchmark database and capturing their queries.
 *
 *   DATABASE_URL=postgres://…/apres_bench_… npx tsx bench/explain-reads.ts [--agent agent@carri.example] [--q imprimante] [--depth 5]
 *   npx tsx bench/explain-reads.ts --pglite /tmp/apres-bench-XXXX        (a folder kept with --keep)
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from '../src/platform/db/schema.ts';
import { loadActor } from '../src/modules/auth/index.ts';
import { listTickets, lookupTicketByNumber } from '../src/modules/tickets/index.ts';
import { searchTickets } from '../src/modules/tickets/index.ts';

const { values: args } = parseArgs({
  options: {
    pglite: { type: 'string' },
    agent: { type: 'string', default: 'agent@carri.example' },
    q: { type: 'string', default: 'imprimante' },
    depth: { type: 'string', default: '5' },
    all: { type: 'boolean', default: false },
  },
});

interface Captured {
  sql: string;
  parameters: readonly unknown[];
}

async function main() {
  let pool: pg.Pool;
  let lite: PGlite | undefined;
  if (args.pglite) {
    lite = await PGlite.create({ dataDir: path.join(args.pglite, 'pg'), extensions: { pg_trgm, unaccent } });
    pool = new pg.Pool(createPgConfig(lite));
  } else {
    if (!process.env.DATABASE_URL) throw new Error('set DATABASE_URL to the benchmark database, or pass --pglite <folder>');
    pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  }
  const captured: Captured[] = [];
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    log: (e) => {
      if (e.level === 'query') captured.push({ sql: e.query.sql, parameters: e.query.parameters });
    },
  });

  const explain = async (title: string, run: () => Promise<unknown>, pick: (q: Captured) => boolean) => {
    captured.length = 0;
    const t0 = performance.now();
    await run();
    const ms = performance.now() - t0;
    const queries = captured.filter(pick);
    console.log(`\n=== ${title}: ${ms.toFixed(1)} ms for ${captured.length} queries`);
    for (const q of args.all ? captured : queries) {
      console.log(`\n-- ${q.sql}\n-- params: ${JSON.stringify(q.parameters).slice(0, 400)}`);
      const plan = await pool.query(`explain (analyze, buffers) ${q.sql}`, q.parameters as unknown[]);
      for (const row of plan.rows as { 'QUERY PLAN': string }[]) console.log(row['QUERY PLAN']);
    }
  };

  const agentRow = await db.selectFrom('app_user').select('id').where('email', '=', args.agent!).executeTakeFirstOrThrow();
  const actor = (await loadActor(db, agentRow.id))!;
  const status = ['new', 'accepted', 'in_progress', 'waiting_customer', 'waiting_parts', 'waiting_third_party'] as const;
  const onTickets = (q: Captured) => /from "ticket" as "t"/.test(q.sql);

  await explain('queue page 1 (open statuses)', () => listTickets(db, actor, { status: [...status], limit: 50 }, new Date()), onTickets);
  let cursor: string | undefined;
  for (let page = 1; page < Number(args.depth); page++) {
    const r = await listTickets(db, actor, { status: [...status], limit: 50, ...(cursor ? { cursor } : {}) }, new Date());
    cursor = r.nextCursor ?? undefined;
    if (!cursor) break;
  }
  if (cursor) {
    const c = cursor;
    await explain(`queue page ${args.depth} (cursor)`, () => listTickets(db, actor, { status: [...status], limit: 50, cursor: c }, new Date()), onTickets);
  }
  await explain('queue page 1, no filter', () => listTickets(db, actor, { limit: 50 }, new Date()), onTickets);

  const some = await db.selectFrom('ticket').select('number').where('brand_id', 'in', actor.brandIds).where('group_id', 'is', null).orderBy('created_at').limit(1).offset(1000).executeTakeFirst();
  if (some) await explain(`lookup ${some.number}`, () => lookupTicketByNumber(db, actor, some.number), (q) => /"t"\."number" =/.test(q.sql));

  await explain(`search "${args.q}" as ${args.agent}`, () => searchTickets(db, actor, { q: args.q!, limit: 50 }), (q) => /ts_rank_cd/.test(q.sql));

  await db.destroy();
  await lite?.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
