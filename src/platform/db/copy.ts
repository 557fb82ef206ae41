import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database, Db } from './database.ts';
import type { DB } from './schema.ts';

/**
 * One connection held for a bulk load: a Kysely on it (so a transaction opened there sees what was
 * copied) and `copy`, which loads rows with PostgreSQL's COPY — `COPY … FROM STDIN` on the server
 * store, `COPY … FROM '/dev/blob'` on the embedded one (PGlite takes no COPY data over the wire
 * protocol, STACK.md). Rows are in COPY's text format: see `copyLine`.
 */
export interface CopySession {
  db: Db;
  /** Loads these COPY text lines into `table (columns)`; returns when they are in. */
  copy(table: string, columns: readonly string[], lines: string): Promise<void>;
  /** Hands the connection back; with the error that broke it, the pool closes it instead. */
  release(err?: unknown): void;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export async function openCopySession(database: Database): Promise<CopySession> {
  const client = await database.pool.connect();
  // Kysely releases its connection after each use; this one stays held until `release`.
  const held = { query: (...args: unknown[]) => (client.query as (...a: unknown[]) => unknown)(...args), release: () => {} };
  const pool = { connect: async () => held, end: async () => {} } as unknown as pg.Pool;
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    async copy(table, columns, lines) {
      if (!IDENTIFIER.test(table) || !columns.every((c) => IDENTIFIER.test(c))) throw new Error(`copy: not an identifier in ${table} (${columns.join(', ')})`);
      const statement = `copy ${table} (${columns.join(', ')}) from`;
      if (database.pglite) {
        await database.pglite.query(`${statement} '/dev/blob'`, [], { blob: new Blob([lines]) });
      } else {
        await pipeline(Readable.from([lines]), client.query(copyFrom(`${statement} stdin`)));
      }
    },
    release: (err?: unknown) => client.release(err instanceof Error ? err : err === undefined ? undefined : true),
  };
}

/** A value in COPY's text format: `\N` for null, backslash, tab and line breaks escaped. */
export function copyValue(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'number') return String(v);
  return v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** A text array in COPY's text format: `{"a","b"}`, each element quoted. */
function copyTextArray(items: readonly string[]): string {
  return copyValue(`{${items.map((s) => `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`);
}

/** One row of COPY text; an array is a text[] value. */
export function copyLine(values: readonly (string | number | null | undefined | readonly string[])[]): string {
  return `${values.map((v) => (Array.isArray(v) ? copyTextArray(v) : copyValue(v as string | number | null | undefined))).join('\t')}\n`;
}

/**
 * Turns row triggers off for the rest of the transaction, foreign-key checks included, so a bulk
 * write into `tables` costs no per-row lookup: the way pg_restore and pgloader load data. Only for
 * writes whose every reference comes from a join on rows the store holds and the application
 * never deletes (brands, models, organisations, accounts, and the rows written just before in the
 * same transaction), which the foreign keys would find again one row at a time.
 *
 * Returns false, and changes nothing, when one of `tables` has a trigger of its own (it must run)
 * or when the role may not: `session_replication_role` needs a superuser, or on PostgreSQL 15 and
 * later `GRANT SET ON PARAMETER session_replication_role TO <role>`. The write is then the same,
 * only slower.
 */
export async function withoutRowTriggers(trx: Db, tables: readonly string[]): Promise<boolean> {
  const own = await sql<{ n: number }>`select count(*)::int as n from pg_trigger
    where tgrelid = any(${tables}::regclass[]) and not tgisinternal`.execute(trx);
  if (own.rows[0]!.n > 0) return false;
  await sql`savepoint apres_without_row_triggers`.execute(trx);
  try {
    await sql`set local session_replication_role = replica`.execute(trx);
  } catch {
    await sql`rollback to savepoint apres_without_row_triggers`.execute(trx);
    return false;
  }
  await sql`release savepoint apres_without_row_triggers`.execute(trx);
  return true;
}
