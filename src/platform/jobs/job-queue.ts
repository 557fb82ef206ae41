import { CompiledQuery } from 'kysely';
import PgBoss from 'pg-boss';
import type { z } from 'zod';
import type { Database, Db } from '../db/database.ts';

/**
 * Durable jobs on the application's own database, with pg-boss 10 (the last major that runs on
 * Node 20). It runs on PostgreSQL and on PGlite alike because it talks through our `pg` pool.
 * Jobs are enqueued inside the caller's transaction, so a side effect is recorded exactly when
 * the write that causes it commits, and a crash loses nothing: a fetched job that never
 * completes expires and is retried.
 */
export interface JobDefinition<T> {
  name: string;
  /** Job payloads are validated on the way in and on the way out. */
  schema: z.ZodType<T>;
  retryLimit?: number;
  /** Seconds before the first retry; doubled each time with `retryBackoff`. */
  retryDelay?: number;
  retryBackoff?: boolean;
  expireInSeconds?: number;
}

/** A job retried with doubling delays: `retries` times, the first after `firstRetrySeconds`. */
export function retriedJob<T>(name: string, schema: z.ZodType<T>, opts: { retries: number; firstRetrySeconds: number; expireInSeconds: number }): JobDefinition<T> {
  return { name, schema, retryLimit: opts.retries, retryDelay: opts.firstRetrySeconds, retryBackoff: true, expireInSeconds: opts.expireInSeconds };
}

export type JobHandler<T> = (payload: T, meta: { id: string; retryCount: number }) => Promise<void>;

type SqlAdapter = { executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }> };

function adapterFor(db: Db): SqlAdapter {
  return {
    executeSql: async (text, values) => {
      const result = await db.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: result.rows as unknown[] };
    },
  };
}

export class JobQueue {
  private readonly boss: PgBoss;
  private readonly handlers = new Map<string, { def: JobDefinition<unknown>; handler: JobHandler<unknown>; pollingIntervalSeconds: number; concurrency: number; batchSize: number }>();
  private readonly definitions = new Map<string, JobDefinition<unknown>>();
  private readonly periodic: { name: string; seconds: number; fn: () => Promise<void> }[] = [];
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly runningPeriodic = new Set<Promise<void>>();
  private started = false;
  /** pg-boss statements and job handlers still running: stop() waits for both to reach zero. */
  private inFlightSql = 0;
  private inFlightHandlers = 0;

  constructor(
    private readonly database: Database,
    private readonly log: (msg: string, err?: unknown) => void = (m, e) => console.error(m, e ?? ''),
  ) {
    this.boss = new PgBoss({
      // Counted, because pg-boss does not await its own `complete` and `fail` after a handler,
      // nor the handler of a fetch that was in flight when it was told to stop (see stop()).
      db: {
        executeSql: async (text, values) => {
          this.inFlightSql++;
          try {
            return await database.pool.query(text, values);
          } finally {
            this.inFlightSql--;
          }
        },
      },
      schema: 'pgboss',
      supervise: true,
      schedule: false,
      migrate: true,
      maintenanceIntervalSeconds: 60,
    });
    this.boss.on('error', (err) => this.log('job queue error', err));
  }

  /** Declares a job kind; its queue is created on start. */
  define<T>(def: JobDefinition<T>): JobDefinition<T> {
    this.definitions.set(def.name, def as JobDefinition<unknown>);
    return def;
  }

  /**
   * Registers the worker for a job kind in this process (processes without workers only enqueue).
   * `concurrency`: jobs of this kind run at once in this process on PostgreSQL, each in its own
   * transaction, so one's waits on the database overlap another's work; the handler must be safe
   * to run concurrently with itself (as it must be anyway across processes). The embedded store
   * runs one transaction at a time in this very process: there it stays one.
   * `batchSize`: a worker takes up to so many waiting jobs in one fetch and completes them in one
   * statement (two round trips per batch instead of per job), running them at once; a job that
   * fails is failed alone (retried as its kind says), the others complete. Only for kinds whose
   * handler is idempotent and safe to run concurrently with itself (on the embedded store too).
   */
  work<T>(def: JobDefinition<T>, handler: JobHandler<T>, opts: { pollingIntervalSeconds?: number; concurrency?: number; batchSize?: number } = {}): void {
    this.define(def);
    const concurrency = this.database.kind === 'postgres' ? Math.max(1, opts.concurrency ?? 1) : 1;
    this.handlers.set(def.name, {
      def: def as JobDefinition<unknown>,
      handler: handler as JobHandler<unknown>,
      pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1,
      concurrency,
      batchSize: Math.max(1, opts.batchSize ?? 1),
    });
  }

  /**
   * Runs `fn` every `seconds` while the queue is started (maintenance such as recovering work a
   * crashed process left behind). Each process runs its own; `fn` must tolerate running in
   * several processes at once. Errors are logged, and the next run comes anyway.
   */
  every(name: string, seconds: number, fn: () => Promise<void>): void {
    this.periodic.push({ name, seconds, fn });
  }

  /**
   * The value of payload field `key` for this kind's jobs that are still alive: waiting to run
   * (or to be retried), or running and started less than `activeWithinSeconds` ago. A job a
   * killed process had started stays `active` until it expires (minutes); this lets a caller
   * that can tell whether the work is really in progress (a row lock) not wait that long.
   * Reads pg-boss 10's job table, which is why it lives here.
   */
  /** Whether a job of this kind with payload field `key` = `value` waits to run (or to be retried). */
  async hasWaiting<T>(db: Db, def: JobDefinition<T>, key: keyof T & string, value: string): Promise<boolean> {
    const result = await db.executeQuery<{ one: number }>(
      CompiledQuery.raw(`select 1 as one from pgboss.job where name = $1 and state < 'active' and data->>$2 = $3 limit 1`, [def.name, key, value]),
    );
    return result.rows.length > 0;
  }

  async liveJobKeys<T>(db: Db, def: JobDefinition<T>, key: keyof T & string, activeWithinSeconds: number): Promise<Set<string>> {
    const result = await db.executeQuery<{ k: string | null }>(
      CompiledQuery.raw(
        `select data->>$2 as k from pgboss.job where name = $1 and (state < 'active' or (state = 'active' and started_on > now() - make_interval(secs => $3)))`,
        [def.name, key, activeWithinSeconds],
      ),
    );
    return new Set(result.rows.map((r) => r.k).filter((k): k is string => k !== null));
  }

  async start(): Promise<void> {
    await this.boss.start();
    await this.oneProcessAtATime(async () => {
      for (const def of this.definitions.values()) {
        await this.boss.createQueue(def.name, {
          name: def.name,
          retryLimit: def.retryLimit ?? 5,
          retryDelay: def.retryDelay ?? 30,
          retryBackoff: def.retryBackoff ?? true,
          expireInSeconds: def.expireInSeconds ?? 300,
        });
      }
    });
    for (const { def, handler, pollingIntervalSeconds, concurrency, batchSize } of this.handlers.values()) {
      for (let w = 0; w < concurrency; w++) await this.startWorker(def, handler, pollingIntervalSeconds, batchSize);
    }
    this.started = true;
    for (const p of this.periodic) {
      let running: Promise<void> | null = null;
      const timer = setInterval(() => {
        if (running || !this.started) return;
        const run: Promise<void> = p
          .fn()
          .catch((err: unknown) => this.log(`periodic task ${p.name} failed`, err))
          .finally(() => {
            running = null;
            this.runningPeriodic.delete(run);
          });
        running = run;
        this.runningPeriodic.add(run);
      }, p.seconds * 1000);
      timer.unref();
      this.timers.push(timer);
    }
  }

  /** One pg-boss worker for a job kind: fetches one job (or a batch) at a time and runs the handler. */
  private async startWorker(def: JobDefinition<unknown>, handler: JobHandler<unknown>, pollingIntervalSeconds: number, batchSize: number): Promise<void> {
    let workerId: string | null = null;
    workerId = await this.boss.work(def.name, { pollingIntervalSeconds, includeMetadata: true, batchSize }, async (jobs) => {
      this.inFlightHandlers++;
      try {
        if (jobs.length === 1) {
          // One job: its failure is pg-boss's to record, as thrown.
          const job = jobs[0]!;
          await handler(def.schema.parse(job.data), { id: job.id, retryCount: job.retryCount });
        } else {
          // A batch runs at once, so it takes no longer than its slowest job (the batch shares one
          // expiry: jobs run one after the other could outlive it and be fetched again). A failing
          // job is failed alone (its retries as its kind says); pg-boss then completes the batch's
          // jobs still active, the others.
          await Promise.all(
            jobs.map(async (job) => {
              try {
                await handler(def.schema.parse(job.data), { id: job.id, retryCount: job.retryCount });
              } catch (err) {
                await this.boss.fail(def.name, job.id, { message: err instanceof Error ? err.message : String(err) });
              }
            }),
          );
        }
      } finally {
        this.inFlightHandlers--;
      }
      // pg-boss 10 waits a whole polling interval after every fetch, whether it found work or
      // not: with one job per fetch, one job a second. While there is work, fetch again at once.
      if (jobs.length > 0 && workerId) this.boss.notifyWorker(workerId);
    });
  }

  /**
   * Creating a queue creates and attaches a partition of pg-boss's job table: two processes
   * starting together on a fresh PostgreSQL database deadlock there, and one fails to start. A
   * session advisory lock, held on a connection of its own while the pool does the work, lets them
   * take turns. PGlite is one process with one connection: nothing to take turns with.
   */
  private async oneProcessAtATime(fn: () => Promise<void>): Promise<void> {
    if (this.database.kind === 'pglite') return fn();
    const client = await this.database.pool.connect();
    try {
      await client.query(`select pg_advisory_lock(hashtext('apres-job-queue-setup'))`);
      try {
        await fn();
      } finally {
        await client.query(`select pg_advisory_unlock(hashtext('apres-job-queue-setup'))`);
      }
    } finally {
      client.release();
    }
  }

  /** Enqueues a job, inside `db`'s transaction when it is one. */
  async enqueue<T>(db: Db, def: JobDefinition<T>, payload: T, opts: { startAfter?: Date | number; singletonKey?: string } = {}): Promise<string | null> {
    const data = def.schema.parse(payload) as object;
    return this.boss.send(def.name, data, {
      ...(opts.startAfter !== undefined ? { startAfter: opts.startAfter } : {}),
      ...(opts.singletonKey ? { singletonKey: opts.singletonKey } : {}),
      retryLimit: def.retryLimit ?? 5,
      retryDelay: def.retryDelay ?? 30,
      retryBackoff: def.retryBackoff ?? true,
      expireInSeconds: def.expireInSeconds ?? 300,
      db: adapterFor(db) as PgBoss.Db,
    });
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    for (const t of this.timers.splice(0)) clearInterval(t);
    await Promise.all(this.runningPeriodic);
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    // pg-boss resolves stop() while a fetch that was in flight may still hand jobs to a handler,
    // and it records a job's completion without awaiting it: closing the pool then fails them
    // ("Cannot use a pool after calling end") and crashes the process. Wait until both are done;
    // only macrotasks are awaited, so work chained on microtasks is counted before the check.
    const deadline = Date.now() + 30_000;
    while ((this.inFlightSql > 0 || this.inFlightHandlers > 0) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    if (this.inFlightSql > 0 || this.inFlightHandlers > 0) {
      this.log(`job queue stopped with ${this.inFlightHandlers} handler(s) and ${this.inFlightSql} statement(s) still running`);
    }
  }
}
