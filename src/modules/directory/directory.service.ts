import type { Db } from '../../platform/db/database.ts';
import { type Actor, isAdmin, isStaff, STAFF_ROLES } from '../auth/index.ts';
import { forbidden } from '../../platform/errors/app-error.ts';

/** Brands whose directory the actor may read: their own, every brand for an admin. */
function brandScope(actor: Actor, brandId: string | undefined): string[] | 'all' {
  if (!isStaff(actor)) throw forbidden('Only staff can list the directory');
  if (isAdmin(actor)) return brandId ? [brandId] : 'all';
  if (brandId) return actor.brandIds.includes(brandId) ? [brandId] : [];
  return actor.brandIds;
}

export async function listGroups(db: Db, actor: Actor, brandId?: string) {
  const scope = brandScope(actor, brandId);
  if (scope !== 'all' && scope.length === 0) return [];
  let q = db.selectFrom('agent_group').select(['id', 'brand_id', 'name']).orderBy('name');
  if (scope !== 'all') q = q.where('brand_id', 'in', scope);
  return (await q.execute()).map((g) => ({ id: g.id, brandId: g.brand_id, name: g.name }));
}

export async function listStaff(db: Db, actor: Actor, filter: { brandId?: string | undefined; role?: string | undefined }) {
  const scope = brandScope(actor, filter.brandId);
  if (scope !== 'all' && scope.length === 0) return [];
  let q = db
    .selectFrom('app_user as u')
    .select(['u.id', 'u.name', 'u.email', 'u.role'])
    .distinct()
    .where('u.role', 'in', filter.role ? [filter.role as (typeof STAFF_ROLES)[number]] : STAFF_ROLES)
    .where('u.active', '=', true)
    .orderBy('u.name');
  if (scope !== 'all') q = q.innerJoin('user_brand as ub', 'ub.user_id', 'u.id').where('ub.brand_id', 'in', scope);
  return q.execute();
}
