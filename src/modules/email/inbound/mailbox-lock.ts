import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';

/*
 * One ingester per mailbox.
 *
 * Why a session advisory lock rather than `select … for update skip locked` in a transaction:
 * every message must be committed by acceptRawMessage (its own transaction) BEFORE it is marked
 * \Seen. A row lock lives only as long as an outer transaction, which would then have to stay open
 * across the IMAP network round trips, and acceptance inside it would not be committed until the
 * very end, i.e. after \Seen: a crash in between would lose mail. A session lock held on one
 * dedicated connection lets each message commit on its own, and PostgreSQL drops it by itself if
 * the process or connection dies, so a crashed fetcher never blocks the mailbox.
 *
 * PGlite is a single session, where advisory locks are re-entrant (they exclude nothing), and its
 * pool has one connection that we must not hold across network I/O. It is also one process only
 * (lockDataDir), so there an in-process guard is the whole lock. The guard is kept per database
 * handle: two handles on one PostgreSQL database stand for two processes and meet at the
 * advisory lock.
 */

export const LOCKED = Symbol('locked');
const busy = new WeakMap<Db, Set<string>>();
const singleSession = new WeakMap<Db, Promise<boolean>>();

function isSingleSession(db: Db): Promise<boolean> {
  let known = singleSession.get(db);
  if (!known) {
    known = sql<{ v: string }>`select version() as v`.execute(db).then((r) => /PGlite/i.test(r.rows[0]?.v ?? ''));
    singleSession.set(db, known);
    known.catch(() => singleSession.delete(db));
  }
  return known;
}

/** Runs `fn` unless another process, or another call here, is ingesting the mailbox: then LOCKED. */
export async function withMailboxLock<T>(db: Db, mailboxId: string, fn: () => Promise<T>): Promise<T | typeof LOCKED> {
  let mine = busy.get(db);
  if (!mine) busy.set(db, (mine = new Set()));
  if (mine.has(mailboxId)) return LOCKED;
  mine.add(mailboxId);
  try {
    if (await isSingleSession(db)) return await fn();
    return await db.connection().execute(async (conn) => {
      const key = `apres-imap:${mailboxId}`;
      const got = await sql<{ locked: boolean }>`select pg_try_advisory_lock(hashtext(${key})) as locked`.execute(conn);
      if (!got.rows[0]?.locked) return LOCKED;
      try {
        return await fn();
      } finally {
        await sql`select pg_advisory_unlock(hashtext(${key}))`.execute(conn).catch(() => undefined);
      }
    });
  } finally {
    mine.delete(mailboxId);
  }
}
