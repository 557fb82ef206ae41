import { type ExpressionBuilder, type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { type Actor, isStaff } from '../auth/index.ts';

/**
 * The single source of truth for "which tickets may this person see", as a SQL predicate over
 * `ticket` (aliased `t`). Every read of tickets — list, get, search, lookup, entries,
 * attachments — goes through it, so a ticket out of reach is simply not found (404).
 *
 * - admin: everything.
 * - agent / technician: tickets of their brands, in one of their groups or in no group yet.
 * - customer: tickets they requested; also their organisation's when the brand allows it
 *   (`settings.portal.organisationTickets`).
 * - reseller: cases flowing through their organisation.
 * - distributor: cases of their own organisation and of the resellers below it.
 */
export function ticketVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<DB & { t: DB['ticket'] }, 't'>): Expression<SqlBool> => {
    switch (actor.role) {
      case 'admin':
        return sql<boolean>`true`;
      case 'agent':
      case 'technician': {
        if (actor.brandIds.length === 0) return sql<boolean>`false`;
        const inBrand = eb('t.brand_id', 'in', actor.brandIds);
        const groupOk =
          actor.groupIds.length > 0
            ? eb.or([eb('t.group_id', 'is', null), eb('t.group_id', 'in', actor.groupIds)])
            : eb('t.group_id', 'is', null);
        return eb.and([inBrand, groupOk]);
      }
      case 'customer': {
        const own = eb('t.requester_id', '=', actor.userId);
        if (!actor.organisationId) return own;
        return eb.or([
          own,
          eb.and([
            eb('t.organisation_id', '=', actor.organisationId),
            eb.exists(
              eb
                .selectFrom('brand as vb')
                .select('vb.id')
                .whereRef('vb.id', '=', 't.brand_id')
                .where(sql<boolean>`coalesce((vb.settings -> 'portal' ->> 'organisationTickets')::boolean, false)`),
            ),
          ]),
        ]);
      }
      case 'reseller':
        return actor.organisationId ? eb('t.reseller_id', '=', actor.organisationId) : sql<boolean>`false`;
      case 'distributor':
        if (!actor.organisationId) return sql<boolean>`false`;
        return eb.or([
          eb('t.reseller_id', '=', actor.organisationId),
          eb('t.reseller_id', 'in', eb.selectFrom('organisation as vo').select('vo.id').where('vo.parent_id', '=', actor.organisationId)),
        ]);
    }
  };
}

/**
 * The ticket as another module needs it, once the actor may see it — else TICKET_NOT_FOUND (404),
 * exactly like a ticket that does not exist. Modules ask this instead of probing by hand.
 */
export async function getVisibleTicket(db: Kysely<DB>, actor: Actor, ticketId: string) {
  const t = await db
    .selectFrom('ticket as t')
    .select(['t.id', 't.brand_id', 't.status', 't.priority', 't.requester_id', 't.sla_policy_id', 't.sla_due_at', 't.planned_resolution_at', 't.merged_into_id'])
    .where('t.id', '=', ticketId)
    .where(ticketVisibleTo(actor))
    .executeTakeFirst();
  if (!t) throw notFound('TICKET_NOT_FOUND', 'Ticket');
  return t;
}

/**
 * Whether the actor may read a file attached to this ticket (and entry): the ticket is within
 * reach, and an internal note's files are the desk's only. Wired into the attachments module at the
 * composition root, so attachments never import tickets.
 */
export const ticketAttachmentAccess = {
  async mayRead(db: Kysely<DB>, actor: Actor, ticketId: string, entryId: string | null): Promise<boolean> {
    const row = await db
      .selectFrom('ticket as t')
      .leftJoin('ticket_entry as e', (j) => j.onRef('e.ticket_id', '=', 't.id').on('e.id', '=', entryId ?? '00000000-0000-0000-0000-000000000000'))
      .select(['t.id', 'e.kind'])
      .where('t.id', '=', ticketId)
      .where(ticketVisibleTo(actor))
      .executeTakeFirst();
    if (!row) return false;
    return !(row.kind === 'internal_note' && !isStaff(actor));
  },
};
