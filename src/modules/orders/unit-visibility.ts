import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Actor } from '../auth/index.ts';

type Scope = { brand: Expression<string>; owner: Expression<string | null>; seller: Expression<string | null> };

/**
 * Who may see what a customer bought — the same answer for every read, so a unit or an order out
 * of reach is simply not found (404), like a ticket (tickets/ticket-visibility.ts):
 * - admin: everything; agents and technicians: their brands';
 * - customer: what they own or ordered;
 * - reseller: what was sold through their organisation; distributor: also through the resellers below it.
 */
function visibleBy(actor: Actor, eb: ExpressionBuilder<DB, keyof DB>, s: Scope): Expression<SqlBool> {
  switch (actor.role) {
    case 'admin':
      return sql<boolean>`true`;
    case 'agent':
    case 'technician':
      return actor.brandIds.length ? eb(s.brand, 'in', actor.brandIds) : sql<boolean>`false`;
    case 'customer':
      return eb(s.owner, '=', actor.userId);
    case 'reseller':
      return actor.organisationId ? eb(s.seller, '=', actor.organisationId) : sql<boolean>`false`;
    case 'distributor':
      if (!actor.organisationId) return sql<boolean>`false`;
      return eb.or([eb(s.seller, '=', actor.organisationId), eb(s.seller, 'in', eb.selectFrom('organisation as vo').select('vo.id').where('vo.parent_id', '=', actor.organisationId))]);
  }
}

/** Units (`unit as u`) the actor may see. */
export function unitVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<DB & { u: DB['unit'] }, 'u'>): Expression<SqlBool> =>
    visibleBy(actor, eb as unknown as ExpressionBuilder<DB, keyof DB>, { brand: eb.ref('u.brand_id'), owner: eb.ref('u.owner_id'), seller: eb.ref('u.seller_organisation_id') });
}

/** Orders (`customer_order as o`) the actor may see. */
export function orderVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<DB & { o: DB['customer_order'] }, 'o'>): Expression<SqlBool> =>
    visibleBy(actor, eb as unknown as ExpressionBuilder<DB, keyof DB>, { brand: eb.ref('o.brand_id'), owner: eb.ref('o.customer_id'), seller: eb.ref('o.seller_organisation_id') });
}
