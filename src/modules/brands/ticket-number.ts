/**
 * Per-brand ticket numbers with a check digit, so that a number mistyped on a parcel or read out
 * on the phone is recognised as mistyped instead of pointing at someone else's ticket.
 *
 * Format tokens: {YYYY} {YY} (year of creation in the brand's time zone), {SEQ:n} (counter,
 * zero-padded to n digits, grows past n), {CHECK} (Damm check digit over every digit before it).
 * Damm catches every single-digit error and every adjacent transposition.
 */

// Damm's totally anti-symmetric quasigroup of order 10.
const DAMM = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
] as const;

export function dammCheckDigit(digits: string): number {
  let interim = 0;
  for (const ch of digits) {
    if (ch < '0' || ch > '9') continue;
    interim = DAMM[interim]![Number(ch)]!;
  }
  return interim;
}

const TOKEN = /\{(YYYY|YY|SEQ:(\d{1,2})|CHECK)\}/g;

export function validateNumberFormat(format: string): string | undefined {
  const tokens = [...format.matchAll(TOKEN)].map((m) => m[1]!);
  if (tokens.filter((t) => t.startsWith('SEQ:')).length !== 1) return 'needs exactly one {SEQ:n}';
  if (tokens.filter((t) => t === 'CHECK').length !== 1) return 'needs exactly one {CHECK}';
  if (!format.endsWith('{CHECK}')) return '{CHECK} must come last';
  const literal = format.replace(TOKEN, '');
  if (/[^A-Z0-9-/ ]/.test(literal)) return 'literal parts may hold only A–Z, 0–9, "-", "/" and spaces';
  return undefined;
}

/** Counter scope: numbers restart each year when the format carries the year. */
export function counterScope(format: string, year: number): string {
  return /\{YYYY\}|\{YY\}/.test(format) ? String(year) : 'all';
}

export function formatTicketNumber(format: string, seq: number, year: number): string {
  const body = format.replace(TOKEN, (_m, token: string, width?: string) => {
    if (token === 'YYYY') return String(year);
    if (token === 'YY') return String(year % 100).padStart(2, '0');
    if (token.startsWith('SEQ:')) return String(seq).padStart(Number(width), '0');
    return '{CHECK}';
  });
  const beforeCheck = body.slice(0, body.indexOf('{CHECK}'));
  return body.replace('{CHECK}', String(dammCheckDigit(beforeCheck)));
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A pattern accepting the format with any digits in place of the tokens. */
export function numberPattern(format: string): RegExp {
  let src = '';
  let last = 0;
  for (const m of format.matchAll(TOKEN)) {
    src += escapeRegex(format.slice(last, m.index));
    const token = m[1]!;
    src += token === 'YYYY' ? '\\d{4}' : token === 'YY' ? '\\d{2}' : token === 'CHECK' ? '\\d' : `\\d{${m[2]},}`;
    last = m.index + m[0].length;
  }
  src += escapeRegex(format.slice(last));
  return new RegExp(`^${src}$`);
}

/** Uppercases and trims what a person typed; spaces around separators are forgiven. */
export function normaliseTicketNumber(input: string): string {
  return input.trim().toUpperCase().replace(/\s*-\s*/g, '-').replace(/\s+/g, ' ');
}

export type NumberCheck = 'valid' | 'bad_check_digit' | 'wrong_format';

export function checkTicketNumber(format: string, input: string): NumberCheck {
  const candidate = normaliseTicketNumber(input);
  if (!numberPattern(format).test(candidate)) return 'wrong_format';
  const check = Number(candidate.at(-1));
  return dammCheckDigit(candidate.slice(0, -1)) === check ? 'valid' : 'bad_check_digit';
}

/** Finds a ticket number inside free text (a mail subject, a parcel scan): valid ones only. */
export function findTicketNumbers(format: string, text: string): string[] {
  const inner = numberPattern(format).source.slice(1, -1);
  const found = new Set<string>();
  for (const m of text.toUpperCase().matchAll(new RegExp(`(?<![A-Z0-9])${inner}(?![0-9])`, 'g'))) {
    if (checkTicketNumber(format, m[0]) === 'valid') found.add(m[0]);
  }
  return [...found];
}
