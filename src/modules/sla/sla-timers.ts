import type { SlaTimerKind, SlaTimerState } from '../../platform/db/schema.ts';
import type { TicketStatus } from '../tickets/index.ts';

/** The two business-time operations the timers need; BusinessCalendar provides them. */
export interface WorkingTime {
  addWorkingMinutes(from: Date, minutes: number): { at: Date };
  workingMinutesBetween(from: Date, to: Date): { minutes: number };
}

/** What a ticket's history says, as far as service levels care. Every list is sorted by time. */
export interface SlaFacts {
  createdAt: Date;
  acceptedAt: Date | null;
  /** Status from each instant on; the first entry is the status at creation. */
  statusTimeline: { at: Date; status: TicketStatus }[];
  /** Public answers by the desk: agent replies and logged calls. */
  responses: Date[];
  /** Calls logged by the desk (a callback was made). */
  calls: Date[];
  plannedResolution: { at: Date; reason: string; previousDueAt: Date | null } | null;
}

export interface SlaPolicyTargets {
  firstResponseMinutes: number | null;
  nextUpdateMinutes: number | null;
  resolutionMinutes: number | null;
  callbackMinutes: number | null;
  clockStart: 'created' | 'accepted';
  pauseStatuses: readonly string[];
  warningMinutes: number;
}

export interface PauseSpan {
  from: Date;
  /** null: still paused. */
  to: Date | null;
  status: string;
}

export interface ComputedTimer {
  kind: SlaTimerKind;
  state: SlaTimerState;
  targetMinutes: number;
  startedAt: Date | null;
  dueAt: Date | null;
  warnAt: Date | null;
  stoppedAt: Date | null;
  /** Working minutes used: up to the stop, the pause, or the start of the running stretch. */
  consumedMinutes: number;
  pauses: PauseSpan[];
  /** Set when a recorded schedule change replaced the computed resolution due time. */
  rescheduled: { reason: string; previousDueAt: Date | null } | null;
}

const STOPPED: readonly string[] = ['resolved', 'closed'];

function statusAt(facts: SlaFacts, at: Date): string {
  let s: string = facts.statusTimeline[0]?.status ?? 'new';
  for (const e of facts.statusTimeline) {
    if (e.at.getTime() > at.getTime()) break;
    s = e.status;
  }
  return s;
}

/** Half-open stretches from `start` on, each either counting or paused, split at every status change. */
function stretches(facts: SlaFacts, start: Date, stop: Date | null, paused: (status: string) => boolean) {
  // Several changes at one instant (an answer moving the ticket on, then a status set) make one cut.
  const cuts = [...new Set(facts.statusTimeline.map((e) => e.at.getTime()).filter((t) => t > start.getTime() && (!stop || t < stop.getTime())))].map((t) => new Date(t));
  const bounds = [start, ...cuts];
  return bounds.map((from, i) => {
    const status = statusAt(facts, from);
    return { from, to: bounds[i + 1] ?? stop, paused: paused(status), status };
  });
}

/**
 * One timer, from its start to its stop (or open-ended), counting working minutes only while the
 * ticket is in a counting status. The due time is fixed by the history alone — never by "now" —
 * so recomputing gives the same answer; `now` only decides whether a running timer has breached.
 */
export function runTimer(
  cal: WorkingTime,
  facts: SlaFacts,
  opts: { kind: SlaTimerKind; targetMinutes: number; start: Date; stop: Date | null; paused: (status: string) => boolean; warningMinutes: number; now: Date },
): ComputedTimer {
  const { targetMinutes: target } = opts;
  const pauses: PauseSpan[] = [];
  let consumed = 0;
  let dueAt: Date | null = null;
  let warnAt: Date | null = null;
  let runningFrom: Date | null = null;
  for (const s of stretches(facts, opts.start, opts.stop, opts.paused)) {
    if (s.paused) {
      pauses.push({ from: s.from, to: s.to, status: s.status });
      continue;
    }
    const warnLeft = target - opts.warningMinutes - consumed;
    if (!warnAt && opts.warningMinutes > 0 && warnLeft >= 0) {
      const w = cal.addWorkingMinutes(s.from, warnLeft).at;
      if (!s.to || w < s.to) warnAt = w;
    }
    if (!dueAt) {
      const d = cal.addWorkingMinutes(s.from, target - consumed).at;
      if (!s.to || d <= s.to) dueAt = d;
    }
    if (s.to) consumed += cal.workingMinutesBetween(s.from, s.to).minutes;
    else runningFrom = s.from;
  }
  if (opts.warningMinutes > 0 && !warnAt && dueAt && target <= opts.warningMinutes) warnAt = opts.start;
  // Met before its time: the due time it would have had, had the clock run on from the stop.
  if (!dueAt && opts.stop) dueAt = cal.addWorkingMinutes(opts.stop, Math.max(0, target - consumed)).at;

  let state: SlaTimerState;
  if (opts.stop) state = dueAt && opts.stop > dueAt ? 'breached' : 'met';
  else if (dueAt && dueAt <= opts.now) state = 'breached';
  else if (runningFrom) state = 'running';
  else state = 'paused';
  // A paused timer has no due time yet: it is set again when the clock resumes.
  if (state === 'paused' || state === 'met') {
    dueAt = state === 'met' ? dueAt : null;
    warnAt = null;
  }
  return { kind: opts.kind, state, targetMinutes: target, startedAt: opts.start, dueAt, warnAt, stoppedAt: opts.stop, consumedMinutes: consumed, pauses, rescheduled: null };
}

function pending(kind: SlaTimerKind, targetMinutes: number): ComputedTimer {
  return { kind, state: 'pending', targetMinutes, startedAt: null, dueAt: null, warnAt: null, stoppedAt: null, consumedMinutes: 0, pauses: [], rescheduled: null };
}

function firstAtOrAfter(times: Date[], from: Date): Date | null {
  return times.find((t) => t >= from) ?? null;
}

/** When the ticket last became resolved or closed, if it is so now. */
function stoppedSince(facts: SlaFacts): Date | null {
  const last = facts.statusTimeline.at(-1);
  if (!last || !STOPPED.includes(last.status)) return null;
  let since = last.at;
  for (let i = facts.statusTimeline.length - 1; i >= 0; i--) {
    const e = facts.statusTimeline[i]!;
    if (!STOPPED.includes(e.status)) break;
    since = e.at;
  }
  return since;
}

/**
 * All timers a policy sets on a ticket (SPEC §4):
 * - first response: from the clock start to the first public answer; time resolved or closed before
 *   a reopening does not count;
 * - next update: from the latest answer to the next one, while the ticket is open;
 * - resolution: from the clock start to resolved; time resolved before a reopening does not count;
 *   a recorded schedule change replaces its due time (seed 003);
 * - callback: from the clock start to the first call logged by the desk (seed 000), closed time
 *   before a reopening not counted either.
 * Every timer pauses in the policy's pause statuses. With clock start "accepted", nothing runs
 * before the ticket is accepted (seed 003: the confirmation e-mail).
 */
export function computeTimers(cal: WorkingTime, facts: SlaFacts, policy: SlaPolicyTargets, now: Date): ComputedTimer[] {
  const start = policy.clockStart === 'accepted' ? facts.acceptedAt : facts.createdAt;
  const pause = (s: string) => policy.pauseStatuses.includes(s);
  const closedAt = stoppedSince(facts);
  const out: ComputedTimer[] = [];
  const base = { paused: pause, warningMinutes: policy.warningMinutes, now };
  // Time a ticket spent resolved or closed before it was reopened counts toward no promise: not the
  // resolution, and not a first response or callback still owed after the reopening (as Zammad
  // counts it). Decided for issue 14, item 11.
  const stoppedOrPaused = (s: string) => pause(s) || STOPPED.includes(s);
  const earliest = (...ts: (Date | null)[]) => ts.filter((t): t is Date => t !== null).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;

  if (policy.firstResponseMinutes) {
    const target = policy.firstResponseMinutes;
    out.push(start ? runTimer(cal, facts, { ...base, kind: 'first_response', targetMinutes: target, start, stop: earliest(firstAtOrAfter(facts.responses, facts.createdAt), closedAt), paused: stoppedOrPaused }) : pending('first_response', target));
  }
  if (policy.nextUpdateMinutes) {
    const target = policy.nextUpdateMinutes;
    const last = facts.responses.at(-1);
    const from = last && start ? (last > start ? last : start) : null;
    out.push(from && !closedAt ? runTimer(cal, facts, { ...base, kind: 'next_update', targetMinutes: target, start: from, stop: null }) : pending('next_update', target));
  }
  if (policy.resolutionMinutes) {
    const target = policy.resolutionMinutes;
    const t = start ? runTimer(cal, facts, { ...base, kind: 'resolution', targetMinutes: target, start, stop: closedAt, paused: (s) => pause(s) || STOPPED.includes(s) }) : pending('resolution', target);
    const plan = facts.plannedResolution;
    // A planned date recorded by the desk holds until the ticket is resolved, even before the clock starts.
    if (plan && !t.stoppedAt) {
      t.rescheduled = { reason: plan.reason, previousDueAt: plan.previousDueAt };
      t.dueAt = plan.at;
      if (t.state === 'breached' && plan.at > now) t.state = 'running';
      if (t.state === 'running' && plan.at <= now) t.state = 'breached';
      t.warnAt = t.state === 'running' ? warnBefore(cal, now, plan.at, policy.warningMinutes) : null;
    }
    out.push(t);
  }
  if (policy.callbackMinutes) {
    const target = policy.callbackMinutes;
    out.push(start ? runTimer(cal, facts, { ...base, kind: 'callback', targetMinutes: target, start, stop: earliest(firstAtOrAfter(facts.calls, facts.createdAt), closedAt), paused: stoppedOrPaused }) : pending('callback', target));
  }
  return out;
}

/**
 * The instant `warningMinutes` working minutes before `dueAt`, found forwards from `from`: the
 * warning lands in working hours, never at night or at a weekend (Zammad #4432).
 */
function warnBefore(cal: WorkingTime, from: Date, dueAt: Date, warningMinutes: number): Date | null {
  if (warningMinutes <= 0) return null;
  const left = cal.workingMinutesBetween(from, dueAt).minutes;
  return cal.addWorkingMinutes(from, Math.max(0, left - warningMinutes)).at;
}

/** The timer the queue orders by: the nearest due time among those still running. */
export function nearestDue(timers: ComputedTimer[]): Date | null {
  const due = timers.filter((t) => (t.state === 'running' || t.state === 'breached') && !t.stoppedAt && t.dueAt).map((t) => t.dueAt!);
  return due.sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
}
