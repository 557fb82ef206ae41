import type { Db } from '../../platform/db/database.ts';
import { withTransaction } from '../../platform/db/database.ts';
import type { SlaTimerKind } from '../../platform/db/schema.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { emitWebhookEvent } from '../webhooks/index.ts';
import { changePriority, recordTicketEvent, type TicketPriority } from '../tickets/index.ts';
import { calendarById, type LoadedCalendar } from './calendar-cache.ts';
import { updateNextActions } from './sla.queries.ts';
import { refreshTicketSla } from './sla-refresh.ts';

export interface SlaRecipient {
  email: string;
  name: string;
  locale: string;
}

export interface SlaAlert {
  ticketId: string;
  kind: SlaTimerKind;
  dueAt: Date;
  /** Working minutes left until the due time (warnings). */
  workingMinutesLeft: number;
  recipients: SlaRecipient[];
  /** When the sweep found it (the mail's recorded time). */
  at: Date;
}

/** How people are told; the e-mail module implements it, the composition root wires it. */
export interface SlaNotifier {
  warning(trx: Db, alert: SlaAlert): Promise<void>;
  breached(trx: Db, alert: SlaAlert): Promise<void>;
  /** Tells the customer their planned resolution date moved, and why; returns the outbound message id. */
  scheduleChanged(trx: Db, change: { ticketId: string; reason: string; plannedResolutionAt: Date; note: string | null; at: Date }): Promise<string | null>;
}

export const NO_SLA_NOTIFIER: SlaNotifier = {
  warning: async () => {},
  breached: async () => {},
  scheduleChanged: async () => null,
};

export interface SlaActionContext {
  db: Db;
  jobs: JobQueue;
  notifier: SlaNotifier;
}

const NEXT_PRIORITY: Record<string, string> = { low: 'normal', normal: 'high', high: 'urgent' };
/** A breach found just after its due time (an interval's last minute) still counts as in hours. */
const BREACH_GRACE_MS = 5 * 60_000;

async function recipients(trx: Db, ticketId: string, who: 'assignee_first' | 'lead_and_assignee'): Promise<SlaRecipient[]> {
  const row = await trx
    .selectFrom('ticket as t')
    .leftJoin('app_user as a', (j) => j.onRef('a.id', '=', 't.assignee_id').on('a.active', '=', true))
    .leftJoin('agent_group as g', 'g.id', 't.group_id')
    .leftJoin('app_user as l', (j) => j.onRef('l.id', '=', 'g.lead_id').on('l.active', '=', true))
    .select(['a.email as a_email', 'a.name as a_name', 'a.locale as a_locale', 'l.email as l_email', 'l.name as l_name', 'l.locale as l_locale'])
    .where('t.id', '=', ticketId)
    .executeTakeFirstOrThrow();
  const assignee = row.a_email ? { email: row.a_email, name: row.a_name ?? '', locale: row.a_locale ?? 'en' } : null;
  const lead = row.l_email ? { email: row.l_email, name: row.l_name ?? '', locale: row.l_locale ?? 'en' } : null;
  const list: (SlaRecipient | null)[] = who === 'assignee_first' ? [assignee ?? lead] : [lead, assignee];
  const seen = new Set<string>();
  return list.filter((r): r is SlaRecipient => !!r && !seen.has(r.email) && !!seen.add(r.email));
}

/**
 * The timers' actions (SPEC §4, issue 4 item 5), run every minute by each app process (the job
 * queue's periodic tasks); rows are
 * claimed with SKIP LOCKED, so several processes never act twice. A warning goes out a set number
 * of working minutes before the due time and only while the calendar is open: a timer whose
 * moment came at night waits for the next opening (Zammad #4432 sent reminders at midnight).
 * A breach escalates: the priority goes up a step, the group lead and the assignee are told, and
 * `ticket.sla_breached` goes to the brand's webhooks. Each is done once per due time.
 */
export async function runSlaSweep(ctx: SlaActionContext, now: Date, limit = 100): Promise<{ warned: number; breached: number; deferred: number }> {
  return withTransaction(ctx.db, async (trx) => {
    const claimed = await trx
      .selectFrom('ticket_sla_timer')
      .select('ticket_id')
      .where('next_action_at', '<=', now)
      .orderBy('next_action_at')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    const ticketIds = [...new Set(claimed.map((c) => c.ticket_id))];
    const out = { warned: 0, breached: 0, deferred: 0 };
    if (ticketIds.length === 0) return out;
    await refreshTicketSla(trx, ticketIds, now);
    const due = await trx
      .selectFrom('ticket_sla_timer as s')
      .innerJoin('sla_policy as p', 'p.id', 's.policy_id')
      .innerJoin('ticket as t', 't.id', 's.ticket_id')
      .select(['s.ticket_id', 's.kind', 's.due_at', 's.warn_at', 's.warned_due_at', 's.breached_due_at', 'p.calendar_id', 'p.raise_priority_on_breach', 't.brand_id', 't.number', 't.priority'])
      .where('s.ticket_id', 'in', ticketIds)
      .where('s.next_action_at', '<=', now)
      .execute();
    const acted: string[] = [];
    const calendars = new Map<string, LoadedCalendar>();
    for (const s of due) {
      if (!s.due_at) continue;
      const cal = calendars.get(s.calendar_id) ?? (await calendarById(trx, s.calendar_id));
      calendars.set(s.calendar_id, cal);
      const breach = s.due_at <= now;
      const inHours = cal.engine.isOpenAt(now) || (breach && now.getTime() - s.due_at.getTime() < BREACH_GRACE_MS);
      if (!inHours) {
        await trx
          .updateTable('ticket_sla_timer')
          .set({ next_action_at: cal.engine.nextOpening(now).at })
          .where('ticket_id', '=', s.ticket_id)
          .where('kind', '=', s.kind)
          .execute();
        out.deferred++;
        continue;
      }
      acted.push(s.ticket_id);
      if (breach) {
        await escalate(ctx, trx, { ...s, due_at: s.due_at }, now);
        out.breached++;
      } else if (s.warn_at && s.warn_at <= now) {
        const left = cal.engine.workingMinutesBetween(now, s.due_at).minutes;
        await trx.updateTable('ticket_sla_timer').set({ warned_due_at: s.due_at }).where('ticket_id', '=', s.ticket_id).where('kind', '=', s.kind).execute();
        await recordTicketEvent(trx, { ticketId: s.ticket_id, actorId: null, at: now, field: 'sla_warning', before: null, after: { kind: s.kind, dueAt: s.due_at.toISOString() } });
        await ctx.notifier.warning(trx, { ticketId: s.ticket_id, kind: s.kind, dueAt: s.due_at, workingMinutesLeft: Math.round(left), recipients: await recipients(trx, s.ticket_id, 'assignee_first'), at: now });
        await emitWebhookEvent(trx, ctx.jobs, now, s.brand_id, 'ticket.sla_warning', { ticket: { id: s.ticket_id, number: s.number }, timer: s.kind, dueAt: s.due_at.toISOString(), workingMinutesLeft: Math.round(left) });
        out.warned++;
      }
    }
    await updateNextActions(trx, [...new Set(acted)]);
    return out;
  });
}

async function escalate(
  ctx: SlaActionContext,
  trx: Db,
  s: { ticket_id: string; kind: SlaTimerKind; due_at: Date; raise_priority_on_breach: boolean; brand_id: string; number: string; priority: string },
  now: Date,
) {
  // The warning for this due time is moot once it has passed.
  await trx.updateTable('ticket_sla_timer').set({ breached_due_at: s.due_at, warned_due_at: s.due_at }).where('ticket_id', '=', s.ticket_id).where('kind', '=', s.kind).execute();
  const raised = s.raise_priority_on_breach ? NEXT_PRIORITY[s.priority] : undefined;
  await recordTicketEvent(trx, { ticketId: s.ticket_id, actorId: null, at: now, field: 'sla_breached', before: null, after: { kind: s.kind, dueAt: s.due_at.toISOString() } });
  // A raised priority may select another policy: the tickets module tells service levels, which recompute.
  if (raised) await changePriority(trx, s.ticket_id, s.priority as TicketPriority, raised as TicketPriority, { actorId: null, at: now });
  await ctx.notifier.breached(trx, { ticketId: s.ticket_id, kind: s.kind, dueAt: s.due_at, workingMinutesLeft: 0, recipients: await recipients(trx, s.ticket_id, 'lead_and_assignee'), at: now });
  await emitWebhookEvent(trx, ctx.jobs, now, s.brand_id, 'ticket.sla_breached', {
    ticket: { id: s.ticket_id, number: s.number },
    timer: s.kind,
    dueAt: s.due_at.toISOString(),
    breachedAt: now.toISOString(),
    priority: { before: s.priority, after: raised ?? s.priority },
  });
}
