import { sql } from 'kysely';
import { type Db, withTransaction } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/errors/app-error.ts';
import type { OrganisationKind } from '../../../platform/db/schema.ts';
import { type Actor, assertAdmin } from '../actor.ts';
import { fieldError, likeEscape } from './admin-checks.ts';

/**
 * The reseller chain (seed 002): a customer organisation buys through a reseller, a reseller through
 * a distributor. Each kind's parent is of the next kind up; ticket visibility reads one step of it
 * (a distributor sees the cases of the resellers right below it).
 */
const PARENT_KIND: Record<OrganisationKind, OrganisationKind | null> = { customer: 'reseller', reseller: 'distributor', distributor: null };

export interface AdminOrganisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  parentId: string | null;
  parentName: string | null;
  memberCount: number;
  childCount: number;
}

export interface AdminOrganisationDetail extends AdminOrganisation {
  members: { id: string; name: string; email: string; role: string; active: boolean }[];
  children: { id: string; name: string; kind: OrganisationKind }[];
}

function selectOrganisations(db: Db) {
  return db
    .selectFrom('organisation as o')
    .leftJoin('organisation as p', 'p.id', 'o.parent_id')
    .select(['o.id', 'o.name', 'o.kind', 'o.parent_id', 'p.name as parent_name'])
    .select(sql<string>`(select count(*) from app_user u where u.organisation_id = o.id)`.as('member_count'))
    .select(sql<string>`(select count(*) from organisation c where c.parent_id = o.id)`.as('child_count'));
}

type OrgRow = Awaited<ReturnType<ReturnType<typeof selectOrganisations>['executeTakeFirstOrThrow']>>;
const toOrganisation = (r: OrgRow): AdminOrganisation => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  parentId: r.parent_id,
  parentName: r.parent_name,
  memberCount: Number(r.member_count),
  childCount: Number(r.child_count),
});

export async function listOrganisations(db: Db, actor: Actor, q: { search?: string | undefined; kind?: OrganisationKind | undefined }): Promise<AdminOrganisation[]> {
  assertAdmin(actor, 'Only an administrator manages organisations');
  let query = selectOrganisations(db).orderBy(sql`lower(o.name)`).orderBy('o.id').limit(500);
  if (q.kind) query = query.where('o.kind', '=', q.kind);
  if (q.search?.trim()) query = query.where(sql`lower(o.name)`, 'like', `%${likeEscape(q.search.trim().toLowerCase())}%`);
  return (await query.execute()).map(toOrganisation);
}

export async function getOrganisation(db: Db, actor: Actor, id: string): Promise<AdminOrganisationDetail> {
  assertAdmin(actor, 'Only an administrator manages organisations');
  const row = await selectOrganisations(db).where('o.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('ORGANISATION_NOT_FOUND', 'Organisation');
  const [members, children] = await Promise.all([
    db.selectFrom('app_user').select(['id', 'name', 'email', 'role', 'active']).where('organisation_id', '=', id).orderBy('name').execute(),
    db.selectFrom('organisation').select(['id', 'name', 'kind']).where('parent_id', '=', id).orderBy('name').execute(),
  ]);
  return { ...toOrganisation(row), members, children };
}

/**
 * Checks a parent for an organisation of `kind` (`id` undefined for a new one): it exists, is not the
 * organisation itself nor below it in the chain (a cycle), and is of the next kind up.
 */
async function checkParent(trx: Db, id: string | undefined, kind: OrganisationKind, parentId: string | null): Promise<void> {
  if (!parentId) return;
  const parent = await trx.selectFrom('organisation').select('kind').where('id', '=', parentId).executeTakeFirst();
  if (!parent) throw fieldError('ORGANISATION_PARENT_INVALID', 400, 'parentId', 'unknown organisation');
  if (id) {
    // The parent's own ancestors, walked up; meeting the organisation itself closes a loop.
    const loop = await sql<{ id: string }>`
      with recursive up(id, parent_id, depth) as (
        select id, parent_id, 0 from organisation where id = ${parentId}
        union all
        select o.id, o.parent_id, up.depth + 1 from organisation o join up on o.id = up.parent_id where up.depth < 100
      )
      select id from up where id = ${id} limit 1`.execute(trx);
    if (loop.rows.length) throw fieldError('ORGANISATION_CHAIN_CYCLE', 400, 'parentId', 'this organisation is above the chosen parent in the chain: the chain would loop');
  }
  const expected = PARENT_KIND[kind];
  if (parent.kind !== expected) {
    throw fieldError('ORGANISATION_PARENT_INVALID', 400, 'parentId', expected ? `a ${kind}'s parent is a ${expected}, not a ${parent.kind}` : `a ${kind} is at the top of the chain`);
  }
}

/** Serialises changes to the chain: two edits each valid alone could together close a loop. */
const lockChain = (trx: Db) => sql`select pg_advisory_xact_lock(hashtext('apres-organisation-chain'))`.execute(trx);

export async function createOrganisation(db: Db, actor: Actor, input: { name: string; kind: OrganisationKind; parentId: string | null }): Promise<AdminOrganisationDetail> {
  assertAdmin(actor, 'Only an administrator manages organisations');
  const id = await withTransaction(db, async (trx) => {
    await lockChain(trx);
    await checkParent(trx, undefined, input.kind, input.parentId);
    return (await trx.insertInto('organisation').values({ name: input.name.trim(), kind: input.kind, parent_id: input.parentId }).returning('id').executeTakeFirstOrThrow()).id;
  });
  return getOrganisation(db, actor, id);
}

/**
 * Renames, changes the kind or moves an organisation in the chain. Its kind changes only while no
 * person and no organisation hangs from it (their roles and kinds follow from it).
 */
export async function updateOrganisation(db: Db, actor: Actor, id: string, input: { name?: string | undefined; kind?: OrganisationKind | undefined; parentId?: string | null | undefined }): Promise<AdminOrganisationDetail> {
  assertAdmin(actor, 'Only an administrator manages organisations');
  await withTransaction(db, async (trx) => {
    await lockChain(trx);
    const org = await trx.selectFrom('organisation').select(['kind', 'parent_id']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!org) throw notFound('ORGANISATION_NOT_FOUND', 'Organisation');
    const kind = input.kind ?? org.kind;
    const parentId = input.parentId !== undefined ? input.parentId : org.parent_id;
    if (kind !== org.kind) {
      const inUse = await trx
        .selectFrom('organisation as o')
        .select([sql<boolean>`exists (select 1 from app_user u where u.organisation_id = o.id)`.as('members'), sql<boolean>`exists (select 1 from organisation c where c.parent_id = o.id)`.as('children')])
        .where('o.id', '=', id)
        .executeTakeFirstOrThrow();
      if (inUse.members || inUse.children) throw fieldError('ORGANISATION_KIND_IN_USE', 409, 'kind', 'people or organisations depend on this kind: move them first');
    }
    if (input.parentId !== undefined || kind !== org.kind) await checkParent(trx, id, kind, parentId);
    await trx
      .updateTable('organisation')
      .set({ ...(input.name !== undefined ? { name: input.name.trim() } : {}), kind, parent_id: parentId })
      .where('id', '=', id)
      .execute();
  });
  return getOrganisation(db, actor, id);
}
