import { DateTime } from 'luxon';
import type { Db } from '../../platform/db/database.ts';
import type { QuoteTable } from '../../platform/db/schema.ts';
import type { Selectable } from 'kysely';
import { localised, translator } from '../../platform/i18n/i18n.ts';
import { type Actor, isAdmin, isStaff } from '../auth/index.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { getBrandById } from '../brands/index.ts';
import { getVisibleTicket, ticketVisibleTo } from '../tickets/index.ts';
import { repairEventsFrom, type RepairState } from './repair-machine.ts';
import type { RemedyDecision } from './remedy-decision.ts';

type QuoteRow = Selectable<QuoteTable>;
type LineRow = { quote_id: string; kind: string; description: Record<string, string>; quantity: number; unit_cents: number; net_cents: number };

/** A quote line's words in the reader's language: a part's own name, or a message of the workshop. */
export function lineText(description: Record<string, string>, locale: string): string {
  if (!description.key) return localised(description, locale, '');
  const t = translator(locale);
  const model = description.model ? localised(JSON.parse(description.model) as Record<string, string>, locale, '') : '';
  return t(description.key, { ...description, model });
}

export function quoteView(q: QuoteRow, lines: LineRow[], locale: string, today: string) {
  const money = (amountCents: number) => ({ amountCents: Number(amountCents), currency: q.currency });
  return {
    id: q.id,
    number: q.number,
    kind: q.kind,
    state: q.state,
    expired: q.state === 'sent' && today > q.valid_until,
    lines: lines.map((l) => ({ kind: l.kind, description: lineText(l.description, locale), quantity: l.quantity, unit: money(l.unit_cents), net: money(l.net_cents) })),
    net: money(q.net_cents),
    taxRateBp: q.tax_rate_bp,
    tax: money(q.tax_cents),
    total: money(q.total_cents),
    validUntil: q.valid_until,
    refusalFee: q.refusal_fee_cents ? money(q.refusal_fee_cents) : null,
    offeredCondition: q.offered_condition,
    answeredAt: q.answered_at?.toISOString() ?? null,
    answeredVia: q.answered_via,
  };
}

export async function quoteLines(db: Db, quoteIds: string[]): Promise<LineRow[]> {
  if (!quoteIds.length) return [];
  return db.selectFrom('quote_line').select(['quote_id', 'kind', 'description', 'quantity', 'unit_cents', 'net_cents']).where('quote_id', 'in', quoteIds).orderBy('quote_id').orderBy('position').execute();
}

/** The repairs of a ticket the reader may see, with diagnosis, decision, parts, quotes, invoices and history. */
export async function getWorkshop(db: Db, actor: Actor, ticketId: string, now: Date) {
  const ticket = await getVisibleTicket(db, actor, ticketId);
  const brand = await getBrandById(db, ticket.brand_id);
  const today = DateTime.fromJSDate(now, { zone: brand.timeZone }).toISODate()!;
  const repairs = await db
    .selectFrom('repair as r')
    .innerJoin('unit as u', 'u.id', 'r.unit_id')
    .innerJoin('product_model as m', 'm.id', 'u.model_id')
    .leftJoin('app_user as tech', 'tech.id', 'r.technician_id')
    .leftJoin('unit as ru', 'ru.id', 'r.replacement_unit_id')
    .selectAll('r')
    .select(['u.serial', 'u.licence_key', 'm.name as model_name', 'm.code as model_code', 'tech.name as technician', 'ru.serial as replacement_serial'])
    .where('r.ticket_id', '=', ticket.id)
    .orderBy('r.created_at')
    .execute();
  const ids = repairs.map((r) => r.id);
  if (!ids.length) return { items: [] };
  const [parts, quotes, invoices, events, recycled] = await Promise.all([
    db.selectFrom('repair_part as rp').innerJoin('spare_part as p', 'p.id', 'rp.part_id').leftJoin('purchase_order as po', 'po.id', 'rp.purchase_order_id').select(['rp.repair_id', 'rp.part_id', 'p.reference', 'p.name', 'rp.quantity', 'rp.status', 'po.expected_on', 'po.id as po_id', 'po.state as po_state']).where('rp.repair_id', 'in', ids).orderBy('p.reference').execute(),
    db.selectFrom('quote').selectAll().where('repair_id', 'in', ids).orderBy('created_at').execute(),
    db.selectFrom('workshop_invoice').selectAll().where('repair_id', 'in', ids).orderBy('issued_at').execute(),
    db.selectFrom('repair_event as e').leftJoin('app_user as a', 'a.id', 'e.actor_id').select(['e.repair_id', 'e.event', 'e.from_state', 'e.to_state', 'e.at', 'a.name']).where('e.repair_id', 'in', ids).orderBy('e.at').orderBy('e.id').execute(),
    db.selectFrom('unit_event').select('unit_id').where('unit_id', 'in', repairs.map((r) => r.unit_id)).where('kind', '=', 'recycled').execute(),
  ]);
  const lines = await quoteLines(db, quotes.map((q) => q.id));
  const staff = isStaff(actor);
  return {
    items: repairs.map((r) => {
      const d = r.remedy_decision as (RemedyDecision & { coverage: string }) | null;
      return {
        id: r.id,
        unitId: r.unit_id,
        serial: r.serial ?? r.licence_key ?? '',
        model: localised(r.model_name, actor.locale, r.model_code),
        state: r.state as RepairState,
        nextEvents: staff ? repairEventsFrom(r.state as RepairState) : [],
        diagnosis: r.diagnosed_at
          ? { findings: r.findings ?? '', faultCode: r.fault_code, repairable: r.repairable ?? false, customerDamage: r.customer_damage ?? false, labourMinutes: r.labour_minutes ?? 0, diagnosedAt: r.diagnosed_at.toISOString(), technician: r.technician }
          : null,
        decision: r.remedy && d ? { remedy: d.remedy, rule: d.rule, article: d.article, billable: d.billable, replacementCondition: d.replacementCondition, coverage: d.coverage, params: d.params, overridden: staff ? d.overridden : [] } : null,
        customerChoice: r.customer_choice,
        estimate: r.estimate_max_days !== null ? { minDays: r.estimate_min_days ?? 0, maxDays: r.estimate_max_days, basis: (r.estimate_basis ?? {}) as Record<string, unknown> } : null,
        parts: parts.filter((p) => p.repair_id === r.id).map((p) => ({ partId: p.part_id, reference: p.reference, name: localised(p.name, actor.locale, p.reference), quantity: p.quantity, status: p.status, expectedOn: (p.expected_on as string | null) ?? null, purchaseOrderId: p.po_state === 'ordered' && staff ? p.po_id : null })),
        quotes: quotes.filter((q) => q.repair_id === r.id).map((q) => quoteView(q, lines.filter((l) => l.quote_id === q.id), actor.locale, today)),
        invoices: invoices.filter((i) => i.repair_id === r.id).map((i) => ({ id: i.id, number: i.number, kind: i.kind, total: { amountCents: Number(i.total_cents), currency: i.currency }, issuedAt: i.issued_at.toISOString() })),
        workDone: r.work_done,
        testsPassed: r.tests_passed,
        replacementSerial: r.replacement_serial,
        recycled: recycled.some((x) => x.unit_id === r.unit_id),
        history: events.filter((e) => e.repair_id === r.id).map((e) => ({ event: e.event, from: e.from_state, to: e.to_state, at: e.at.toISOString(), by: staff ? e.name : null })),
      };
    }),
  };
}

/** The workshop board (issue 13, item 12): every repair of the brands the technician serves that is not done, by state. */
export async function workshopBoard(db: Db, actor: Actor, brandId: string | undefined) {
  if (!isStaff(actor)) throw new AppError('FORBIDDEN', 403, 'The workshop board is for staff');
  const brands = brandId ? [brandId] : actor.brandIds;
  if (brandId && !(isAdmin(actor) || actor.brandIds.includes(brandId))) throw notFound('BRAND_NOT_FOUND', 'Brand');
  if (!brands.length && !isAdmin(actor)) return { items: [] };
  const rows = await db
    .selectFrom('repair as r')
    .innerJoin('ticket as t', 't.id', 'r.ticket_id')
    .innerJoin('unit as u', 'u.id', 'r.unit_id')
    .innerJoin('product_model as m', 'm.id', 'u.model_id')
    .innerJoin('brand as b', 'b.id', 'r.brand_id')
    .select((eb) => [
      'b.time_zone',
      'r.id',
      'r.ticket_id',
      't.number',
      'u.serial',
      'u.licence_key',
      'm.name as model_name',
      'm.code as model_code',
      'r.state',
      'r.state_changed_at',
      'r.remedy',
      'r.estimate_min_days',
      'r.estimate_max_days',
      eb.selectFrom('quote as q').select('q.state').whereRef('q.repair_id', '=', 'r.id').orderBy('q.created_at', 'desc').limit(1).as('quote_state'),
      eb.selectFrom('repair_part as rp').select(eb.fn.countAll<number>().as('n')).whereRef('rp.repair_id', '=', 'r.id').where('rp.status', 'in', ['needed', 'ordered']).as('parts_waiting'),
    ])
    .where('r.state', '!=', 'done')
    .where(ticketVisibleTo(actor))
    .$if(brands.length > 0, (q) => q.where('r.brand_id', 'in', brands))
    .orderBy('r.state_changed_at')
    .limit(500)
    .execute();
  return {
    items: rows.map((r) => ({
      repairId: r.id,
      ticketId: r.ticket_id,
      number: r.number,
      serial: r.serial ?? r.licence_key ?? '',
      model: localised(r.model_name, actor.locale, r.model_code),
      state: r.state as RepairState,
      since: r.state_changed_at.toISOString(),
      timeZone: r.time_zone,
      remedy: (r.remedy as RemedyDecision['remedy'] | null) ?? null,
      quoteState: (r.quote_state as QuoteRow['state'] | null) ?? null,
      partsWaiting: Number(r.parts_waiting ?? 0),
      estimate: r.estimate_max_days !== null ? { minDays: r.estimate_min_days ?? 0, maxDays: r.estimate_max_days } : null,
    })),
  };
}
