import type { Db } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { localised, translator } from '../../platform/i18n/i18n.ts';
import { type Actor, isStaff } from '../auth/index.ts';
import { getBrandById } from '../brands/index.ts';
import { getVisibleTicket } from '../tickets/index.ts';
import { lineText, quoteLines } from './workshop.read.ts';
import { type DocumentHead, renderFeeInvoicePdf, renderQuotePdf, renderRecyclingCertificatePdf, renderRepairReportPdf } from './workshop-pdfs.ts';

/** Reads a record of a customer's: theirs, or the staff's who may see its ticket (brand and group); anyone else's is not found. */
async function mayRead(db: Db, actor: Actor, row: { customer_id: string; ticket_id: string }): Promise<boolean> {
  if (actor.userId === row.customer_id) return true;
  if (!isStaff(actor)) return false;
  return getVisibleTicket(db, actor, row.ticket_id).then(
    () => true,
    () => false,
  );
}

/** The head every document prints, in the customer's language (whoever downloads it). */
async function documentHead(db: Db, ticketId: string, unitId: string): Promise<DocumentHead> {
  const row = await db
    .selectFrom('ticket as t')
    .innerJoin('app_user as c', 'c.id', 't.requester_id')
    .innerJoin('unit as u', (j) => j.on('u.id', '=', unitId))
    .innerJoin('product_model as m', 'm.id', 'u.model_id')
    .select(['t.number', 't.brand_id', 'c.name', 'c.email', 'c.locale', 'u.serial', 'u.licence_key', 'm.name as model_name', 'm.code as model_code'])
    .where('t.id', '=', ticketId)
    .executeTakeFirstOrThrow();
  const brand = await getBrandById(db, row.brand_id);
  const address = brand.settings.returns.address.length ? brand.settings.returns.address : Object.values(brand.settings.addresses).slice(0, 1);
  return {
    locale: row.locale,
    timeZone: brand.timeZone,
    brand: { name: brand.name, accent: brand.settings.returns.accentColour, address: [...address, ...(brand.phone ? [brand.phone] : [])] },
    customer: { name: row.name, email: row.email },
    ticketNumber: row.number,
    unit: { serial: row.serial ?? row.licence_key ?? '', model: localised(row.model_name, row.locale, row.model_code) },
  };
}

export async function quotePdf(db: Db, actor: Actor, quoteId: string) {
  const q = await db.selectFrom('quote as q').innerJoin('repair as r', 'r.id', 'q.repair_id').selectAll('q').select('r.unit_id').where('q.id', '=', quoteId).executeTakeFirst();
  if (!q || !(await mayRead(db, actor, q))) throw notFound('QUOTE_NOT_FOUND', 'Quote');
  const h = await documentHead(db, q.ticket_id, q.unit_id);
  const lines = await quoteLines(db, [q.id]);
  const pdf = await renderQuotePdf({
    ...h,
    number: q.number,
    issuedAt: q.created_at,
    currency: q.currency,
    lines: lines.map((l) => ({ description: lineText(l.description, h.locale), quantity: l.quantity, unitCents: Number(l.unit_cents), netCents: Number(l.net_cents) })),
    netCents: Number(q.net_cents),
    taxRateBp: q.tax_rate_bp,
    taxCents: Number(q.tax_cents),
    totalCents: Number(q.total_cents),
    kind: q.kind,
    validUntil: q.valid_until,
    state: q.state,
    refusalFeeCents: q.refusal_fee_cents,
  });
  return { pdf, filename: `${q.number}.pdf` };
}

export async function feeInvoicePdf(db: Db, actor: Actor, invoiceId: string) {
  const i = await db.selectFrom('workshop_invoice as i').innerJoin('repair as r', 'r.id', 'i.repair_id').selectAll('i').select('r.unit_id').where('i.id', '=', invoiceId).executeTakeFirst();
  if (!i || !(await mayRead(db, actor, i))) throw notFound('WORKSHOP_INVOICE_NOT_FOUND', 'Invoice');
  const h = await documentHead(db, i.ticket_id, i.unit_id);
  const quote = await db.selectFrom('quote').select('number').where('repair_id', '=', i.repair_id).where('state', '=', 'refused').orderBy('created_at', 'desc').executeTakeFirst();
  const t = translator(h.locale);
  const pdf = await renderFeeInvoicePdf({
    ...h,
    number: i.number,
    issuedAt: i.issued_at,
    currency: i.currency,
    lines: [{ description: t('workshop.line.fee'), quantity: 1, unitCents: Number(i.net_cents), netCents: Number(i.net_cents) }],
    netCents: Number(i.net_cents),
    taxRateBp: i.tax_rate_bp,
    taxCents: Number(i.tax_cents),
    totalCents: Number(i.total_cents),
    quoteNumber: quote?.number ?? null,
  });
  return { pdf, filename: `${i.number}.pdf` };
}

async function visibleRepair(db: Db, actor: Actor, ticketId: string, repairId: string) {
  const ticket = await getVisibleTicket(db, actor, ticketId);
  const repair = await db.selectFrom('repair').selectAll().where('id', '=', repairId).where('ticket_id', '=', ticket.id).executeTakeFirst();
  if (!repair) throw notFound('REPAIR_NOT_FOUND', 'Repair');
  return repair;
}

export async function repairReportPdf(db: Db, actor: Actor, ticketId: string, repairId: string) {
  const r = await visibleRepair(db, actor, ticketId, repairId);
  if (!(r.state === 'ready_to_ship' || r.state === 'done') || !r.work_done) throw new AppError('REPAIR_REPORT_NOT_READY', 409, `The report is printed once the repair passed its tests (the repair is ${r.state})`, { state: r.state });
  const h = await documentHead(db, r.ticket_id, r.unit_id);
  const parts = await db.selectFrom('repair_part as rp').innerJoin('spare_part as p', 'p.id', 'rp.part_id').select(['p.reference', 'p.name', 'rp.quantity']).where('rp.repair_id', '=', r.id).where('rp.status', '=', 'consumed').orderBy('p.reference').execute();
  const tech = r.technician_id ? await db.selectFrom('app_user').select('name').where('id', '=', r.technician_id).executeTakeFirst() : undefined;
  const passed = await db.selectFrom('repair_event').select('at').where('repair_id', '=', r.id).where('event', '=', 'test_passed').orderBy('at', 'desc').executeTakeFirst();
  const pdf = await renderRepairReportPdf({
    ...h,
    completedAt: passed?.at ?? r.state_changed_at,
    findings: r.findings ?? '',
    faultCode: r.fault_code,
    workDone: r.work_done,
    parts: parts.map((p) => ({ reference: p.reference, name: localised(p.name, h.locale, p.reference), quantity: p.quantity })),
    testsPassed: r.tests_passed,
    cover: (r.remedy_decision as { coverage?: string } | null)?.coverage ?? 'none',
    technician: tech?.name ?? null,
  });
  return { pdf, filename: `${h.ticketNumber}-report.pdf` };
}

export async function recyclingCertificatePdf(db: Db, actor: Actor, ticketId: string, repairId: string) {
  const r = await visibleRepair(db, actor, ticketId, repairId);
  const recycled = await db.selectFrom('unit_event').select(['at', 'data']).where('unit_id', '=', r.unit_id).where('kind', '=', 'recycled').orderBy('at', 'desc').executeTakeFirst();
  if (!recycled) throw new AppError('REPAIR_NOT_RECYCLED', 409, 'This unit was not recycled');
  const h = await documentHead(db, r.ticket_id, r.unit_id);
  const pdf = await renderRecyclingCertificatePdf({ ...h, recycledAt: recycled.at, offerNumber: typeof recycled.data.quote === 'string' ? recycled.data.quote : null });
  return { pdf, filename: `${h.ticketNumber}-recycling.pdf` };
}
