import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDatabase, STORES } from '../../test/db.ts';
import type { Database } from '../db/database.ts';
import { JobQueue } from './job-queue.ts';

/**
 * stop() returns only once nothing of the queue still runs, so the caller may close the pool at
 * once. pg-boss 10 resolves its own stop() while a fetch that was in flight can still hand a job
 * to its handler, and records completion without awaiting it: closing the pool then crashed the
 * process ("Cannot use a pool after calling end", seen in the SIGKILL e-mail test's clean stop).
 */
describe.each(STORES)('job queue stop [%s]', (store) => {
  let database: Database | null = null;
  afterEach(async () => {
    await database?.close();
    database = null;
  });

  it('lets a fetch in flight at stop() run its job to completion before it returns', async () => {
    database = await createTestDatabase(store);
    const real = database;
    // Every fetch of a job answers 400 ms late, after its statement ran: stop() lands inside one.
    let fetchesStarted = 0;
    const pool = new Proxy(real.pool, {
      get(target, key, receiver) {
        if (key !== 'query') return Reflect.get(target, key, receiver) as unknown;
        return async (text: string, values?: unknown[]) => {
          const result = await target.query(text, values);
          if (/skip locked/i.test(text)) {
            fetchesStarted++;
            await new Promise((resolve) => setTimeout(resolve, 400));
          }
          return result;
        };
      },
    });
    const errors: string[] = [];
    const queue = new JobQueue({ ...real, pool } as Database, (msg, err) => errors.push(`${msg} ${String(err ?? '')}`));
    const def = { name: 'test.stop-in-flight', schema: z.object({ n: z.number() }) };
    const handled: number[] = [];
    queue.work(
      def,
      async ({ n }) => {
        await sql`select pg_sleep(0.05)`.execute(real.db);
        handled.push(n);
      },
      { pollingIntervalSeconds: 0.5 },
    );
    await queue.start();
    const id = await queue.enqueue(real.db, def, { n: 7 });
    // Wait for a fetch that began after the job was there, then stop in the middle of its delay.
    const after = fetchesStarted;
    await expect.poll(() => fetchesStarted, { timeout: 5_000, interval: 20 }).toBeGreaterThan(after);
    await queue.stop();

    expect(handled).toEqual([7]);
    const job = await sql<{ state: string }>`select state from pgboss.job where id = ${id}`.execute(real.db);
    expect(job.rows[0]?.state).toBe('completed');
    expect(errors).toEqual([]);
  });
});

/** `concurrency` runs that many jobs of a kind at once on PostgreSQL; the embedded store keeps one. */
describe.each(STORES)('job queue concurrency [%s]', (store) => {
  let database: Database | null = null;
  afterEach(async () => {
    await database?.close();
    database = null;
  });

  it(`runs ${store === 'postgres' ? 'three jobs at once' : 'one job at a time'} when asked for three`, async () => {
    database = await createTestDatabase(store);
    const db = database.db;
    const queue = new JobQueue(database, () => {});
    const def = { name: 'test.concurrency', schema: z.object({ n: z.number() }) };
    let inFlight = 0;
    let most = 0;
    const handled: number[] = [];
    queue.work(
      def,
      async ({ n }) => {
        most = Math.max(most, ++inFlight);
        // Held until three are in flight (or, one at a time, briefly): the overlap is observed, not timed.
        if (store === 'postgres') await expect.poll(() => inFlight >= 3 || handled.length >= 3, { timeout: 10_000, interval: 5 }).toBe(true);
        else await sql`select pg_sleep(0.02)`.execute(db);
        handled.push(n);
        inFlight--;
      },
      { pollingIntervalSeconds: 0.5, concurrency: 3 },
    );
    await queue.start();
    for (let n = 1; n <= 6; n++) await queue.enqueue(db, def, { n });
    await expect.poll(() => handled.length, { timeout: 20_000, interval: 20 }).toBe(6);
    await queue.stop();
    expect(most).toBe(store === 'postgres' ? 3 : 1);
    expect(handled.sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

/** `batchSize` fetches several jobs at once; a failing one is failed alone, the rest complete. */
describe.each(STORES)('job queue batches [%s]', (store) => {
  let database: Database | null = null;
  afterEach(async () => {
    await database?.close();
    database = null;
  });

  it('takes waiting jobs several at a fetch, fails only the one that throws and completes the others', async () => {
    database = await createTestDatabase(store);
    const db = database.db;
    const queue = new JobQueue(database, () => {});
    const def = { name: 'test.batch', schema: z.object({ n: z.number() }), retryLimit: 0 };
    const handled: number[] = [];
    queue.work(
      def,
      async ({ n }, meta) => {
        handled.push(n);
        if (n === 3) throw new Error(`job ${meta.id} refuses`);
      },
      { pollingIntervalSeconds: 0.5, batchSize: 5 },
    );
    // All five wait before the worker starts: one fetch takes them together.
    const ids: string[] = [];
    await queue.start();
    await db.transaction().execute(async (trx) => {
      for (let n = 1; n <= 5; n++) ids.push((await queue.enqueue(trx, def, { n }))!);
    });
    await expect.poll(async () => {
      const rows = await sql<{ state: string }>`select state from pgboss.job where id = any(${ids}::uuid[]) and state in ('completed', 'failed')`.execute(db);
      return rows.rows.length;
    }, { timeout: 20_000, interval: 50 }).toBe(5);
    await queue.stop();
    expect(handled.sort()).toEqual([1, 2, 3, 4, 5]);
    const states = await sql<{ n: number; state: string; output: { message?: string } | null }>`
      select (data->>'n')::int as n, state, output from pgboss.job where id = any(${ids}::uuid[]) order by 1`.execute(db);
    expect(states.rows.map((r) => [r.n, r.state])).toEqual([[1, 'completed'], [2, 'completed'], [3, 'failed'], [4, 'completed'], [5, 'completed']]);
    expect(states.rows[2]!.output?.message).toMatch(/refuses/);
    // One fetch took all five: pg-boss stamps a fetch's jobs with that statement's time.
    const fetches = await sql<{ n: number }>`select count(distinct started_on)::int as n from pgboss.job where id = any(${ids}::uuid[])`.execute(db);
    expect(fetches.rows[0]!.n).toBe(1);
  });
});
