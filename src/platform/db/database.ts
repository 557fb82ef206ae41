import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { preparingPool } from './prepared.ts';

export { PREPARE } from './prepared.ts';
import type { DB } from './schema.ts';

export type Db = Kysely<DB>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The embedded instance, for dumps in tests; absent on PostgreSQL. */
  pglite?: PGlite;
  /** The pg pool under Kysely, for libraries that speak SQL themselves (the job queue). */
  pool: pg.Pool;
  close(): Promise<void>;
}

// pg returns int8 and numeric as strings; the ids we count with fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
// A `date` is a calendar date (a delivery, a payment), not an instant: kept as YYYY-MM-DD, never
// turned into a Date at some machine's midnight.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export async function openPostgres(url: string, poolSize = 10, onIdleError: (err: Error) => void = (err) => console.error(`Apres: a database connection was closed by the server (${err.message}); it is replaced on next use`)): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // The server ending an idle connection (a restart, a failover, an administrator) must not take
  // the process down: without a listener, pg's 'error' event is an uncaught exception. The pool
  // has already dropped the client; the next query opens a new one.
  pool.on('error', onIdleError);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparingPool(pool, { replaceStaleConnections: true }) }) });
  return { db, kind: 'postgres', pool, close: () => db.destroy() };
}

/**
 * Opens PGlite through the same `pg` driver as production (STACK.md). PGlite is one session,
 * so the pool has one connection and transactions serialise.
 */
export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob; sharedBuffers?: string } = {}): Promise<Database> {
  const lite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: { btree_gin, pg_trgm, unaccent },
    // PGlite's own default (128 MB) is most of an idle process's memory: 32 MB idles at ~90 MB
    // less, 16 MB at ~25 MB less again (bench/start.bench.ts), and the operating system's file
    // cache still holds the rest of the data. APRES_EMBEDDED_SHARED_BUFFERS raises it.
    postgresqlconf: [`shared_buffers=${options.sharedBuffers ?? '16MB'}`],
  });
  const pool = new pg.Pool(createPgConfig(lite));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
  return {
    db,
    kind: 'pglite',
    pglite: lite,
    pool,
    close: async () => {
      await db.destroy();
      await lite.close();
    },
  };
}

export class DataDirLockedError extends Error {}

/**
 * Two processes on one PGlite folder get no error from PGlite and corrupt it, so the folder
 * carries our own lock file: the owner's pid and, on Linux, its start time. A process killed
 * with SIGKILL leaves the file behind; the next start takes over a lock whose owner is dead, is
 * itself, or is another process that took the pid over later (a container restart hands out the
 * same pids again), told apart by the start time.
 */
export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, 'apres.lock');
  const mine = lockContent(process.pid);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, mine, { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockPath, 'utf8') === mine) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const seen = readLock(lockPath);
      if (seen === null) continue; // removed meanwhile
      const [pidText, startText] = seen.trim().split(/\s+/);
      const owner = Number(pidText);
      if (owner && owner !== process.pid && isAlive(owner) && (!startText || startText === processStartTicks(owner))) {
        throw new DataDirLockedError(
          `The embedded database in ${dir} is already used by another Apres process (pid ${owner}). ` +
            `Stop that process, choose another folder with APRES_DATA_DIR, or run several processes ` +
            `on one PostgreSQL server with DATABASE_URL=postgres://…`,
        );
      }
      // Stale. Move it aside under a name of our own rather than unlinking it: if another process
      // starting at the same moment replaced it already, what we moved is its fresh lock, and it
      // goes back.
      const aside = `${lockPath}.stale-${process.pid}`;
      try {
        fs.renameSync(lockPath, aside);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw e;
      }
      if (readLock(aside) !== seen) {
        try {
          fs.linkSync(aside, lockPath);
        } catch {
          /* a third process locked it meanwhile: it stays the owner */
        }
        fs.rmSync(aside, { force: true });
        throw new DataDirLockedError(`Another Apres process is starting on ${dir} at the same moment`);
      }
      fs.rmSync(aside, { force: true });
    }
  }
  throw new DataDirLockedError(`Could not lock ${dir}`);
}

function lockContent(pid: number): string {
  const start = processStartTicks(pid);
  return start ? `${pid} ${start}` : String(pid);
}

function readLock(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot (Linux). */
function processStartTicks(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may itself contain spaces and parentheses.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Runs `fn` in a transaction, joining the caller's when `db` already is one. */
export function withTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
