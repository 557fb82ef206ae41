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

export function preparingPool(pool: pg.Pool, perConnection = 128) {
  const wrapped = new WeakMap<pg.PoolClient, pg.PoolClient>();
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
    const prepared = new Set<string>();
    const query = client.query.bind(client) as (...args: unknown[]) => Promise<pg.QueryResult>;
    return new Proxy(client, {
      get(target, prop, receiver) {
        if (prop !== 'query') return Reflect.get(target, prop, receiver);
        return (text: unknown, values?: unknown[]) => {
          if (typeof text !== 'string') return query(text, values);
          if (/^(begin|start transaction)\b/i.test(text)) inTransaction = true;
          // A savepoint's 'rollback to' leaves the transaction open.
          else if (/^(commit|end|abort)\b/i.test(text) || (/^rollback\b/i.test(text) && !/^rollback\s+to\b/i.test(text))) inTransaction = false;
          else if ((inTransaction || text.includes(MARK)) && values && values.length > 0) {
            const name = nameOf(text);
            if (prepared.has(name) || prepared.size < perConnection) {
              prepared.add(name);
              return query({ name, text, values });
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
