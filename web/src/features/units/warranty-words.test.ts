import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../i18n';
import { explainWarranty, type Warranty } from './warranty-words';

const T: Record<string, TFunction> = {};
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng: 'en', interpolation: { escapeValue: false } });
  for (const l of ['en', 'fr', 'ro', 'ru', 'sv']) T[l] = i18n.getFixedT(l);
});

const legal: Warranty = {
  unitId: 'u',
  at: '2026-06-10',
  outcome: 'legal_guarantee',
  rule: 'legal_guarantee',
  article: 'Code de la consommation, art. L.217-3',
  coverage: { kind: 'legal_guarantee', startsOn: '2025-03-03', endsOn: '2027-03-03', article: 'Code de la consommation, art. L.217-3', presumptionEndsOn: '2027-03-03', presumptionArticle: 'L.217-7' },
  standingLegalGuarantee: null,
  blockedUntil: null,
  explanation: [{ rule: 'legal_guarantee', params: { country: 'FR', months: 24, deliveredOn: '2025-03-03', endsOn: '2027-03-03', presumptionEndsOn: '2027-03-03' } }],
};

describe('the warranty decision in words', () => {
  it('says the period, the dates and the article in each language, with the plural right', () => {
    expect(explainWarranty(T.en!, legal, 'en')).toEqual([
      'Legal guarantee of conformity: 24 months from delivery on 3 March 2025, until 3 March 2027.',
      'A defect that appears before 3 March 2027 is presumed to have existed at delivery.',
      'Basis: Code de la consommation, art. L.217-3',
    ]);
    expect(explainWarranty(T.fr!, legal, 'fr')[0]).toBe('Garantie légale de conformité : 24 mois à compter de la livraison du 3 mars 2025, jusqu’au 3 mars 2027.');
    expect(explainWarranty(T.ro!, legal, 'ro')[0]).toContain('24 de luni');
    expect(explainWarranty(T.ru!, legal, 'ru')[0]).toContain('24 месяца');
    expect(explainWarranty(T.sv!, legal, 'sv')[0]).toContain('24 månader');
    const twelve = { ...legal, explanation: [{ rule: 'legal_guarantee' as const, params: { ...legal.explanation[0]!.params, months: 12 } }] };
    expect(explainWarranty(T.ro!, twelve, 'ro')[0]).toContain('12 luni');
    expect(explainWarranty(T.ru!, twelve, 'ru')[0]).toContain('12 месяцев');
  });

  it('explains a dispute block and the legal guarantee standing behind it', () => {
    const blocked: Warranty = {
      ...legal,
      outcome: 'blocked',
      rule: 'payment_dispute_open',
      article: null,
      coverage: null,
      standingLegalGuarantee: legal.coverage,
      blockedUntil: '2026-07-10',
      explanation: [{ rule: 'payment_dispute_open', params: { paidOn: '2026-01-10', openedOn: '2026-03-01', provider: 'PayPal', blockedUntil: '2026-07-10', windowMonths: 6 } }, legal.explanation[0]!],
    };
    const fr = explainWarranty(T.fr!, blocked, 'fr');
    expect(fr[0]).toBe('Un litige de paiement (PayPal) ouvert le 1 mars 2026 est toujours en cours : jusqu’au 10 juillet 2026, la demande suit la procédure du prestataire de paiement. La garantie légale reste due.');
    expect(fr).toHaveLength(3);
  });

  it('counts the days with the right form when nothing applies any more', () => {
    const none: Warranty = { ...legal, outcome: 'none', rule: 'legal_guarantee_expired', article: null, coverage: null, explanation: [{ rule: 'legal_guarantee_expired', params: { endedOn: '2026-01-01', country: 'RO' } }, { rule: 'nothing_applies', params: { daysSinceDelivery: 101 } }] };
    expect(explainWarranty(T.ro!, none, 'ro')[1]).toContain('101 zile');
    expect(explainWarranty(T.ru!, none, 'ru')[1]).toContain('101 день');
    expect(explainWarranty(T.en!, none, 'en')[1]).toContain('101 days');
  });
});
