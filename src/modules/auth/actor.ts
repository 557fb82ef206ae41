import type { Db } from '../../platform/db/database.ts';
import type { Locale, Role } from '../../platform/db/schema.ts';

/** Who is asking, with everything authorization needs, loaded once per request. */
export interface Actor {
  userId: string;
  role: Role;
  name: string;
  email: string;
  locale: Locale;
  organisationId: string | null;
  brandIds: string[];
  groupIds: string[];
}

export const STAFF_ROLES: readonly Role[] = ['agent', 'technician', 'admin'];
export const PORTAL_ROLES: readonly Role[] = ['customer', 'reseller', 'distributor'];

export const isStaff = (a: Actor) => STAFF_ROLES.includes(a.role);
export const isAdmin = (a: Actor) => a.role === 'admin';

export async function loadActor(db: Db, userId: string): Promise<Actor | undefined> {
  const user = await db
    .selectFrom('app_user')
    .select(['id', 'role', 'name', 'email', 'locale', 'organisation_id'])
    .where('id', '=', userId)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!user) return undefined;
  const [brands, groups] = await Promise.all([
    db.selectFrom('user_brand').select('brand_id').where('user_id', '=', userId).execute(),
    db.selectFrom('group_member').select('group_id').where('user_id', '=', userId).execute(),
  ]);
  return {
    userId: user.id,
    role: user.role,
    name: user.name,
    email: user.email,
    locale: user.locale,
    organisationId: user.organisation_id,
    brandIds: brands.map((b) => b.brand_id),
    groupIds: groups.map((g) => g.group_id),
  };
}
