import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { withTransaction } from '../../platform/db/database.ts';
import { AppError, type FieldError, forbidden, notFound, validationFailed } from '../../platform/errors/app-error.ts';
import { type Actor, isStaff } from '../auth/index.ts';
import { BusinessCalendar, CalendarDefinitionSchema } from '../calendars/index.ts';
import { warrantiesFor } from '../orders/index.ts';
import { getVisibleTicket, lockVisibleTicket, recordTicketEvent } from '../tickets/index.ts';
import type { ScheduleVisitInput, VisitReportInput, VisitResponseType } from './visit.schemas.ts';
import { checkWindow, decideVisit, type VisitFacts, type VisitWarrantyOutcome, type WindowProblem } from './visit-rules.ts';
import {
  brandTechnicians,
  findVisibleVisit,
  insertVisit,
  lockVisit,
  overlappingVisits,
  technicianVisitRows,
  ticketCalendarRow,
  ticketVisitRows,
  unitModels,
  type VisitRow,
} from './visit.queries.ts';

const visitNotFound = () => notFound('VISIT_NOT_FOUND', 'Visit');
/** Who schedules and cancels visits: the desk. */
const SCHEDULERS: readonly Actor['role'][] = ['agent', 'admin'];

export function toVisitResponse(v: VisitRow, actor: Actor): VisitResponseType {
  return {
    id: v.id,
    ticketId: v.ticket_id,
    ticketNumber: v.ticket_number,
    brandId: v.brand_id,
    timeZone: v.time_zone,
    unit: { id: v.unit_id, serial: v.serial ?? v.licence_key ?? '', modelName: v.model_name },
    technician: { id: v.technician_id, name: v.technician_name },
    address: v.address,
    windowStart: v.window_start.toISOString(),
    windowEnd: v.window_end.toISOString(),
    state: v.state,
    billable: v.billable,
    rule: v.rule as VisitResponseType['rule'],
    customerAcceptsCharges: v.customer_accepts_charges,
    report: {
      workDone: v.work_done,
      outcome: v.outcome,
      timeSpentMinutes: v.time_spent_minutes,
      customerSignatureName: v.customer_signature_name,
      startedAt: v.started_at?.toISOString() ?? null,
      completedAt: v.completed_at?.toISOString() ?? null,
    },
    cancelledReason: v.cancelled_reason,
    createdAt: v.created_at.toISOString(),
    mayReport: mayReport(actor, v) && (v.state === 'scheduled' || v.state === 'in_progress'),
  };
}

const mayReport = (actor: Actor, v: { technician_id: string }) => actor.role === 'admin' || (actor.role === 'technician' && actor.userId === v.technician_id);

/** The units a ticket names by serial (or licence key), of its brand. */
async function ticketUnitIds(db: Db, ticket: { id: string; brand_id: string }): Promise<string[]> {
  const rows = await db
    .selectFrom('unit as u')
    .innerJoin('ticket_serial as s', (j) => j.on(sql<boolean>`upper(coalesce(u.serial, u.licence_key)) = upper(s.serial)`))
    .select('u.id')
    .where('s.ticket_id', '=', ticket.id)
    .where('u.brand_id', '=', ticket.brand_id)
    .orderBy('s.position')
    .execute();
  return [...new Set(rows.map((r) => r.id))];
}

/** Today's facts for each unit: the warranty decision, the ticket's contract level, the model's on-site levels. */
async function visitFacts(db: Db, actor: Actor, unitIds: string[], contractLevel: string, now: Date) {
  const [decided, models] = await Promise.all([warrantiesFor(db, actor, unitIds, now), unitModels(db, unitIds)]);
  const out = new Map<string, { serial: string; facts: Omit<VisitFacts, 'customerAcceptsCharges'> }>();
  for (const m of models) {
    const w = decided.get(m.id);
    if (!w) continue;
    out.set(m.id, {
      serial: m.serial ?? m.licence_key ?? '',
      facts: { warrantyOutcome: w.warranty.outcome as VisitWarrantyOutcome, coverageKind: w.warranty.coverage?.kind ?? null, contractLevel, onsiteContractLevels: m.onsite_contract_levels },
    });
  }
  return out;
}

/** The wording of a window problem for the field at fault. */
function windowError(p: WindowProblem): FieldError {
  switch (p.reason) {
    case 'end_before_start':
      return { field: 'windowEnd', code: 'end_before_start', message: 'must be after windowStart' };
    case 'in_the_past':
      return { field: 'windowStart', code: 'in_the_past', message: 'is already past' };
    case 'too_long':
      return { field: 'windowEnd', code: 'too_long', message: `a window lasts at most ${p.maxMinutes} minutes` };
    case 'outside_working_time': {
      const closed = p.closedDays.map((d) => `${d.date} ${d.reason}${d.name ? ` (${d.name})` : ''}`).join(', ');
      return {
        field: 'windowStart',
        code: 'outside_working_time',
        message: `only ${Math.round(p.workingMinutes)} of the window's ${Math.round(p.windowMinutes)} minutes are the brand's working time${closed ? `; closed: ${closed}` : ''}`,
      };
    }
  }
}

/**
 * Schedules a technician's visit from a ticket, for one of its units (seed 000): the desk only; the
 * contract decides whether it may happen and whether it is billable (visit-rules.ts); the window
 * lies within the brand's working time; the technician is not already booked then.
 */
export async function scheduleVisit(db: Db, actor: Actor, ticketId: string, input: ScheduleVisitInput, now: Date) {
  const id = await withTransaction(db, async (trx) => {
    const ticket = await lockVisibleTicket(trx, actor, ticketId);
    if (!SCHEDULERS.includes(actor.role)) throw forbidden('The desk schedules on-site visits');
    const start = new Date(input.windowStart);
    const end = new Date(input.windowEnd);
    const errors: FieldError[] = [];
    const unitIds = await ticketUnitIds(trx, ticket);
    if (!unitIds.includes(input.unitId)) errors.push({ field: 'unitId', code: 'not_found', message: 'not a unit of this ticket' });
    const technicians = await brandTechnicians(trx, ticket.brand_id);
    if (!technicians.some((t) => t.id === input.technicianId)) errors.push({ field: 'technicianId', code: 'not_found', message: "not a technician of the ticket's brand" });
    const calendarRow = await ticketCalendarRow(trx, ticket);
    const calendar = calendarRow ? new BusinessCalendar(CalendarDefinitionSchema.parse(calendarRow.definition)) : null;
    const problem = checkWindow(calendar, start, end, now);
    if (problem) errors.push(windowError(problem));
    if (errors.length) throw validationFailed(errors);

    const facts = (await visitFacts(trx, actor, [input.unitId], ticket.contract_level, now)).get(input.unitId);
    if (!facts) throw validationFailed([{ field: 'unitId', code: 'not_found', message: 'not a unit of this ticket' }]);
    const decision = decideVisit({ ...facts.facts, customerAcceptsCharges: input.customerAcceptsCharges });
    if (!decision.allowed) {
      throw new AppError('VISIT_NOT_ALLOWED', 409, `No on-site visit for this unit: ${decision.rule}${decision.needsConsent ? ' (billable: the customer must accept the charges)' : ''}`, {
        rule: decision.rule,
        billable: decision.billable,
        needsConsent: decision.needsConsent,
        ...(decision.needsConsent ? { errors: [{ field: 'customerAcceptsCharges', code: 'required', message: `billable visit (${decision.rule}): the customer must accept the charges` }] } : {}),
      });
    }
    const busy = await overlappingVisits(trx, input.technicianId, start, end);
    if (busy.length) {
      throw new AppError('VISIT_TECHNICIAN_BUSY', 409, 'The technician already has a visit in this window', {
        conflicts: busy.map((b) => ({ ticketNumber: b.number, windowStart: b.window_start.toISOString(), windowEnd: b.window_end.toISOString() })),
        errors: [{ field: 'technicianId', code: 'conflict', message: `already booked: ${busy.map((b) => b.number).join(', ')}` }],
      });
    }
    const visitId = await insertVisit(trx, {
      ticket_id: ticket.id,
      brand_id: ticket.brand_id,
      unit_id: input.unitId,
      technician_id: input.technicianId,
      address: input.address,
      window_start: start,
      window_end: end,
      billable: decision.billable,
      rule: decision.rule,
      facts: JSON.stringify({ ...facts.facts, customerAcceptsCharges: input.customerAcceptsCharges }),
      customer_accepts_charges: input.customerAcceptsCharges,
      scheduled_by: actor.userId,
      created_at: now,
    });
    await recordTicketEvent(trx, {
      ticketId: ticket.id,
      actorId: actor.userId,
      at: now,
      field: 'onsite_visit',
      before: null,
      after: { state: 'scheduled', serial: facts.serial, technician: technicians.find((t) => t.id === input.technicianId)!.name, windowStart: start.toISOString(), windowEnd: end.toISOString(), billable: decision.billable, rule: decision.rule },
    });
    return visitId;
  });
  return getVisit(db, actor, id);
}

export async function getVisit(db: Db, actor: Actor, visitId: string) {
  const v = await findVisibleVisit(db, actor, visitId);
  if (!v) throw visitNotFound();
  return toVisitResponse(v, actor);
}

/** A ticket's visits; for the desk also what scheduling would decide for each unit, and the brand's technicians. */
export async function listTicketVisits(db: Db, actor: Actor, ticketId: string, now: Date) {
  const visible = await getVisibleTicket(db, actor, ticketId);
  const ticket = await db.selectFrom('ticket as t').innerJoin('brand as b', 'b.id', 't.brand_id').select(['t.id', 't.brand_id', 't.contract_level', 'b.time_zone']).where('t.id', '=', visible.id).executeTakeFirstOrThrow();
  const items = (await ticketVisitRows(db, ticket.id)).map((v) => toVisitResponse(v, actor));
  if (!isStaff(actor)) return { items, units: [], technicians: [], timeZone: ticket.time_zone };
  const unitIds = await ticketUnitIds(db, ticket);
  const facts = await visitFacts(db, actor, unitIds, ticket.contract_level, now);
  return {
    items,
    units: unitIds.flatMap((id) => {
      const f = facts.get(id);
      if (!f) return [];
      const d = decideVisit({ ...f.facts, customerAcceptsCharges: false });
      return [{ unitId: id, serial: f.serial, warrantyOutcome: f.facts.warrantyOutcome, contractLevel: ticket.contract_level, decision: { rule: d.rule, billable: d.billable, allowed: d.allowed, needsConsent: d.allowed ? false : d.needsConsent } }];
    }),
    technicians: await brandTechnicians(db, ticket.brand_id),
    timeZone: ticket.time_zone,
  };
}

/** The visits on someone's agenda: a technician's own; the desk's by technician or all they may see. */
export async function listVisits(db: Db, actor: Actor, q: { state?: string; technicianId?: string }, now: Date) {
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const technicianId = actor.role === 'technician' ? actor.userId : q.technicianId;
  const rows = await technicianVisitRows(db, { technicianId, visibleTo: actor.role === 'admin' ? undefined : actor, state: q.state, since });
  return { items: rows.map((v) => toVisitResponse(v, actor)) };
}

const stateInvalid = (state: string, action: string) => new AppError('VISIT_STATE_INVALID', 409, `A visit ${state} cannot be ${action}`, { state });

/**
 * The technician's report, from the phone: saved as they go (the visit is then in progress), and
 * `complete` closes it — work done, outcome and time spent required. Only the technician sent (or
 * an admin) writes it; anyone else who may see the visit is refused, and others do not find it.
 */
export async function reportVisit(db: Db, actor: Actor, visitId: string, input: VisitReportInput, now: Date) {
  await withTransaction(db, async (trx) => {
    const unsafeVisit = await findVisibleVisit(trx, actor, visitId);
    if (!unsafeVisit) throw visitNotFound();
    if (!mayReport(actor, unsafeVisit)) throw forbidden('Only the technician sent on this visit writes its report');
    const v = await lockVisit(trx, visitId);
    if (v.state === 'done' || v.state === 'cancelled') throw stateInvalid(v.state, 'reported on');
    const merged = {
      work_done: input.workDone !== undefined ? input.workDone || null : v.work_done,
      outcome: input.outcome ?? v.outcome,
      time_spent_minutes: input.timeSpentMinutes ?? v.time_spent_minutes,
      customer_signature_name: input.customerSignatureName !== undefined ? input.customerSignatureName || null : v.customer_signature_name,
    };
    if (input.complete) {
      const missing: FieldError[] = [];
      if (!merged.work_done) missing.push({ field: 'workDone', code: 'required', message: 'say what was done' });
      if (!merged.outcome) missing.push({ field: 'outcome', code: 'required', message: 'resolved, needs the workshop or needs parts' });
      if (merged.time_spent_minutes === null) missing.push({ field: 'timeSpentMinutes', code: 'required', message: 'the time spent on site, in minutes' });
      if (missing.length) throw validationFailed(missing);
    }
    const state = input.complete ? 'done' : 'in_progress';
    await trx
      .updateTable('onsite_visit')
      .set({ ...merged, state, started_at: v.started_at ?? now, ...(input.complete ? { completed_at: now } : {}) })
      .where('id', '=', v.id)
      .execute();
    if (state !== v.state) {
      await recordTicketEvent(trx, {
        ticketId: v.ticket_id,
        actorId: actor.userId,
        at: now,
        field: 'onsite_visit',
        before: v.state,
        after: { state, ...(input.complete ? { outcome: merged.outcome, timeSpentMinutes: merged.time_spent_minutes, billable: v.billable } : {}) },
      });
    }
  });
  return getVisit(db, actor, visitId);
}

/** The desk calls a visit off, with the reason; the technician's agenda and feed drop it. */
export async function cancelVisit(db: Db, actor: Actor, visitId: string, reason: string, now: Date) {
  await withTransaction(db, async (trx) => {
    const unsafeVisit = await findVisibleVisit(trx, actor, visitId);
    if (!unsafeVisit) throw visitNotFound();
    // The desk of the ticket (not a technician who only sees their own agenda).
    if (!SCHEDULERS.includes(actor.role)) throw forbidden('The desk cancels on-site visits');
    await lockVisibleTicket(trx, actor, unsafeVisit.ticket_id);
    const v = await lockVisit(trx, visitId);
    if (v.state !== 'scheduled') throw stateInvalid(v.state, 'cancelled');
    await trx.updateTable('onsite_visit').set({ state: 'cancelled', cancelled_reason: reason }).where('id', '=', v.id).execute();
    await recordTicketEvent(trx, { ticketId: v.ticket_id, actorId: actor.userId, at: now, field: 'onsite_visit', before: v.state, after: { state: 'cancelled', reason } });
  });
  return getVisit(db, actor, visitId);
}
