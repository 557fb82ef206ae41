import type { Db } from '../../platform/db/database.ts';
import { withTransaction } from '../../platform/db/database.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors/app-error.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import type { Actor } from '../auth/index.ts';
import { getBrandById } from '../brands/index.ts';
import { warrantiesFor } from '../orders/index.ts';
import { addEntry, getVisibleTicket, lockVisibleTicket, recordTicketEvent } from '../tickets/index.ts';
import { emitWebhookEvent } from '../webhooks/index.ts';
import { findReturn, insertEvent, lockReturn, returnDetails } from './rma.queries.ts';
import { type ReturnChange, type ReturnNotifier, TOLD } from './rma-notifier.ts';
import { actorMay, eventsFrom, FINAL_STATES, type LineCoverage, missingAccessories, type RmaActor, type RmaEvent, type RmaFacts, type RmaState, transition } from './rma-machine.ts';

export interface ReturnsContext {
  db: Db;
  jobs: JobQueue;
  notifier: ReturnNotifier;
}

/** What a return request names: the ticket's units to send back, and whether the customer agrees to pay where nothing covers them. */
export interface RequestReturnInput {
  unitIds: string[];
  customerAcceptsCharges?: boolean;
}

export interface ReturnEventInput {
  event: RmaEvent;
  reason?: string;
  inboundMode?: 'drop_off' | 'courier' | 'pickup';
  customerAcceptsCharges?: boolean;
  /** At the receiving desk: the accessories that came with each unit (unit id → keys), and its condition. */
  received?: { unitId: string; accessories: string[]; condition?: string }[];
  /** At the receiving desk: photos uploaded with POST /attachments, kept on the ticket. */
  photoIds?: string[];
  /** Sending the parcel in: its carrier and tracking number, when known. */
  inbound?: { carrier: string; trackingNumber?: string };
  /** Shipping back: the outbound parcel. */
  outbound?: { carrier: string; trackingNumber?: string };
}

const REQUESTERS: readonly Actor['role'][] = ['customer', 'reseller', 'agent', 'admin'];

/** A warranty outcome as the machine weighs it (warranty/README: outcomes). */
export function coverageOf(outcome: string): LineCoverage {
  if (outcome === 'blocked') return 'blocked';
  if (outcome === 'needs_information') return 'needs_information';
  if (outcome === 'none') return 'not_covered';
  return 'covered';
}

const rmaNotFound = () => notFound('RMA_NOT_FOUND', 'Return');

/**
 * Opens the return of a ticket (its number is the ticket's) for some of the units the requester
 * may see: each unit gets a line with its warranty outcome today and the accessories its model
 * wants back. Units sold through a reseller go through the reseller and its distributor when the
 * brand routes returns that way.
 */
export async function requestReturn(ctx: ReturnsContext, actor: Actor, ticketId: string, input: RequestReturnInput, now: Date) {
  const unitIds = [...new Set(input.unitIds)];
  const id = await withTransaction(ctx.db, async (trx) => {
    const ticket = await lockVisibleTicket(trx, actor, ticketId);
    if (!REQUESTERS.includes(actor.role)) throw new AppError('FORBIDDEN', 403, 'The customer, their reseller or the desk requests a return');
    if (await findReturn(trx, ticket.id)) throw new AppError('RMA_ALREADY_EXISTS', 409, 'This ticket already has a return', { ticketId: ticket.id });
    const decided = await warrantiesFor(trx, actor, unitIds, now);
    const missing = unitIds.filter((u) => decided.get(u)?.row.brand_id !== ticket.brand_id);
    // Someone else's unit, or another brand's, is answered like a unit that does not exist.
    if (missing.length) throw notFound('UNIT_NOT_FOUND', 'Unit');
    const busy = await trx
      .selectFrom('rma_line as l')
      .innerJoin('unit as u', 'u.id', 'l.unit_id')
      .select(['u.serial', 'u.licence_key'])
      .where('l.unit_id', 'in', unitIds)
      .where('l.open', '=', true)
      .execute();
    if (busy.length) throw unitInReturn(busy.map((b) => b.serial ?? b.licence_key ?? ''));
    const brand = await getBrandById(trx, ticket.brand_id);
    const channelRoute = brand.settings.returns.throughChannel && ticket.reseller_id !== null;
    const distributor = channelRoute
      ? ((await trx.selectFrom('organisation').select('parent_id').where('id', '=', ticket.reseller_id!).executeTakeFirst())?.parent_id ?? null)
      : null;
    const rma = await trx
      .insertInto('rma')
      .values({
        ticket_id: ticket.id,
        brand_id: ticket.brand_id,
        state: 'requested',
        channel_route: channelRoute,
        reseller_id: channelRoute ? ticket.reseller_id : null,
        distributor_id: distributor,
        customer_accepts_charges: input.customerAcceptsCharges ?? false,
        requested_by: actor.userId,
        created_at: now,
        state_changed_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    try {
      await trx
        .insertInto('rma_line')
        .values(
          unitIds.map((unitId) => {
            const { row, warranty } = decided.get(unitId)!;
            return { rma_id: rma.id, unit_id: unitId, warranty_outcome: warranty.outcome, accessories_expected: JSON.stringify(row.accessories.map((a) => a.key)), accessories_received: '[]' };
          }),
        )
        .execute();
    } catch (err) {
      // Another return took one of these units meanwhile (the open-unit index).
      if ((err as { code?: string }).code === '23505') throw unitInReturn([]);
      throw err;
    }
    await audit(ctx, trx, { rmaId: rma.id, ticketId: ticket.id, brandId: ticket.brand_id, number: ticket.number, actor, at: now, event: 'request', from: null, to: 'requested', data: { units: unitIds.length } });
    return rma.id;
  });
  return getReturn(ctx.db, actor, ticketId, id);
}

const unitInReturn = (serials: string[]) =>
  new AppError('RMA_UNIT_IN_RETURN', 409, 'A unit is already in an open return', { serials, errors: [{ field: 'unitIds', code: 'duplicate', message: `already in an open return: ${serials.join(', ')}` }] });

/** The machine's view of who acts: the reseller and the distributor only for their own returns. */
function machineActor(actor: Actor, rma: { reseller_id: string | null; distributor_id: string | null }): RmaActor | null {
  if (actor.role === 'reseller') return actor.organisationId && actor.organisationId === rma.reseller_id ? 'reseller' : null;
  if (actor.role === 'distributor') return actor.organisationId && actor.organisationId === rma.distributor_id ? 'distributor' : null;
  return actor.role;
}

/**
 * Sends one event to a ticket's return: gathers the facts (a fresh warranty decision when the desk
 * authorises), asks the machine, and writes what it answers with its audit line, the ticket's
 * history and the webhook — or refuses with the state and the guard that failed.
 */
export async function sendReturnEvent(ctx: ReturnsContext, actor: Actor, ticketId: string, input: ReturnEventInput, now: Date) {
  await withTransaction(ctx.db, async (trx) => {
    const ticket = await lockVisibleTicket(trx, actor, ticketId);
    const rma = await lockReturn(trx, ticket.id);
    if (!rma) throw rmaNotFound();
    const state = rma.state as RmaState;
    const who = machineActor(actor, rma);
    const lines = await trx
      .selectFrom('rma_line as l')
      .innerJoin('unit as u', 'u.id', 'l.unit_id')
      .select(['l.id', 'l.unit_id', 'l.warranty_outcome', 'l.accessories_expected', 'l.accessories_received', 'u.serial', 'u.licence_key', 'u.order_line_id', 'u.proof_status'])
      .where('l.rma_id', '=', rma.id)
      .orderBy('u.serial').orderBy('u.licence_key')
      .execute();
    const received = new Map((input.received ?? []).map((r) => [r.unitId, r]));
    for (const [unitId, r] of received) {
      const line = lines.find((l) => l.unit_id === unitId);
      if (!line) throw validationFailed([{ field: 'received', code: 'not_found', message: `unit ${unitId} is not on this return` }]);
      const unknown = r.accessories.filter((a) => !line.accessories_expected.includes(a));
      if (unknown.length) throw validationFailed([{ field: 'received', code: 'invalid_value', message: `not an accessory of this unit's model: ${unknown.join(', ')}` }]);
    }
    // The desk's authorisation weighs today's decision; the other events the one kept at request time.
    const fresh = input.event === 'authorise' && (actor.role === 'agent' || actor.role === 'admin') ? await warrantiesFor(trx, actor, lines.map((l) => l.unit_id), now) : null;
    const outcomes = new Map(lines.map((l) => [l.unit_id, fresh?.get(l.unit_id)?.warranty.outcome ?? l.warranty_outcome]));
    const accessoriesReceived = (l: (typeof lines)[number]) => {
      const r = received.get(l.unit_id);
      return r ? [...new Set([...l.accessories_received, ...r.accessories])] : l.accessories_received;
    };
    const outboundRecorded =
      (input.event === 'ship_back' && !!input.outbound) || (await trx.selectFrom('rma_shipment').select('id').where('rma_id', '=', rma.id).where('direction', '=', 'out').where('refused_reason', 'is', null).executeTakeFirst()) !== undefined;
    const facts: RmaFacts = {
      channelRoute: rma.channel_route,
      customerAcceptsCharges: input.customerAcceptsCharges ?? rma.customer_accepts_charges,
      reason: input.reason,
      inboundMode: input.inboundMode ?? rma.inbound_mode ?? undefined,
      outboundRecorded,
      lines: lines.map((l) => ({
        serial: l.serial ?? l.licence_key ?? '',
        coverage: coverageOf(outcomes.get(l.unit_id)!),
        // An order of the brand's own shop is its own proof; a registered unit's upload needs the desk's validation.
        proofOfPurchase: l.order_line_id !== null || l.proof_status === 'validated',
        accessories: l.accessories_expected,
        accessoriesReceived: accessoriesReceived(l),
      })),
    };
    const result = who ? transition(state, input.event, who, facts) : ({ ok: false, code: 'RMA_GUARD_FAILED', state, event: input.event, guard: 'actor_not_allowed' } as const);
    if (!result.ok) throw refusal(result);

    const to = result.to;
    await trx
      .updateTable('rma')
      .set({
        state: to,
        state_changed_at: now,
        inbound_mode: facts.inboundMode ?? null,
        customer_accepts_charges: facts.customerAcceptsCharges,
        ...(input.event === 'refuse' || input.event === 'cancel' ? { reason: input.reason!.trim() } : {}),
      })
      .where('id', '=', rma.id)
      .execute();
    for (const l of lines) {
      const r = received.get(l.unit_id);
      if (r) await trx.updateTable('rma_line').set({ accessories_received: JSON.stringify(accessoriesReceived(l)), condition_note: r.condition?.trim() || null }).where('id', '=', l.id).execute();
    }
    if (fresh) for (const l of lines) await trx.updateTable('rma_line').set({ warranty_outcome: outcomes.get(l.unit_id)! }).where('id', '=', l.id).execute();
    if (FINAL_STATES.includes(to)) await trx.updateTable('rma_line').set({ open: false }).where('rma_id', '=', rma.id).execute();
    if (input.event === 'arrange_shipment') {
      const brand = await getBrandById(trx, rma.brand_id);
      // Inside the legal guarantee the return costs the consumer nothing (Dir. 2019/771 art. 14):
      // the brand's "courier at the customer's cost" applies only where no line is under it.
      const legal = lines.some((l) => outcomes.get(l.unit_id) === 'legal_guarantee');
      const paidBy = facts.inboundMode === 'pickup' || legal || brand.settings.afterSales.returnShippingPaidBy === 'seller' ? 'brand' : 'customer';
      await trx
        .insertInto('rma_shipment')
        .values({ rma_id: rma.id, direction: 'in', mode: facts.inboundMode!, paid_by: paidBy, carrier: input.inbound?.carrier.trim() || null, tracking_number: input.inbound?.trackingNumber?.trim() || null, created_at: now })
        .execute();
    }
    if (input.event === 'receive' || input.event === 'complete_accessories') {
      await trx.updateTable('rma_shipment').set({ handled_at: now }).where('rma_id', '=', rma.id).where('direction', '=', 'in').where('handled_at', 'is', null).where('refused_reason', 'is', null).execute();
    }
    // Only shipping back records a parcel going out: another event carrying one (a customer arranging
    // their parcel) cannot slip an outbound parcel past the replacement's pickup rule.
    if (input.event === 'ship_back' && input.outbound) {
      await trx
        .insertInto('rma_shipment')
        .values({ rma_id: rma.id, direction: 'out', mode: 'carrier', carrier: input.outbound.carrier.trim(), tracking_number: input.outbound.trackingNumber?.trim() || null, paid_by: 'brand', created_at: now, handled_at: now })
        .execute();
    }
    // What the counter saw: the condition notes and photos, on the ticket as an internal note of the desk.
    if ((input.event === 'receive' || input.event === 'complete_accessories') && (input.photoIds?.length || [...received.values()].some((r) => r.condition?.trim()))) {
      const t = translator(actor.locale);
      const notes = lines.flatMap((l) => (received.get(l.unit_id)?.condition?.trim() ? [`${l.serial ?? l.licence_key}: ${received.get(l.unit_id)!.condition!.trim()}`] : []));
      await addEntry(trx, actor, ticket.id, { kind: 'internal_note', body: [t('rmaNote.received', { number: ticket.number }), ...notes].join('\n'), attachmentIds: input.photoIds ?? [] }, now);
    }
    const missing = to === 'on_hold' ? missingAccessories(facts.lines) : [];
    await audit(ctx, trx, {
      rmaId: rma.id,
      ticketId: ticket.id,
      brandId: rma.brand_id,
      number: ticket.number,
      actor,
      at: now,
      event: input.event,
      from: state,
      to,
      data: { ...(input.reason ? { reason: input.reason.trim() } : {}), ...(missing.length ? { missing } : {}), ...(facts.inboundMode && input.event === 'arrange_shipment' ? { inboundMode: facts.inboundMode } : {}) },
    });
    // The customer hears of what concerns them — not of their own cancellation.
    if (TOLD.includes(to) && !(to === 'cancelled' && actor.role === 'customer')) {
      const names = missing.length ? await accessoryNames(trx, lines.map((l) => l.unit_id)) : new Map<string, { key: string; name: Record<string, string> }[]>();
      const bySerial = new Map(lines.map((l) => [l.serial ?? l.licence_key ?? '', l.unit_id]));
      await ctx.notifier.changed(trx, {
        ticketId: ticket.id,
        what: to as ReturnChange['what'],
        reason: input.reason?.trim(),
        missing: missing.map((m) => ({ serial: m.serial, accessories: m.missing.map((key) => names.get(bySerial.get(m.serial)!)?.find((a) => a.key === key) ?? { key, name: {} }) })),
        outbound: input.event === 'ship_back' && input.outbound ? { carrier: input.outbound.carrier.trim(), trackingNumber: input.outbound.trackingNumber?.trim() || null } : undefined,
        at: now,
      });
    }
  });
  return getReturn(ctx.db, actor, ticketId);
}

/**
 * A parcel refused at the counter — sent cash on delivery to a brand that refuses it (seed 004) —
 * recorded with its reason on the return, which keeps waiting for a parcel sent properly.
 */
export async function refuseParcel(ctx: ReturnsContext, actor: Actor, ticketId: string, input: { reason: string; cashOnDelivery: boolean; carrier?: string }, now: Date) {
  if (!input.reason.trim()) throw validationFailed([{ field: 'reason', code: 'required', message: 'say why the parcel is refused' }]);
  await withTransaction(ctx.db, async (trx) => {
    const ticket = await lockVisibleTicket(trx, actor, ticketId);
    const rma = await lockReturn(trx, ticket.id);
    if (!rma) throw rmaNotFound();
    if (rma.state !== 'awaiting_parcel') throw refusal({ code: 'RMA_TRANSITION_NOT_ALLOWED', state: rma.state as RmaState, event: 'receive' });
    await trx
      .insertInto('rma_shipment')
      .values({ rma_id: rma.id, direction: 'in', mode: 'carrier', carrier: input.carrier?.trim() || null, paid_by: 'customer', cash_on_delivery: input.cashOnDelivery, refused_reason: input.reason.trim(), created_at: now, handled_at: now })
      .execute();
    await audit(ctx, trx, { rmaId: rma.id, ticketId: ticket.id, brandId: rma.brand_id, number: ticket.number, actor, at: now, event: 'parcel_refused', from: 'awaiting_parcel', to: 'awaiting_parcel', data: { reason: input.reason.trim(), cashOnDelivery: input.cashOnDelivery } });
    await ctx.notifier.changed(trx, { ticketId: ticket.id, what: 'parcel_refused', reason: input.reason.trim(), at: now });
  });
  return getReturn(ctx.db, actor, ticketId);
}

/** Each unit's accessories as its model names them, for the customer's mail. */
async function accessoryNames(trx: Db, unitIds: string[]) {
  const rows = await trx.selectFrom('unit as u').innerJoin('product_model as m', 'm.id', 'u.model_id').select(['u.id', 'm.accessories']).where('u.id', 'in', unitIds).execute();
  return new Map(rows.map((r) => [r.id, r.accessories]));
}

/** The machine's refusal as the API's error: who may not, what is missing, or what cannot happen now. */
function refusal(r: { code: 'RMA_TRANSITION_NOT_ALLOWED' | 'RMA_GUARD_FAILED'; state: RmaState; event: RmaEvent; guard?: string; serials?: string[] }) {
  if (r.code === 'RMA_TRANSITION_NOT_ALLOWED') return new AppError('RMA_TRANSITION_NOT_ALLOWED', 409, `A return in state ${r.state} cannot take the event ${r.event}`, { state: r.state, event: r.event });
  if (r.guard === 'actor_not_allowed') return new AppError('FORBIDDEN', 403, `You may not send ${r.event} to this return`, { state: r.state, event: r.event, guard: r.guard });
  const field = r.guard === 'reason_missing' ? 'reason' : r.guard === 'inbound_mode_missing' ? 'inboundMode' : r.guard === 'outbound_not_recorded' ? 'outbound' : null;
  return new AppError('RMA_GUARD_FAILED', 409, `The return cannot take ${r.event} in state ${r.state}: ${r.guard}`, {
    state: r.state,
    event: r.event,
    guard: r.guard,
    serials: r.serials ?? [],
    ...(field ? { errors: [{ field, code: 'required' as const, message: r.guard! }] } : {}),
  });
}

async function audit(
  ctx: ReturnsContext,
  trx: Db,
  e: { rmaId: string; ticketId: string; brandId: string; number: string; actor: Actor; at: Date; event: string; from: RmaState | null; to: RmaState; data: Record<string, unknown> },
) {
  await insertEvent(trx, { rma_id: e.rmaId, at: e.at, actor_id: e.actor.userId, event: e.event, from_state: e.from, to_state: e.to, data: JSON.stringify(e.data) });
  await recordTicketEvent(trx, { ticketId: e.ticketId, actorId: e.actor.userId, at: e.at, field: 'rma', before: e.from, after: { state: e.to, event: e.event, ...e.data } });
  if (e.from !== e.to) await emitWebhookEvent(trx, ctx.jobs, e.at, e.brandId, `rma.${e.to}`, { ticket: { id: e.ticketId, number: e.number }, rma: { number: e.number, state: e.to, previousState: e.from, event: e.event }, ...e.data });
}

/** Where a return's units are now, from its state: the parcel's movements in and out. */
export function locationOf(state: RmaState): 'with_customer' | 'on_its_way_in' | 'at_workshop' | 'on_its_way_back' {
  if (state === 'awaiting_parcel') return 'on_its_way_in';
  if (state === 'received' || state === 'on_hold' || state === 'in_workshop') return 'at_workshop';
  if (state === 'shipped_back') return 'on_its_way_back';
  return 'with_customer';
}

/** A ticket's return as its reader sees it: lines, history, parcels, and the events they may send now. */
export async function getReturn(db: Db, actor: Actor, ticketId: string, knownId?: string) {
  const details = await returnDetails(db, actor, ticketId, knownId);
  if (!details) {
    // Someone else's ticket is not found as a ticket (TICKET_NOT_FOUND); one's own without a return, as a return.
    await getVisibleTicket(db, actor, ticketId);
    throw rmaNotFound();
  }
  const who = machineActor(actor, details.rma);
  return {
    id: details.rma.id,
    ticketId: details.rma.ticket_id,
    number: details.number,
    state: details.rma.state as RmaState,
    channelRoute: details.rma.channel_route,
    reason: details.rma.reason,
    inboundMode: details.rma.inbound_mode,
    customerAcceptsCharges: details.rma.customer_accepts_charges,
    createdAt: details.rma.created_at.toISOString(),
    stateChangedAt: details.rma.state_changed_at.toISOString(),
    location: locationOf(details.rma.state as RmaState),
    lines: details.lines.map((l) => ({
      unitId: l.unit_id,
      serial: l.serial ?? l.licence_key ?? '',
      model: { code: l.model_code, name: l.model_name, accessories: l.accessories },
      warrantyOutcome: l.warranty_outcome,
      accessoriesExpected: l.accessories_expected,
      accessoriesReceived: l.accessories_received,
      accessoriesMissing: l.accessories_expected.filter((a) => !l.accessories_received.includes(a)),
      condition: l.condition_note,
    })),
    shipments: details.shipments.map((s) => ({
      direction: s.direction,
      mode: s.mode,
      carrier: s.carrier,
      trackingNumber: s.tracking_number,
      paidBy: s.paid_by,
      cashOnDelivery: s.cash_on_delivery,
      refusedReason: s.refused_reason,
      createdAt: s.created_at.toISOString(),
      handledAt: s.handled_at?.toISOString() ?? null,
    })),
    history: details.events.map((e) => ({ at: e.at.toISOString(), event: e.event, from: e.from_state, to: e.to_state, by: e.actor_name, data: e.data })),
    nextEvents: who ? eventsFrom(details.rma.state as RmaState).filter((ev) => actorMay(ev, who)) : [],
  };
}
