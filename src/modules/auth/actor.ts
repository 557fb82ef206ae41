import { sql } from 'kysely';
import { type Db, PREPARE } from '../../platform/db/database.ts';
import { forbidden } from '../../platform/errors/app-error.ts';
import { PORTAL_ROLES as PORTAL, STAFF_ROLES as STAFF } from '../../shared/vocabulary.ts';
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

export const STAFF_ROLES: readonly Role[] = STAFF;
export const PORTAL_ROLES: readonly Role[] = PORTAL;

export const isStaff = (a: Actor) => STAFF_ROLES.includes(a.role);
export const isAdmin = (a: Actor) => a.role === 'admin';

/** The service layer's check for administrators' operations (the route's scope checks too, earlier). */
export function assertAdmin(actor: Actor, message: string): void {
  if (!isAdmin(actor)) throw forbidden(message);
}

/** An active user with what makes them an actor, in one round trip (joined to a session by `resolveSession`). */
export function selectActors(db: Db) {
  return db
    .selectFrom('app_user as u')
    // Every request reads its session this way: prepared once per connection (a lookup by key).
    .modifyFront(PREPARE)
    .select(['u.id', 'u.role', 'u.name', 'u.email', 'u.locale', 'u.organisation_id'])
    .select(sql<string[]>`to_json(array(select ub.brand_id from user_brand ub where ub.user_id = u.id))`.as('brand_ids'))
    .select(sql<string[]>`to_json(array(select gm.group_id from group_member gm where gm.user_id = u.id))`.as('group_ids'))
    .where('u.active', '=', true);
}

export function actorFromRow(user: { id: string; role: Role; name: string; email: string; locale: Locale; organisation_id: string | null; brand_ids: string[] | string; group_ids: string[] | string }): Actor {
  const list = (v: string[] | string): string[] => (typeof v === 'string' ? (JSON.parse(v) as string[]) : v);
  return {
    userId: user.id,
    role: user.role,
    name: user.name,
    email: user.email,
    locale: user.locale,
    organisationId: user.organisation_id,
    brandIds: list(user.brand_ids),
    groupIds: list(user.group_ids),
  };
}

export async function loadActor(db: Db, userId: string): Promise<Actor | undefined> {
  const user = await selectActors(db).where('u.id', '=', userId).executeTakeFirst();
  return user ? actorFromRow(user) : undefined;
}
