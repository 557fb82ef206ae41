import { DateTime } from 'luxon';
import type { Db } from '../../platform/db/database.ts';
import { withTransaction } from '../../platform/db/database.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors/app-error.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { type Actor, isStaff } from '../auth/index.ts';
import { type Brand, getBrandById } from '../brands/index.ts';
import { partsById } from '../catalog/index.ts';
import { handOverStockUnit, recordMisuse, recordUnitEvent, stockUnitCounts, warrantiesFor } from '../orders/index.ts';
import { recordReplacementParcel, recordReturnParcel, workshopLine } from '../returns/index.ts';
import { applyScheduleChange, type SlaNotifier } from '../sla/index.ts';
import { addEntry, lockVisibleTicket, recordTicketEvent } from '../tickets/index.ts';
import { lawFor } from '../warranty/index.ts';
import { emitWebhookEvent } from '../webhooks/index.ts';
import { estimateDuration } from './estimate.ts';
import { reserveOrOrderParts } from './parts.service.ts';
import { proposeQuote, type QuoteLineInput } from './quote.service.ts';
import { decideRemedy, type RemedyCoverage, type RemedyDecision } from './remedy-decision.ts';
import { type RepairEvent, type RepairState, repairTransition } from './repair-machine.ts';
import type { WorkshopNotifier } from './workshop-notifier.ts';
import { insertRepairEvent, lockRepair, pastRepairDays, repairUnit } from './workshop.queries.ts';

export interface WorkshopContext {
  db: Db;
  jobs: JobQueue;
  notifier: WorkshopNotifier;
  sla: SlaNotifier;
  /** Where the customer's signed links point (the app's public address). */
  publicUrl: string;
}

export type RepairRow = NonNullable<Awaited<ReturnType<typeof lockRepair>>>;

export const repairNotFound = () => notFound('REPAIR_NOT_FOUND', 'Repair');

function assertWorkshopStaff(actor: Actor) {
  if (!isStaff(actor)) throw new AppError('FORBIDDEN', 403, 'The workshop does this');
}

const DIAGNOSABLE = ['authorised', 'awaiting_parcel', 'received', 'in_workshop'];

export interface DiagnosisInput {
  unitId: string;
  findings: string;
  faultCode?: string | undefined;
  repairable: boolean;
  customerDamage: boolean;
  labourMinutes: number;
  parts: { partId: string; quantity: number }[];
  /** The customer states it unused and nothing on the bench says otherwise (seed 001). */
  unused?: boolean | undefined;
  photoIds?: string[] | undefined;
}

/**
 * A technician's diagnosis of one unit of the ticket's return, once the return is in the
 * workshop: findings, fault code, repairable or not, damage found, labour and parts. Damage the
 * technician found is recorded on the unit, where it excludes the defect from the warranty.
 * Diagnosing again is allowed until the remedy is decided.
 */
export async function diagnose(ctx: WorkshopContext, actor: Actor, ticketId: string, input: DiagnosisInput, now: Date) {
  assertWorkshopStaff(actor);
  return withTransaction(ctx.db, async (trx) => {
    const ticket = await lockVisibleTicket(trx, actor, ticketId);
    const line = await workshopLine(trx, ticket.id, input.unitId);
    if (!line) throw notFound('UNIT_NOT_FOUND', 'Unit');
    // On the bench, or remotely by the desk once the return is authorised (seed 001: an exchange decided before the pickup).
    if (!DIAGNOSABLE.includes(line.rma_state)) throw new AppError('REPAIR_NOT_IN_WORKSHOP', 409, `The return is ${line.rma_state}: a unit is diagnosed once its return is authorised`, { state: line.rma_state });
    const partIds = [...new Set(input.parts.map((p) => p.partId))];
    if (partIds.length !== input.parts.length) throw validationFailed([{ field: 'parts', code: 'duplicate', message: 'a part is listed twice' }]);
    const parts = await partsById(trx, partIds);
    const unknown = partIds.filter((id) => parts.get(id)?.brand_id !== line.brand_id);
    if (unknown.length) throw validationFailed([{ field: 'parts', code: 'invalid_value', message: `no such part in this brand: ${unknown.join(', ')}` }]);
    let repair = await trx.selectFrom('repair').selectAll().where('rma_line_id', '=', line.line_id).forUpdate().executeTakeFirst();
    if (repair && repair.state !== 'diagnosing') throw transitionRefused(repair.state as RepairState, 'diagnose');
    const values = {
      technician_id: actor.userId,
      findings: input.findings.trim(),
      fault_code: input.faultCode?.trim() || null,
      repairable: input.repairable,
      customer_damage: input.customerDamage,
      labour_minutes: input.labourMinutes,
      diagnosed_at: now,
      remedy_decision: JSON.stringify({ unused: input.unused ?? false }),
    };
    if (!repair) {
      repair = await trx
        .insertInto('repair')
        .values({ rma_line_id: line.line_id, rma_id: line.rma_id, ticket_id: ticket.id, brand_id: line.brand_id, unit_id: line.unit_id, state: 'diagnosing', created_at: now, state_changed_at: now, tests_passed: '[]', ...values })
        .returningAll()
        .executeTakeFirstOrThrow();
    } else {
      await trx.updateTable('repair').set(values).where('id', '=', repair.id).execute();
      await trx.deleteFrom('repair_part').where('repair_id', '=', repair.id).where('status', '=', 'needed').execute();
    }
    if (input.parts.length) await trx.insertInto('repair_part').values(input.parts.map((p) => ({ repair_id: repair.id, part_id: p.partId, quantity: p.quantity, status: 'needed' as const }))).execute();
    if (input.customerDamage) {
      const brand = await getBrandById(trx, line.brand_id);
      await recordMisuse(trx, line.unit_id, DateTime.fromJSDate(now, { zone: brand.timeZone }).toISODate()!, now, actor.userId, input.findings.trim());
    }
    if (input.photoIds?.length) await addEntry(trx, actor, ticket.id, { kind: 'internal_note', body: input.findings.trim(), attachmentIds: input.photoIds }, now);
    await audit(ctx, trx, { repair, actor, at: now, event: 'diagnose', from: repair.state as RepairState, to: 'diagnosing', number: ticket.number, data: { repairable: input.repairable, customerDamage: input.customerDamage, faultCode: input.faultCode ?? null } });
    return repair.id;
  });
}

export interface DecisionInput {
  customerChoice?: 'repair' | 'replacement' | undefined;
  refurbishedConsent?: boolean | undefined;
  /** An end-of-life or unrepairable unit: what the brand offers instead, at what price. */
  offer?: { condition: 'new' | 'refurbished' | 'second_hand'; priceCents: number; modelId?: string | undefined } | undefined;
}

/**
 * Decides the remedy (remedy-decision.ts) from the diagnosis, the warranty decision of today, the
 * customer's choice and the stock, stores it with its rule, and carries it out: a repair reserves
 * its parts (ordering the missing ones at once, since nothing is charged), a replacement waits for
 * its parcel, a quote or an offer goes to the customer. The customer is told the decision and why.
 */
export async function decide(ctx: WorkshopContext, actor: Actor, ticketId: string, repairId: string, input: DecisionInput, now: Date) {
  return withTransaction(ctx.db, async (trx) => {
    const ticket = await lockVisibleTicket(trx, actor, ticketId);
    const repair = await lockRepair(trx, ticket.id, repairId);
    if (!repair) throw repairNotFound();
    const customer = actor.role === 'customer' && actor.userId === ticket.requester_id;
    const choosing = repair.state === 'awaiting_customer' && CHOICE_RULES.includes((repair.remedy_decision as { rule?: string } | null)?.rule ?? '');
    // The customer answers a choice put to them (an exchange, the legal guarantee's repair or replacement); the rest is the workshop's.
    if (customer ? !choosing : !isStaff(actor)) throw new AppError('FORBIDDEN', 403, 'The workshop decides the remedy; the customer answers a choice put to them');
    if (customer && input.offer) throw validationFailed([{ field: 'offer', code: 'invalid_value', message: 'the workshop makes offers' }]);
    const from = repair.state as RepairState;
    // A quote or an offer past its validity may be made again (prices and stock may have moved); it then counts as expired.
    const brand = await getBrandById(trx, repair.brand_id);
    const expired = from === 'awaiting_customer' && !choosing && isStaff(actor) ? await expireOpenQuote(trx, repair.id, brand, now) : false;
    if (from !== 'diagnosing' && !choosing && !expired) throw transitionRefused(from, 'decide');
    const unit = await repairUnit(trx, repair.unit_id);
    const decided = (await warrantiesFor(trx, actor, [repair.unit_id], now)).get(repair.unit_id);
    if (!decided) throw notFound('UNIT_NOT_FOUND', 'Unit');
    const coverage: RemedyCoverage = ['legal_guarantee', 'commercial_warranty', 'service_contract'].includes(decided.warranty.outcome) ? (decided.warranty.outcome as RemedyCoverage) : 'none';
    const needed = await trx.selectFrom('repair_part').select(['part_id', 'quantity']).where('repair_id', '=', repair.id).execute();
    const parts = await partsById(trx, needed.map((n) => n.part_id));
    const labourCents = Math.round(((repair.labour_minutes ?? 0) * brand.settings.workshop.labourCentsPerHour) / 60);
    const partsCents = needed.reduce((s, n) => s + parts.get(n.part_id)!.price_cents * n.quantity, 0);
    const stock = await stockUnitCounts(trx, unit.model_id);
    const today = DateTime.fromJSDate(now, { zone: brand.timeZone }).toISODate()!;
    const choice = input.customerChoice ?? repair.customer_choice ?? null;
    const consent = input.refurbishedConsent ?? repair.refurbished_consent;
    const decision = decideRemedy({
      coverage,
      countryOfSale: unit.country_of_sale,
      repairable: repair.repairable ?? false,
      customerDamage: repair.customer_damage ?? false,
      endOfLife: unit.lifecycle === 'end_of_life',
      daysSinceDelivery: unit.delivered_on ? Math.round(DateTime.fromISO(today).diff(DateTime.fromISO(unit.delivered_on), 'days').days) : null,
      unused: (repair.remedy_decision as { unused?: boolean } | null)?.unused ?? false,
      customerChoice: choice,
      refurbishedConsent: consent,
      repairCostCents: repair.repairable ? partsCents + labourCents : null,
      replacementCostCents: await replacementCost(trx, unit.model_id),
      stock: { new: stock.new, refurbished: stock.refurbished },
      policy: { ...brand.settings.afterSales, defectiveOnArrivalDays: brand.settings.workshop.defectiveOnArrivalDays, disproportionateRatio: brand.settings.workshop.disproportionateRatio },
    });
    if (decision.remedy === 'end_of_life_offer' && !input.offer) throw validationFailed([{ field: 'offer', code: 'required', message: 'say which unit is offered instead, and at what price' }]);
    await trx
      .updateTable('repair')
      .set({ remedy: decision.remedy, remedy_decision: JSON.stringify({ ...decision, coverage, unused: (repair.remedy_decision as { unused?: boolean } | null)?.unused ?? false }), customer_choice: choice, refurbished_consent: consent })
      .where('id', '=', repair.id)
      .execute();
    const serial = unit.serial ?? unit.licence_key ?? '';
    await ctx.notifier.changed(trx, { ticketId: ticket.id, what: 'remedy', serial, remedy: { remedy: decision.remedy, rule: decision.rule, article: decision.article, replacementCondition: decision.replacementCondition }, at: now });
    const to = await carryOut(ctx, trx, { actor, ticket, repair, brand, decision, unit, partsCents, labourCents, needed, offer: input.offer, now });
    // Who stated the customer's choice and consent, and when, stays on the repair's trail.
    await audit(ctx, trx, { repair, actor, at: now, event: 'decide', from, to, number: ticket.number, data: { remedy: decision.remedy, rule: decision.rule, overridden: decision.overridden, customerChoice: choice, refurbishedConsent: consent } });
    return repair.id;
  });
}

/** The rules whose remedy is put to the customer to choose, not carried out at once. */
const CHOICE_RULES = ['defective_on_arrival', 'seller_proposal', 'repair_by_default'];

/** Marks the repair's open quote expired when its validity has passed; answers whether it did. */
async function expireOpenQuote(trx: Db, repairId: string, brand: Brand, now: Date): Promise<boolean> {
  const today = DateTime.fromJSDate(now, { zone: brand.timeZone }).toISODate()!;
  const r = await trx.updateTable('quote').set({ state: 'expired' }).where('repair_id', '=', repairId).where('state', '=', 'sent').where('valid_until', '<', today).returning('id').executeTakeFirst();
  return r !== undefined;
}

/** What a replacement costs the brand: the model's most recent sale price, when it has one. */
async function replacementCost(trx: Db, modelId: string): Promise<number | null> {
  const row = await trx.selectFrom('order_line').select('unit_price_cents').where('model_id', '=', modelId).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row ? Number(row.unit_price_cents) : null;
}

async function carryOut(
  ctx: WorkshopContext,
  trx: Db,
  c: {
    actor: Actor;
    ticket: { id: string; number: string; requester_id: string; status: string; accepted_at: Date | null };
    repair: RepairRow;
    brand: Brand;
    decision: RemedyDecision;
    unit: Awaited<ReturnType<typeof repairUnit>>;
    partsCents: number;
    labourCents: number;
    needed: { part_id: string; quantity: number }[];
    offer: DecisionInput['offer'];
    now: Date;
  },
): Promise<RepairState> {
  const { decision, repair, brand, now, actor } = c;
  const move = (event: RepairEvent) => moveRepair(trx, repair, event, now);
  // Under the legal guarantee the consumer chooses (Dir. 2019/771 art. 13(2)): with no choice stated,
  // the default or the seller's proposal is put to them, not carried out.
  if (CHOICE_RULES.includes(decision.rule)) return repair.state === 'awaiting_customer' ? 'awaiting_customer' : move('propose');
  if (decision.remedy === 'repair') {
    const parts = await reserveOrOrderParts(trx, { repair, brand, actorId: actor.userId, now, orderMissing: true });
    const to = await move(parts.waiting ? 'wait_parts' : 'start_repair');
    await tellEstimate(ctx, trx, actor, c.ticket.id, repair, brand, 'repair', parts.missingLeadDays, now);
    return to;
  }
  if (decision.remedy === 'replace') {
    const to = await move('start_replacement');
    await tellEstimate(ctx, trx, actor, c.ticket.id, repair, brand, 'replace', [], now);
    return to;
  }
  if (decision.remedy === 'price_reduction_or_refund') return move('return_unrepaired');
  const lines: QuoteLineInput[] = [];
  let offeredModelId: string | null = null;
  if (decision.remedy === 'quote') {
    const parts = await partsById(trx, c.needed.map((n) => n.part_id));
    for (const n of c.needed) {
      const p = parts.get(n.part_id)!;
      if (p.currency !== brand.settings.workshop.currency) throw new AppError('QUOTE_CURRENCY_MISMATCH', 422, `Part ${p.reference} is priced in ${p.currency}, quotes in ${brand.settings.workshop.currency}`, { errors: [{ field: 'parts', code: 'invalid_value', message: `${p.reference} is priced in ${p.currency}` }] });
      lines.push({ kind: 'part', partId: p.id, description: p.name, quantity: n.quantity, unitCents: p.price_cents });
    }
    if (c.labourCents > 0) lines.push({ kind: 'labour', description: { key: 'workshop.line.labour', minutes: String(repair.labour_minutes ?? 0) }, quantity: 1, unitCents: c.labourCents });
  } else {
    // The unit offered: of the same model, or of another of the brand's (an end-of-life model has no stock left).
    const model = c.offer!.modelId ? await trx.selectFrom('product_model').select(['id', 'name']).where('id', '=', c.offer!.modelId).where('brand_id', '=', brand.id).executeTakeFirst() : { id: c.unit.model_id, name: c.unit.model_name };
    if (!model) throw validationFailed([{ field: 'offer.modelId', code: 'invalid_value', message: 'no such model in this brand' }]);
    offeredModelId = model.id;
    lines.push({ kind: 'unit', description: { key: `workshop.line.offer.${c.offer!.condition}`, model: JSON.stringify(model.name) }, quantity: 1, unitCents: c.offer!.priceCents });
  }
  if (brand.settings.workshop.returnShippingCents > 0) lines.push({ kind: 'transport', description: { key: 'workshop.line.transport' }, quantity: 1, unitCents: brand.settings.workshop.returnShippingCents });
  if (lines.length === 0) throw validationFailed([{ field: 'parts', code: 'required', message: 'nothing to quote: no part, no labour and no transport' }]);
  await proposeQuote(ctx, trx, { repair, brand, ticket: c.ticket, kind: decision.remedy === 'quote' ? 'repair' : 'offer', offeredCondition: c.offer?.condition ?? null, offeredModelId, lines, actorId: actor.userId, serial: c.unit.serial ?? c.unit.licence_key ?? '', now });
  return repair.state === 'awaiting_customer' ? 'awaiting_customer' : move('propose');
}

/**
 * The expected duration, told through the desk's schedule-change mechanism (the planned date
 * moves and the customer gets the mail with the reason), stored on the repair with its basis.
 */
export async function tellEstimate(ctx: WorkshopContext, trx: Db, actor: Actor, ticketId: string, repair: RepairRow, brand: Brand, remedy: 'repair' | 'replace', missingLeadDays: number[], now: Date) {
  const unit = await repairUnit(trx, repair.unit_id);
  const law = (repair.remedy_decision as { coverage?: string } | null)?.coverage === 'legal_guarantee' ? (lawFor(unit.country_of_sale)?.remedyMaxDays ?? null) : null;
  const est = estimateDuration({ remedy, brandDays: brand.settings.workshop.repairDays, pastDays: await pastRepairDays(trx, brand.id, unit.model_id), missingPartLeadDays: missingLeadDays, lawMaxDays: law });
  const changed = repair.estimate_max_days !== est.maxDays || repair.estimate_min_days !== est.minDays;
  await trx.updateTable('repair').set({ estimate_min_days: est.minDays, estimate_max_days: est.maxDays, estimate_basis: JSON.stringify(est.basis) }).where('id', '=', repair.id).execute();
  const ticket = await trx.selectFrom('ticket').select(['status', 'merged_into_id']).where('id', '=', ticketId).executeTakeFirstOrThrow();
  if (!changed || ticket.status === 'closed' || ticket.merged_into_id) return est;
  const day = DateTime.fromJSDate(now, { zone: brand.timeZone }).plus({ days: Math.max(1, est.maxDays) }).set({ hour: 17, minute: 0, second: 0, millisecond: 0 });
  // The workshop moves the date on its own account, whoever made the step (a customer accepting, a
  // technician outside the ticket's group taking a delivery): the change itself, recorded and told
  // like any the desk makes.
  await applyScheduleChange(trx, ctx.sla, { ticketId, actorId: actor.userId, reason: missingLeadDays.length ? 'waiting_for_parts' : 'repair_estimate', planned: day.toJSDate(), note: `${est.minDays}–${est.maxDays}` }, now);
  return est;
}

/** One transition of a repair: checks the table, stamps the time, audits (the caller audits the decision itself). */
export async function moveRepair(trx: Db, repair: RepairRow, event: RepairEvent, now: Date): Promise<RepairState> {
  const r = repairTransition(repair.state as RepairState, event);
  if (!r.ok) throw transitionRefused(r.state, r.event);
  await trx
    .updateTable('repair')
    .set({ state: r.to, state_changed_at: now, ...(r.to === 'done' ? { completed_at: now } : {}) })
    .where('id', '=', repair.id)
    .execute();
  repair.state = r.to;
  return r.to;
}

export const transitionRefused = (state: RepairState, event: string) =>
  new AppError('REPAIR_TRANSITION_NOT_ALLOWED', 409, `A repair in state ${state} cannot take ${event}`, { state, event });

export interface RepairEventInput {
  event: 'repaired' | 'test_failed' | 'test_passed' | 'shipped';
  workDone?: string | undefined;
  testsPassed?: string[] | undefined;
  /** Shipping the unit back: its parcel. */
  outbound?: { carrier: string; trackingNumber?: string | undefined } | undefined;
}

/**
 * The bench's steps after the decision: repaired (the reserved parts are consumed), a test failed
 * (back to the bench) or passed (ready to ship, the repair report can be printed), shipped. A
 * repair done under the legal guarantee goes on the unit's history with its cover, which extends
 * the guarantee where the law says so.
 */
export async function repairEvent(ctx: WorkshopContext, actor: Actor, ticketId: string, repairId: string, input: RepairEventInput, now: Date) {
  assertWorkshopStaff(actor);
  return withTransaction(ctx.db, async (trx) => {
    const ticket = await lockVisibleTicket(trx, actor, ticketId);
    const repair = await lockRepair(trx, ticket.id, repairId);
    if (!repair) throw repairNotFound();
    if (input.event === 'repaired' && !input.workDone?.trim()) throw validationFailed([{ field: 'workDone', code: 'required', message: 'say what was done' }]);
    if (input.event === 'shipped' && !input.outbound) throw validationFailed([{ field: 'outbound', code: 'required', message: 'the parcel going back: its carrier' }]);
    // The bench works on a unit that is on it: a remote diagnosis does not repair what is still at the customer's.
    const line = await workshopLine(trx, ticket.id, repair.unit_id);
    if (line?.rma_state !== 'in_workshop') throw new AppError('REPAIR_NOT_IN_WORKSHOP', 409, `The return is ${line?.rma_state ?? 'gone'}: the unit is not in the workshop`, { state: line?.rma_state ?? null });
    const from = repair.state as RepairState;
    const to = await moveRepair(trx, repair, input.event, now);
    if (input.event === 'repaired') {
      await trx.updateTable('repair').set({ work_done: input.workDone!.trim() }).where('id', '=', repair.id).execute();
      await trx.updateTable('repair_part').set({ status: 'consumed' }).where('repair_id', '=', repair.id).where('status', '=', 'reserved').execute();
    }
    if (input.event === 'test_passed') {
      await trx.updateTable('repair').set({ tests_passed: JSON.stringify(input.testsPassed ?? []) }).where('id', '=', repair.id).execute();
      const cover = (repair.remedy_decision as { coverage?: string } | null)?.coverage ?? 'none';
      const brand = await getBrandById(trx, repair.brand_id);
      await recordUnitEvent(trx, repair.unit_id, 'repaired', now, actor.userId, { cover, completedOn: DateTime.fromJSDate(now, { zone: brand.timeZone }).toISODate(), ticket: ticket.number });
      const unit = await repairUnit(trx, repair.unit_id);
      await ctx.notifier.changed(trx, { ticketId: ticket.id, what: 'repaired', serial: unit.serial ?? unit.licence_key ?? '', at: now });
    }
    if (input.event === 'shipped') {
      // Back unrepaired after a refused quote or offer: at the customer's cost (seed 004); otherwise the brand's.
      const d = repair.remedy_decision as { billable?: boolean } | null;
      const paidBy = from === 'returning_unrepaired' && d?.billable ? 'customer' : 'brand';
      await recordReturnParcel(trx, repair.rma_id, { ...input.outbound!, paidBy, now, actorId: actor.userId, unitId: repair.unit_id });
    }
    await audit(ctx, trx, { repair, actor, at: now, event: input.event, from, to, number: ticket.number, data: input.testsPassed ? { testsPassed: input.testsPassed } : {} });
    return repair.id;
  });
}

/**
 * Ships the replacement: a unit of the brand's stock (the condition decided, or the one offered),
 * its serial recorded, both units' histories linked. Refused while the defective unit has been
 * neither picked up nor received (seed 001) — the returns module checks it as it records the
 * parcel, so no path skips it.
 */
export async function shipReplacement(ctx: WorkshopContext, actor: Actor, ticketId: string, repairId: string, input: { serial?: string | undefined; carrier: string; trackingNumber?: string | undefined }, now: Date) {
  assertWorkshopStaff(actor);
  return withTransaction(ctx.db, async (trx) => {
    const ticket = await lockVisibleTicket(trx, actor, ticketId);
    const repair = await lockRepair(trx, ticket.id, repairId);
    if (!repair) throw repairNotFound();
    const from = repair.state as RepairState;
    if (from !== 'replacing') throw transitionRefused(from, 'replacement_shipped');
    const unit = await trx.selectFrom('unit').selectAll().where('id', '=', repair.unit_id).executeTakeFirstOrThrow();
    const decision = repair.remedy_decision as { replacementCondition?: 'new' | 'refurbished' | null } | null;
    const offered = await trx.selectFrom('quote').select(['offered_condition', 'offered_model_id']).where('repair_id', '=', repair.id).where('state', '=', 'accepted').where('kind', '=', 'offer').executeTakeFirst();
    const condition = offered?.offered_condition ?? decision?.replacementCondition ?? 'new';
    const brand = await getBrandById(trx, repair.brand_id);
    // The parcel first: nothing is handed over while the defective unit is still with the customer.
    await recordReplacementParcel(trx, repair.rma_id, { carrier: input.carrier, trackingNumber: input.trackingNumber, now, actorId: actor.userId, unitId: repair.unit_id, replacementSerial: input.serial ?? null });
    const given = await handOverStockUnit(trx, { defective: unit, condition, modelId: offered?.offered_model_id ?? undefined, serial: input.serial, deliveredOn: DateTime.fromJSDate(now, { zone: brand.timeZone }).toISODate()!, at: now, actorId: actor.userId });
    if (!given) throw new AppError('REPLACEMENT_OUT_OF_STOCK', 409, `No ${condition} unit of this model in stock${input.serial ? ` with serial ${input.serial}` : ''}`, { errors: [{ field: 'serial', code: 'invalid_value', message: `no ${condition} unit in stock` }] });
    await trx.updateTable('repair').set({ replacement_unit_id: given.id }).where('id', '=', repair.id).execute();
    const to = await moveRepair(trx, repair, 'replacement_shipped', now);
    await ctx.notifier.changed(trx, { ticketId: ticket.id, what: 'replacement_shipped', serial: given.serial ?? '', at: now });
    await audit(ctx, trx, { repair, actor, at: now, event: 'replacement_shipped', from, to, number: ticket.number, data: { replacementSerial: given.serial, condition, carrier: input.carrier.trim() } });
    return repair.id;
  });
}

export async function audit(ctx: Pick<WorkshopContext, 'jobs'>, trx: Db, e: { repair: RepairRow; actor: Actor | null; at: Date; event: string; from: RepairState; to: RepairState; number: string; data: Record<string, unknown> }) {
  await insertRepairEvent(trx, { repair_id: e.repair.id, at: e.at, actor_id: e.actor?.userId ?? null, event: e.event, from_state: e.from, to_state: e.to, data: JSON.stringify(e.data) });
  await recordTicketEvent(trx, { ticketId: e.repair.ticket_id, actorId: e.actor?.userId ?? null, at: e.at, field: 'repair', before: e.from, after: { state: e.to, event: e.event, ...e.data } });
  if (e.from !== e.to) await emitWebhookEvent(trx, ctx.jobs, e.at, e.repair.brand_id, `repair.${e.to as Exclude<RepairState, 'diagnosing'>}`, { ticket: { id: e.repair.ticket_id, number: e.number }, repair: { id: e.repair.id, state: e.to, previousState: e.from, event: e.event }, ...e.data });
}
