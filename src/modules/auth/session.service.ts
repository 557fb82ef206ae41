import crypto from 'node:crypto';
import { sql } from 'kysely';
import { type Db, withTransaction } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { type Actor, actorFromRow, loadActor, selectActors } from './actor.ts';
import { clearAccountThrottle, takeLoginSlot } from './login-throttle.ts';
import { hashPassword, verifyPassword } from './password.ts';

export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const randomToken = () => crypto.randomBytes(32).toString('base64url');

export interface SessionInfo {
  token: string;
  csrfToken: string;
  actor: Actor;
}

/**
 * Password login, throttled in the database (so every app process shares the count): a try takes
 * its slot before the password is checked, so parallel guesses are counted one by one; past the
 * limits (login-throttle.ts) further tries wait, with Retry-After, for a time that doubles.
 */
export async function login(db: Db, email: string, password: string, ip: string, now: Date): Promise<SessionInfo> {
  const waitSeconds = await withTransaction(db, (trx) => takeLoginSlot(trx, email, ip, now));
  if (waitSeconds !== null) {
    await db.insertInto('login_attempt').values({ email: email.slice(0, 254), ip, success: false, at: now }).execute();
    throw new AppError('AUTH_RATE_LIMITED', 429, 'Too many failed logins; try again later', { retryAfterSeconds: waitSeconds });
  }
  const user = await db
    .selectFrom('app_user')
    .select(['id', 'password_hash', 'active'])
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
  const ok = (await verifyPassword(user?.password_hash ?? null, password)) && user?.active === true;
  await db.insertInto('login_attempt').values({ email: email.slice(0, 254), ip, success: ok, at: now }).execute();
  if (!ok || !user) throw new AppError('AUTH_INVALID_CREDENTIALS', 401, 'Wrong e-mail address or password');
  await clearAccountThrottle(db, email, ip);
  return createSession(db, user.id, now);
}

/** Ends every session of a user (a stolen or forgotten device): "log out everywhere". */
export async function logoutEverywhere(db: Db, userId: string): Promise<number> {
  const r = await db.deleteFrom('session').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function createSession(db: Db, userId: string, now: Date): Promise<SessionInfo> {
  const token = randomToken();
  const csrfToken = randomToken();
  await db
    .insertInto('session')
    .values({ token_hash: sha256(token), user_id: userId, csrf_token: csrfToken, created_at: now, last_seen_at: now, expires_at: new Date(now.getTime() + SESSION_TTL_MS) })
    .execute();
  const actor = await loadActor(db, userId);
  if (!actor) throw new AppError('AUTH_REQUIRED', 401, 'Account disabled');
  return { token, csrfToken, actor };
}

export async function resolveSession(db: Db, token: string, now: Date): Promise<{ actor: Actor; csrfToken: string } | undefined> {
  // One round trip: the session, its user and the user's brands and groups.
  const row = await selectActors(db)
    .innerJoin('session as s', 's.user_id', 'u.id')
    .select(['s.csrf_token', 's.last_seen_at'])
    .where('s.token_hash', '=', sha256(token))
    .where('s.expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return undefined;
  // Sliding expiry, written at most once a minute per session.
  if (now.getTime() - row.last_seen_at.getTime() > 60_000) {
    await db
      .updateTable('session')
      .set({ last_seen_at: now, expires_at: new Date(now.getTime() + SESSION_TTL_MS) })
      .where('token_hash', '=', sha256(token))
      .execute();
  }
  return { actor: actorFromRow(row), csrfToken: row.csrf_token };
}

export async function logout(db: Db, token: string): Promise<void> {
  await db.deleteFrom('session').where('token_hash', '=', sha256(token)).execute();
}

/** Bearer tokens for integrations: `apres_<random>`, stored hashed (admins make them: admin/api-tokens.service.ts). */
export async function createApiToken(db: Db, userId: string, name: string, now: Date): Promise<string> {
  const token = newApiTokenSecret();
  await db.insertInto('api_token').values({ user_id: userId, name, token_hash: sha256(token), prefix: token.slice(0, 12), created_at: now }).execute();
  return token;
}

export const newApiTokenSecret = () => `apres_${randomToken()}`;
export const hashApiToken = sha256;

/** What a bearer token lets its holder do: act as its user, narrowed by the token's role, brands and scope. */
export interface TokenIdentity {
  actor: Actor;
  scope: 'read' | 'write';
}

/**
 * The identity behind a bearer token, or undefined for an unknown, revoked or expired one, or one
 * whose user is switched off. The token's narrower role and brands replace the user's own, so every
 * service's authorization treats it exactly like that (narrower) user.
 */
export async function resolveApiToken(db: Db, token: string, now: Date): Promise<TokenIdentity | undefined> {
  const row = await db
    .updateTable('api_token')
    .set({ last_used_at: now })
    .where('token_hash', '=', sha256(token))
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .returning(['user_id', 'role', 'brand_ids', 'scope'])
    .executeTakeFirst();
  if (!row) return undefined;
  const actor = await loadActor(db, row.user_id);
  if (!actor) return undefined;
  if (row.role) actor.role = row.role;
  if (row.brand_ids) {
    const allowed = new Set(row.brand_ids);
    actor.brandIds = actor.brandIds.filter((b) => allowed.has(b));
    actor.groupIds = actor.groupIds.length
      ? (await db.selectFrom('agent_group').select('id').where('id', 'in', actor.groupIds).where('brand_id', 'in', actor.brandIds.length ? actor.brandIds : ['00000000-0000-0000-0000-000000000000']).execute()).map((g) => g.id)
      : [];
  }
  return { actor, scope: row.scope };
}

export { hashPassword };
