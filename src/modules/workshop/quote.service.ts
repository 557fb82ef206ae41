import { DateTime } from 'luxon';
import type { Db } from '../../platform/db/database.ts';
import { withTransaction } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { newNonce, signToken, verifyToken } from '../../platform/security/signed-token.ts';
import { type Actor, isStaff } from '../auth/index.ts';
import { type Brand, getBrandById } from '../brands/index.ts';
import { recordUnitEvent } from '../orders/index.ts';
import { lockVisibleTicket } from '../tickets/index.ts';
import { reserveOrOrderParts } from './parts.service.ts';
import { isCurrency, STANDARD_TAX_RATE_BP, totals } from './quote-math.ts';
import { audit, moveRepair, type RepairRow, tellEstimate, type WorkshopContext } from './repair.service.ts';
import type { RepairState } from './repair-machine.ts';
import { nextNumber, repairUnit } from './workshop.queries.ts';

export interface QuoteLineInput {
  kind: 'part' | 'labour' | 'transport' | 'fee' | 'unit';
  partId?: string;
  /** A part's own localised name, or a message key with its values that the documents word. */
  description: Record<string, string>;
  quantity: number;
  unitCents: number;
}

const LINK_PURPOSE = 'quote-answer';
export const QUOTE_ANSWERS = ['accept', 'refuse'] as const;
export type QuoteAnswer = (typeof QUOTE_ANSWERS)[number];

/** The brand's tax rate: its own setting, else its country's standard rate; none known is an error, never zero. */
export function taxRateOf(brand: Brand): number {
  const rate = brand.settings.workshop.taxRateBp ?? STANDARD_TAX_RATE_BP[brand.country];
  if (rate === undefined) throw new AppError('QUOTE_TAX_RATE_MISSING', 422, `No tax rate is known for ${brand.country}: set the brand's workshop.taxRateBp`, { errors: [{ field: 'workshop.taxRateBp', code: 'required', message: `no standard rate for ${brand.country}` }] });
  return rate;
}

function currencyOf(brand: Brand) {
  const c = brand.settings.workshop.currency;
  if (!isCurrency(c)) throw new AppError('QUOTE_CURRENCY_MISMATCH', 422, `Quotes cannot be made in ${c}`, { errors: [{ field: 'workshop.currency', code: 'invalid_value', message: `${c} is not one of EUR, RON, SEK, RUB` }] });
  return c;
}

/** The signed links of a quote: one to accept, one to refuse, both dead once it is answered or replaced. */
async function quoteLinks(ctx: WorkshopContext, trx: Db, quote: { id: string; link_nonce: string; valid_until: string }, now: Date) {
  const expires = DateTime.fromISO(quote.valid_until).plus({ days: 1 }).toJSDate();
  const link = async (a: QuoteAnswer) => `${ctx.publicUrl.replace(/\/$/, '')}/quote/${await signToken(trx, LINK_PURPOSE, { q: quote.id, n: quote.link_nonce, a }, expires, now)}`;
  return { acceptUrl: await link('accept'), refuseUrl: await link('refuse') };
}

/**
 * Makes a quote (out of coverage) or an offer (another unit instead of an end-of-life or
 * unrepairable one), numbered without a gap, taxed at the brand's rate, valid for the brand's
 * days, and sends it to the customer with its signed links.
 */
export async function proposeQuote(
  ctx: WorkshopContext,
  trx: Db,
  c: { repair: RepairRow; brand: Brand; ticket: { id: string; requester_id: string }; kind: 'repair' | 'offer'; offeredCondition: 'new' | 'refurbished' | 'second_hand' | null; offeredModelId: string | null; lines: QuoteLineInput[]; actorId: string | null; serial: string; now: Date },
) {
  const currency = currencyOf(c.brand);
  const rate = taxRateOf(c.brand);
  const sums = totals(c.lines, currency, rate);
  const today = DateTime.fromJSDate(c.now, { zone: c.brand.timeZone });
  // The fee a refusal costs is announced with the quote, never after: a repair quote outside the
  // legal guarantee only (research/rma.md, law 4); an offer refused costs nothing.
  const coverage = (c.repair.remedy_decision as { coverage?: string } | null)?.coverage;
  const refusalFee = c.kind === 'repair' && coverage !== 'legal_guarantee' ? c.brand.settings.afterSales.diagnosticFeeCents : null;
  const quote = await trx
    .insertInto('quote')
    .values({
      repair_id: c.repair.id,
      ticket_id: c.ticket.id,
      brand_id: c.brand.id,
      customer_id: c.ticket.requester_id,
      kind: c.kind,
      number: await nextNumber(trx, c.brand.id, 'quote', today.year),
      currency,
      tax_rate_bp: rate,
      net_cents: sums.netCents,
      tax_cents: sums.taxCents,
      total_cents: sums.totalCents,
      valid_until: today.plus({ days: c.brand.settings.workshop.quoteValidityDays }).toISODate()!,
      offered_condition: c.offeredCondition,
      offered_model_id: c.offeredModelId,
      refusal_fee_cents: refusalFee || null,
      state: 'sent',
      link_nonce: newNonce(),
      created_by: c.actorId,
      created_at: c.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('quote_line')
    .values(c.lines.map((l, i) => ({ quote_id: quote.id, position: i + 1, kind: l.kind, part_id: l.partId ?? null, description: JSON.stringify(l.description), quantity: l.quantity, unit_cents: l.unitCents, net_cents: sums.lines[i]!.netCents })))
    .execute();
  const links = await quoteLinks(ctx, trx, quote, c.now);
  await ctx.notifier.changed(trx, { ticketId: c.ticket.id, what: c.kind === 'repair' ? 'quote' : 'offer', serial: c.serial, quote: { number: quote.number, totalCents: sums.totalCents, currency, validUntil: quote.valid_until, refusalFeeCents: refusalFee || null, ...links }, at: c.now });
  return quote;
}

const quoteNotFound = () => notFound('QUOTE_NOT_FOUND', 'Quote');

/**
 * Answers a quote or an offer, once: from the portal (the customer), the desk (on the customer's
 * word), a signed link or an e-mail reply. Accepted: the parts missing are ordered only now
 * (seed 004) and the repair goes on, or the offered unit is prepared and the old one recycled
 * free. Refused (or answered after its validity): the diagnostic fee is invoiced where the brand
 * charges one and the unit goes back at the customer's cost.
 */
export async function answerQuote(ctx: WorkshopContext, actor: Actor, quoteId: string, answer: QuoteAnswer, via: 'portal' | 'link' | 'email' | 'desk', now: Date, nonce?: string) {
  return withTransaction(ctx.db, async (trx) => {
    const unsafeQuote = await trx.selectFrom('quote').select(['id', 'ticket_id', 'customer_id', 'brand_id']).where('id', '=', quoteId).executeTakeFirst();
    if (!unsafeQuote) throw quoteNotFound();
    // The quote's customer, or the desk that may see its ticket (brand and group); anyone else: not found.
    if (actor.userId !== unsafeQuote.customer_id && !isStaff(actor)) throw quoteNotFound();
    const ticket = await lockVisibleTicket(trx, actor, unsafeQuote.ticket_id).catch((err: unknown) => {
      throw err instanceof AppError && err.httpStatus === 404 ? quoteNotFound() : err;
    });
    const quote = await trx.selectFrom('quote').selectAll().where('id', '=', quoteId).forUpdate().executeTakeFirstOrThrow();
    if (nonce !== undefined && nonce !== quote.link_nonce) throw new AppError('QUOTE_LINK_INVALID', 403, 'This link is no longer valid');
    if (quote.state !== 'sent') throw new AppError('QUOTE_ALREADY_ANSWERED', 409, `This quote was ${quote.state}${quote.answered_at ? ` on ${quote.answered_at.toISOString()}` : ''}`, { state: quote.state, answeredAt: quote.answered_at?.toISOString() ?? null, answeredVia: quote.answered_via });
    const brand = await getBrandById(trx, quote.brand_id);
    const today = DateTime.fromJSDate(now, { zone: brand.timeZone }).toISODate()!;
    // Past its validity a quote cannot be accepted: the desk makes a new one (prices and stock may have moved).
    if (today > quote.valid_until && answer === 'accept') throw new AppError('QUOTE_EXPIRED', 409, `This quote was valid until ${quote.valid_until}`, { validUntil: quote.valid_until });
    await trx.updateTable('quote').set({ state: answer === 'accept' ? 'accepted' : 'refused', answered_at: now, answered_by: actor.userId, answered_via: via }).where('id', '=', quote.id).execute();
    const repair = await trx.selectFrom('repair').selectAll().where('id', '=', quote.repair_id).forUpdate().executeTakeFirstOrThrow();
    const from = repair.state as RepairState;
    const unit = await repairUnit(trx, repair.unit_id);
    const serial = unit.serial ?? unit.licence_key ?? '';
    let to: RepairState;
    if (answer === 'accept' && quote.kind === 'repair') {
      // Only now is anything ordered for an uncovered repair (seed 004).
      const parts = await reserveOrOrderParts(trx, { repair, brand, actorId: actor.userId, now, orderMissing: true });
      to = await moveRepair(trx, repair, parts.waiting ? 'wait_parts' : 'start_repair', now);
      await tellEstimate(ctx, trx, actor, ticket.id, repair, brand, 'repair', parts.missingLeadDays, now);
    } else if (answer === 'accept') {
      // The old unit is recycled free of charge once the customer takes the offered one.
      await recordUnitEvent(trx, repair.unit_id, 'recycled', now, actor.userId, { ticket: ticket.number, quote: quote.number, free: true });
      to = await moveRepair(trx, repair, 'start_replacement', now);
    } else {
      await trx.updateTable('repair_part').set({ status: 'released' }).where('repair_id', '=', repair.id).where('status', '=', 'needed').execute();
      const fee = await issueDiagnosticFee(trx, { repair, brand, quote, now });
      to = await moveRepair(trx, repair, 'return_unrepaired', now);
      await ctx.notifier.changed(trx, { ticketId: ticket.id, what: 'quote_refused', serial, ...(fee ? { fee: { number: fee.number, totalCents: Number(fee.total_cents), currency: fee.currency } } : {}), at: now });
    }
    if (answer === 'accept') await ctx.notifier.changed(trx, { ticketId: ticket.id, what: 'quote_accepted', serial, at: now });
    await audit(ctx, trx, { repair, actor, at: now, event: answer === 'accept' ? 'quote_accepted' : 'quote_refused', from, to, number: ticket.number, data: { quote: quote.number, via } });
    return { quoteId: quote.id, state: answer === 'accept' ? ('accepted' as const) : ('refused' as const) };
  });
}

/**
 * The diagnostic fee after a refused quote (seed 004: 20 EUR): the amount the quote announced, on
 * an invoice numbered without a gap, issued once per repair.
 */
async function issueDiagnosticFee(trx: Db, c: { repair: RepairRow; brand: Brand; quote: { refusal_fee_cents: number | null; customer_id: string }; now: Date }) {
  const fee = c.quote.refusal_fee_cents;
  if (!fee) return null;
  if (await trx.selectFrom('workshop_invoice').select('id').where('repair_id', '=', c.repair.id).where('kind', '=', 'diagnostic_fee').executeTakeFirst()) return null;
  const currency = currencyOf(c.brand);
  const rate = taxRateOf(c.brand);
  // The announced fee is what the customer pays: the tax is inside it.
  const net = Math.round((fee * 10_000) / (10_000 + rate));
  return trx
    .insertInto('workshop_invoice')
    .values({
      brand_id: c.brand.id,
      ticket_id: c.repair.ticket_id,
      repair_id: c.repair.id,
      customer_id: c.quote.customer_id,
      kind: 'diagnostic_fee',
      number: await nextNumber(trx, c.brand.id, 'invoice', DateTime.fromJSDate(c.now, { zone: c.brand.timeZone }).year),
      currency,
      tax_rate_bp: rate,
      net_cents: net,
      tax_cents: fee - net,
      total_cents: fee,
      issued_at: c.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** What a signed link shows before it is used: the quote, and the answer the link gives. Reading changes nothing (mail scanners open links). */
export async function quoteByLink(ctx: WorkshopContext, token: string, now: Date) {
  const check = await verifyToken(ctx.db, LINK_PURPOSE, token, now);
  if (!check.ok) throw new AppError('QUOTE_LINK_INVALID', 403, `This link is not valid (${check.reason})`, { reason: check.reason });
  const { q, n, a } = check.payload;
  const quote = await ctx.db.selectFrom('quote').selectAll().where('id', '=', q!).executeTakeFirst();
  if (!quote || quote.link_nonce !== n || !QUOTE_ANSWERS.includes(a as QuoteAnswer)) throw new AppError('QUOTE_LINK_INVALID', 403, 'This link is no longer valid', { reason: 'replaced' });
  return { quote, answer: a as QuoteAnswer };
}

/** Answers through a signed link, as the quote's customer. */
export async function answerByLink(ctx: WorkshopContext, token: string, now: Date, loadActor: (userId: string) => Promise<Actor>) {
  const { quote, answer } = await quoteByLink(ctx, token, now);
  return answerQuote(ctx, await loadActor(quote.customer_id), quote.id, answer, 'link', now, quote.link_nonce);
}
