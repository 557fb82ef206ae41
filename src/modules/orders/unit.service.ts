import { DateTime } from 'luxon';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { notFound, validationFailed } from '../../platform/errors/app-error.ts';
import type { Actor } from '../auth/index.ts';
import { decideWarranty, isIsoDate, type WarrantyFacts } from '../warranty/index.ts';
import { getTicket } from '../tickets/index.ts';
import { findVisibleUnit, listVisibleUnits, unitEvents, type UnitRow } from './unit.queries.ts';
import { unitVisibleTo } from './unit-visibility.ts';
import type { WarrantyResponseType } from './unit.schemas.ts';

const unitNotFound = () => notFound('UNIT_NOT_FOUND', 'Unit');

export async function getUnit(db: Db, actor: Actor, unitId: string) {
  const u = await findVisibleUnit(db, actor, unitId);
  if (!u) throw unitNotFound();
  const events = await unitEvents(db, u.id);
  return {
    id: u.id,
    brandId: u.brand_id,
    brandName: u.brand_name,
    model: { id: u.model_id, code: u.model_code, name: u.model_name, lifecycle: u.lifecycle, endOfLifeOn: u.end_of_life_on },
    serial: u.serial,
    licenceKey: u.licence_key,
    condition: u.condition,
    countryOfSale: u.country_of_sale,
    purchasedOn: u.purchased_on,
    deliveredOn: u.delivered_on,
    proofStatus: u.proof_status,
    seller: u.seller_organisation_id && u.seller_name ? { id: u.seller_organisation_id, name: u.seller_name } : null,
    order: u.order_id && u.order_number ? { id: u.order_id, number: u.order_number } : null,
    accessories: u.accessories,
    history: events.map((e) => ({ at: e.at.toISOString(), kind: e.kind, actor: e.actor_name, data: e.data })),
  };
}

/**
 * The facts the warranty engine decides from, as this unit's records hold them. An order from the
 * brand's own shop, or through a reseller, is its own proof of purchase; a unit the customer
 * registered needs an agent to have validated the invoice they uploaded.
 */
export function warrantyFacts(u: UnitRow, repairs: { completedOn: string; cover: unknown }[], at: string): WarrantyFacts {
  return {
    at,
    countryOfSale: u.country_of_sale,
    buyer: u.buyer,
    condition: u.condition,
    purchasedOn: u.purchased_on,
    deliveredOn: u.delivered_on,
    proofOfPurchase: u.proof_status === 'validated' || (u.order_id !== null && u.proof_status !== 'rejected'),
    commercialWarrantyMonths: u.commercial_warranty_months,
    channel: u.seller_organisation_id ? 'reseller' : 'direct',
    legalRepairs: repairs.filter((r) => r.cover === 'legal_guarantee').map((r) => ({ completedOn: r.completedOn })),
    serviceContract: null,
    payment: u.paid_on
      ? { paidOn: u.paid_on, provider: u.payment_provider, dispute: u.dispute_opened_on ? { openedOn: u.dispute_opened_on, closedOn: u.dispute_closed_on } : null }
      : null,
    misuseRecordedOn: u.misuse_recorded_on,
  };
}

/** What the customer is owed for this unit on a date (default: today in the brand's time zone), and why. */
export async function getUnitWarranty(db: Db, actor: Actor, unitId: string, q: { at?: string | undefined }, now: Date): Promise<WarrantyResponseType> {
  const u = await findVisibleUnit(db, actor, unitId);
  if (!u) throw unitNotFound();
  if (q.at !== undefined && !isIsoDate(q.at)) throw validationFailed([{ field: 'at', code: 'invalid_format', message: 'must be a date YYYY-MM-DD' }]);
  return decideFor(u, await unitEvents(db, u.id), q.at, now);
}

/** Today's decision for each of these units the actor may see: three queries whatever their number. */
export async function warrantiesFor(db: Db, actor: Actor, unitIds: readonly string[], now: Date): Promise<Map<string, { row: UnitRow; warranty: WarrantyResponseType }>> {
  const rows = await listVisibleUnits(db, actor, unitIds);
  const events = await unitEvents(db, rows.map((r) => r.id));
  return new Map(rows.map((r) => [r.id, { row: r, warranty: decideFor(r, events.filter((e) => e.unit_id === r.id), undefined, now) }]));
}

function decideFor(u: UnitRow, events: Awaited<ReturnType<typeof unitEvents>>, atDate: string | undefined, now: Date): WarrantyResponseType {
  const at = atDate ?? DateTime.fromJSDate(now, { zone: u.time_zone }).toISODate()!;
  const repairs = events
    .filter((e) => e.kind === 'repaired')
    .map((e) => ({ completedOn: typeof e.data.completedOn === 'string' ? e.data.completedOn : e.at.toISOString().slice(0, 10), cover: e.data.cover }));
  const d = decideWarranty(warrantyFacts(u, repairs, at));
  return {
    unitId: u.id,
    at,
    outcome: d.outcome,
    rule: d.rule,
    article: d.article,
    coverage: d.coverage,
    standingLegalGuarantee: d.standingLegalGuarantee ?? null,
    blockedUntil: d.blockedUntil ?? null,
    explanation: d.explanation,
  };
}

/**
 * The units a ticket names by its serial numbers (or licence keys), each with today's warranty
 * decision. A serial that matches no unit the reader may see is kept and shown as unknown, never
 * dropped (issue 11, item 7) — and someone else's unit looks exactly like an unknown serial.
 */
export async function ticketUnits(db: Db, actor: Actor, ticketId: string, now: Date) {
  const ticket = await getTicket(db, actor, ticketId);
  const serials = ticket.serialNumbers;
  if (serials.length === 0) return { items: [] };
  const upper = serials.map((s) => s.toUpperCase());
  const matches = await db
    .selectFrom('unit as u')
    .select(['u.id', 'u.serial', 'u.licence_key'])
    .where('u.brand_id', '=', ticket.brandId)
    // The brand's models, then the unit's identity index (model, serial or licence key whatever their case).
    .where('u.model_id', 'in', (eb) => eb.selectFrom('product_model').select('id').where('brand_id', '=', ticket.brandId))
    .where(sql<string>`upper(coalesce(u.serial, u.licence_key))`, 'in', upper)
    .where(unitVisibleTo(actor))
    .execute();
  const decided = await warrantiesFor(db, actor, matches.map((m) => m.id), now);
  return {
    items: serials.map((serial) => {
      const m = matches.find((x) => (x.serial ?? x.licence_key ?? '').toUpperCase() === serial.toUpperCase());
      const found = m ? decided.get(m.id) : undefined;
      if (!found) return { serial, unit: null, warranty: null };
      const row = found.row;
      return {
        serial,
        unit: { id: row.id, model: { id: row.model_id, code: row.model_code, name: row.model_name }, condition: row.condition, deliveredOn: row.delivered_on },
        warranty: found.warranty,
      };
    }),
  };
}
