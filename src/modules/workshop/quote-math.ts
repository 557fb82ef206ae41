/**
 * A quote's or an invoice's sums, with dinero.js: money as integer minor units of one currency,
 * tax rounded half-even per document (not per line) on the net total. Pure.
 */
import { add, dinero, type Dinero, halfEven, multiply, toSnapshot, transformScale } from 'dinero.js';
import { EUR, RON, RUB, SEK } from 'dinero.js/currencies';

export const CURRENCIES = { EUR, RON, SEK, RUB } as const;
export type CurrencyCode = keyof typeof CURRENCIES;
export const isCurrency = (c: string): c is CurrencyCode => c in CURRENCIES;

/**
 * Standard VAT rates (basis points) in the brands' countries, in force on 2026-01-01: FR 20 %
 * (CGI art. 278), RO 21 % since 1 August 2025 (Law 141/2025), SE 25 % (mervärdesskattelagen), RU
 * 22 % since 1 January 2026 (Federal Law 425-FZ). A brand's own setting wins; a country missing
 * here with no setting is refused (QUOTE_TAX_RATE_MISSING), never taxed at zero by accident.
 */
export const STANDARD_TAX_RATE_BP: Readonly<Record<string, number>> = { FR: 2000, RO: 2100, SE: 2500, RU: 2200 };

export interface MoneyLine {
  quantity: number;
  unitCents: number;
}

export interface Totals {
  lines: { netCents: number }[];
  netCents: number;
  taxCents: number;
  totalCents: number;
}

const money = (amount: number, currency: CurrencyCode): Dinero<number> => dinero({ amount, currency: CURRENCIES[currency] });
const cents = (d: Dinero<number>) => toSnapshot(transformScale(d, 2, halfEven)).amount;

/** Line nets, the net total, the tax at `taxRateBp` and the total. Throws on a negative or fractional amount. */
export function totals(lines: readonly MoneyLine[], currency: CurrencyCode, taxRateBp: number): Totals {
  for (const l of lines) {
    if (!Number.isSafeInteger(l.quantity) || l.quantity <= 0) throw new RangeError(`quantity must be a positive integer, got ${l.quantity}`);
    if (!Number.isSafeInteger(l.unitCents) || l.unitCents < 0) throw new RangeError(`unit amount must be a non-negative integer, got ${l.unitCents}`);
  }
  const nets = lines.map((l) => multiply(money(l.unitCents, currency), l.quantity));
  const net = nets.reduce((a, b) => add(a, b), money(0, currency));
  const tax = transformScale(multiply(net, { amount: taxRateBp, scale: 4 }), 2, halfEven);
  return { lines: nets.map((n) => ({ netCents: cents(n) })), netCents: cents(net), taxCents: cents(tax), totalCents: cents(add(net, tax)) };
}

/** An amount in the reader's locale ("20,00 €", "€20.00", "20,00 EUR" as Intl words it). */
export function formatMoney(amountCents: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amountCents / 100);
}
