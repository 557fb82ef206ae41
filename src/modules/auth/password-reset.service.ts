import crypto from 'node:crypto';
import { sql } from 'kysely';
import { type Db, withTransaction } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { hashPassword } from './password.ts';

export const RESET_TTL_MINUTES = 60;
/** Per hour: links sent for one account, and requests from one address (whatever the account). */
export const RESET_LIMITS = { perAccountPerHour: 3, perAddressPerHour: 10 };
export const MIN_PASSWORD_LENGTH = 10;

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/** How the link reaches the user; the e-mail module implements it, the composition root wires it. */
export interface PasswordResetMailer {
  resetLink(trx: Db, mail: { userId: string; link: string; expiresAt: Date; at: Date }): Promise<void>;
}

/**
 * Sends a single-use link to reset the password of the account with this address, if there is
 * one that may sign in. The answer is the same whether or not there is (no one learns which
 * addresses have accounts), and past the hourly limits nothing more is sent.
 */
export async function requestPasswordReset(
  db: Db,
  mailer: PasswordResetMailer,
  input: { email: string; ip: string; publicUrl: string },
  now: Date,
): Promise<void> {
  const hourAgo = new Date(now.getTime() - 3600_000);
  await withTransaction(db, async (trx) => {
    const user = await trx.selectFrom('app_user').select(['id', 'active']).where(sql`lower(email)`, '=', input.email.trim().toLowerCase()).executeTakeFirst();
    const [byAccount, byAddress] = await Promise.all([
      user ? trx.selectFrom('password_reset').select((eb) => eb.fn.countAll<string>().as('n')).where('user_id', '=', user.id).where('created_at', '>', hourAgo).where('purpose', '=', 'reset').executeTakeFirstOrThrow() : { n: '0' },
      trx.selectFrom('password_reset').select((eb) => eb.fn.countAll<string>().as('n')).where('requested_ip', '=', input.ip).where('created_at', '>', hourAgo).where('purpose', '=', 'reset').executeTakeFirstOrThrow(),
    ]);
    if (!user || !user.active) return;
    if (Number(byAccount.n) >= RESET_LIMITS.perAccountPerHour || Number(byAddress.n) >= RESET_LIMITS.perAddressPerHour) return;
    const token = crypto.randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + RESET_TTL_MINUTES * 60_000);
    await trx.insertInto('password_reset').values({ token_hash: sha256(token), user_id: user.id, requested_ip: input.ip, created_at: now, expires_at: expiresAt }).execute();
    const link = `${input.publicUrl.replace(/\/$/, '')}/reset-password#token=${token}`;
    await mailer.resetLink(trx, { userId: user.id, link, expiresAt, at: now });
  });
}

/**
 * Sets a new password with a link's token: once, before it expires. Every session of the user
 * ends (whoever had the old password is out) and the account's login count starts again.
 */
export async function confirmPasswordReset(db: Db, input: { token: string; password: string }, now: Date): Promise<{ userId: string }> {
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('VALIDATION_FAILED', 400, `password: at least ${MIN_PASSWORD_LENGTH} characters`, { errors: [{ field: 'password', code: 'too_small', message: `at least ${MIN_PASSWORD_LENGTH} characters` }] });
  }
  const passwordHash = await hashPassword(input.password);
  return withTransaction(db, async (trx) => {
    const used = await trx
      .updateTable('password_reset')
      .set({ used_at: now })
      .where('token_hash', '=', sha256(input.token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('user_id')
      .executeTakeFirst();
    if (!used) {
      throw new AppError('AUTH_RESET_LINK_INVALID', 400, 'This link is not valid any more: ask for a new one', { errors: [{ field: 'token', code: 'invalid_value', message: 'unknown, used or expired' }] });
    }
    const user = await trx.updateTable('app_user').set({ password_hash: passwordHash }).where('id', '=', used.user_id).returning('email').executeTakeFirstOrThrow();
    // Other links of the same user die with this one.
    await trx.updateTable('password_reset').set({ used_at: now }).where('user_id', '=', used.user_id).where('used_at', 'is', null).execute();
    await trx.deleteFrom('session').where('user_id', '=', used.user_id).execute();
    const e = user.email.toLowerCase();
    await trx.deleteFrom('login_throttle').where((eb) => eb.or([eb('key', '=', `account:${e}`), sql<boolean>`starts_with(key, ${`account-address:${e}|`})`])).execute();
    return { userId: used.user_id };
  });
}

/**
 * A single-use link to set the password of an account that has none yet (a requester whose account
 * a public web form made): the same token as a reset link, confirmed by `confirmPasswordReset`,
 * valid for `ttlMinutes`. Written in the caller's transaction; answers the token to put in the link.
 */
export async function issueAccountLink(trx: Db, input: { userId: string; ip: string; ttlMinutes: number }, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + input.ttlMinutes * 60_000);
  // A first password, like an admin's invitation: it does not count toward the hourly reset limits.
  await trx.insertInto('password_reset').values({ token_hash: sha256(token), user_id: input.userId, requested_ip: input.ip, created_at: now, expires_at: expiresAt, purpose: 'invitation' }).execute();
  return { token, expiresAt };
}
