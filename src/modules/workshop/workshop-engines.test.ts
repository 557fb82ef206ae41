import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REPAIR_EVENTS, REPAIR_STATES, repairEventsFrom, repairTransition } from './repair-machine.ts';
import { estimateDuration } from './estimate.ts';
import { formatMoney, totals } from './quote-math.ts';
import { answerInReply } from './reply-answer.ts';

describe('the repair machine', () => {
  // Written out independently of the table in repair-machine.ts.
  const expected: Record<string, string> = {
    'diagnosing/start_repair': 'repairing',
    'diagnosing/wait_parts': 'awaiting_parts',
    'diagnosing/start_replacement': 'replacing',
    'diagnosing/propose': 'awaiting_customer',
    'diagnosing/return_unrepaired': 'returning_unrepaired',
    'awaiting_customer/start_repair': 'repairing',
    'awaiting_customer/wait_parts': 'awaiting_parts',
    'awaiting_customer/start_replacement': 'replacing',
    'awaiting_customer/return_unrepaired': 'returning_unrepaired',
    'awaiting_parts/start_repair': 'repairing',
    'awaiting_parts/parts_arrived': 'repairing',
    'repairing/repaired': 'testing',
    'testing/test_failed': 'repairing',
    'testing/test_passed': 'ready_to_ship',
    'replacing/replacement_shipped': 'done',
    'ready_to_ship/shipped': 'done',
    'returning_unrepaired/shipped': 'done',
  };
  it('takes exactly the transitions of the table, every state × every event', () => {
    for (const s of REPAIR_STATES) {
      for (const e of REPAIR_EVENTS) {
        const r = repairTransition(s, e);
        const want = expected[`${s}/${e}`];
        expect([s, e, r.ok ? r.to : null]).toEqual([s, e, want ?? null]);
      }
      expect(repairEventsFrom(s).sort()).toEqual(Object.keys(expected).filter((k) => k.startsWith(`${s}/`)).map((k) => k.split('/')[1]).sort());
    }
  });
  it('ends nowhere but done: a finished repair takes no event', () => {
    expect(repairEventsFrom('done')).toEqual([]);
  });
});

describe('quote sums', () => {
  it('taxes the net total once, rounded half-even to the cent', () => {
    expect(totals([{ quantity: 1, unitCents: 1999 }, { quantity: 3, unitCents: 14_500 }], 'EUR', 2100)).toEqual({ lines: [{ netCents: 1999 }, { netCents: 43_500 }], netCents: 45_499, taxCents: 9555, totalCents: 55_054 });
    // 0.5 cent rounds to even: 250 × 20 % = 50.0; 1 × 2.5 % of 100 = 2.5 → 2.
    expect(totals([{ quantity: 1, unitCents: 100 }], 'EUR', 250).taxCents).toBe(2);
  });
  it('refuses a negative amount or a fractional quantity', () => {
    expect(() => totals([{ quantity: -1, unitCents: 100 }], 'EUR', 2000)).toThrow(/quantity/);
    expect(() => totals([{ quantity: 1.5, unitCents: 100 }], 'EUR', 2000)).toThrow(/quantity/);
    expect(() => totals([{ quantity: 1, unitCents: -5 }], 'SEK', 2500)).toThrow(/unit amount/);
  });
  it('for any lines: total = net + tax, and the tax is the rate of the net within half a cent', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ quantity: fc.integer({ min: 1, max: 50 }), unitCents: fc.integer({ min: 0, max: 5_000_000 }) }), { maxLength: 12 }), fc.integer({ min: 0, max: 10_000 }), (lines, rate) => {
        const t = totals(lines, 'RON', rate);
        expect(t.totalCents).toBe(t.netCents + t.taxCents);
        expect(t.netCents).toBe(lines.reduce((s, l) => s + l.quantity * l.unitCents, 0));
        expect(Math.abs(t.taxCents - (t.netCents * rate) / 10_000)).toBeLessThanOrEqual(0.5);
      }),
    );
  });
  it('formats money in the reader’s locale', () => {
    expect(formatMoney(2000, 'EUR', 'ro').replace(/\s/g, ' ')).toBe('20,00 EUR');
    expect(formatMoney(2000, 'EUR', 'en')).toBe('€20.00');
    expect(formatMoney(129_900, 'SEK', 'sv').replace(/\s/g, ' ')).toBe('1 299,00 kr');
  });
});

describe('the expected duration', () => {
  const brandDays = { min: 3, max: 30 };
  it('says the brand’s own range with no history (seed 004: 3 to 30 days)', () => {
    expect(estimateDuration({ remedy: 'repair', brandDays, pastDays: [], missingPartLeadDays: [], lawMaxDays: null })).toMatchObject({ minDays: 3, maxDays: 30, basis: { source: 'brand' } });
  });
  it('learns from five past repairs or more: 25th to 90th percentile', () => {
    const e = estimateDuration({ remedy: 'repair', brandDays, pastDays: [2, 4, 5, 6, 8, 9, 12, 20, 3, 7], missingPartLeadDays: [], lawMaxDays: null });
    expect(e).toMatchObject({ minDays: 4, maxDays: 12, basis: { source: 'history', samples: 10 } });
  });
  it('adds the longest lead time of the parts on order, and flags passing the law’s limit', () => {
    const e = estimateDuration({ remedy: 'repair', brandDays, pastDays: [], missingPartLeadDays: [21, 7], lawMaxDays: 30 });
    expect(e).toEqual({ minDays: 24, maxDays: 51, basis: { source: 'brand', samples: 0, partsLeadDays: 21, lawMaxDays: 30, exceedsLawLimit: true } });
  });
  it('counts a replacement from stock in days, not weeks', () => {
    expect(estimateDuration({ remedy: 'replace', brandDays, pastDays: [30, 30, 30, 30, 30], missingPartLeadDays: [], lawMaxDays: 15 })).toMatchObject({ minDays: 1, maxDays: 7, basis: { source: 'replacement', exceedsLawLimit: false } });
  });
});

describe('a reply that answers a quote', () => {
  it('accepts or refuses on a first line that is only the word, in the five languages', () => {
    for (const w of ['ACCEPT', 'Accepte.', "J'accepte", 'accept', 'Acceptat', 'Принимаю', 'согласен!', 'Godkänner']) expect([w, answerInReply(`${w}\n\n> Here is our quote`)]).toEqual([w, 'accept']);
    for (const w of ['REFUSE', 'Je refuse', 'Refuz', 'Отказ', 'Avböjer']) expect([w, answerInReply(w)]).toEqual([w, 'refuse']);
  });
  it('leaves anything else to the desk: a question, a sentence, a quoted line', () => {
    for (const text of ['Non merci, mais pouvez-vous…', 'Is the transport included?', '> ACCEPT', '', 'Accept? Not sure', 'Da, dar cât costă?', 'No', 'Yes', 'Da', 'нет', 'Nej']) expect(answerInReply(text)).toBeNull();
  });
});
