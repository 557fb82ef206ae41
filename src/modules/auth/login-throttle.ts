import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

/**
 * Limits per key within a quiet window of 15 minutes. An account from one address gets 5 tries
 * (the owner mistyping), an account from anywhere 20 (a distributed guess), one address 30 across
 * all accounts (a password spray). Past a limit, every further try waits 30 s × 2ⁿ, at most 15 min.
 */
export const THROTTLE = {
  windowMinutes: 15,
  limits: { accountFromAddress: 5, account: 20, address: 30 },
  firstBackoffSeconds: 30,
  maxBackoffSeconds: 15 * 60,
} as const;

export function backoffSeconds(over: number): number {
  return Math.min(THROTTLE.maxBackoffSeconds, THROTTLE.firstBackoffSeconds * 2 ** Math.max(0, over - 1));
}

export function throttleKeys(email: string, ip: string): { key: string; limit: number }[] {
  const e = email.trim().toLowerCase();
  return [
    { key: `account-address:${e}|${ip}`, limit: THROTTLE.limits.accountFromAddress },
    { key: `account:${e}`, limit: THROTTLE.limits.account },
    { key: `address:${ip}`, limit: THROTTLE.limits.address },
  ];
}

/**
 * Takes one login slot for each key, atomically with the check (the row is locked for the
 * update): returns how long to wait when any key is blocked, else null and the attempt goes on.
 * Runs in the caller's transaction.
 */
export async function takeLoginSlot(trx: Db, email: string, ip: string, now: Date): Promise<number | null> {
  let waitSeconds = 0;
  const windowStart = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
  const keys = throttleKeys(email, ip).sort((a, b) => (a.key < b.key ? -1 : 1));
  for (const { key, limit } of keys) {
    await trx.insertInto('login_throttle').values({ key, attempts: 0, window_start: now, blocked_until: null }).onConflict((oc) => oc.column('key').doNothing()).execute();
    const row = await trx.selectFrom('login_throttle').selectAll().where('key', '=', key).forUpdate().executeTakeFirstOrThrow();
    if (row.blocked_until && row.blocked_until > now) {
      waitSeconds = Math.max(waitSeconds, Math.ceil((row.blocked_until.getTime() - now.getTime()) / 1000));
      continue;
    }
    // A quiet window (no try for 15 minutes, no block running) starts the count again.
    const fresh = row.window_start < windowStart;
    const attempts = (fresh ? 0 : row.attempts) + 1;
    const over = attempts - limit;
    const blockedUntil = over > 0 ? new Date(now.getTime() + backoffSeconds(over) * 1000) : null;
    await trx
      .updateTable('login_throttle')
      .set({ attempts, window_start: fresh ? now : row.window_start, blocked_until: blockedUntil })
      .where('key', '=', key)
      .execute();
  }
  return waitSeconds > 0 ? waitSeconds : null;
}

/**
 * The right password: this account's counts start again, and the address gives back the slot this
 * login took, so an office behind one address is never slowed by its own people signing in; only
 * failures add up there.
 */
export async function clearAccountThrottle(trx: Db, email: string, ip: string): Promise<void> {
  const keys = throttleKeys(email, ip);
  await trx.deleteFrom('login_throttle').where('key', 'in', keys.filter((k) => !k.key.startsWith('address:')).map((k) => k.key)).execute();
  await trx.updateTable('login_throttle').set((eb) => ({ attempts: sql<number>`greatest(${eb.ref('attempts')} - 1, 0)` })).where('key', '=', `address:${ip}`).execute();
}
