import { sql } from 'kysely';
import pg from 'pg';
import type { Database, Db } from '../db/database.ts';

/** The one channel every Apres process listens on. */
export const EVENT_CHANNEL = 'apres_events';
/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more: events carry ids, never content. */
const MAX_PAYLOAD_BYTES = 7900;

/** What subscribers hear: an event published by any process, or a gap after which they must re-read. */
export type BusMessage = { kind: 'event'; event: Record<string, unknown> } | { kind: 'resync' };

/**
 * A small publish/subscribe bus across every process of one database, for live screens. Publishing
 * is `pg_notify` in the caller's transaction, so subscribers hear of a change only once it is
 * committed, and never of one rolled back. Listening is a dedicated connection on PostgreSQL (the
 * pool's connections come and go; LISTEN belongs to one session) and PGlite's own listener on the
 * embedded store, which is one process. Delivery is at most once: a subscriber that missed events
 * (the listening connection dropped) is told to re-read (`resync`). Knows no module: events are
 * plain objects whose meaning belongs to whoever publishes them.
 */
export interface EventBus {
  publish(trx: Db, event: Record<string, unknown>): Promise<void>;
  /** Starts listening with the first subscriber and stops with the last; returns the unsubscribe. */
  subscribe(fn: (message: BusMessage) => void): Promise<() => Promise<void>>;
}

export function createEventBus(database: Database, log: (msg: string, err?: unknown) => void = () => {}): EventBus {
  const subscribers = new Set<(m: BusMessage) => void>();
  const deliver = (m: BusMessage) => {
    for (const fn of [...subscribers]) fn(m);
  };
  const onPayload = (payload: string | undefined) => {
    if (!payload) return;
    try {
      deliver({ kind: 'event', event: JSON.parse(payload) as Record<string, unknown> });
    } catch (err) {
      log('event bus: an unreadable event was ignored', err);
    }
  };
  const listener = database.kind === 'pglite' ? pgliteListener(database, onPayload) : postgresListener(database.pool, onPayload, () => deliver({ kind: 'resync' }), log);
  let starting: Promise<void> | null = null;
  return {
    async publish(trx, event) {
      const payload = JSON.stringify(event);
      if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) throw new Error(`event too large for the bus (${Buffer.byteLength(payload)} bytes)`);
      await sql`select pg_notify(${EVENT_CHANNEL}, ${payload})`.execute(trx);
    },
    async subscribe(fn) {
      subscribers.add(fn);
      // Concurrent first subscribers share one start; later ones find the listener running.
      starting ??= listener.start().finally(() => (starting = null));
      await starting;
      return async () => {
        if (!subscribers.delete(fn)) return;
        if (subscribers.size === 0) await listener.stop();
      };
    },
  };
}

interface Listener {
  start(): Promise<void>;
  stop(): Promise<void>;
}

function pgliteListener(database: Database, onPayload: (p: string) => void): Listener {
  let unlisten: (() => Promise<void>) | null = null;
  return {
    async start() {
      if (!unlisten) unlisten = await database.pglite!.listen(EVENT_CHANNEL, onPayload);
    },
    async stop() {
      const u = unlisten;
      unlisten = null;
      if (u) await u();
    },
  };
}

/**
 * LISTEN on a connection of its own, opened with the pool's settings. A dropped connection is
 * opened again (1 s, then up to 30 s apart) while anyone listens, and subscribers are told to re-read
 * what they show, since events sent meanwhile are lost.
 */
function postgresListener(pool: pg.Pool, onPayload: (p: string | undefined) => void, onGap: () => void, log: (msg: string, err?: unknown) => void): Listener {
  let client: pg.Client | null = null;
  let wanted = false;
  let retryMs = 1000;
  let timer: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const c = new pg.Client(pool.options);
    c.on('notification', (n) => {
      if (n.channel === EVENT_CHANNEL) onPayload(n.payload);
    });
    c.on('error', (err) => {
      log('event bus: the listening connection failed; opening it again', err);
      void c.end().catch(() => {});
    });
    c.on('end', () => {
      if (client !== c) return;
      client = null;
      if (wanted) schedule();
    });
    await c.connect();
    await c.query(`listen ${EVENT_CHANNEL}`);
    client = c;
    retryMs = 1000;
  };
  const schedule = () => {
    if (timer || !wanted) return;
    timer = setTimeout(() => {
      timer = null;
      if (!wanted || client) return;
      connect().then(onGap, (err: unknown) => {
        log('event bus: could not listen; trying again', err);
        retryMs = Math.min(retryMs * 2, 30_000);
        schedule();
      });
    }, retryMs);
    timer.unref();
  };
  return {
    async start() {
      wanted = true;
      if (!client) await connect();
    },
    async stop() {
      wanted = false;
      if (timer) clearTimeout(timer);
      timer = null;
      const c = client;
      client = null;
      if (c) await c.end().catch(() => {});
    },
  };
}
