import { type Db, withTransaction } from '../../platform/db/database.ts';
import { forbidden, validationFailed } from '../../platform/errors/app-error.ts';
import { type Actor, isStaff } from '../auth/index.ts';
import { getVisibleTicket, setPlannedResolution } from '../tickets/index.ts';
import { findUsableCalendar, usableCalendarsByIds } from './calendar-cache.ts';
import type { SlaNotifier } from './sla-actions.ts';
import { refreshTicketSla, type TimerExplanation } from './sla-refresh.ts';
import type { SlaBadgeType, TicketSlaResponseType, TimerResponseType } from './sla.schemas.ts';

/** Working minutes from `now` to `dueAt`, negative once it has passed. */
function minutesLeft(engine: { workingMinutesBetween(a: Date, b: Date): { minutes: number } }, now: Date, dueAt: Date): number {
  return Math.round(dueAt >= now ? engine.workingMinutesBetween(now, dueAt).minutes : -engine.workingMinutesBetween(dueAt, now).minutes);
}

/**
 * The ticket's timers with their explanations, the working time left as of `now`, and the
 * schedule changes told to the customer. Customers see their own tickets' timers too: the
 * promised dates are theirs to know (seed 003 tells them of every change).
 */
export async function getTicketSla(db: Db, actor: Actor, ticketId: string, now: Date): Promise<TicketSlaResponseType> {
  const t = await getVisibleTicket(db, actor, ticketId);
  const [policy, timers, changes] = await Promise.all([
    t.sla_policy_id ? db.selectFrom('sla_policy').select(['id', 'name', 'calendar_id']).where('id', '=', t.sla_policy_id).executeTakeFirst() : undefined,
    db.selectFrom('ticket_sla_timer').selectAll().where('ticket_id', '=', ticketId).execute(),
    db
      .selectFrom('ticket_schedule_change as c')
      .leftJoin('app_user as u', 'u.id', 'c.created_by_id')
      .leftJoin('outbound_message as o', 'o.id', 'c.outbound_message_id')
      .select(['c.id', 'c.reason', 'c.previous_due_at', 'c.planned_resolution_at', 'c.note', 'c.created_at', 'u.id as user_id', 'u.name as user_name', 'o.status as mail_status', 'o.to_address'])
      .where('c.ticket_id', '=', ticketId)
      .orderBy('c.created_at', 'desc')
      .execute(),
  ]);
  const cal = policy ? await findUsableCalendar(db, policy.calendar_id) : undefined;
  const order = ['first_response', 'callback', 'next_update', 'resolution'];
  return {
    policy: policy ? { id: policy.id, name: policy.name } : null,
    plannedResolutionAt: t.planned_resolution_at?.toISOString() ?? null,
    timers: timers
      .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))
      .map(
        (x): TimerResponseType => ({
          kind: x.kind,
          state: x.state,
          warning: x.state === 'running' && !!x.warn_at && x.warn_at <= now,
          targetMinutes: x.target_minutes,
          startedAt: x.started_at?.toISOString() ?? null,
          dueAt: x.due_at?.toISOString() ?? null,
          stoppedAt: x.stopped_at?.toISOString() ?? null,
          workingMinutesLeft: cal && x.due_at && !x.stopped_at && (x.state === 'running' || x.state === 'breached') ? minutesLeft(cal.engine, now, x.due_at) : null,
          explanation: (typeof x.explanation === 'string' ? JSON.parse(x.explanation) : x.explanation) as TimerExplanation,
        }),
      ),
    scheduleChanges: changes.map((c) => ({
      id: c.id,
      reason: c.reason as TicketSlaResponseType['scheduleChanges'][number]['reason'],
      previousDueAt: c.previous_due_at?.toISOString() ?? null,
      plannedResolutionAt: c.planned_resolution_at.toISOString(),
      // The desk's internal note and who wrote it stay with the desk.
      note: isStaff(actor) ? c.note : null,
      createdAt: c.created_at.toISOString(),
      createdBy: isStaff(actor) && c.user_id ? { id: c.user_id, name: c.user_name ?? '' } : null,
      notification: c.mail_status && c.to_address ? { status: c.mail_status, to: c.to_address } : null,
    })),
  };
}

/** The queue's badge per ticket: the nearest running due time, its state and working time left. */
export async function slaBadges(db: Db, ticketIds: string[], now: Date): Promise<Map<string, SlaBadgeType>> {
  const out = new Map<string, SlaBadgeType>();
  if (ticketIds.length === 0) return out;
  const rows = await db
    .selectFrom('ticket_sla_timer as s')
    .innerJoin('sla_policy as p', 'p.id', 's.policy_id')
    .select(['s.ticket_id', 's.kind', 's.state', 's.due_at', 's.warn_at', 'p.calendar_id'])
    .where('s.ticket_id', 'in', ticketIds)
    .where('s.state', 'in', ['running', 'breached'])
    .where('s.stopped_at', 'is', null)
    .where('s.due_at', 'is not', null)
    .orderBy('s.due_at')
    .execute();
  const calendars = await usableCalendarsByIds(db, rows.map((r) => r.calendar_id));
  for (const r of rows) {
    if (out.has(r.ticket_id) || !r.due_at) continue;
    const cal = calendars.get(r.calendar_id);
    if (!cal) continue;
    const left = minutesLeft(cal.engine, now, r.due_at);
    const state = r.due_at <= now ? 'breached' : r.warn_at && r.warn_at <= now ? 'warning' : 'ok';
    out.set(r.ticket_id, { kind: r.kind, dueAt: r.due_at.toISOString(), state, workingMinutesLeft: left });
  }
  return out;
}

/**
 * Records a new planned resolution date with one of seed 003's reasons, replaces the resolution
 * due time, and tells the customer in their language — all in one transaction.
 */
export async function recordScheduleChange(
  db: Db,
  notifier: SlaNotifier,
  actor: Actor,
  ticketId: string,
  input: { reason: string; plannedResolutionAt: string; note?: string | undefined },
  now: Date,
) {
  return withTransaction(db, async (trx) => {
    await getVisibleTicket(trx, actor, ticketId);
    if (!isStaff(actor)) throw forbidden('Only the desk changes the planned resolution date');
    const planned = new Date(input.plannedResolutionAt);
    if (planned <= now) throw validationFailed([{ field: 'plannedResolutionAt', code: 'too_small', message: 'must be in the future' }]);
    const ticket = await trx.selectFrom('ticket').select(['id', 'status', 'merged_into_id']).where('id', '=', ticketId).forUpdate().executeTakeFirstOrThrow();
    if (ticket.merged_into_id || ticket.status === 'closed') throw validationFailed([{ field: 'plannedResolutionAt', code: 'invalid_value', message: 'the ticket is closed' }]);
    await applyScheduleChange(trx, notifier, { ticketId, actorId: actor.userId, reason: input.reason, planned, note: input.note ?? null }, now);
    return getTicketSla(trx, actor, ticketId, now);
  });
}

/**
 * The schedule change itself, for a caller that has decided it may make it (the desk above; the
 * workshop when a repair's expected duration moves): the record, the ticket's planned date, the
 * resolution timer and the customer's mail, in the caller's transaction.
 */
export async function applyScheduleChange(trx: Db, notifier: SlaNotifier, c: { ticketId: string; actorId: string; reason: string; planned: Date; note: string | null }, now: Date): Promise<void> {
  const timer = await trx.selectFrom('ticket_sla_timer').select('due_at').where('ticket_id', '=', c.ticketId).where('kind', '=', 'resolution').executeTakeFirst();
  const change = await trx
    .insertInto('ticket_schedule_change')
    .values({ ticket_id: c.ticketId, reason: c.reason, previous_due_at: timer?.due_at ?? null, planned_resolution_at: c.planned, note: c.note, created_by_id: c.actorId, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await setPlannedResolution(trx, c.ticketId, c.planned, { actorId: c.actorId, at: now, before: timer?.due_at?.toISOString() ?? null, reason: c.reason });
  await refreshTicketSla(trx, c.ticketId, now);
  const outboundId = await notifier.scheduleChanged(trx, { ticketId: c.ticketId, reason: c.reason, plannedResolutionAt: c.planned, note: null, at: now });
  if (outboundId) await trx.updateTable('ticket_schedule_change').set({ outbound_message_id: outboundId }).where('id', '=', change.id).execute();
}
