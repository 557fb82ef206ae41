import { describe, expect, it } from 'vitest';
import { type AfterSalesPolicy, lawCheck } from './law-check.ts';

const lawful: AfterSalesPolicy = {
  remedyChosenBy: 'consumer',
  refurbishedReplacement: 'with_consent',
  returnShippingPaidBy: 'seller',
  diagnosticFeeCents: 2000,
  diagnosticFeeWithinLegalGuarantee: false,
  paymentDisputeBlocksAfterSales: true,
  paymentDisputeDeniesLegalGuarantee: false,
};

describe('the law check', () => {
  it('finds nothing in lawful settings: a fee outside the guarantee and a dispute closing the direct channel are allowed (seeds 001, 004)', () => {
    expect(lawCheck(lawful, ['FR', 'RO', 'SE', 'RU'], '2026-11-30')).toEqual([]);
  });

  it('names the seller choosing the remedy, per country, with the article (seed 001)', () => {
    expect(lawCheck({ ...lawful, remedyChosenBy: 'seller' }, ['FR', 'RO'], '2026-11-30')).toEqual([
      { finding: 'seller_chooses_remedy', country: 'FR', setting: 'afterSales.remedyChosenBy', article: 'Code de la consommation, art. L.217-9' },
      { finding: 'seller_chooses_remedy', country: 'RO', setting: 'afterSales.remedyChosenBy', article: 'OUG 140/2021' },
    ]);
  });

  it('refuses refurbished replacements without consent in the EU from 31 July 2026 only', () => {
    expect(lawCheck({ ...lawful, refurbishedReplacement: 'always' }, ['SE'], '2026-07-30')).toEqual([]);
    expect(lawCheck({ ...lawful, refurbishedReplacement: 'always' }, ['SE', 'RU'], '2026-07-31').map((f) => [f.finding, f.country])).toEqual([['refurbished_without_consent', 'SE']]);
  });

  it('refuses charges inside the legal guarantee, and a dispute that would deny it', () => {
    const found = lawCheck({ ...lawful, returnShippingPaidBy: 'customer', diagnosticFeeWithinLegalGuarantee: true, paymentDisputeDeniesLegalGuarantee: true }, ['FR'], '2026-11-30');
    expect(found.map((f) => [f.finding, f.article])).toEqual([
      ['return_shipping_charged', 'Directive (EU) 2019/771, art. 14(1)(a)'],
      ['diagnostic_fee_charged', 'Directive (EU) 2019/771, art. 14(1)(a)'],
      ['dispute_denies_legal_guarantee', 'Code de la consommation, art. L.217-3'],
    ]);
  });
});
