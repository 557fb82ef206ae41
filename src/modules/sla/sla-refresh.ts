import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { DB, SlaTimerKind, TicketSlaTimerTable } from '../../platform/db/schema.ts';
import type { Insertable, QueryCreator } from 'kysely';
import { summariseSkipped } from '../calendars/index.ts';
import { setQueueDueTimes } from '../tickets/index.ts';
import { cachedCalendar, findUsableCalendar, type LoadedCalendar } from './calendar-cache.ts';
import { loadSlaInputs, nextActionAt } from './sla.queries.ts';
import { type ComputedTimer, computeTimers, nearestDue } from './sla-timers.ts';
import { type SlaPolicy, pickPolicy } from './sla-policy.ts';

/** What the ticket page shows beside a due time: why it is when it is. */
export interface TimerExplanation {
  policyName: string;
  calendarName: string;
  timeZone: string;
  clockStart: 'created' | 'accepted';
  targetMinutes: number;
  startedAt: string | null;
  /** Closed days skipped between the start and the due time, grouped into ranges. */
  skipped: { from: string; to: string; reason: string; name?: string | undefined; partial?: true | undefined }[];
  /** Days on the way whose hours an override set (a day opened or shortened by decree). */
  adjusted: { date: string; kind: 'opened' | 'changed'; reason: string }[];
  pauses: { from: string; to: string | null; status: string }[];
  rescheduled: { reason: string; previousDueAt: string | null } | null;
}

export function explain(t: ComputedTimer, policy: SlaPolicy, cal: LoadedCalendar): TimerExplanation {
  const between = t.startedAt && t.dueAt && t.dueAt > t.startedAt ? cal.engine.workingMinutesBetween(t.startedAt, t.dueAt).explanation : null;
  const skipped = between ? summariseSkipped(between, { closedWeekday: (d) => cal.engine.isClosedWeekday(d) }) : [];
  return {
    policyName: policy.name,
    calendarName: cal.name,
    timeZone: cal.timeZone,
    clockStart: policy.clockStart,
    targetMinutes: t.targetMinutes,
    startedAt: t.startedAt?.toISOString() ?? null,
    skipped,
    adjusted: between?.adjustedDays ?? [],
    pauses: t.pauses.map((p) => ({ from: p.from.toISOString(), to: p.to?.toISOString() ?? null, status: p.status })),
    rescheduled: t.rescheduled ? { reason: t.rescheduled.reason, previousDueAt: t.rescheduled.previousDueAt?.toISOString() ?? null } : null,
  };
}

/**
 * A calendar in which no working time can elapse (every day closed for ten years) gives no due
 * time: the ticket is then served without timers rather than refused. The admin is stopped from
 * saving such a calendar; this guards the ones closures made so.
 */
function timersOrNone(compute: () => ComputedTimer[]): ComputedTimer[] {
  try {
    return compute();
  } catch (err) {
    if (err instanceof AppError && (err.code === 'CALENDAR_NEVER_OPEN' || err.code === 'CALENDAR_HORIZON_EXCEEDED')) return [];
    throw err;
  }
}

/**
 * Recomputes the service-level timers of these tickets from their history and stores them, with
 * the queue's due time. Called inside the transaction of every change that can move a timer
 * (creation, status, priority, answers, acceptance, schedule change, merge) so the ticket and its
 * due times never disagree; and in batches when a policy or calendar changes. The warning and
 * escalation already done for a due time are kept, so a recomputation never repeats them.
 */
export async function refreshTicketSla(trx: Db, ticketIds: string | string[], now: Date): Promise<void> {
  const ids = Array.isArray(ticketIds) ? ticketIds : [ticketIds];
  // One read whatever the number of tickets: the tickets with their history and their brands'
  // policies with their calendars' versions (a calendar's definition is read only when this
  // process does not hold that version yet).
  const { tickets, facts, policies } = await loadSlaInputs(trx, ids);
  const policyOf = new Map(tickets.map((t) => [t.id, t.merged_into_id ? undefined : pickPolicy(policies, t)]));
  const calendars = new Map<string, LoadedCalendar | null>();
  const timerRows: Insertable<TicketSlaTimerTable>[] = [];
  const keep = new Map<string, SlaTimerKind[]>();
  const ticketUpdates: { id: string; policyId: string | null; dueAt: Date | null }[] = [];
  for (const t of tickets) {
    const policy = policyOf.get(t.id);
    if (!policy) {
      // A ticket never under a policy has no timers to remove.
      if (t.sla_policy_id === null) continue;
      keep.set(t.id, []);
      ticketUpdates.push({ id: t.id, policyId: null, dueAt: null });
      continue;
    }
    let cal = calendars.get(policy.calendarId);
    if (cal === undefined) {
      cal = cachedCalendar(policy.calendarId, policy.calendarVersion) ?? (await findUsableCalendar(trx, policy.calendarId)) ?? null;
      calendars.set(policy.calendarId, cal);
    }
    if (!cal) {
      keep.set(t.id, []);
      ticketUpdates.push({ id: t.id, policyId: policy.id, dueAt: null });
      continue;
    }
    const loaded = cal;
    const timers = timersOrNone(() => computeTimers(loaded.engine, facts.get(t.id)!, policy, now));
    keep.set(t.id, timers.map((x) => x.kind));
    ticketUpdates.push({ id: t.id, policyId: policy.id, dueAt: nearestDue(timers) });
    for (const x of timers) {
      timerRows.push({
        ticket_id: t.id,
        brand_id: t.brand_id,
        kind: x.kind,
        policy_id: policy.id,
        target_minutes: x.targetMinutes,
        state: x.state,
        started_at: x.startedAt,
        due_at: x.dueAt,
        warn_at: x.warnAt,
        stopped_at: x.stoppedAt,
        consumed_minutes: x.consumedMinutes,
        explanation: JSON.stringify(explain(x, policy, loaded)),
        computed_at: now,
        // nextActionAt for a new row, which has given no warning nor escalation yet; an existing
        // row keeps its markers and is computed by the upsert below.
        next_action_at: (x.state === 'running' || x.state === 'breached') && !x.stoppedAt && x.dueAt ? (x.warnAt && x.warnAt < x.dueAt ? x.warnAt : x.dueAt) : null,
      });
    }
  }
  // Timers a ticket no longer has (its policy changed or went): one statement per set of kinds
  // kept, and a batch holds only a few such sets.
  const byKinds = new Map<string, string[]>();
  for (const [ticketId, kinds] of keep) {
    const key = kinds.join(',');
    const same = byKinds.get(key);
    if (same) same.push(ticketId);
    else byKinds.set(key, [ticketId]);
  }
  const deletion = (key: string, ticketIds: string[]) => {
    const del = trx.deleteFrom('ticket_sla_timer').where('ticket_id', 'in', ticketIds);
    return key ? del.where('kind', 'not in', key.split(',') as SlaTimerKind[]) : del;
  };
  const groups = [...byKinds];
  // The upsert rides in the first set's deletion (they touch other rows: the kinds deleted are
  // the ones not written), so a single ticket's refresh writes its timers in one statement.
  const first = timerRows.length ? groups.shift() : undefined;
  for (const [key, ticketIds] of groups) await deletion(key, ticketIds).execute();
  if (timerRows.length) {
    const upsert = (db: QueryCreator<DB>) => db
      .insertInto('ticket_sla_timer')
      .values(timerRows)
      .onConflict((oc) =>
        oc.columns(['ticket_id', 'kind']).doUpdateSet((eb) => ({
          policy_id: eb.ref('excluded.policy_id'),
          target_minutes: eb.ref('excluded.target_minutes'),
          state: eb.ref('excluded.state'),
          started_at: eb.ref('excluded.started_at'),
          due_at: eb.ref('excluded.due_at'),
          warn_at: eb.ref('excluded.warn_at'),
          stopped_at: eb.ref('excluded.stopped_at'),
          consumed_minutes: eb.ref('excluded.consumed_minutes'),
          explanation: eb.ref('excluded.explanation'),
          computed_at: eb.ref('excluded.computed_at'),
          next_action_at: nextActionAt('excluded'),
        })),
      );
    if (first) {
      const [key, ticketIds] = first;
      let del = trx.with('written', (db) => upsert(db)).deleteFrom('ticket_sla_timer').where('ticket_id', 'in', ticketIds);
      if (key) del = del.where('kind', 'not in', key.split(',') as SlaTimerKind[]);
      await del.execute();
    } else {
      await upsert(trx).execute();
    }
  }
  await setQueueDueTimes(trx, ticketUpdates);
}
