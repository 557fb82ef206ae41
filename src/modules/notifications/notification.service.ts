import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { NotificationKind } from '../../platform/db/schema.ts';
import type { EventBus } from '../../platform/events/event-bus.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { notFound, validationFailed } from '../../platform/errors/app-error.ts';
import { type Actor, isStaff } from '../auth/index.ts';
import type { SlaAlert, SlaNotifier } from '../sla/index.ts';
import { type TicketListener, ticketVisibleTo } from '../tickets/index.ts';
import { EMAIL_BY_DEFAULT, type LiveEvent, NOTIFICATION_KINDS } from './notification-kinds.ts';
import { queueNotificationMail } from './notification-mail.ts';
import * as q from './notification.queries.ts';

/** What the composition root hands this module. */
export interface NotificationsContext {
  bus: EventBus;
  jobs: JobQueue;
  publicUrl: string;
}

export const publish = (trx: Db, bus: EventBus, e: LiveEvent) => bus.publish(trx, e);

async function wantsEmail(trx: Db, userIds: string[], kind: NotificationKind): Promise<Set<string>> {
  const chosen = new Map((await q.listPreferenceRows(trx, userIds)).filter((r) => r.kind === kind).map((r) => [r.user_id, r.email]));
  return new Set(userIds.filter((id) => chosen.get(id) ?? EMAIL_BY_DEFAULT[kind]));
}

/** Records notifications (once per cause), tells the recipients' screens, and mails those who asked. */
async function notify(trx: Db, ctx: NotificationsContext, rows: q.NewNotification[], opts: { mail: boolean }): Promise<void> {
  const made = await q.insertNotifications(trx, rows);
  for (const userId of new Set(made.map((m) => m.user_id))) await publish(trx, ctx.bus, { type: 'notification', userId });
  if (!opts.mail) return;
  for (const m of made) {
    if (!m.ticket_id || !(await wantsEmail(trx, [m.user_id], m.kind)).has(m.user_id)) continue;
    await queueNotificationMail(trx, ctx, { userId: m.user_id, kind: m.kind, ticketId: m.ticket_id, actorId: m.actor_id, at: rows[0]!.at });
  }
}

/** `@Name` or `@email` of a staff member who can see the ticket; names are matched whole, any case. */
export function mentioned(body: string, people: { id: string; name: string; email: string }[]): string[] {
  const text = body.toLowerCase();
  return people
    .filter((p) => [p.name, p.email].some((handle) => {
      const h = `@${handle.trim().toLowerCase()}`;
      let i = text.indexOf(h);
      while (i >= 0) {
        const next = text[i + h.length];
        // "@Ana" must not mention "Ana-Maria" or "Anastasia".
        if (next === undefined || !/[\p{L}\p{N}_.@-]/u.test(next) || (next === '.' && !/[\p{L}\p{N}]/u.test(text[i + h.length + 1] ?? ''))) return true;
        i = text.indexOf(h, i + 1);
      }
      return false;
    }))
    .map((p) => p.id);
}

/**
 * Follows every ticket change (a tickets `TicketListener`, in the changing transaction): tells
 * every process's live screens that the ticket moved, and turns the change's audit lines into
 * notifications — assigned to me, a customer's reply (to the assignee; to the group's members while
 * nobody has it), a mention in an internal note. Nobody is notified of their own doing.
 */
export function notificationsTicketListener(ctx: NotificationsContext): TicketListener {
  return {
    name: 'notifications',
    async ticketsChanged(trx, ticketIds, at, change) {
      for (const id of ticketIds) await publish(trx, ctx.bus, { type: 'ticket', ticketId: id });
      // An opening's only audit line is 'created', which notifies nobody.
      if (change === 'opened') return;
      const rows: q.NewNotification[] = [];
      for (const line of await q.listChangeLines(trx, ticketIds, at)) {
        const base = { ticketId: line.ticket_id, actorId: line.actor_id, source: `audit:${line.id}`, at };
        if (line.field === 'assignee' && typeof line.after === 'string' && line.after !== line.actor_id) {
          rows.push({ ...base, userId: line.after, kind: 'assigned' });
        }
        if (line.field === 'entry' && line.entry_kind === 'customer_message') {
          const to = line.assignee_id ? [line.assignee_id] : line.group_id ? (await q.listGroupMembers(trx, line.group_id)).map((u) => u.id) : [];
          for (const userId of to) if (userId !== line.actor_id) rows.push({ ...base, userId, kind: 'customer_replied' });
        }
        if (line.field === 'entry' && line.entry_kind === 'internal_note' && line.entry_body?.includes('@')) {
          const people = await q.listStaffSeeing(trx, line.brand_id, line.group_id);
          for (const userId of mentioned(line.entry_body, people)) if (userId !== line.actor_id) rows.push({ ...base, userId, kind: 'mention' });
        }
      }
      await notify(trx, ctx, rows, { mail: true });
    },
  };
}

/**
 * Service levels' warnings and breaches in the notification centre too. Wraps the e-mail notifier
 * at the composition root (sla does not know this module): each recipient gets the alert in the
 * app, and by e-mail only if their preference for the kind says so.
 */
export function withSlaNotifications(inner: SlaNotifier, ctx: NotificationsContext): SlaNotifier {
  const alert = async (trx: Db, a: SlaAlert, kind: 'sla_warning' | 'sla_breach') => {
    const users = await q.findUsersByEmail(trx, a.recipients.map((r) => r.email));
    const byEmail = new Map(users.map((u) => [u.email.toLowerCase(), u.id]));
    await notify(trx, ctx, users.map((u) => ({ userId: u.id, kind, ticketId: a.ticketId, actorId: null, source: `sla:${a.ticketId}:${a.kind}:${a.dueAt.toISOString()}`, at: a.at })), { mail: false });
    const mail = await wantsEmail(trx, users.map((u) => u.id), kind);
    return { ...a, recipients: a.recipients.filter((r) => { const id = byEmail.get(r.email.toLowerCase()); return !id || mail.has(id); }) };
  };
  return {
    warning: async (trx, a) => inner.warning(trx, await alert(trx, a, 'sla_warning')),
    breached: async (trx, a) => inner.breached(trx, await alert(trx, a, 'sla_breach')),
    scheduleChanged: (trx, c) => inner.scheduleChanged(trx, c),
  };
}

const staffOnly = (actor: Actor) => {
  if (!isStaff(actor)) throw notFound('NOTIFICATION_NOT_FOUND', 'No notifications for this account');
};

export async function listNotifications(db: Db, actor: Actor) {
  staffOnly(actor);
  const [rows, unread] = await Promise.all([q.listForUser(db, actor.userId, 50), q.countUnread(db, actor.userId)]);
  return {
    unread,
    items: rows.map((r) => ({
      id: Number(r.id),
      kind: r.kind,
      ticket: r.ticket_id ? { id: r.ticket_id, number: r.number ?? '', subject: r.subject ?? '' } : null,
      actorName: r.actor_name,
      createdAt: r.created_at.toISOString(),
      read: r.read_at !== null,
    })),
  };
}

export async function readNotification(db: Db, bus: EventBus, actor: Actor, id: number, now: Date) {
  staffOnly(actor);
  if (!(await q.notificationExists(db, actor.userId, id))) throw notFound('NOTIFICATION_NOT_FOUND', 'No such notification');
  await db.transaction().execute(async (trx) => {
    if (await q.markRead(trx, actor.userId, now, id)) await publish(trx, bus, { type: 'notification', userId: actor.userId });
  });
}

export async function readAllNotifications(db: Db, bus: EventBus, actor: Actor, now: Date) {
  staffOnly(actor);
  return db.transaction().execute(async (trx) => {
    const changed = await q.markRead(trx, actor.userId, now);
    if (changed) await publish(trx, bus, { type: 'notification', userId: actor.userId });
    return { changed };
  });
}

export async function getPreferences(db: Db, actor: Actor) {
  staffOnly(actor);
  const chosen = new Map((await q.listPreferenceRows(db, [actor.userId])).map((r) => [r.kind, r.email]));
  return { items: NOTIFICATION_KINDS.map((kind) => ({ kind, email: chosen.get(kind) ?? EMAIL_BY_DEFAULT[kind] })) };
}

export async function setPreferences(db: Db, actor: Actor, items: { kind: NotificationKind; email: boolean }[]) {
  staffOnly(actor);
  const seen = new Set<string>();
  items.forEach((p, i) => {
    if (seen.has(p.kind)) throw validationFailed([{ field: `items.${i}.kind`, code: 'duplicate', message: `${p.kind} is listed twice` }]);
    seen.add(p.kind);
  });
  await db.transaction().execute((trx) => q.upsertPreferences(trx, actor.userId, items));
  return getPreferences(db, actor);
}

async function visibleTicket(db: Db, actor: Actor, ticketId: string) {
  const t = isStaff(actor) ? await db.selectFrom('ticket as t').select('t.id').where('t.id', '=', ticketId).where(ticketVisibleTo(actor)).executeTakeFirst() : undefined;
  if (!t) throw notFound('TICKET_NOT_FOUND', 'Ticket not found');
}

/** Whether the person may hear of this ticket: the rule of every read (`ticketVisibleTo`). */
export async function mayHearOf(db: Db, actor: Actor, ticketId: string): Promise<boolean> {
  return !!(await db.selectFrom('ticket as t').select('t.id').where('t.id', '=', ticketId).where(ticketVisibleTo(actor)).executeTakeFirst());
}

export async function markSeen(db: Db, actor: Actor, ticketId: string, now: Date) {
  await visibleTicket(db, actor, ticketId);
  await q.upsertSeen(db, actor.userId, ticketId, now);
}

/**
 * Open tickets the agent can see that someone else opened or wrote on since the agent last opened
 * them (or that the agent never opened), read from the ticket's history. Capped: the queue shows a
 * page, not a million rows.
 */
export async function listUnseenTickets(db: Db, actor: Actor) {
  staffOnly(actor);
  const rows = await db
    .selectFrom('ticket as t')
    .leftJoin('ticket_seen as s', (j) => j.onRef('s.ticket_id', '=', 't.id').on('s.user_id', '=', actor.userId))
    .select('t.id')
    .where(ticketVisibleTo(actor))
    .where('t.status', '<>', 'closed')
    .where('t.merged_into_id', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('ticket_audit as h')
          .select('h.id')
          .whereRef('h.ticket_id', '=', 't.id')
          .where('h.field', 'in', ['created', 'entry'])
          .where(sql<boolean>`h.at > coalesce(s.seen_at, '-infinity'::timestamptz)`)
          .where(sql<boolean>`h.actor_id is distinct from ${actor.userId}::uuid`),
      ),
    )
    .limit(1000)
    .execute();
  return { ticketIds: rows.map((r) => r.id) };
}

/** A heartbeat while the agent writes a reply (`replying`), or its end; other screens are told. */
export async function setPresence(db: Db, bus: EventBus, actor: Actor, ticketId: string, replying: boolean, now: Date) {
  await visibleTicket(db, actor, ticketId);
  await db.transaction().execute(async (trx) => {
    if (replying) await q.upsertPresence(trx, ticketId, actor.userId, now);
    else if (!(await q.deletePresence(trx, ticketId, actor.userId))) return;
    await publish(trx, bus, { type: 'presence', ticketId });
  });
  return getPresence(db, actor, ticketId, now);
}

export async function getPresence(db: Db, actor: Actor, ticketId: string, now: Date) {
  await visibleTicket(db, actor, ticketId);
  const rows = await q.listPresent(db, ticketId, actor.userId, now);
  return { replying: rows.map((r) => ({ userId: r.id, name: r.name, since: r.heartbeat_at.toISOString() })) };
}
