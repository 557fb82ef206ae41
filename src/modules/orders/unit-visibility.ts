import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Actor } from '../auth/index.ts';

/**
 * Who may see a unit (`unit as u`) — the same answer for every read, so a unit out of reach is
 * simply not found (404), like a ticket (tickets/ticket-visibility.ts):
 * - admin: every unit; agents and technicians: their brands' units;
 * - customer: the units they own;
 * - reseller: the units sold through their organisation; distributor: also those of the resellers below it.
 */
export function unitVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<DB & { u: DB['unit'] }, 'u'>): Expression<SqlBool> => {
    switch (actor.role) {
      case 'admin':
        return sql<boolean>`true`;
      case 'agent':
      case 'technician':
        return actor.brandIds.length ? eb('u.brand_id', 'in', actor.brandIds) : sql<boolean>`false`;
      case 'customer':
        return eb('u.owner_id', '=', actor.userId);
      case 'reseller':
        return actor.organisationId ? eb('u.seller_organisation_id', '=', actor.organisationId) : sql<boolean>`false`;
      case 'distributor':
        if (!actor.organisationId) return sql<boolean>`false`;
        return eb.or([
          eb('u.seller_organisation_id', '=', actor.organisationId),
          eb('u.seller_organisation_id', 'in', eb.selectFrom('organisation as vo').select('vo.id').where('vo.parent_id', '=', actor.organisationId)),
        ]);
    }
  };
}

/** The same for orders (`customer_order as o`): the customer who placed it, the seller's chain, the brand's staff. */
export function orderVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<DB & { o: DB['customer_order'] }, 'o'>): Expression<SqlBool> => {
    switch (actor.role) {
      case 'admin':
        return sql<boolean>`true`;
      case 'agent':
      case 'technician':
        return actor.brandIds.length ? eb('o.brand_id', 'in', actor.brandIds) : sql<boolean>`false`;
      case 'customer':
        return eb('o.customer_id', '=', actor.userId);
      case 'reseller':
        return actor.organisationId ? eb('o.seller_organisation_id', '=', actor.organisationId) : sql<boolean>`false`;
      case 'distributor':
        if (!actor.organisationId) return sql<boolean>`false`;
        return eb.or([
          eb('o.seller_organisation_id', '=', actor.organisationId),
          eb('o.seller_organisation_id', 'in', eb.selectFrom('organisation as vo').select('vo.id').where('vo.parent_id', '=', actor.organisationId)),
        ]);
    }
  };
}
