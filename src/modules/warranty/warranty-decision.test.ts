import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween, isIsoDate } from './dates.ts';
import { COUNTRY_LAW, lawFor } from './law.ts';
import { decideWarranty, type WarrantyFacts, WarrantyFactsError } from './warranty-decision.ts';

/** A consumer's new unit bought and delivered in France, with its invoice; each case changes what it needs. */
const base: WarrantyFacts = {
  at: '2026-06-10',
  countryOfSale: 'FR',
  buyer: 'consumer',
  condition: 'new',
  purchasedOn: '2025-03-01',
  deliveredOn: '2025-03-03',
  proofOfPurchase: true,
  commercialWarrantyMonths: null,
  channel: 'direct',
};
const at = (facts: Partial<WarrantyFacts>) => decideWarranty({ ...base, ...facts });

describe('calendar dates as the law counts them', () => {
  it.each([
    ['2024-01-15', 24, '2026-01-15'],
    ['2024-02-29', 24, '2026-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2025-08-31', 6, '2026-02-28'],
    ['2025-12-15', 36, '2028-12-15'],
  ])('%s plus %i months is %s', (from, months, to) => {
    expect(addMonths(from, months)).toBe(to);
  });

  it('refuses what is not a real date', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-6-1')).toBe(false);
    expect(() => at({ at: '2026-13-01' })).toThrow(WarrantyFactsError);
  });
});

describe('the legal guarantee per country of sale', () => {
  // Delivered on 1 Jan 2024 (a leap year): two years end on 1 Jan 2026, day 731 after delivery.
  it.each([
    ['FR', '2026-01-01', 'legal_guarantee', 'Code de la consommation, art. L.217-3'],
    ['FR', '2026-01-02', 'none', null],
    ['RO', '2026-01-01', 'legal_guarantee', 'OUG 140/2021'],
    ['RO', '2026-01-02', 'none', null],
    ['DE', '2026-01-01', 'legal_guarantee', 'Directive (EU) 2019/771, art. 10(1)'],
    ['DE', '2026-01-02', 'none', null],
    ['RU', '2026-01-01', 'legal_guarantee', 'Закон РФ № 2300-1 «О защите прав потребителей», ст. 19 п. 1'],
    ['RU', '2026-01-02', 'none', null],
    ['SE', '2026-01-02', 'legal_guarantee', 'Konsumentköplagen (2022:260)'],
    ['SE', '2027-01-01', 'legal_guarantee', 'Konsumentköplagen (2022:260)'],
    ['SE', '2027-01-02', 'none', null],
  ] as const)('sold in %s, on %s: %s', (country, day, outcome, article) => {
    const d = at({ countryOfSale: country, purchasedOn: '2023-12-20', deliveredOn: '2024-01-01', at: day });
    expect(d.outcome).toBe(outcome);
    if (outcome === 'legal_guarantee') {
      expect(d.article).toBe(article);
      expect(d.coverage).toMatchObject({ kind: 'legal_guarantee', startsOn: '2024-01-01' });
    } else {
      expect(d.explanation[0]).toMatchObject({ rule: 'legal_guarantee_expired' });
    }
  });

  it('counts from delivery, not from the order, even when delivery came weeks later', () => {
    const d = at({ purchasedOn: '2024-05-02', deliveredOn: '2024-06-20', at: '2026-06-15' });
    expect(d.outcome).toBe('legal_guarantee');
    expect(d.coverage).toMatchObject({ startsOn: '2024-06-20', endsOn: '2026-06-20' });
    expect(at({ purchasedOn: '2024-05-02', deliveredOn: '2024-06-20', at: '2026-06-21' }).outcome).toBe('none');
  });

  it('ends a leap-day delivery on 28 February two years later', () => {
    const d = at({ purchasedOn: '2024-02-27', deliveredOn: '2024-02-29', at: '2026-02-28' });
    expect(d.coverage).toMatchObject({ endsOn: '2026-02-28' });
    expect(at({ purchasedOn: '2024-02-27', deliveredOn: '2024-02-29', at: '2026-03-01' }).outcome).toBe('none');
  });

  it('says until when a defect is presumed to have existed at delivery: 24 months in France, 12 for second-hand goods', () => {
    expect(at({}).coverage).toMatchObject({ presumptionEndsOn: '2027-03-03', presumptionArticle: 'Code de la consommation, art. L.217-7' });
    expect(at({ condition: 'second_hand' }).coverage).toMatchObject({ presumptionEndsOn: '2026-03-03', endsOn: '2027-03-03' });
    expect(at({ countryOfSale: 'RO' }).coverage).toMatchObject({ presumptionEndsOn: '2026-03-03' });
    expect(at({ countryOfSale: 'SE' }).coverage).toMatchObject({ presumptionEndsOn: '2027-03-03', endsOn: '2028-03-03' });
  });

  it('shortens a second-hand unit only where the law allows it, and never below its floor', () => {
    // France allows no reduction: the brand's six months do not count.
    expect(at({ condition: 'second_hand', brandSecondHandMonths: 6 })).toMatchObject({ rule: 'legal_guarantee', coverage: { endsOn: '2027-03-03' } });
    // Romania allows one, down to twelve months.
    const ro = at({ countryOfSale: 'RO', condition: 'second_hand', brandSecondHandMonths: 6, at: '2026-03-01' });
    expect(ro).toMatchObject({ rule: 'legal_guarantee_second_hand_reduced', coverage: { endsOn: '2026-03-03' } });
    expect(ro.explanation[0]!.params).toMatchObject({ months: 12, floorMonths: 12 });
    expect(at({ countryOfSale: 'RO', condition: 'second_hand', brandSecondHandMonths: 6, at: '2026-03-04' }).outcome).toBe('none');
    // A refurbished unit is not second-hand: the full period.
    expect(at({ countryOfSale: 'RO', condition: 'refurbished', brandSecondHandMonths: 6, at: '2026-12-01' }).outcome).toBe('legal_guarantee');
  });

  it('extends the guarantee after a repair where the law grants it: six months in France, twelve in the EU from 31 July 2026', () => {
    const repaired = at({ legalRepairs: [{ completedOn: '2026-01-15' }], at: '2027-06-01' });
    expect(repaired).toMatchObject({ outcome: 'legal_guarantee', rule: 'legal_guarantee_extended_after_repair', article: 'Code de la consommation, art. L.217-13', coverage: { endsOn: '2027-09-03' } });
    expect(at({ legalRepairs: [{ completedOn: '2026-01-15' }], at: '2027-09-04' }).outcome).toBe('none');
    // A repair after the guarantee ended extends nothing.
    expect(at({ legalRepairs: [{ completedOn: '2027-04-01' }], at: '2027-04-02' }).outcome).toBe('none');
    // The EU rule applies to repairs from its date on only.
    expect(at({ countryOfSale: 'DE', legalRepairs: [{ completedOn: '2026-07-30' }], at: '2027-03-04' }).outcome).toBe('none');
    expect(at({ countryOfSale: 'DE', legalRepairs: [{ completedOn: '2026-08-01' }], at: '2027-03-04' })).toMatchObject({ outcome: 'legal_guarantee', coverage: { endsOn: '2028-03-03' } });
    // Romania grants no extension.
    expect(at({ countryOfSale: 'RO', legalRepairs: [{ completedOn: '2026-01-15' }], at: '2027-03-04' }).outcome).toBe('none');
  });

  it('gives a business buyer no legal guarantee, only what the brand and its contracts give', () => {
    const d = at({ buyer: 'business', commercialWarrantyMonths: 12, at: '2026-04-10' });
    expect(d).toMatchObject({ outcome: 'none', rule: 'business_buyer_no_legal_guarantee' });
    expect(at({ buyer: 'business', commercialWarrantyMonths: 36, at: '2026-01-10' })).toMatchObject({ outcome: 'commercial_warranty', coverage: { endsOn: '2028-03-03' } });
  });

  it('knows no law for a country outside its tables and says so', () => {
    expect(lawFor('US')).toBeNull();
    expect(lawFor('fr')).toBe(COUNTRY_LAW.FR);
    expect(lawFor('IT')).toBe(COUNTRY_LAW.EU);
    expect(at({ countryOfSale: 'US' })).toMatchObject({ outcome: 'none', rule: 'no_law_for_country' });
  });
});

describe('beyond the law: commercial warranty and service contracts', () => {
  it('gives the commercial warranty once the legal guarantee has ended, from delivery', () => {
    const d = at({ commercialWarrantyMonths: 36, at: '2027-06-01' });
    expect(d).toMatchObject({ outcome: 'commercial_warranty', rule: 'commercial_warranty', coverage: { startsOn: '2025-03-03', endsOn: '2028-03-03' } });
    expect(d.explanation.map((e) => e.rule)).toEqual(['legal_guarantee_expired', 'commercial_warranty']);
    expect(at({ commercialWarrantyMonths: 36, at: '2028-03-04' }).outcome).toBe('none');
  });

  it('puts the legal guarantee first while both run', () => {
    expect(at({ commercialWarrantyMonths: 36 }).outcome).toBe('legal_guarantee');
  });

  it('covers by a service contract running at that date', () => {
    const contract = { name: 'Contrat Premium', startsOn: '2027-01-01', endsOn: '2027-12-31' };
    expect(at({ serviceContract: contract, at: '2027-06-01' })).toMatchObject({ outcome: 'service_contract', coverage: { article: 'Contrat Premium', endsOn: '2027-12-31' } });
    expect(at({ serviceContract: contract, at: '2028-01-01' }).outcome).toBe('none');
  });
});

describe('what stops or suspends the decision', () => {
  it('asks for the proof of purchase when there is none, whatever the dates (seeds 002 and 004)', () => {
    expect(at({ proofOfPurchase: false })).toMatchObject({ outcome: 'needs_information', rule: 'missing_proof_of_purchase', coverage: null });
    expect(at({ purchasedOn: null, deliveredOn: null })).toMatchObject({ outcome: 'needs_information' });
    // Without a delivery date, the purchase date on the invoice starts the clock.
    expect(at({ deliveredOn: null })).toMatchObject({ outcome: 'legal_guarantee', coverage: { startsOn: '2025-03-01' } });
  });

  it('excludes misuse only when a technician recorded it', () => {
    expect(at({ misuseRecordedOn: '2026-06-01' })).toMatchObject({ outcome: 'none', rule: 'misuse_recorded' });
    expect(at({ misuseRecordedOn: '2026-06-11' }).outcome).toBe('legal_guarantee');
  });

  describe('a payment dispute (seed 001)', () => {
    const paid = (paidOn: string, openedOn: string, closedOn: string | null = null) => ({ payment: { paidOn, provider: 'PayPal', dispute: { openedOn, closedOn } } });

    it('blocks direct after-sales while open within six months of payment, and says the legal guarantee stands', () => {
      // Paid 10 Jan, five months later the dispute is still open.
      const d = at({ purchasedOn: '2026-01-10', deliveredOn: '2026-01-14', ...paid('2026-01-10', '2026-03-01'), at: '2026-06-10' });
      expect(d).toMatchObject({ outcome: 'blocked', rule: 'payment_dispute_open', blockedUntil: '2026-07-10', coverage: null });
      expect(d.standingLegalGuarantee).toMatchObject({ kind: 'legal_guarantee', endsOn: '2028-01-14' });
      expect(d.explanation.map((e) => e.rule)).toEqual(['payment_dispute_open', 'legal_guarantee']);
    });

    it('no longer blocks seven months after payment, nor once the dispute closed', () => {
      expect(at({ purchasedOn: '2025-11-10', deliveredOn: '2025-11-14', ...paid('2025-11-10', '2026-03-01'), at: '2026-06-10' }).outcome).toBe('legal_guarantee');
      const closed = at({ purchasedOn: '2026-01-10', deliveredOn: '2026-01-14', ...paid('2026-01-10', '2026-03-01', '2026-05-20'), at: '2026-06-10' });
      expect(closed.outcome).toBe('legal_guarantee');
    });

    it('ends the block when the dispute closes before the six months', () => {
      const d = at({ purchasedOn: '2026-01-10', deliveredOn: '2026-01-14', ...paid('2026-01-10', '2026-03-01', '2026-06-20'), at: '2026-06-10' });
      expect(d).toMatchObject({ outcome: 'blocked', blockedUntil: '2026-06-20' });
    });

    it('leaves a reseller sale to the reseller’s process instead', () => {
      expect(at({ channel: 'reseller', purchasedOn: '2026-01-10', deliveredOn: '2026-01-14', ...paid('2026-01-10', '2026-03-01'), at: '2026-06-10' }).outcome).toBe('legal_guarantee');
    });
  });

  it('counts days since delivery in the explanation when nothing applies', () => {
    const d = at({ at: '2027-03-04' });
    expect(d.explanation.at(-1)).toEqual({ rule: 'nothing_applies', params: { daysSinceDelivery: daysBetween('2025-03-03', '2027-03-04') } });
  });
});
