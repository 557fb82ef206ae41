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

const PLAIN_PRICE = /^(\d{1,15})(?:[.,](\d{1,2}))?$/;

/**
 * A price in minor units: "1 299,90", "1.299,90", "1299.90", "1299" → 129990 / 129900. The last
 * of "," or "." followed by one or two digits is the decimal separator; any other is a thousands
 * separator. Null when it is not a price.
 */
export function parsePriceCents(v: string): number | null {
  // The common case, "129,90" or "1299.9" or "1299", without the regular expressions below.
  const plain = PLAIN_PRICE.exec(v);
  if (plain) {
    const cents = Number(plain[1]) * 100 + Number((plain[2] ?? '').padEnd(2, '0'));
    return Number.isSafeInteger(cents) ? cents : null;
  }
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

const CONDITIONS = new Map<string, OrderRow['condition']>([
  ['new', 'new'],
  ['neuf', 'new'],
  ['refurbished', 'refurbished'],
  ['reconditionne', 'refurbished'],
  ['reconditionné', 'refurbished'],
  ['second_hand', 'second_hand'],
  ['used', 'second_hand'],
  ['occasion', 'second_hand'],
]);
const SERIAL_SEPARATORS = /[\s,|]+/;

/** A column's value, trimmed; '' when the record has no such column. */
function text(v: Record<string, string>, c: string): string {
  const raw = v[c];
  return raw === undefined ? '' : raw.trim();
}

/** A date column as an ISO date, or null when empty; a bad or future date is a problem. */
function dateOf(v: Record<string, string>, c: string, today: string, line: number, problems: RowProblem[]): string | null {
  const raw = text(v, c);
  if (!raw) return null;
  const d = parseDate(raw);
  if (!d) {
    problems.push({ line, column: c, code: 'invalid_format', message: `"${raw}" is not a date (YYYY-MM-DD or DD/MM/YYYY)` });
    return null;
  }
  if (d > today) problems.push({ line, column: c, code: 'in_future', message: `${d} is after today (${today})` });
  return d;
}

/**
 * Checks one record; returns the row, or every problem it has (never only the first). Called once
 * per row of files of millions of rows: no closure or throwaway object per call.
 */
export function readOrderRow(line: number, v: Record<string, string>, today: string): { row: OrderRow } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  for (const c of REQUIRED_COLUMNS) if (!text(v, c)) problems.push({ line, column: c, code: 'required', message: 'is empty' });
  const orderedOn = dateOf(v, 'ordered_on', today, line, problems);
  const deliveredOn = dateOf(v, 'delivered_on', today, line, problems);
  const paidOn = dateOf(v, 'paid_on', today, line, problems);
  const disputeOpenedOn = dateOf(v, 'dispute_opened_on', today, line, problems);
  const disputeClosedOn = dateOf(v, 'dispute_closed_on', today, line, problems);
  if (orderedOn && deliveredOn && deliveredOn < orderedOn) problems.push({ line, column: 'delivered_on', code: 'invalid_value', message: `delivered (${deliveredOn}) before it was ordered (${orderedOn})` });
  if (disputeClosedOn && !disputeOpenedOn) problems.push({ line, column: 'dispute_closed_on', code: 'invalid_value', message: 'a dispute closed without an opening date' });
  if (disputeOpenedOn && disputeClosedOn && disputeClosedOn < disputeOpenedOn) problems.push({ line, column: 'dispute_closed_on', code: 'invalid_value', message: 'closed before it was opened' });

  const email = text(v, 'customer_email').toLowerCase();
  if (email && !EMAIL.test(email)) problems.push({ line, column: 'customer_email', code: 'invalid_format', message: `"${email}" is not an e-mail address` });
  const country = text(v, 'country').toUpperCase();
  if (country && !/^[A-Z]{2}$/.test(country)) problems.push({ line, column: 'country', code: 'invalid_format', message: `"${country}" is not a two-letter country code (FR, RO, SE…)` });
  const currency = text(v, 'currency').toUpperCase();
  if (currency && !/^[A-Z]{3}$/.test(currency)) problems.push({ line, column: 'currency', code: 'invalid_format', message: `"${currency}" is not a three-letter currency code (EUR, SEK…)` });
  const quantityRaw = text(v, 'quantity');
  const quantity = Number(quantityRaw);
  if (quantityRaw && (!Number.isInteger(quantity) || quantity < 1)) problems.push({ line, column: 'quantity', code: 'invalid_value', message: `"${quantityRaw}" is not a whole number of at least 1` });
  else if (quantity > 100_000) problems.push({ line, column: 'quantity', code: 'too_big', message: `${quantity} is more than 100 000` });
  const priceRaw = text(v, 'unit_price');
  const unitPriceCents = priceRaw ? parsePriceCents(priceRaw) : null;
  if (priceRaw && (unitPriceCents === null || unitPriceCents < 0)) problems.push({ line, column: 'unit_price', code: 'invalid_format', message: `"${priceRaw}" is not a price` });
  else if (unitPriceCents !== null && unitPriceCents > 10_000_000_000) problems.push({ line, column: 'unit_price', code: 'too_big', message: `${priceRaw} is more than 100 000 000` });
  const serialsRaw = text(v, 'serials');
  const serials = serialsRaw ? serialsRaw.split(SERIAL_SEPARATORS).filter(Boolean) : [];
  if (serials.length > 1 && new Set(serials.map((s) => s.toUpperCase())).size !== serials.length) problems.push({ line, column: 'serials', code: 'duplicate', message: 'the same serial twice on one line' });
  if (quantity >= 1 && serials.length > quantity) problems.push({ line, column: 'serials', code: 'invalid_value', message: `${serials.length} serials for a quantity of ${quantity}` });
  for (const s of serials) if (s.length > 100) problems.push({ line, column: 'serials', code: 'too_big', message: `a serial longer than 100 characters` });
  const conditionRaw = text(v, 'condition');
  const condition = conditionRaw ? CONDITIONS.get(conditionRaw.toLowerCase().replace(/[\s-]+/g, '_')) : 'new';
  if (!condition) problems.push({ line, column: 'condition', code: 'invalid_value', message: `"${conditionRaw}" is not new, refurbished or second_hand` });
  const buyerRaw = text(v, 'buyer');
  const buyer = buyerRaw ? buyerRaw.toLowerCase() : 'consumer';
  if (buyer !== 'consumer' && buyer !== 'business') problems.push({ line, column: 'buyer', code: 'invalid_value', message: `"${buyerRaw}" is not consumer or business` });
  for (const c of ['order_id', 'line_id', 'invoice_number']) if (text(v, c).length > 100) problems.push({ line, column: c, code: 'too_big', message: 'longer than 100 characters' });

  if (problems.length) return { problems };
  return {
    row: {
      orderId: text(v, 'order_id'),
      lineId: text(v, 'line_id'),
      orderedOn: orderedOn!,
      customerEmail: email,
      // A name has no line breaks: a quoted newline in an export is a space.
      customerName: text(v, 'customer_name').replace(/\s+/g, ' '),
      country,
      currency,
      model: text(v, 'model'),
      quantity,
      unitPriceCents: unitPriceCents!,
      serials,
      deliveredOn,
      condition: condition!,
      buyer: buyer as OrderRow['buyer'],
      seller: text(v, 'seller') || null,
      paymentProvider: text(v, 'payment_provider') || null,
      paidOn,
      disputeOpenedOn,
      disputeClosedOn,
      invoiceNumber: text(v, 'invoice_number') || null,
      invoiceFile: text(v, 'invoice_file') || null,
    },
  };
}
