import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideRemedy, type RemedyFacts } from './remedy-decision.ts';

const base: RemedyFacts = {
  coverage: 'legal_guarantee',
  countryOfSale: 'FR',
  repairable: true,
  customerDamage: false,
  endOfLife: false,
  daysSinceDelivery: 200,
  unused: false,
  customerChoice: null,
  refurbishedConsent: false,
  repairCostCents: 10_000,
  replacementCostCents: 12_000,
  stock: { new: 1, refurbished: 1 },
  policy: { remedyChosenBy: 'consumer', refurbishedReplacement: 'with_consent', defectiveOnArrivalDays: 30, disproportionateRatio: 1.5 },
};
const facts = (f: Partial<RemedyFacts>): RemedyFacts => ({ ...base, ...f, policy: { ...base.policy, ...f.policy } });

describe('the remedy decision', () => {
  it('repairs under the legal guarantee when the customer states no preference, free, citing the country’s article', () => {
    expect(decideRemedy(base)).toMatchObject({ remedy: 'repair', billable: false, rule: 'repair_by_default', article: 'Code de la consommation, art. L.217-9' });
  });

  it('honours the consumer’s choice of a replacement, new unless they asked for a refurbished one (seed 002)', () => {
    expect(decideRemedy(facts({ customerChoice: 'replacement' }))).toMatchObject({ remedy: 'replace', replacementCondition: 'new', rule: 'customer_choice' });
    expect(decideRemedy(facts({ customerChoice: 'replacement', refurbishedConsent: true }))).toMatchObject({ remedy: 'replace', replacementCondition: 'refurbished' });
  });

  it('replaces an unrepairable unit under the legal guarantee and says the repair was impossible', () => {
    expect(decideRemedy(facts({ repairable: false, customerChoice: 'repair' }))).toMatchObject({ remedy: 'replace', rule: 'choice_impossible', params: { chosen: 'repair' } });
  });

  it('sets aside a choice that costs far more than the other remedy, and says by how much', () => {
    const d = decideRemedy(facts({ customerChoice: 'replacement', repairCostCents: 5_000, replacementCostCents: 40_000 }));
    expect(d).toMatchObject({ remedy: 'repair', rule: 'choice_disproportionate', params: { chosen: 'replacement', chosenCostCents: 40_000, otherCostCents: 5_000, ratio: 1.5 } });
  });

  it('proposes an exchange for a unit faulty on arrival and unused, and lets the customer choose (seed 001)', () => {
    expect(decideRemedy(facts({ daysSinceDelivery: 5, unused: true }))).toMatchObject({ remedy: 'exchange_offer', replacementCondition: 'new', rule: 'defective_on_arrival', params: { days: 5, within: 30 } });
    expect(decideRemedy(facts({ daysSinceDelivery: 5, unused: true, customerChoice: 'repair' }))).toMatchObject({ remedy: 'repair', rule: 'customer_choice' });
    expect(decideRemedy(facts({ daysSinceDelivery: 5, unused: false }))).toMatchObject({ remedy: 'repair' });
    // Taking the exchange offered is never "disproportionate", however cheap the repair.
    expect(decideRemedy(facts({ daysSinceDelivery: 5, unused: true, customerChoice: 'replacement', repairCostCents: 0, replacementCostCents: 34_900 }))).toMatchObject({ remedy: 'replace', rule: 'customer_choice' });
  });

  it('keeps the seller’s "cheaper one" as a proposal only, and flags it when the customer chose (seed 001)', () => {
    const seller = { remedyChosenBy: 'seller' as const, refurbishedReplacement: 'with_consent' as const, defectiveOnArrivalDays: 30, disproportionateRatio: 1.5 };
    expect(decideRemedy(facts({ policy: seller }))).toMatchObject({ remedy: 'repair', rule: 'seller_proposal' });
    const chose = decideRemedy(facts({ policy: seller, customerChoice: 'replacement', repairCostCents: 20_000, replacementCostCents: 25_000 }));
    expect(chose).toMatchObject({ remedy: 'replace', rule: 'customer_choice' });
    expect(chose.overridden).toEqual([{ setting: 'afterSales.remedyChosenBy', law: 'Code de la consommation, art. L.217-9' }]);
  });

  it('never gives a refurbished unit under the legal guarantee without consent, even when the brand says always', () => {
    const d = decideRemedy(facts({ customerChoice: 'replacement', policy: { remedyChosenBy: 'consumer', refurbishedReplacement: 'always', defectiveOnArrivalDays: 30, disproportionateRatio: 1.5 } }));
    expect(d.replacementCondition).toBe('new');
    expect(d.overridden.map((o) => o.setting)).toEqual(['afterSales.refurbishedReplacement']);
  });

  it('falls back to a price reduction or refund when neither remedy is possible (art. 13(4))', () => {
    expect(decideRemedy(facts({ repairable: false, endOfLife: true, stock: { new: 0, refurbished: 0 } }))).toMatchObject({ remedy: 'price_reduction_or_refund', article: 'Directive (EU) 2019/771, art. 13(4)', billable: false });
  });

  it('quotes a repairable unit out of coverage and offers another unit for an end-of-life one (seed 004)', () => {
    expect(decideRemedy(facts({ coverage: 'none' }))).toMatchObject({ remedy: 'quote', billable: true, rule: 'out_of_coverage_repairable' });
    expect(decideRemedy(facts({ coverage: 'none', endOfLife: true }))).toMatchObject({ remedy: 'end_of_life_offer', billable: true, rule: 'end_of_life' });
    expect(decideRemedy(facts({ coverage: 'none', repairable: false }))).toMatchObject({ remedy: 'end_of_life_offer', rule: 'out_of_coverage_unrepairable' });
  });

  it('treats damage the technician found as not covered, whatever the warranty', () => {
    expect(decideRemedy(facts({ customerDamage: true }))).toMatchObject({ remedy: 'quote', billable: true, rule: 'damage_not_covered' });
  });

  it('applies the brand’s terms under its commercial warranty: refurbished allowed without consent', () => {
    expect(decideRemedy(facts({ coverage: 'commercial_warranty', repairable: false }))).toMatchObject({ remedy: 'replace', replacementCondition: 'refurbished', rule: 'commercial_replacement', billable: false });
    expect(decideRemedy(facts({ coverage: 'service_contract' }))).toMatchObject({ remedy: 'repair', rule: 'commercial_repair' });
  });

  it('for any facts: a legal remedy is never billable, never refurbished without consent, and a decision always comes out', () => {
    const arb = fc.record({
      coverage: fc.constantFrom('legal_guarantee', 'commercial_warranty', 'service_contract', 'none'),
      countryOfSale: fc.constantFrom('FR', 'RO', 'SE', 'RU', 'DE', 'US'),
      repairable: fc.boolean(),
      customerDamage: fc.boolean(),
      endOfLife: fc.boolean(),
      daysSinceDelivery: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: null }),
      unused: fc.boolean(),
      customerChoice: fc.constantFrom(null, 'repair', 'replacement'),
      refurbishedConsent: fc.boolean(),
      repairCostCents: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
      replacementCostCents: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
      stock: fc.record({ new: fc.nat(3), refurbished: fc.nat(3) }),
      policy: fc.record({ remedyChosenBy: fc.constantFrom('consumer', 'seller'), refurbishedReplacement: fc.constantFrom('never', 'with_consent', 'always'), defectiveOnArrivalDays: fc.nat(60), disproportionateRatio: fc.double({ min: 1, max: 3, noNaN: true }) }),
    }) as fc.Arbitrary<RemedyFacts>;
    fc.assert(
      fc.property(arb, (f) => {
        const d = decideRemedy(f);
        if (f.coverage === 'legal_guarantee' && !f.customerDamage) {
          expect(d.billable).toBe(false);
          if (d.replacementCondition === 'refurbished') expect(f.refurbishedConsent).toBe(true);
          if (f.customerChoice && d.rule === 'customer_choice') expect(d.remedy).toBe(f.customerChoice === 'repair' ? 'repair' : 'replace');
        }
        if (d.remedy === 'replace') expect(d.replacementCondition).not.toBeNull();
        if (d.remedy === 'repair') expect(f.repairable).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
