import { describe, expect, it } from 'vitest';
import {
  checkTicketNumber,
  dammCheckDigit,
  findTicketNumbers,
  formatTicketNumber,
  numberPattern,
  validateNumberFormat,
} from './ticket-number.ts';

const FORMAT = 'CS-{YYYY}-{SEQ:6}-{CHECK}';

describe('ticket numbers', () => {
  it('computes the Damm check digit of the reference example', () => {
    expect(dammCheckDigit('572')).toBe(4);
  });

  it('formats with year, padded sequence and a check digit that validates', () => {
    const n = formatTicketNumber(FORMAT, 123, 2026);
    expect(n).toMatch(/^CS-2026-000123-\d$/);
    expect(checkTicketNumber(FORMAT, n)).toBe('valid');
    expect(numberPattern(FORMAT).test(n)).toBe(true);
  });

  it('recognises every single-digit typo and every adjacent swap as mistyped', () => {
    const n = formatTicketNumber(FORMAT, 4711, 2026);
    const digitsAt = [...n].map((c, i) => (/\d/.test(c) ? i : -1)).filter((i) => i >= 0);
    for (const i of digitsAt) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === n[i]) continue;
        const typo = n.slice(0, i) + d + n.slice(i + 1);
        expect(checkTicketNumber(FORMAT, typo), typo).toBe('bad_check_digit');
      }
    }
    for (let k = 0; k < digitsAt.length - 1; k++) {
      const [i, j] = [digitsAt[k]!, digitsAt[k + 1]!];
      if (j !== i + 1 || n[i] === n[j]) continue;
      const swapped = n.slice(0, i) + n[j] + n[i] + n.slice(j + 1);
      expect(checkTicketNumber(FORMAT, swapped), swapped).toBe('bad_check_digit');
    }
  });

  it('forgives case and spaces but not a wrong shape', () => {
    const n = formatTicketNumber(FORMAT, 9, 2026);
    expect(checkTicketNumber(FORMAT, ` ${n.toLowerCase().replace(/-/g, ' - ')} `)).toBe('valid');
    expect(checkTicketNumber(FORMAT, 'CS-26-1-1')).toBe('wrong_format');
  });

  it('grows the sequence past its width', () => {
    const n = formatTicketNumber('SID-{SEQ:3}{CHECK}', 12345, 2026);
    expect(n.startsWith('SID-12345')).toBe(true);
    expect(checkTicketNumber('SID-{SEQ:3}{CHECK}', n)).toBe('valid');
  });

  it('finds valid numbers in a mail subject and ignores mistyped ones', () => {
    const good = formatTicketNumber(FORMAT, 77, 2026);
    const bad = good.slice(0, -1) + ((Number(good.at(-1)) + 1) % 10);
    expect(findTicketNumbers(FORMAT, `Re: [${good}] still broken, see also ${bad}`)).toEqual([good]);
  });

  it('rejects formats without exactly one sequence and a final check digit', () => {
    expect(validateNumberFormat('X-{SEQ:5}')).toMatch(/CHECK/);
    expect(validateNumberFormat('{CHECK}-{SEQ:5}')).toMatch(/last/);
    expect(validateNumberFormat('X-{YYYY}')).toMatch(/SEQ/);
    expect(validateNumberFormat(FORMAT)).toBeUndefined();
  });
});
