import { type Db, withTransaction } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/errors/app-error.ts';
import { type Actor, assertAdmin, STAFF_ROLES } from '../actor.ts';
import { assertBrandsExist, fieldError } from './admin-checks.ts';

export interface AdminGroup {
  id: string;
  brandId: string;
  name: string;
  members: { id: string; name: string; email: string; role: string; active: boolean }[];
}

const nameTaken = () => fieldError('GROUP_NAME_TAKEN', 409, 'name', 'the brand has a group of this name');

/** Agent groups with their members, per brand (tickets are routed to a group; its members see them). */
export async function listAdminGroups(db: Db, actor: Actor, brandId?: string): Promise<AdminGroup[]> {
  assertAdmin(actor, 'Only an administrator manages groups');
  let q = db.selectFrom('agent_group as g').innerJoin('brand as b', 'b.id', 'g.brand_id').select(['g.id', 'g.brand_id', 'g.name']).orderBy('b.name').orderBy('g.name');
  if (brandId) q = q.where('g.brand_id', '=', brandId);
  const groups = await q.execute();
  if (groups.length === 0) return [];
  const members = await db
    .selectFrom('group_member as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select(['m.group_id', 'u.id', 'u.name', 'u.email', 'u.role', 'u.active'])
    .where('m.group_id', 'in', groups.map((g) => g.id))
    .orderBy('u.name')
    .execute();
  return groups.map((g) => ({
    id: g.id,
    brandId: g.brand_id,
    name: g.name,
    members: members.filter((m) => m.group_id === g.id).map((m) => ({ id: m.id, name: m.name, email: m.email, role: m.role, active: m.active })),
  }));
}

async function getAdminGroup(db: Db, actor: Actor, groupId: string): Promise<AdminGroup> {
  const group = await db.selectFrom('agent_group').select('brand_id').where('id', '=', groupId).executeTakeFirst();
  if (!group) throw notFound('GROUP_NOT_FOUND', 'Group');
  return (await listAdminGroups(db, actor, group.brand_id)).find((g) => g.id === groupId)!;
}

const uniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505';

export async function createGroup(db: Db, actor: Actor, input: { brandId: string; name: string }): Promise<AdminGroup> {
  assertAdmin(actor, 'Only an administrator manages groups');
  const id = await withTransaction(db, async (trx) => {
    await assertBrandsExist(trx, [input.brandId], 'brandId');
    const row = await trx.insertInto('agent_group').values({ brand_id: input.brandId, name: input.name.trim() }).onConflict((oc) => oc.columns(['brand_id', 'name']).doNothing()).returning('id').executeTakeFirst();
    if (!row) throw nameTaken();
    return row.id;
  });
  return getAdminGroup(db, actor, id);
}

export async function renameGroup(db: Db, actor: Actor, groupId: string, name: string): Promise<AdminGroup> {
  assertAdmin(actor, 'Only an administrator manages groups');
  try {
    const row = await db.updateTable('agent_group').set({ name: name.trim() }).where('id', '=', groupId).returning('id').executeTakeFirst();
    if (!row) throw notFound('GROUP_NOT_FOUND', 'Group');
  } catch (err) {
    if (uniqueViolation(err)) throw nameTaken();
    throw err;
  }
  return getAdminGroup(db, actor, groupId);
}

/** Adds a member of the desk or the workshop who works for the group's brand. */
export async function addGroupMember(db: Db, actor: Actor, groupId: string, userId: string): Promise<AdminGroup> {
  assertAdmin(actor, 'Only an administrator manages groups');
  await withTransaction(db, async (trx) => {
    const group = await trx.selectFrom('agent_group').select('brand_id').where('id', '=', groupId).executeTakeFirst();
    if (!group) throw notFound('GROUP_NOT_FOUND', 'Group');
    const user = await trx
      .selectFrom('app_user as u')
      .leftJoin('user_brand as ub', (j) => j.onRef('ub.user_id', '=', 'u.id').on('ub.brand_id', '=', group.brand_id))
      .select(['u.role', 'ub.brand_id'])
      .where('u.id', '=', userId)
      .executeTakeFirst();
    if (!user) throw fieldError('GROUP_MEMBER_INVALID', 400, 'userId', 'unknown person');
    if (!STAFF_ROLES.includes(user.role)) throw fieldError('GROUP_MEMBER_INVALID', 400, 'userId', 'only staff are members of groups');
    if (!user.brand_id) throw fieldError('GROUP_MEMBER_INVALID', 400, 'userId', "the person does not work for the group's brand");
    await trx.insertInto('group_member').values({ group_id: groupId, user_id: userId }).onConflict((oc) => oc.doNothing()).execute();
  });
  return getAdminGroup(db, actor, groupId);
}

export async function removeGroupMember(db: Db, actor: Actor, groupId: string, userId: string): Promise<AdminGroup> {
  assertAdmin(actor, 'Only an administrator manages groups');
  const group = await db.selectFrom('agent_group').select('id').where('id', '=', groupId).executeTakeFirst();
  if (!group) throw notFound('GROUP_NOT_FOUND', 'Group');
  await db.deleteFrom('group_member').where('group_id', '=', groupId).where('user_id', '=', userId).execute();
  return getAdminGroup(db, actor, groupId);
}
