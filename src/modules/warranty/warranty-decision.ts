/**
 * The warranty decision for a unit at a date (issue 11, SPEC §5): facts in, one decision out —
 * what the customer is owed, from when to when, and the rule (with its article) that decided it.
 * Pure and table-driven: no database, no clock, no language. The explanation is data (a rule id
 * and its parameters) that the pages and mails word in each language.
 *
 * Order of the rules, the law first:
 *  1. no proof of purchase (no delivery or purchase date we can trust) → needs information;
 *  2. a technician recorded misuse → none (only a technician's finding excludes; seed 002);
 *  3. a payment dispute still open within six months of payment, on a direct sale → direct
 *     after-sales blocked and the customer routed to the seller's dispute process — the legal
 *     guarantee itself stands and is reported (seed 001);
 *  4. the legal guarantee of the country of sale, for a consumer, from delivery (not the order),
 *     with second-hand reductions only where the law allows them and extensions after a repair
 *     where the law grants them;
 *  5. else the brand's commercial warranty for the model, from delivery;
 *  6. else a service contract running at that date;
 *  7. else none.
 */
import { addMonths, daysBetween, isIsoDate } from './dates.ts';
import { type CountryLaw, DISPUTE_WINDOW_MONTHS, lawFor } from './law.ts';

export type UnitCondition = 'new' | 'refurbished' | 'second_hand';

export interface WarrantyFacts {
  /** The date the decision is for (YYYY-MM-DD, the brand's local date). */
  at: string;
  /** ISO 3166 alpha-2 of the country the unit was sold in. */
  countryOfSale: string;
  /** A consumer has the legal guarantee; a business buyer has what the contract and the brand give. */
  buyer: 'consumer' | 'business';
  condition: UnitCondition;
  /** When the order was placed or paid for — the legal clock does not start here. */
  purchasedOn: string | null;
  /** When the customer received it: the legal and commercial clocks start here. */
  deliveredOn: string | null;
  /** An invoice or receipt we hold and trust (validated by an agent when the customer uploaded it). */
  proofOfPurchase: boolean;
  /** The model's commercial warranty in months, null when the brand gives none. */
  commercialWarrantyMonths: number | null;
  /** Sold directly by the brand's own shop, or through a reseller (whose process comes first). */
  channel: 'direct' | 'reseller';
  /** The brand's own shorter period for second-hand goods, if its terms state one (months). */
  brandSecondHandMonths?: number | null;
  /** Repairs already done under the legal guarantee, with the date each was completed. */
  legalRepairs?: readonly { completedOn: string }[];
  /** A running service contract. */
  serviceContract?: { name: string; startsOn: string; endsOn: string } | null;
  payment?: { paidOn: string; provider: string | null; dispute: { openedOn: string; closedOn: string | null } | null } | null;
  /** A technician recorded misuse or accidental damage (a customer's own words never exclude). */
  misuseRecordedOn?: string | null;
}

export type WarrantyOutcome = (typeof WARRANTY_OUTCOMES)[number];

export const WARRANTY_RULES = [
  'missing_proof_of_purchase',
  'misuse_recorded',
  'payment_dispute_open',
  'legal_guarantee',
  'legal_guarantee_extended_after_repair',
  'legal_guarantee_second_hand_reduced',
  'commercial_warranty',
  'service_contract',
  'legal_guarantee_expired',
  'business_buyer_no_legal_guarantee',
  'no_law_for_country',
  'nothing_applies',
] as const;
export type WarrantyRule = (typeof WARRANTY_RULES)[number];

export const WARRANTY_OUTCOMES = ['legal_guarantee', 'commercial_warranty', 'service_contract', 'none', 'blocked', 'needs_information'] as const;
export interface Coverage {
  kind: 'legal_guarantee' | 'commercial_warranty' | 'service_contract';
  startsOn: string;
  endsOn: string;
  /** The article (or contract) that grants it. */
  article: string | null;
  /** Legal guarantee only: until when a defect is presumed to have existed at delivery. */
  presumptionEndsOn?: string | null;
  presumptionArticle?: string | null;
}

export interface WarrantyDecision {
  outcome: WarrantyOutcome;
  /** The rule that decided, and its article when a law decided. */
  rule: WarrantyRule;
  article: string | null;
  /** What covers the unit at `at` (null when nothing does, or information is missing). */
  coverage: Coverage | null;
  /**
   * Blocked only: the legal guarantee that still stands behind the block, and until when the block
   * lasts (six months after payment, or the dispute's closing).
   */
  standingLegalGuarantee?: Coverage | null;
  blockedUntil?: string | null;
  /** Every fact the decision used, for the explanation ("delivered 3 Mar 2025, 24 months…"). */
  explanation: { rule: WarrantyRule; params: Record<string, string | number | null> }[];
}

export class WarrantyFactsError extends Error {}

function check(f: WarrantyFacts): void {
  for (const [name, v] of [
    ['at', f.at],
    ['purchasedOn', f.purchasedOn],
    ['deliveredOn', f.deliveredOn],
    ['misuseRecordedOn', f.misuseRecordedOn ?? null],
  ] as const) {
    if (v !== null && !isIsoDate(v)) throw new WarrantyFactsError(`${name} must be a date YYYY-MM-DD, got ${v}`);
  }
}

/** The legal guarantee's coverage for these facts, or why there is none (no law, a business buyer). */
function legalCoverage(f: WarrantyFacts, law: CountryLaw, start: string): { coverage: Coverage; rule: WarrantyRule; params: Record<string, string | number | null> } {
  let months = law.legalMonths;
  let rule: WarrantyRule = 'legal_guarantee';
  let article = law.legalArticle;
  const params: Record<string, string | number | null> = { country: law.country, months, deliveredOn: start };
  // Second-hand: a brand's shorter period counts only where the law allows one, and never below its floor.
  if (f.condition === 'second_hand' && f.brandSecondHandMonths != null && law.secondHandMinMonths !== null && f.brandSecondHandMonths < months) {
    months = Math.max(f.brandSecondHandMonths, law.secondHandMinMonths);
    rule = 'legal_guarantee_second_hand_reduced';
    article = law.secondHandArticle ?? law.legalArticle;
    params.months = months;
    params.floorMonths = law.secondHandMinMonths;
  }
  let endsOn = addMonths(start, months);
  // A repair under the legal guarantee extends it where the law says so: each repair completed
  // while it ran adds the law's months to its end (FR L.217-13: six; the EU since 31 July 2026: twelve).
  if (law.repairExtensionMonths > 0 && law.repairExtensionFrom) {
    for (const r of [...(f.legalRepairs ?? [])].sort((a, b) => a.completedOn.localeCompare(b.completedOn))) {
      if (r.completedOn < law.repairExtensionFrom || r.completedOn < start || r.completedOn > endsOn) continue;
      endsOn = addMonths(endsOn, law.repairExtensionMonths);
      rule = 'legal_guarantee_extended_after_repair';
      article = law.repairExtensionArticle ?? article;
      params.repairedOn = r.completedOn;
      params.extensionMonths = law.repairExtensionMonths;
    }
  }
  const presumption = f.condition === 'second_hand' ? law.presumptionMonthsSecondHand : law.presumptionMonths;
  const presumptionEndsOn = addMonths(start, Math.min(presumption, months));
  params.endsOn = endsOn;
  params.presumptionEndsOn = presumptionEndsOn;
  return {
    coverage: { kind: 'legal_guarantee', startsOn: start, endsOn, article, presumptionEndsOn, presumptionArticle: law.presumptionArticle },
    rule,
    params,
  };
}

export function decideWarranty(f: WarrantyFacts): WarrantyDecision {
  check(f);
  const explanation: WarrantyDecision['explanation'] = [];
  // 1. The clock starts at delivery; without a trusted proof and a date, we must ask.
  const start = f.deliveredOn ?? f.purchasedOn;
  if (!f.proofOfPurchase || !start) {
    return {
      outcome: 'needs_information',
      rule: 'missing_proof_of_purchase',
      article: null,
      coverage: null,
      explanation: [{ rule: 'missing_proof_of_purchase', params: { hasProof: f.proofOfPurchase ? 1 : 0, hasDate: start ? 1 : 0 } }],
    };
  }
  // 2. Only a technician's finding of misuse excludes the defect.
  if (f.misuseRecordedOn && f.misuseRecordedOn <= f.at) {
    return { outcome: 'none', rule: 'misuse_recorded', article: null, coverage: null, explanation: [{ rule: 'misuse_recorded', params: { recordedOn: f.misuseRecordedOn } }] };
  }

  const law = f.buyer === 'consumer' ? lawFor(f.countryOfSale) : null;
  const legal = law ? legalCoverage(f, law, start) : null;
  const legalStands = legal !== null && f.at >= start && f.at <= legal.coverage.endsOn;

  // 3. An open dispute within six months of payment closes the direct channel, not the law.
  const dispute = f.payment?.dispute;
  if (f.channel === 'direct' && f.payment && dispute && dispute.openedOn <= f.at && (dispute.closedOn === null || dispute.closedOn > f.at)) {
    const windowEnds = addMonths(f.payment.paidOn, DISPUTE_WINDOW_MONTHS);
    if (f.at <= windowEnds) {
      const blockedUntil = dispute.closedOn && dispute.closedOn < windowEnds ? dispute.closedOn : windowEnds;
      return {
        outcome: 'blocked',
        rule: 'payment_dispute_open',
        article: null,
        coverage: null,
        standingLegalGuarantee: legalStands ? legal.coverage : null,
        blockedUntil,
        explanation: [
          { rule: 'payment_dispute_open', params: { paidOn: f.payment.paidOn, openedOn: dispute.openedOn, provider: f.payment.provider, blockedUntil, windowMonths: DISPUTE_WINDOW_MONTHS } },
          ...(legalStands ? [{ rule: legal.rule, params: legal.params }] : []),
        ],
      };
    }
  }

  // 4. The legal guarantee.
  if (legal && legalStands) {
    return { outcome: 'legal_guarantee', rule: legal.rule, article: legal.coverage.article, coverage: legal.coverage, explanation: [{ rule: legal.rule, params: legal.params }] };
  }
  if (legal) explanation.push({ rule: 'legal_guarantee_expired', params: { endedOn: legal.coverage.endsOn, country: legal.params.country ?? null } });
  else if (f.buyer === 'business') explanation.push({ rule: 'business_buyer_no_legal_guarantee', params: {} });
  else explanation.push({ rule: 'no_law_for_country', params: { country: f.countryOfSale } });

  // 5. The brand's commercial warranty, from delivery.
  if (f.commercialWarrantyMonths != null && f.commercialWarrantyMonths > 0) {
    const endsOn = addMonths(start, f.commercialWarrantyMonths);
    if (f.at >= start && f.at <= endsOn) {
      const coverage: Coverage = { kind: 'commercial_warranty', startsOn: start, endsOn, article: null };
      return {
        outcome: 'commercial_warranty',
        rule: 'commercial_warranty',
        article: null,
        coverage,
        explanation: [...explanation, { rule: 'commercial_warranty', params: { months: f.commercialWarrantyMonths, deliveredOn: start, endsOn } }],
      };
    }
  }

  // 6. A service contract running today.
  const contract = f.serviceContract;
  if (contract && contract.startsOn <= f.at && f.at <= contract.endsOn) {
    return {
      outcome: 'service_contract',
      rule: 'service_contract',
      article: null,
      coverage: { kind: 'service_contract', startsOn: contract.startsOn, endsOn: contract.endsOn, article: contract.name },
      explanation: [...explanation, { rule: 'service_contract', params: { name: contract.name, endsOn: contract.endsOn } }],
    };
  }

  // 7. Nothing applies.
  explanation.push({ rule: 'nothing_applies', params: { daysSinceDelivery: daysBetween(start, f.at) } });
  return { outcome: 'none', rule: explanation[0]!.rule, article: legal?.coverage.article ?? null, coverage: null, explanation };
}
