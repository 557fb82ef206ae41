import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type pg from 'pg';

/**
 * Named prepared statements for what runs inside transactions (issue 15). Planning a statement
 * cost PostgreSQL more than running it on the write path — 0.1–0.9 ms against 0.02–0.15 ms per
 * statement in a create, measured with pg_stat_statements — and a write transaction sends the
 * same few statements again and again. Inside a transaction each statement is prepared once per
 * connection under a name made from its text; PostgreSQL then plans it as usual for its first
 * executions and keeps a generic plan only when that is no costlier (plan_cache_mode = auto).
 *
 * Only statements inside a transaction: those are writes and the reads a write makes by key
 * (ticket, user, brand). Reads outside a transaction — search, queues, reports, whose best plan
 * depends on the values (a common word, a big brand) — keep being planned for their values.
 * A read outside a transaction whose plan cannot depend on its values (a lookup by key that every
 * request makes, such as the session's) asks for the same with `.modifyFront(PREPARE)`.
 * At most `perConnection` statements are named on one connection (the server keeps each one's
 * plan for the connection's life); later ones run unnamed.
 */
const MARK = '/* apres:prepare */';

/** Put at the front of a select (`.modifyFront(PREPARE)`): prepared like a transaction's statements. */
export const PREPARE = sql.raw(MARK);

/**
 * A prepared statement whose tables changed shape under it (another process migrated the schema
 * while this one runs) fails on every later run on that connection; such a connection is closed
 * when released, and the pool opens a fresh one.
 */
const STALE_PLAN = new Set(['0A000', '26000']);

export function preparingPool(pool: pg.Pool, opts: { perConnection?: number; replaceStaleConnections?: boolean } = {}) {
  const perConnection = opts.perConnection ?? 128;
  const wrapped = new WeakMap<pg.PoolClient, pg.PoolClient>();
  // What the server holds, per server session: pg's clients on PGlite share one session (and its
  // prepared statements), and the pool replaces idle clients.
  const preparedBySession = new WeakMap<object, Set<string>>();
  const names = new Map<string, string>();
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (!name) {
      name = `apres_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
      if (names.size < 10_000) names.set(text, name);
    }
    return name;
  };
  const wrap = (client: pg.PoolClient): pg.PoolClient => {
    let inTransaction = false;
    let stale = false;
    const session = (client as unknown as { connection?: object }).connection ?? client;
    let prepared = preparedBySession.get(session);
    if (!prepared) {
      prepared = new Set<string>();
      preparedBySession.set(session, prepared);
    }
    const held = prepared;
    const query = client.query.bind(client) as (...args: unknown[]) => Promise<pg.QueryResult>;
    const named = (config: { name: string; text: string; values: unknown[] }) =>
      query(config).catch((err: unknown) => {
        if (opts.replaceStaleConnections && STALE_PLAN.has((err as { code?: string }).code ?? '')) stale = true;
        throw err;
      });
    return new Proxy(client, {
      get(target, prop, receiver) {
        if (prop === 'release') {
          return (err?: Error | boolean) =>
            target.release(stale ? new Error('a prepared statement went stale (the schema changed): connection replaced') : err);
        }
        if (prop !== 'query') return Reflect.get(target, prop, receiver);
        return (text: unknown, values?: unknown[]) => {
          if (typeof text !== 'string') return query(text, values);
          if (/^(begin|start transaction)\b/i.test(text)) inTransaction = true;
          // A savepoint's 'rollback to' leaves the transaction open.
          else if (/^(commit|end|abort)\b/i.test(text) || (/^rollback\b/i.test(text) && !/^rollback\s+to\b/i.test(text))) inTransaction = false;
          else if ((inTransaction || text.includes(MARK)) && values && values.length > 0) {
            const name = nameOf(text);
            if (held.has(name) || held.size < perConnection) {
              held.add(name);
              return named({ name, text, values });
            }
          }
          return query(text, values);
        };
      },
    });
  };
  return {
    async connect(): Promise<pg.PoolClient> {
      const client = await pool.connect();
      let w = wrapped.get(client);
      if (!w) {
        w = wrap(client);
        wrapped.set(client, w);
      }
      return w;
    },
    end: () => pool.end(),
  };
}
