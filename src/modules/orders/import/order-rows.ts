/**
 * One row of an orders export: one order line, with the units it delivered. Columns (header names
 * case-insensitive; spaces and dashes count as underscores):
 *
 *   order_id, line_id, ordered_on, customer_email, customer_name, country, currency, model,
 *   quantity, unit_price, serials, delivered_on, condition, buyer, seller, payment_provider,
 *   paid_on, dispute_opened_on, dispute_closed_on
 *
 * Required: order_id, line_id, ordered_on, customer_email, country, currency, model, quantity,
 * unit_price. `invoice_number` and `invoice_file` (a PDF, its path relative to the export's folder)
 * attach the shop's invoice to the order. Dates are YYYY-MM-DD or DD/MM/YYYY (French exports); prices take a decimal comma or
 * point and spaces as thousands separators ("1 299,90"); serials are separated by spaces, commas
 * or "|". Each problem is reported with its column and a reason code the admin can act on.
 */
import { isIsoDate } from '../../warranty/index.ts';

export const REQUIRED_COLUMNS = ['order_id', 'line_id', 'ordered_on', 'customer_email', 'country', 'currency', 'model', 'quantity', 'unit_price'] as const;
export const KNOWN_COLUMNS = [
  ...REQUIRED_COLUMNS,
  'customer_name',
  'serials',
  'delivered_on',
  'condition',
  'buyer',
  'seller',
  'payment_provider',
  'paid_on',
  'dispute_opened_on',
  'dispute_closed_on',
  'invoice_number',
  'invoice_file',
] as const;

export interface OrderRow {
  orderId: string;
  lineId: string;
  orderedOn: string;
  customerEmail: string;
  customerName: string;
  country: string;
  currency: string;
  model: string;
  quantity: number;
  unitPriceCents: number;
  serials: string[];
  deliveredOn: string | null;
  condition: 'new' | 'refurbished' | 'second_hand';
  buyer: 'consumer' | 'business';
  seller: string | null;
  paymentProvider: string | null;
  paidOn: string | null;
  disputeOpenedOn: string | null;
  disputeClosedOn: string | null;
  /** The shop's invoice number, and its PDF as a path relative to the export (the CLI only). */
  invoiceNumber: string | null;
  invoiceFile: string | null;
}

export interface RowProblem {
  line: number;
  column: string;
  code: 'required' | 'invalid_format' | 'invalid_value' | 'in_future' | 'unknown_model' | 'unknown_seller' | 'duplicate' | 'conflict' | 'too_big';
  message: string;
}

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

/** YYYY-MM-DD or DD/MM/YYYY (DD.MM.YYYY) as an ISO date; null when it is neither or not a real day. */
export function parseDate(v: string): string | null {
  const s = v.trim();
  if (isIsoDate(s)) return s;
  const m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/**
 * A price in minor units: "1 299,90", "1.299,90", "1299.90", "1299" → 129990 / 129900. The last
 * of "," or "." followed by one or two digits is the decimal separator; any other is a thousands
 * separator. Null when it is not a price.
 */
export function parsePriceCents(v: string): number | null {
  const s = v.replace(/[\s\u00a0\u202f]/g, '').replace(/[€$£]|EUR|SEK|RON|RUB/gi, '');
  if (!/^-?[\d.,]+$/.test(s)) return null;
  const m = /^(-?[\d.,]*?)(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const whole = m[1]!.replace(/[.,]/g, '');
  if (whole === '' || whole === '-' || !/^-?\d+$/.test(whole)) return null;
  const frac = (m[2] ?? '').padEnd(2, '0');
  const cents = Number(whole) * 100 + (whole.startsWith('-') ? -1 : 1) * Number(frac || '0');
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Checks one record; returns the row, or every problem it has (never only the first). */
export function readOrderRow(line: number, v: Record<string, string>, today: string): { row: OrderRow } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const problem = (column: string, code: RowProblem['code'], message: string) => problems.push({ line, column, code, message });
  const text = (c: string) => (v[c] ?? '').trim();
  for (const c of REQUIRED_COLUMNS) if (!text(c)) problem(c, 'required', 'is empty');
  const date = (c: string): string | null => {
    const raw = text(c);
    if (!raw) return null;
    const d = parseDate(raw);
    if (!d) {
      problem(c, 'invalid_format', `"${raw}" is not a date (YYYY-MM-DD or DD/MM/YYYY)`);
      return null;
    }
    if (d > today) problem(c, 'in_future', `${d} is after today (${today})`);
    return d;
  };
  const orderedOn = date('ordered_on');
  const deliveredOn = date('delivered_on');
  const paidOn = date('paid_on');
  const disputeOpenedOn = date('dispute_opened_on');
  const disputeClosedOn = date('dispute_closed_on');
  if (orderedOn && deliveredOn && deliveredOn < orderedOn) problem('delivered_on', 'invalid_value', `delivered (${deliveredOn}) before it was ordered (${orderedOn})`);
  if (disputeClosedOn && !disputeOpenedOn) problem('dispute_closed_on', 'invalid_value', 'a dispute closed without an opening date');
  if (disputeOpenedOn && disputeClosedOn && disputeClosedOn < disputeOpenedOn) problem('dispute_closed_on', 'invalid_value', 'closed before it was opened');

  const email = text('customer_email').toLowerCase();
  if (email && !EMAIL.test(email)) problem('customer_email', 'invalid_format', `"${email}" is not an e-mail address`);
  const country = text('country').toUpperCase();
  if (country && !/^[A-Z]{2}$/.test(country)) problem('country', 'invalid_format', `"${country}" is not a two-letter country code (FR, RO, SE…)`);
  const currency = text('currency').toUpperCase();
  if (currency && !/^[A-Z]{3}$/.test(currency)) problem('currency', 'invalid_format', `"${currency}" is not a three-letter currency code (EUR, SEK…)`);
  const quantityRaw = text('quantity');
  const quantity = Number(quantityRaw);
  if (quantityRaw && (!Number.isInteger(quantity) || quantity < 1)) problem('quantity', 'invalid_value', `"${quantityRaw}" is not a whole number of at least 1`);
  else if (quantity > 100_000) problem('quantity', 'too_big', `${quantity} is more than 100 000`);
  const priceRaw = text('unit_price');
  const unitPriceCents = priceRaw ? parsePriceCents(priceRaw) : null;
  if (priceRaw && (unitPriceCents === null || unitPriceCents < 0)) problem('unit_price', 'invalid_format', `"${priceRaw}" is not a price`);
  else if (unitPriceCents !== null && unitPriceCents > 10_000_000_000) problem('unit_price', 'too_big', `${priceRaw} is more than 100 000 000`);
  const serials = text('serials')
    .split(/[\s,|]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (new Set(serials.map((s) => s.toUpperCase())).size !== serials.length) problem('serials', 'duplicate', 'the same serial twice on one line');
  if (quantity >= 1 && serials.length > quantity) problem('serials', 'invalid_value', `${serials.length} serials for a quantity of ${quantity}`);
  for (const s of serials) if (s.length > 100) problem('serials', 'too_big', `a serial longer than 100 characters`);
  const condition = (text('condition') || 'new').toLowerCase().replace(/[\s-]+/g, '_');
  const conditions = { new: 'new', neuf: 'new', refurbished: 'refurbished', reconditionne: 'refurbished', reconditionné: 'refurbished', second_hand: 'second_hand', used: 'second_hand', occasion: 'second_hand' } as const;
  if (!(condition in conditions)) problem('condition', 'invalid_value', `"${text('condition')}" is not new, refurbished or second_hand`);
  const buyer = (text('buyer') || 'consumer').toLowerCase();
  if (buyer !== 'consumer' && buyer !== 'business') problem('buyer', 'invalid_value', `"${text('buyer')}" is not consumer or business`);
  for (const c of ['order_id', 'line_id', 'invoice_number']) if (text(c).length > 100) problem(c, 'too_big', 'longer than 100 characters');

  if (problems.length) return { problems };
  return {
    row: {
      orderId: text('order_id'),
      lineId: text('line_id'),
      orderedOn: orderedOn!,
      customerEmail: email,
      // A name has no line breaks: a quoted newline in an export is a space.
      customerName: text('customer_name').replace(/\s+/g, ' '),
      country,
      currency,
      model: text('model'),
      quantity,
      unitPriceCents: unitPriceCents!,
      serials,
      deliveredOn,
      condition: conditions[condition as keyof typeof conditions],
      buyer: buyer as 'consumer' | 'business',
      seller: text('seller') || null,
      paymentProvider: text('payment_provider') || null,
      paidOn,
      disputeOpenedOn,
      disputeClosedOn,
      invoiceNumber: text('invoice_number') || null,
      invoiceFile: text('invoice_file') || null,
    },
  };
}
