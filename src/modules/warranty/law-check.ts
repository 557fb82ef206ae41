/**
 * The law check (issue 11, item 6; SPEC §5 "the law comes first"): every place where a brand's
 * after-sales settings conflict with the consumer law of a country it sells to, with the article
 * and the setting to change. Pure: settings and countries in, findings out. Apres applies the law
 * whatever the setting says (the warranty engine decides from the law); this tells the admin which
 * of their own rules the law overrides, so their pages and mails stop promising otherwise.
 */
import { COUNTRY_LAW, type CountryLaw, lawFor } from './law.ts';

export interface AfterSalesPolicy {
  /** Who picks between repair and replacement under the legal guarantee (seed 001: "le vendeur choisit la solution la moins onéreuse"). */
  remedyChosenBy: 'consumer' | 'seller';
  /** Whether a replacement under the legal guarantee may be refurbished. */
  refurbishedReplacement: 'never' | 'with_consent' | 'always';
  /** Who pays the return shipping of a unit covered by the legal guarantee. */
  returnShippingPaidBy: 'seller' | 'customer';
  /** A diagnostic fee, and whether it is charged even when the legal guarantee covers the defect. */
  diagnosticFeeCents: number | null;
  diagnosticFeeWithinLegalGuarantee: boolean;
  /** An open payment dispute closes the direct after-sales channel (allowed), or denies the legal guarantee (never allowed). */
  paymentDisputeBlocksAfterSales: boolean;
  paymentDisputeDeniesLegalGuarantee: boolean;
}

export const LAW_FINDINGS = ['seller_chooses_remedy', 'refurbished_without_consent', 'return_shipping_charged', 'diagnostic_fee_charged', 'dispute_denies_legal_guarantee'] as const;
export type LawFinding = (typeof LAW_FINDINGS)[number];

export interface LawCheckFinding {
  finding: LawFinding;
  country: string;
  /** The setting to change (a path in the brand's settings). */
  setting: string;
  article: string;
}

/** Since 31 July 2026 a refurbished replacement under the legal guarantee needs the consumer's request (Directive (EU) 2024/1799 amending art. 14(1)). */
const REFURBISHED_ARTICLE = 'Directive (EU) 2019/771, art. 14(1), as amended by Directive (EU) 2024/1799';
/** Repair and replacement under the legal guarantee are free of charge, shipping included. */
const FREE_OF_CHARGE = 'Directive (EU) 2019/771, art. 14(1)(a)';
const isEu = (law: CountryLaw) => law.country !== 'RU';

export function lawCheck(policy: AfterSalesPolicy, countriesOfSale: readonly string[], today: string): LawCheckFinding[] {
  const out: LawCheckFinding[] = [];
  for (const country of [...new Set(countriesOfSale.map((c) => c.toUpperCase()))]) {
    const law = lawFor(country);
    if (!law) continue;
    if (policy.remedyChosenBy === 'seller' && law.consumerChoosesRemedy) out.push({ finding: 'seller_chooses_remedy', country, setting: 'afterSales.remedyChosenBy', article: law.remedyArticle });
    if (policy.refurbishedReplacement === 'always' && isEu(law) && today >= '2026-07-31') out.push({ finding: 'refurbished_without_consent', country, setting: 'afterSales.refurbishedReplacement', article: REFURBISHED_ARTICLE });
    if (policy.returnShippingPaidBy === 'customer' && isEu(law)) out.push({ finding: 'return_shipping_charged', country, setting: 'afterSales.returnShippingPaidBy', article: FREE_OF_CHARGE });
    if (policy.diagnosticFeeCents && policy.diagnosticFeeWithinLegalGuarantee && isEu(law)) out.push({ finding: 'diagnostic_fee_charged', country, setting: 'afterSales.diagnosticFeeWithinLegalGuarantee', article: FREE_OF_CHARGE });
    if (policy.paymentDisputeDeniesLegalGuarantee) out.push({ finding: 'dispute_denies_legal_guarantee', country, setting: 'afterSales.paymentDisputeDeniesLegalGuarantee', article: law.legalArticle });
  }
  return out;
}

export { COUNTRY_LAW };
