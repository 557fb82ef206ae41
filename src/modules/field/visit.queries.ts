import { type Expression, type ExpressionBuilder, type Insertable, type SqlBool, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { DB, OnsiteVisitTable } from '../../platform/db/schema.ts';
import type { Actor } from '../auth/index.ts';
import { ticketVisibleTo } from '../tickets/index.ts';

/** A visit with what its pages show: ticket number, unit, model, technician, the brand's zone. */
function visitRows(db: Db) {
  return db
    .selectFrom('onsite_visit as v')
    .innerJoin('ticket as t', 't.id', 'v.ticket_id')
    .innerJoin('brand as b', 'b.id', 'v.brand_id')
    .innerJoin('unit as u', 'u.id', 'v.unit_id')
    .innerJoin('product_model as m', 'm.id', 'u.model_id')
    .innerJoin('app_user as tech', 'tech.id', 'v.technician_id')
    .selectAll('v')
    .select(['t.number as ticket_number', 't.subject as ticket_subject', 'b.time_zone', 'b.name as brand_name', 'u.serial', 'u.licence_key', 'm.name as model_name', 'tech.name as technician_name']);
}
export type VisitRow = Awaited<ReturnType<ReturnType<typeof visitRows>['execute']>>[number];

/**
 * Which visits a person may read: an admin all; a technician the visits they are sent on; staff
 * also the visits of tickets they may see. Portal users read them through the ticket only.
 */
function visitVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<DB & { v: DB['onsite_visit'] }, 'v'>): Expression<SqlBool> => {
    if (actor.role === 'admin') return sql<boolean>`true`;
    return eb.or([eb('v.technician_id', '=', actor.userId), eb.exists(eb.selectFrom('ticket as t').select('t.id').whereRef('t.id', '=', 'v.ticket_id').where(ticketVisibleTo(actor)))]);
  };
}

export function findVisibleVisit(db: Db, actor: Actor, visitId: string) {
  return visitRows(db).where('v.id', '=', visitId).where(visitVisibleTo(actor)).executeTakeFirst();
}

/** A ticket's visits (the caller has checked the ticket). */
export function ticketVisitRows(db: Db, ticketId: string) {
  return visitRows(db).where('v.ticket_id', '=', ticketId).orderBy('v.window_start').orderBy('v.id').execute();
}

/** A technician's visits, soonest first: not yet done ones and those of the last 30 days. */
export function technicianVisitRows(db: Db, q: { technicianId?: string; visibleTo?: Actor; state?: string; since: Date }) {
  return visitRows(db)
    .$if(q.technicianId !== undefined, (w) => w.where('v.technician_id', '=', q.technicianId!))
    .$if(q.visibleTo !== undefined, (w) => w.where(visitVisibleTo(q.visibleTo!)))
    .$if(q.state !== undefined, (w) => w.where('v.state', '=', q.state as 'scheduled'))
    .where((eb) => eb.or([eb('v.window_end', '>=', q.since), eb('v.state', 'in', ['scheduled', 'in_progress'])]))
    .orderBy('v.window_start')
    .orderBy('v.id')
    .limit(200)
    .execute();
}

/** The visits of a technician's calendar feed: every visit not cancelled of the last 90 days and to come. */
export function feedVisitRows(db: Db, technicianId: string, since: Date) {
  return visitRows(db).where('v.technician_id', '=', technicianId).where('v.state', '<>', 'cancelled').where('v.window_end', '>=', since).orderBy('v.window_start').limit(1000).execute();
}

export function lockVisit(trx: Db, visitId: string) {
  return trx.selectFrom('onsite_visit').selectAll().where('id', '=', visitId).forUpdate().executeTakeFirstOrThrow();
}

export async function insertVisit(trx: Db, v: Insertable<OnsiteVisitTable>) {
  return (await trx.insertInto('onsite_visit').values(v).returning('id').executeTakeFirstOrThrow()).id;
}

/**
 * The technician's visits overlapping [start, end), not cancelled. The technician's row is locked
 * first so two desks booking the same person at once are serialised (no exclusion constraint:
 * btree_gist is not installed on every store).
 */
export async function overlappingVisits(trx: Db, technicianId: string, start: Date, end: Date) {
  await trx.selectFrom('app_user').select('id').where('id', '=', technicianId).forUpdate().execute();
  return trx
    .selectFrom('onsite_visit as v')
    .innerJoin('ticket as t', 't.id', 'v.ticket_id')
    .select(['v.id', 'v.window_start', 'v.window_end', 't.number'])
    .where('v.technician_id', '=', technicianId)
    .where('v.state', '<>', 'cancelled')
    .where('v.window_start', '<', end)
    .where('v.window_end', '>', start)
    .execute();
}

/** The active technicians of a brand (staff of the field service). */
export function brandTechnicians(db: Db, brandId: string) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('user_brand as ub', 'ub.user_id', 'u.id')
    .select(['u.id', 'u.name'])
    .where('ub.brand_id', '=', brandId)
    .where('u.role', '=', 'technician')
    .where('u.active', '=', true)
    .orderBy('u.name')
    .execute();
}

/**
 * The working-time calendar of a ticket: its service-level policy's, else the brand's oldest. Null
 * when the brand has none.
 */
export async function ticketCalendarRow(db: Db, ticket: { brand_id: string; sla_policy_id: string | null }) {
  if (ticket.sla_policy_id) {
    const row = await db
      .selectFrom('sla_policy as p')
      .innerJoin('business_calendar as c', 'c.id', 'p.calendar_id')
      .select(['c.id', 'c.definition'])
      .where('p.id', '=', ticket.sla_policy_id)
      .executeTakeFirst();
    if (row) return row;
  }
  return db.selectFrom('business_calendar').select(['id', 'definition']).where('brand_id', '=', ticket.brand_id).orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
}

/** The units of a ticket's brand with their model's on-site contract levels. */
export function unitModels(db: Db, unitIds: readonly string[]) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('unit as u')
    .innerJoin('product_model as m', 'm.id', 'u.model_id')
    .select(['u.id', 'u.brand_id', 'u.serial', 'u.licence_key', 'm.onsite_contract_levels'])
    .where('u.id', 'in', unitIds)
    .execute();
}

export function findFeed(db: Db, tokenHash: string) {
  return db.selectFrom('onsite_calendar_feed').select('technician_id').where('token_hash', '=', tokenHash).executeTakeFirst();
}

export function saveFeed(db: Db, technicianId: string, tokenHash: string, now: Date) {
  return db
    .insertInto('onsite_calendar_feed')
    .values({ technician_id: technicianId, token_hash: tokenHash, created_at: now })
    .onConflict((oc) => oc.column('technician_id').doUpdateSet({ token_hash: tokenHash, created_at: now }))
    .execute();
}
