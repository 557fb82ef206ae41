/**
 * The remedy decision for a diagnosed unit (issue 13, SPEC §6): facts in, one decision out — repair,
 * replace (new or refurbished), propose an exchange, quote, offer another unit, or (the law's last
 * resort) a price reduction or refund — with the rule that decided it, its article, and the
 * brand's house rules the law set aside. Pure: no database, no clock, no language; the pages and
 * mails word the rule in each language.
 *
 * Order of the rules, the law first (research/rma.md, "Law vs the seeds"):
 *  1. damage the technician found (misuse) is not covered: quote, or offer another unit;
 *  2. out of coverage: quote when repairable, else offer a new or second-hand unit (seed 004);
 *  3. legal guarantee, defective on arrival and unused: an exchange proposed, the customer chooses (seed 001);
 *  4. legal guarantee: the consumer's choice between repair and replacement is honoured unless it
 *     is impossible or disproportionate (Dir. 2019/771 art. 13(2)), which the decision says; with
 *     no choice made, the brand's default is only a proposal; both impossible → price reduction or
 *     refund (art. 13(4)); a refurbished replacement only with the consumer's consent (art. 14(1)
 *     as amended by Dir. 2024/1799); free of charge;
 *  5. commercial warranty or service contract: the brand's terms — repair, else replace
 *     (refurbished allowed unless the brand says never); free of charge.
 */
import { lawFor } from '../warranty/index.ts';

export const REMEDIES = ['repair', 'replace', 'exchange_offer', 'quote', 'end_of_life_offer', 'price_reduction_or_refund'] as const;
export type Remedy = (typeof REMEDIES)[number];

export const REMEDY_RULES = [
  'damage_not_covered',
  'out_of_coverage_repairable',
  'out_of_coverage_unrepairable',
  'end_of_life',
  'defective_on_arrival',
  'customer_choice',
  'choice_impossible',
  'choice_disproportionate',
  'seller_proposal',
  'repair_by_default',
  'repair_impossible',
  'no_remedy_possible',
  'commercial_repair',
  'commercial_replacement',
] as const;
export type RemedyRule = (typeof REMEDY_RULES)[number];

export type RemedyCoverage = 'legal_guarantee' | 'commercial_warranty' | 'service_contract' | 'none';

export interface RemedyFacts {
  coverage: RemedyCoverage;
  /** Country of sale: whose law words the article. */
  countryOfSale: string;
  repairable: boolean;
  /** The technician found misuse or accidental damage. */
  customerDamage: boolean;
  /** The model is end of life: no new unit of it can be sourced beyond stock. */
  endOfLife: boolean;
  daysSinceDelivery: number | null;
  /** The customer states it unused and the technician saw nothing to the contrary. */
  unused: boolean;
  customerChoice: 'repair' | 'replacement' | null;
  refurbishedConsent: boolean;
  /** What each remedy would cost the seller, when known (minor units, one currency). */
  repairCostCents: number | null;
  replacementCostCents: number | null;
  stock: { new: number; refurbished: number };
  policy: {
    remedyChosenBy: 'consumer' | 'seller';
    refurbishedReplacement: 'never' | 'with_consent' | 'always';
    /** Days after delivery within which an unused unit found defective is exchanged (seed 001). */
    defectiveOnArrivalDays: number;
    /** A remedy costing more than this many times the other is disproportionate (art. 13(2)). */
    disproportionateRatio: number;
  };
}

export interface RemedyDecision {
  remedy: Remedy;
  /** A replacement's condition; for an exchange offer, the unit proposed. */
  replacementCondition: 'new' | 'refurbished' | null;
  /** Whether the customer pays (a quote or an offer); never inside a legal remedy. */
  billable: boolean;
  rule: RemedyRule;
  article: string | null;
  params: Record<string, string | number | boolean>;
  /** The brand's house rules that the law set aside here, each with the rule of law that did. */
  overridden: { setting: string; law: string }[];
}

type Choice = 'repair' | 'replacement';

/** Decides the remedy. Throws nothing: every combination of facts has an answer. */
export function decideRemedy(f: RemedyFacts): RemedyDecision {
  const law = lawFor(f.countryOfSale);
  const base = { overridden: [] as RemedyDecision['overridden'], params: {} as RemedyDecision['params'] };

  if (f.customerDamage) {
    return { ...base, remedy: f.repairable && !f.endOfLife ? 'quote' : 'end_of_life_offer', replacementCondition: null, billable: true, rule: 'damage_not_covered', article: null };
  }
  if (f.coverage === 'none') {
    if (f.endOfLife) return { ...base, remedy: 'end_of_life_offer', replacementCondition: null, billable: true, rule: 'end_of_life', article: null };
    if (!f.repairable) return { ...base, remedy: 'end_of_life_offer', replacementCondition: null, billable: true, rule: 'out_of_coverage_unrepairable', article: null };
    return { ...base, remedy: 'quote', replacementCondition: null, billable: true, rule: 'out_of_coverage_repairable', article: null };
  }

  if (f.coverage === 'legal_guarantee') {
    const article = law?.remedyArticle ?? 'Directive (EU) 2019/771, art. 13';
    const overridden: RemedyDecision['overridden'] = [];
    if (f.policy.refurbishedReplacement === 'always') overridden.push({ setting: 'afterSales.refurbishedReplacement', law: 'Directive (EU) 2019/771, art. 14(1), as amended by Directive (EU) 2024/1799' });
    // A refurbished unit only at the consumer's request (then it is what they asked for); else a new one when it can be had.
    const refurbishedOk = f.refurbishedConsent && f.policy.refurbishedReplacement !== 'never' && f.stock.refurbished > 0;
    const newOk = f.stock.new > 0 || !f.endOfLife;
    const replacementCondition = refurbishedOk ? 'refurbished' : newOk ? 'new' : null;
    const possible: Record<Choice, boolean> = { repair: f.repairable, replacement: replacementCondition !== null };
    const decide = (choice: Choice, rule: RemedyRule, params: RemedyDecision['params'] = {}): RemedyDecision => ({
      remedy: choice === 'repair' ? 'repair' : 'replace',
      replacementCondition: choice === 'replacement' ? replacementCondition : null,
      billable: false,
      rule,
      article,
      params,
      overridden,
    });

    if (!possible.repair && !possible.replacement) {
      return { remedy: 'price_reduction_or_refund', replacementCondition: null, billable: false, rule: 'no_remedy_possible', article: 'Directive (EU) 2019/771, art. 13(4)', params: {}, overridden };
    }
    const onArrival = f.daysSinceDelivery !== null && f.daysSinceDelivery <= f.policy.defectiveOnArrivalDays && f.unused && possible.replacement;
    if (f.customerChoice === null && onArrival) {
      return { remedy: 'exchange_offer', replacementCondition, billable: false, rule: 'defective_on_arrival', article, params: { days: f.daysSinceDelivery!, within: f.policy.defectiveOnArrivalDays }, overridden };
    }
    const other = (c: Choice): Choice => (c === 'repair' ? 'replacement' : 'repair');
    const cost = (c: Choice) => (c === 'repair' ? f.repairCostCents : f.replacementCostCents);
    const disproportionate = (c: Choice) => {
      const mine = cost(c);
      const theirs = cost(other(c));
      return possible[other(c)] && mine !== null && theirs !== null && mine > theirs * f.policy.disproportionateRatio;
    };
    if (f.customerChoice) {
      if (f.policy.remedyChosenBy === 'seller' && (law?.consumerChoosesRemedy ?? true)) overridden.push({ setting: 'afterSales.remedyChosenBy', law: article });
      const chosen = f.customerChoice;
      if (!possible[chosen]) return decide(other(chosen), 'choice_impossible', { chosen });
      // The exchange the seller itself proposes for a unit faulty on arrival is never disproportionate to it.
      if (onArrival && chosen === 'replacement') return decide('replacement', 'customer_choice', { chosen });
      if (disproportionate(chosen)) return decide(other(chosen), 'choice_disproportionate', { chosen, chosenCostCents: cost(chosen)!, otherCostCents: cost(other(chosen))!, ratio: f.policy.disproportionateRatio });
      return decide(chosen, 'customer_choice', { chosen });
    }
    if (f.policy.remedyChosenBy === 'seller' && possible.repair && possible.replacement && f.repairCostCents !== null && f.replacementCostCents !== null) {
      // The seller's "cheaper one" is only a proposal: the consumer may still choose.
      const cheaper: Choice = f.replacementCostCents < f.repairCostCents ? 'replacement' : 'repair';
      return decide(cheaper, 'seller_proposal', { repairCostCents: f.repairCostCents, replacementCostCents: f.replacementCostCents });
    }
    return possible.repair ? decide('repair', 'repair_by_default') : decide('replacement', 'repair_impossible');
  }

  // Commercial warranty or service contract: the brand's own terms.
  if (f.repairable) return { ...base, remedy: 'repair', replacementCondition: null, billable: false, rule: 'commercial_repair', article: null };
  const condition = f.policy.refurbishedReplacement !== 'never' && f.stock.refurbished > 0 ? 'refurbished' : f.stock.new > 0 || !f.endOfLife ? 'new' : null;
  if (condition === null) return { ...base, remedy: 'end_of_life_offer', replacementCondition: null, billable: true, rule: 'end_of_life', article: null };
  return { ...base, remedy: 'replace', replacementCondition: condition, billable: false, rule: 'commercial_replacement', article: null };
}
