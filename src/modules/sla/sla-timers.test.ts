import { describe, expect, it } from 'vitest';
import { BusinessCalendar, SEED_CALENDARS } from '../calendars/index.ts';
import type { TicketStatus } from '../tickets/index.ts';
import { computeTimers, nearestDue, type SlaFacts, type SlaPolicyTargets } from './sla-timers.ts';

const d = (iso: string) => new Date(iso);
const iso = (x: Date | null) => x?.toISOString() ?? null;
const carri = new BusinessCalendar(SEED_CALENDARS.carriHotline.definition);
const eiler = new BusinessCalendar(SEED_CALENDARS.eilerProcessing.definition);

const policy = (p: Partial<SlaPolicyTargets>): SlaPolicyTargets => ({
  firstResponseMinutes: null,
  nextUpdateMinutes: null,
  resolutionMinutes: null,
  callbackMinutes: null,
  clockStart: 'created',
  pauseStatuses: ['waiting_customer'],
  warningMinutes: 0,
  ...p,
});

function facts(createdAt: string, timeline: [string, TicketStatus][] = [], extra: Partial<SlaFacts> = {}): SlaFacts {
  return {
    createdAt: d(createdAt),
    acceptedAt: null,
    statusTimeline: [{ at: d(createdAt), status: 'new' }, ...timeline.map(([at, status]) => ({ at: d(at), status }))],
    responses: [],
    calls: [],
    plannedResolution: null,
    ...extra,
  };
}

describe('service-level timers', () => {
  it('counts a Paris first response in working hours only, across the lunch break', () => {
    // Mon 23 Nov 2026 11:00 Paris + 4 working hours: 11:00–12:15 (75), 13:30–16:15 (165).
    const [t] = computeTimers(carri, facts('2026-11-23T10:00:00Z'), policy({ firstResponseMinutes: 240 }), d('2026-11-23T11:00:00Z'));
    expect(t).toMatchObject({ kind: 'first_response', state: 'running' });
    expect(iso(t!.dueAt)).toBe('2026-11-23T15:15:00.000Z');
  });

  it('pauses the clock while waiting on the customer and resumes it with the time left', () => {
    // Carri: created Mon 9:00, waiting for the customer 10:00–Tue 10:00, back in progress.
    const f = facts('2026-11-23T08:00:00Z', [
      ['2026-11-23T09:00:00Z', 'waiting_customer'],
      ['2026-11-24T09:00:00Z', 'in_progress'],
    ]);
    const [t] = computeTimers(carri, f, policy({ resolutionMinutes: 180 }), d('2026-11-24T09:30:00Z'));
    // 60 minutes used on Monday; 120 left from Tue 10:00 → Tue 12:00 Paris.
    expect(t).toMatchObject({ kind: 'resolution', state: 'running', consumedMinutes: 60 });
    expect(iso(t!.dueAt)).toBe('2026-11-24T11:00:00.000Z');
    expect(t!.pauses).toEqual([{ from: d('2026-11-23T09:00:00Z'), to: d('2026-11-24T09:00:00Z'), status: 'waiting_customer' }]);
    // While still waiting, there is no due time, and the clock is reported paused.
    const paused = computeTimers(carri, facts('2026-11-23T08:00:00Z', [['2026-11-23T09:00:00Z', 'waiting_customer']]), policy({ resolutionMinutes: 180 }), d('2026-11-30T09:00:00Z'));
    expect(paused[0]).toMatchObject({ state: 'paused', dueAt: null, consumedMinutes: 60 });
  });

  it('does not start a clock that counts from acceptance before the ticket is accepted (seed 003)', () => {
    const p = policy({ firstResponseMinutes: 2880, clockStart: 'accepted' });
    expect(computeTimers(eiler, facts('2026-11-19T08:00:00Z'), p, d('2026-11-19T09:00:00Z'))[0]).toMatchObject({ state: 'pending', dueAt: null });
    // Accepted Thu 19 Nov 14:30 Moscow: 48 working hours skip Sat–Sun → Mon 23 Nov 14:30.
    const accepted = facts('2026-11-19T08:00:00Z', [['2026-11-19T11:30:00Z', 'accepted']], { acceptedAt: d('2026-11-19T11:30:00Z') });
    const [t] = computeTimers(eiler, accepted, p, d('2026-11-19T12:00:00Z'));
    expect(iso(t!.startedAt)).toBe('2026-11-19T11:30:00.000Z');
    expect(iso(t!.dueAt)).toBe('2026-11-23T11:30:00.000Z');
  });

  it('gives the same due time whatever the moment it is computed', () => {
    const f = facts('2026-11-02T08:00:00Z');
    const p = policy({ resolutionMinutes: 2880 });
    const a = computeTimers(eiler, f, p, d('2026-11-02T09:00:00Z'))[0]!;
    const b = computeTimers(eiler, f, p, d('2026-11-05T07:59:00Z'))[0]!;
    // Mon 2 Nov 11:00 Moscow + 48 h on working days, 4 Nov (Unity Day) skipped → Thu 5 Nov 11:00.
    expect(iso(a.dueAt)).toBe('2026-11-05T08:00:00.000Z');
    expect(iso(b.dueAt)).toBe(iso(a.dueAt));
    expect(a.state).toBe('running');
    expect(b.state).toBe('running');
    expect(computeTimers(eiler, f, p, d('2026-11-05T08:00:00Z'))[0]!.state).toBe('breached');
  });

  it('meets the first response with the first answer and marks a late one breached', () => {
    const p = policy({ firstResponseMinutes: 60 });
    const onTime = computeTimers(carri, facts('2026-11-23T08:00:00Z', [], { responses: [d('2026-11-23T08:45:00Z')] }), p, d('2026-11-24T08:00:00Z'))[0]!;
    expect(onTime).toMatchObject({ state: 'met', stoppedAt: d('2026-11-23T08:45:00Z'), dueAt: d('2026-11-23T09:00:00Z') });
    const late = computeTimers(carri, facts('2026-11-23T08:00:00Z', [], { responses: [d('2026-11-23T12:45:00Z')] }), p, d('2026-11-24T08:00:00Z'))[0]!;
    expect(late).toMatchObject({ state: 'breached', stoppedAt: d('2026-11-23T12:45:00Z') });
    expect(iso(late.dueAt)).toBe('2026-11-23T09:00:00.000Z');
  });

  it('does not count the time a ticket spent resolved before it was reopened', () => {
    const f = facts('2026-11-23T08:00:00Z', [
      ['2026-11-23T09:00:00Z', 'resolved'],
      ['2026-11-25T08:00:00Z', 'in_progress'],
    ]);
    const [t] = computeTimers(carri, f, policy({ resolutionMinutes: 120 }), d('2026-11-25T08:30:00Z'));
    // 60 minutes before resolution, 60 after the reopening on Wed 9:00 → Wed 10:00 Paris.
    expect(t).toMatchObject({ state: 'running' });
    expect(iso(t!.dueAt)).toBe('2026-11-25T09:00:00.000Z');
    const closed = computeTimers(carri, facts('2026-11-23T08:00:00Z', [['2026-11-23T09:00:00Z', 'resolved']]), policy({ resolutionMinutes: 120 }), d('2026-11-30T08:00:00Z'));
    expect(closed[0]).toMatchObject({ state: 'met', stoppedAt: d('2026-11-23T09:00:00Z') });
  });

  it('takes a recorded schedule change as the resolution due time, with its reason', () => {
    const f = facts('2026-11-23T08:00:00Z', [], { plannedResolution: { at: d('2026-12-04T15:00:00Z'), reason: 'deeper_diagnosis', previousDueAt: d('2026-11-23T10:00:00Z') } });
    const [t] = computeTimers(carri, f, policy({ resolutionMinutes: 120, warningMinutes: 60 }), d('2026-11-26T08:00:00Z'));
    expect(t).toMatchObject({ state: 'running', rescheduled: { reason: 'deeper_diagnosis', previousDueAt: d('2026-11-23T10:00:00Z') } });
    expect(iso(t!.dueAt)).toBe('2026-12-04T15:00:00.000Z');
    // Warned one working hour before, within opening hours: Fri 4 Dec 15:00 Paris.
    expect(iso(t!.warnAt)).toBe('2026-12-04T14:00:00.000Z');
  });

  it('places the warning in working hours, never at night or at a weekend (Zammad #4432)', () => {
    // Created Fri 27 Nov 16:00 Paris, 4 working hours: 2 h on Friday, due Mon 30 Nov 11:00.
    // Warned 3 working hours before: Fri 17:00, not Sunday night.
    const [t] = computeTimers(carri, facts('2026-11-27T15:00:00Z'), policy({ firstResponseMinutes: 240, warningMinutes: 180 }), d('2026-11-27T15:00:00Z'));
    expect(iso(t!.dueAt)).toBe('2026-11-30T10:00:00.000Z');
    expect(iso(t!.warnAt)).toBe('2026-11-27T16:00:00.000Z');
    expect(carri.isOpenAt(t!.warnAt!)).toBe(true);
  });

  it('runs the next-update timer from the latest answer and the callback until a call is logged', () => {
    const f = facts('2026-11-23T08:00:00Z', [['2026-11-23T08:30:00Z', 'in_progress']], { responses: [d('2026-11-23T08:30:00Z'), d('2026-11-23T14:00:00Z')], calls: [] });
    const timers = computeTimers(carri, f, policy({ nextUpdateMinutes: 120, callbackMinutes: 60 }), d('2026-11-23T14:30:00Z'));
    const next = timers.find((t) => t.kind === 'next_update')!;
    expect(iso(next.startedAt)).toBe('2026-11-23T14:00:00.000Z');
    expect(iso(next.dueAt)).toBe('2026-11-23T16:00:00.000Z');
    const callback = timers.find((t) => t.kind === 'callback')!;
    expect(callback.state).toBe('breached');
    expect(iso(nearestDue(timers))).toBe('2026-11-23T09:00:00.000Z');
  });
});
