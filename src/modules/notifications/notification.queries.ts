import { type Expression, type ExpressionBuilder, sql, type SqlBool } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { DB, NotificationKind } from '../../platform/db/schema.ts';
import { STAFF_ROLES } from '../auth/index.ts';

/** A reply being written counts as current for this long after its latest heartbeat. */
export const PRESENCE_TTL_MS = 30_000;

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  ticketId: string | null;
  actorId: string | null;
  source: string;
  at: Date;
}

/** Inserts what is new; a notification already made for the same cause is left as it is. */
export async function insertNotifications(trx: Db, rows: NewNotification[]) {
  if (!rows.length) return [];
  return trx
    .insertInto('notification')
    .values(rows.map((r) => ({ user_id: r.userId, kind: r.kind, ticket_id: r.ticketId, actor_id: r.actorId, source: r.source, created_at: r.at })))
    .onConflict((oc) => oc.columns(['user_id', 'kind', 'source']).doNothing())
    .returning(['id', 'user_id', 'kind', 'ticket_id', 'actor_id'])
    .execute();
}

/** The audit lines of a change that can notify someone, with what they need to decide whom. */
export async function listChangeLines(trx: Db, ticketIds: string[], at: Date) {
  return trx
    .selectFrom('ticket_audit as h')
    .innerJoin('ticket as t', 't.id', 'h.ticket_id')
    .leftJoin('ticket_entry as e', (j) => j.on(sql<boolean>`e.id::text = h.after ->> 'id'`).on('h.field', '=', 'entry'))
    .select(['h.id', 'h.ticket_id', 'h.actor_id', 'h.field', 'h.after', 't.brand_id', 't.group_id', 't.assignee_id', 'e.kind as entry_kind', 'e.body as entry_body'])
    .where('h.ticket_id', 'in', ticketIds)
    .where('h.at', '=', at)
    .where('h.field', 'in', ['entry', 'assignee'])
    .orderBy('h.id')
    .execute();
}

/** Active staff who can see a ticket of this brand and group (the rule of ticketVisibleTo, from the other side). */
export function staffSeeing(brandId: string, groupId: string | null) {
  return (eb: ExpressionBuilder<DB & { u: DB['app_user'] }, 'u'>): Expression<SqlBool> =>
    eb.and([
      eb('u.active', '=', true),
      eb('u.role', 'in', STAFF_ROLES),
      eb.or([
        eb('u.role', '=', 'admin'),
        eb.and([
          eb.exists(eb.selectFrom('user_brand as ub').select('ub.user_id').whereRef('ub.user_id', '=', 'u.id').where('ub.brand_id', '=', brandId)),
          groupId === null ? sql<boolean>`true` : eb.exists(eb.selectFrom('group_member as gm').select('gm.user_id').whereRef('gm.user_id', '=', 'u.id').where('gm.group_id', '=', groupId)),
        ]),
      ]),
    ]);
}

export async function listStaffSeeing(trx: Db, brandId: string, groupId: string | null) {
  return trx.selectFrom('app_user as u').select(['u.id', 'u.name', 'u.email', 'u.role']).where(staffSeeing(brandId, groupId)).execute();
}

export async function listGroupMembers(trx: Db, groupId: string) {
  return trx
    .selectFrom('group_member as gm')
    .innerJoin('app_user as u', 'u.id', 'gm.user_id')
    .select('u.id')
    .where('gm.group_id', '=', groupId)
    .where('u.active', '=', true)
    .where('u.role', 'in', STAFF_ROLES)
    .execute();
}

export async function findUsersByEmail(trx: Db, emails: string[]) {
  if (!emails.length) return [];
  return trx
    .selectFrom('app_user')
    .select(['id', 'email'])
    .where(sql<string>`lower(email)`, 'in', emails.map((e) => e.toLowerCase()))
    .execute();
}

export async function listPreferenceRows(db: Db, userIds: string[]) {
  if (!userIds.length) return [];
  return db.selectFrom('notification_preference').select(['user_id', 'kind', 'email']).where('user_id', 'in', userIds).execute();
}

export async function upsertPreferences(trx: Db, userId: string, prefs: { kind: NotificationKind; email: boolean }[]) {
  if (!prefs.length) return;
  await trx
    .insertInto('notification_preference')
    .values(prefs.map((p) => ({ user_id: userId, kind: p.kind, email: p.email })))
    .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet((eb) => ({ email: eb.ref('excluded.email') })))
    .execute();
}

export async function listForUser(db: Db, userId: string, limit: number) {
  return db
    .selectFrom('notification as n')
    .leftJoin('ticket as t', 't.id', 'n.ticket_id')
    .leftJoin('app_user as a', 'a.id', 'n.actor_id')
    .select(['n.id', 'n.kind', 'n.ticket_id', 'n.created_at', 'n.read_at', 't.number', 't.subject', 'a.name as actor_name'])
    .where('n.user_id', '=', userId)
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(limit)
    .execute();
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const r = await db.selectFrom('notification').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Marks one (or, without an id, every) unread notification of the user read; returns how many changed. */
export async function markRead(db: Db, userId: string, at: Date, id?: number): Promise<number> {
  let q = db.updateTable('notification').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (id !== undefined) q = q.where('id', '=', id);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function notificationExists(db: Db, userId: string, id: number): Promise<boolean> {
  return !!(await db.selectFrom('notification').select('id').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst());
}

export async function upsertSeen(db: Db, userId: string, ticketId: string, at: Date) {
  await db
    .insertInto('ticket_seen')
    .values({ user_id: userId, ticket_id: ticketId, seen_at: at })
    .onConflict((oc) => oc.columns(['user_id', 'ticket_id']).doUpdateSet({ seen_at: sql`greatest(ticket_seen.seen_at, excluded.seen_at)` }))
    .execute();
}

export async function upsertPresence(db: Db, ticketId: string, userId: string, at: Date) {
  await db
    .insertInto('ticket_presence')
    .values({ ticket_id: ticketId, user_id: userId, heartbeat_at: at })
    .onConflict((oc) => oc.columns(['ticket_id', 'user_id']).doUpdateSet({ heartbeat_at: at }))
    .execute();
}

export async function deletePresence(db: Db, ticketId: string, userId: string): Promise<boolean> {
  const r = await db.deleteFrom('ticket_presence').where('ticket_id', '=', ticketId).where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Others writing a reply on the ticket now: a heartbeat within the last 30 seconds. */
export async function listPresent(db: Db, ticketId: string, exceptUserId: string, now: Date) {
  return db
    .selectFrom('ticket_presence as p')
    .innerJoin('app_user as u', 'u.id', 'p.user_id')
    .select(['u.id', 'u.name', 'p.heartbeat_at'])
    .where('p.ticket_id', '=', ticketId)
    .where('p.user_id', '<>', exceptUserId)
    .where('p.heartbeat_at', '>', new Date(now.getTime() - PRESENCE_TTL_MS))
    .where('p.heartbeat_at', '<=', new Date(now.getTime() + PRESENCE_TTL_MS))
    .orderBy('u.name')
    .execute();
}
