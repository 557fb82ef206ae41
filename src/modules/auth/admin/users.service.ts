import crypto from 'node:crypto';
import { sql } from 'kysely';
import { type Db, withTransaction } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/errors/app-error.ts';
import type { Locale, Role } from '../../../platform/db/schema.ts';
import { type Actor, assertAdmin, PORTAL_ROLES, STAFF_ROLES } from '../actor.ts';
import { assertBrandsExist, fieldError, likeEscape } from './admin-checks.ts';

/** An invitation link lasts a week: long enough for a weekend, short enough not to linger in a mailbox. */
export const INVITATION_TTL_DAYS = 7;

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/** How an invitation reaches its invitee; the e-mail module implements it, the composition root wires it. */
export interface InvitationMailer {
  invitation(trx: Db, mail: { userId: string; brandId: string; invitedBy: string; link: string; expiresAt: Date; at: Date }): Promise<void>;
}

export interface UserListQuery {
  search?: string | undefined;
  role?: Role | undefined;
  brandId?: string | undefined;
  active?: boolean | undefined;
  cursor?: string | undefined;
  limit: number;
}

export interface AdminUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  active: boolean;
  /** False until the person has chosen a password (an invitation not yet accepted). */
  passwordSet: boolean;
  organisationId: string | null;
  organisationName: string | null;
  brandIds: string[];
  groupIds: string[];
  createdAt: Date;
  deactivatedAt: Date | null;
}

const list = (v: string[] | string): string[] => (typeof v === 'string' ? (JSON.parse(v) as string[]) : v);

function selectUsers(db: Db) {
  return db
    .selectFrom('app_user as u')
    .leftJoin('organisation as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.email', 'u.name', 'u.role', 'u.locale', 'u.active', 'u.organisation_id', 'o.name as organisation_name', 'u.created_at', 'u.deactivated_at'])
    .select(sql<boolean>`u.password_hash is not null`.as('password_set'))
    .select(sql<string[]>`to_json(array(select ub.brand_id from user_brand ub where ub.user_id = u.id order by ub.brand_id))`.as('brand_ids'))
    .select(sql<string[]>`to_json(array(select gm.group_id from group_member gm where gm.user_id = u.id order by gm.group_id))`.as('group_ids'));
}

type UserRow = Awaited<ReturnType<ReturnType<typeof selectUsers>['executeTakeFirstOrThrow']>>;

const toAdminUser = (r: UserRow): AdminUser => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  locale: r.locale,
  active: r.active,
  passwordSet: r.password_set,
  organisationId: r.organisation_id,
  organisationName: r.organisation_name,
  brandIds: list(r.brand_ids),
  groupIds: list(r.group_ids),
  createdAt: r.created_at,
  deactivatedAt: r.deactivated_at,
});

function decodeUserCursor(raw: string): { name: string; id: string } {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { name?: unknown; id?: unknown };
    if (typeof c.name === 'string' && typeof c.id === 'string' && /^[0-9a-f-]{36}$/.test(c.id)) return { name: c.name, id: c.id };
  } catch {
    // fall through to the refusal
  }
  throw fieldError('VALIDATION_FAILED', 400, 'cursor', 'is not a cursor this API returned', 'invalid_format');
}

/** People by name, filtered by a search (name or address, accents kept), role, brand and whether active. */
export async function listUsers(db: Db, actor: Actor, q: UserListQuery): Promise<{ items: AdminUser[]; nextCursor: string | null }> {
  assertAdmin(actor, 'Only an administrator manages people');
  let query = selectUsers(db).orderBy(sql`lower(u.name)`).orderBy('u.id').limit(q.limit + 1);
  if (q.search?.trim()) {
    const like = `%${likeEscape(q.search.trim().toLowerCase())}%`;
    query = query.where((eb) => eb.or([eb(sql`lower(u.name)`, 'like', like), eb(sql`lower(u.email)`, 'like', like)]));
  }
  if (q.role) query = query.where('u.role', '=', q.role);
  if (q.active !== undefined) query = query.where('u.active', '=', q.active);
  if (q.brandId) query = query.where((eb) => eb.exists(eb.selectFrom('user_brand as fb').select('fb.user_id').whereRef('fb.user_id', '=', 'u.id').where('fb.brand_id', '=', q.brandId!)));
  if (q.cursor) {
    const c = decodeUserCursor(q.cursor);
    query = query.where(sql<boolean>`(lower(u.name), u.id) > (${c.name}, ${c.id}::uuid)`);
  }
  const rows = await query.execute();
  const items = rows.slice(0, q.limit).map(toAdminUser);
  const last = rows.length > q.limit ? items[items.length - 1] : undefined;
  return { items, nextCursor: last ? Buffer.from(JSON.stringify({ name: last.name.toLowerCase(), id: last.id })).toString('base64url') : null };
}

export async function getUser(db: Db, actor: Actor, userId: string): Promise<AdminUser> {
  assertAdmin(actor, 'Only an administrator manages people');
  const row = await selectUsers(db).where('u.id', '=', userId).executeTakeFirst();
  if (!row) throw notFound('USER_NOT_FOUND', 'User');
  return toAdminUser(row);
}

/**
 * A portal role belongs to an organisation of its kind (a reseller to a reseller, a distributor to a
 * distributor: ticket visibility reads the chain from it); a customer may have one; staff never do.
 */
async function checkOrganisation(trx: Db, role: Role, organisationId: string | null): Promise<void> {
  const needs = role === 'reseller' ? 'reseller' : role === 'distributor' ? 'distributor' : null;
  if (!organisationId) {
    if (needs) throw fieldError('USER_ORGANISATION_INVALID', 400, 'organisationId', `a ${role} belongs to a ${needs} organisation`, 'required');
    return;
  }
  if (STAFF_ROLES.includes(role)) throw fieldError('USER_ORGANISATION_INVALID', 400, 'organisationId', 'staff belong to no organisation');
  const org = await trx.selectFrom('organisation').select('kind').where('id', '=', organisationId).executeTakeFirst();
  if (!org) throw fieldError('USER_ORGANISATION_INVALID', 400, 'organisationId', 'unknown organisation');
  const expected = needs ?? 'customer';
  if (org.kind !== expected) throw fieldError('USER_ORGANISATION_INVALID', 400, 'organisationId', `a ${role} belongs to a ${expected} organisation, not a ${org.kind}`);
}

/**
 * Groups must be of the person's brands, and only the desk and the workshop are in groups. Returns
 * the group ids to keep when the brands or the role change.
 */
async function checkGroups(trx: Db, role: Role, brandIds: readonly string[], groupIds: readonly string[]): Promise<void> {
  if (groupIds.length === 0) return;
  if (!STAFF_ROLES.includes(role)) throw fieldError('GROUP_MEMBER_INVALID', 400, 'groupIds', 'only staff are members of groups');
  const groups = await trx.selectFrom('agent_group').select(['id', 'brand_id']).where('id', 'in', [...groupIds]).execute();
  if (groups.length !== new Set(groupIds).size) throw fieldError('GROUP_MEMBER_INVALID', 400, 'groupIds', 'unknown group');
  if (groups.some((g) => !brandIds.includes(g.brand_id))) throw fieldError('GROUP_MEMBER_INVALID', 400, 'groupIds', "a group of a brand the person does not work for");
}

/**
 * The active administrators, locked in one order (so two admins demoting each other at once cannot
 * both succeed, nor deadlock): the rule "one admin stays" is checked against them.
 */
function lockActiveAdmins(trx: Db) {
  return trx.selectFrom('app_user').select('id').where('role', '=', 'admin').where('active', '=', true).orderBy('id').forUpdate().execute();
}

async function sendInvitation(trx: Db, mailer: InvitationMailer, input: { userId: string; brandId: string; actor: Actor; ip: string; publicUrl: string }, now: Date): Promise<void> {
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 24 * 3600_000);
  // Earlier links of the same person stop working: only the newest invitation counts.
  await trx.updateTable('password_reset').set({ used_at: now }).where('user_id', '=', input.userId).where('used_at', 'is', null).execute();
  await trx.insertInto('password_reset').values({ token_hash: sha256(token), user_id: input.userId, requested_ip: input.ip, created_at: now, expires_at: expiresAt, purpose: 'invitation' }).execute();
  const link = `${input.publicUrl.replace(/\/$/, '')}/welcome#token=${token}`;
  await mailer.invitation(trx, { userId: input.userId, brandId: input.brandId, invitedBy: input.actor.name, link, expiresAt, at: now });
}

export interface InviteUserInput {
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  brandIds: string[];
  groupIds: string[];
  organisationId: string | null;
}

/**
 * Creates the account without a password and mails the invitee a link to choose one, in their
 * language, from the address of their first brand — all in one transaction with the mail queued.
 */
export async function inviteUser(db: Db, mailer: InvitationMailer, actor: Actor, input: InviteUserInput, ctx: { ip: string; publicUrl: string }, now: Date): Promise<AdminUser> {
  assertAdmin(actor, 'Only an administrator invites people');
  if (input.brandIds.length === 0) throw fieldError('VALIDATION_FAILED', 400, 'brandIds', 'choose at least one brand: the invitation is written from its address', 'too_small');
  const email = input.email.trim();
  const userId = await withTransaction(db, async (trx) => {
    await assertBrandsExist(trx, input.brandIds);
    await checkOrganisation(trx, input.role, input.organisationId);
    await checkGroups(trx, input.role, input.brandIds, input.groupIds);
    const taken = await trx.selectFrom('app_user').select('id').where(sql`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
    if (taken) throw fieldError('USER_EMAIL_TAKEN', 409, 'email', 'an account with this address exists');
    const created = await trx
      .insertInto('app_user')
      .values({ email, name: input.name.trim(), role: input.role, locale: input.locale, organisation_id: input.organisationId, password_hash: null, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('user_brand').values(input.brandIds.map((b) => ({ user_id: created.id, brand_id: b }))).execute();
    if (input.groupIds.length) await trx.insertInto('group_member').values(input.groupIds.map((g) => ({ group_id: g, user_id: created.id }))).execute();
    const firstBrand = await trx.selectFrom('brand').select('id').where('id', 'in', input.brandIds).orderBy('name').executeTakeFirstOrThrow();
    await sendInvitation(trx, mailer, { userId: created.id, brandId: firstBrand.id, actor, ...ctx }, now);
    return created.id;
  }).catch((err: unknown) => {
    // Two admins inviting the same address at once: the unique index answers for the second.
    if ((err as { code?: string }).code === '23505') throw fieldError('USER_EMAIL_TAKEN', 409, 'email', 'an account with this address exists');
    throw err;
  });
  return getUser(db, actor, userId);
}

/** A new invitation link for someone (the first expired, or never arrived); earlier links stop working. */
export async function resendInvitation(db: Db, mailer: InvitationMailer, actor: Actor, userId: string, ctx: { ip: string; publicUrl: string }, now: Date): Promise<AdminUser> {
  assertAdmin(actor, 'Only an administrator invites people');
  await withTransaction(db, async (trx) => {
    const user = await trx.selectFrom('app_user').select(['id', 'active']).where('id', '=', userId).executeTakeFirst();
    if (!user) throw notFound('USER_NOT_FOUND', 'User');
    if (!user.active) throw fieldError('VALIDATION_FAILED', 400, 'active', 'reactivate the account before inviting again');
    const brand = await trx.selectFrom('user_brand as ub').innerJoin('brand as b', 'b.id', 'ub.brand_id').select('b.id').where('ub.user_id', '=', userId).orderBy('b.name').executeTakeFirst();
    if (!brand) throw fieldError('VALIDATION_FAILED', 400, 'brandIds', 'give the person a brand first: the invitation is written from its address', 'too_small');
    await sendInvitation(trx, mailer, { userId, brandId: brand.id, actor, ...ctx }, now);
  });
  return getUser(db, actor, userId);
}

export interface UpdateUserInput {
  name?: string | undefined;
  role?: Role | undefined;
  locale?: Locale | undefined;
  brandIds?: string[] | undefined;
  groupIds?: string[] | undefined;
  organisationId?: string | null | undefined;
  active?: boolean | undefined;
}

/**
 * Changes a person's name, role, language, brands, groups, organisation or whether they may sign in.
 * Switched off, their sessions end at once and their open links stop working; the last active
 * administrator can be neither demoted nor switched off. Groups of brands they leave are left too.
 */
export async function updateUser(db: Db, actor: Actor, userId: string, input: UpdateUserInput, now: Date): Promise<AdminUser> {
  assertAdmin(actor, 'Only an administrator manages people');
  await withTransaction(db, async (trx) => {
    const unsafeUser = await trx.selectFrom('app_user').select('role').where('id', '=', userId).executeTakeFirst();
    if (!unsafeUser) throw notFound('USER_NOT_FOUND', 'User');
    const admins = unsafeUser.role === 'admin' ? await lockActiveAdmins(trx) : [];
    const user = await trx.selectFrom('app_user').select(['id', 'role', 'active', 'organisation_id']).where('id', '=', userId).forUpdate().executeTakeFirstOrThrow();
    const role = input.role ?? user.role;
    const lastAdmin = user.role === 'admin' && user.active && admins.length === 1 && admins[0]!.id === userId;
    if (lastAdmin && role !== 'admin') throw fieldError('USER_LAST_ADMIN', 409, 'role', 'the last active administrator keeps the admin role');
    if (lastAdmin && input.active === false) throw fieldError('USER_LAST_ADMIN', 409, 'active', 'the last active administrator cannot be deactivated');
    const currentBrands = (await trx.selectFrom('user_brand').select('brand_id').where('user_id', '=', userId).execute()).map((r) => r.brand_id);
    const brandIds = input.brandIds ?? currentBrands;
    if (input.brandIds) await assertBrandsExist(trx, input.brandIds);
    // A role that comes without an organisation drops it; one that needs another kind must be given it.
    const organisationId = input.organisationId !== undefined ? input.organisationId : STAFF_ROLES.includes(role) ? null : user.organisation_id;
    if (input.role !== undefined || input.organisationId !== undefined) await checkOrganisation(trx, role, organisationId);
    let groupIds = input.groupIds;
    if (groupIds) await checkGroups(trx, role, brandIds, groupIds);
    else if (PORTAL_ROLES.includes(role)) groupIds = [];
    await trx
      .updateTable('app_user')
      .set({
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.locale !== undefined ? { locale: input.locale } : {}),
        role,
        organisation_id: organisationId,
        ...(input.active !== undefined && input.active !== user.active ? { active: input.active, deactivated_at: input.active ? null : now } : {}),
      })
      .where('id', '=', userId)
      .execute();
    if (input.brandIds) {
      await trx.deleteFrom('user_brand').where('user_id', '=', userId).execute();
      if (brandIds.length) await trx.insertInto('user_brand').values(brandIds.map((b) => ({ user_id: userId, brand_id: b }))).execute();
    }
    if (groupIds) {
      await trx.deleteFrom('group_member').where('user_id', '=', userId).execute();
      if (groupIds.length) await trx.insertInto('group_member').values(groupIds.map((g) => ({ group_id: g, user_id: userId }))).execute();
    } else if (input.brandIds) {
      // Leaving a brand means leaving its groups.
      await trx
        .deleteFrom('group_member')
        .where('user_id', '=', userId)
        .where('group_id', 'not in', (eb) => eb.selectFrom('agent_group').select('id').where('brand_id', 'in', brandIds.length ? brandIds : ['00000000-0000-0000-0000-000000000000']))
        .execute();
    }
    if (input.active === false && user.active) {
      await trx.deleteFrom('session').where('user_id', '=', userId).execute();
      await trx.updateTable('password_reset').set({ used_at: now }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
    }
  });
  return getUser(db, actor, userId);
}
