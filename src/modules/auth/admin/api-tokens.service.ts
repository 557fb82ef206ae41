import { sql } from 'kysely';
import { type Db, withTransaction } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/errors/app-error.ts';
import type { Role } from '../../../platform/db/schema.ts';
import { type Actor, assertAdmin } from '../actor.ts';
import { hashApiToken, newApiTokenSecret } from '../session.service.ts';
import { assertBrandsExist, fieldError } from './admin-checks.ts';

export interface AdminApiToken {
  id: string;
  name: string;
  /** The first characters of the secret, to recognise it; the secret itself is shown once, at creation. */
  prefix: string;
  user: { id: string; name: string; email: string; role: Role };
  role: Role | null;
  brandIds: string[] | null;
  scope: 'read' | 'write';
  expiresAt: Date | null;
  createdAt: Date;
  createdBy: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface CreateApiTokenInput {
  name: string;
  /** Whom the token acts as; the admin themself when absent. */
  userId?: string | undefined;
  role?: Role | null | undefined;
  brandIds?: string[] | null | undefined;
  scope: 'read' | 'write';
  expiresAt?: Date | null | undefined;
}

function selectTokens(db: Db) {
  return db
    .selectFrom('api_token as t')
    .innerJoin('app_user as u', 'u.id', 't.user_id')
    .leftJoin('app_user as c', 'c.id', 't.created_by_id')
    .select(['t.id', 't.name', 't.prefix', 't.role', 't.brand_ids', 't.scope', 't.expires_at', 't.created_at', 't.last_used_at', 't.revoked_at'])
    .select(['u.id as user_id', 'u.name as user_name', 'u.email as user_email', 'u.role as user_role', 'c.name as created_by']);
}
type TokenRow = Awaited<ReturnType<ReturnType<typeof selectTokens>['executeTakeFirstOrThrow']>>;
const toToken = (r: TokenRow): AdminApiToken => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  user: { id: r.user_id, name: r.user_name, email: r.user_email, role: r.user_role },
  role: r.role,
  brandIds: r.brand_ids,
  scope: r.scope,
  expiresAt: r.expires_at,
  createdAt: r.created_at,
  createdBy: r.created_by,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

export async function listApiTokens(db: Db, actor: Actor): Promise<AdminApiToken[]> {
  assertAdmin(actor, 'Only an administrator manages API tokens');
  return (await selectTokens(db).orderBy(sql`t.revoked_at is not null`).orderBy('t.created_at', 'desc').orderBy('t.id').limit(500).execute()).map(toToken);
}

/**
 * Which role a token may narrow its user to: an administrator's token may act as an agent or a
 * technician (and then be held to brands); anyone else's acts in their own role.
 */
function allowedRoles(userRole: Role): Role[] {
  return userRole === 'admin' ? ['admin', 'agent', 'technician'] : [userRole];
}

/**
 * Makes a token and returns its secret — the only time it is ever shown; the database keeps its
 * SHA-256. A brand limit narrows the user's own brands, so it must be a subset of them, and an
 * administrator's role (which sees every brand) cannot be limited: the token must act as staff.
 */
export async function createAdminApiToken(db: Db, actor: Actor, input: CreateApiTokenInput, now: Date): Promise<{ token: AdminApiToken; secret: string }> {
  assertAdmin(actor, 'Only an administrator manages API tokens');
  const userId = input.userId ?? actor.userId;
  if (input.expiresAt && input.expiresAt.getTime() <= now.getTime()) throw fieldError('VALIDATION_FAILED', 400, 'expiresAt', 'must be in the future', 'too_small');
  const secret = newApiTokenSecret();
  const id = await withTransaction(db, async (trx) => {
    const user = await trx.selectFrom('app_user').select(['role', 'active']).where('id', '=', userId).executeTakeFirst();
    if (!user) throw fieldError('API_TOKEN_NOT_ALLOWED', 400, 'userId', 'unknown person');
    if (!user.active) throw fieldError('API_TOKEN_NOT_ALLOWED', 400, 'userId', 'the account is deactivated');
    const role = input.role ?? null;
    if (role && !allowedRoles(user.role).includes(role)) throw fieldError('API_TOKEN_NOT_ALLOWED', 400, 'role', `a token of a ${user.role} may act as ${allowedRoles(user.role).join(' or ')} only`);
    const brandIds = input.brandIds?.length ? [...new Set(input.brandIds)] : null;
    if (brandIds) {
      await assertBrandsExist(trx, brandIds);
      if ((role ?? user.role) === 'admin') throw fieldError('API_TOKEN_NOT_ALLOWED', 400, 'brandIds', 'an administrator acts on every brand: choose the agent or technician role to limit the token to brands');
      const own = (await trx.selectFrom('user_brand').select('brand_id').where('user_id', '=', userId).execute()).map((r) => r.brand_id);
      if (brandIds.some((b) => !own.includes(b))) throw fieldError('API_TOKEN_NOT_ALLOWED', 400, 'brandIds', 'the person does not work for every chosen brand');
    }
    const row = await trx
      .insertInto('api_token')
      .values({
        user_id: userId,
        name: input.name.trim(),
        token_hash: hashApiToken(secret),
        prefix: secret.slice(0, 12),
        created_at: now,
        created_by_id: actor.userId,
        expires_at: input.expiresAt ?? null,
        role,
        brand_ids: brandIds,
        scope: input.scope,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
  const token = await selectTokens(db).where('t.id', '=', id).executeTakeFirstOrThrow();
  return { token: toToken(token), secret };
}

/** Revoked, the token answers 401 from its next request on; revoking twice keeps the first instant. */
export async function revokeApiToken(db: Db, actor: Actor, id: string, now: Date): Promise<AdminApiToken> {
  assertAdmin(actor, 'Only an administrator manages API tokens');
  const found = await db.selectFrom('api_token').select('id').where('id', '=', id).executeTakeFirst();
  if (!found) throw notFound('API_TOKEN_NOT_FOUND', 'API token');
  await db.updateTable('api_token').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  return toToken(await selectTokens(db).where('t.id', '=', id).executeTakeFirstOrThrow());
}
