/**
 * Consumer law per country of sale, as data (research/rma.md; SPEC §5 "the law comes first").
 * Each fact carries the article that states it, so a decision can say which rule decided.
 * Articles are cited as precisely as research/rma.md verified them; where it gives only the law
 * (RO, SE), only the law is named. RU's 45-day repair limit is a belief there ([B]), kept as such.
 * Periods are in months from delivery; a period ends on the same day number of its last month, or
 * on that month's last day when it has no such day (as French procedure counts délais, art. 641
 * CPC): delivered 29 Feb 2024, two years end on 28 Feb 2026.
 */
export const LAW_COUNTRIES = ['FR', 'RO', 'SE', 'RU', 'EU'] as const;
export type LawCountry = (typeof LAW_COUNTRIES)[number];

/** EU member states without their own table here fall back to the directive's minimum. */
const EU_MEMBERS = new Set(['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE']);

export interface CountryLaw {
  country: LawCountry;
  /** How long the seller answers for a lack of conformity, from delivery. */
  legalMonths: number;
  legalArticle: string;
  /** A defect appearing within this time is presumed to have existed at delivery (the seller must prove otherwise). */
  presumptionMonths: number;
  /** The same for second-hand goods, where the law shortens it. */
  presumptionMonthsSecondHand: number;
  presumptionArticle: string;
  /**
   * The shortest legal period a seller may agree for second-hand goods (null: the law allows no
   * reduction). A brand's shorter setting is refused down to this.
   */
  secondHandMinMonths: number | null;
  secondHandArticle: string | null;
  /** Months added to the legal period after a repair under it (from the repair's completion), and since when the rule applies. */
  repairExtensionMonths: number;
  repairExtensionFrom: string | null;
  repairExtensionArticle: string | null;
  /** The consumer, not the seller, chooses between repair and replacement. */
  consumerChoosesRemedy: boolean;
  remedyArticle: string;
  /** The longest a repair or replacement may take, in days (null: "a reasonable time"). */
  remedyMaxDays: number | null;
}

export const COUNTRY_LAW: Record<LawCountry, CountryLaw> = {
  FR: {
    country: 'FR',
    legalMonths: 24,
    legalArticle: 'Code de la consommation, art. L.217-3',
    presumptionMonths: 24,
    presumptionMonthsSecondHand: 12,
    presumptionArticle: 'Code de la consommation, art. L.217-7',
    secondHandMinMonths: null,
    secondHandArticle: null,
    repairExtensionMonths: 6,
    repairExtensionFrom: '2022-01-01',
    repairExtensionArticle: 'Code de la consommation, art. L.217-13',
    consumerChoosesRemedy: true,
    remedyArticle: 'Code de la consommation, art. L.217-9',
    remedyMaxDays: 30,
  },
  RO: {
    country: 'RO',
    legalMonths: 24,
    legalArticle: 'OUG 140/2021',
    presumptionMonths: 12,
    presumptionMonthsSecondHand: 12,
    presumptionArticle: 'OUG 140/2021',
    secondHandMinMonths: 12,
    secondHandArticle: 'OUG 140/2021 (Directive (EU) 2019/771, art. 10(6))',
    repairExtensionMonths: 0,
    repairExtensionFrom: null,
    repairExtensionArticle: null,
    consumerChoosesRemedy: true,
    remedyArticle: 'OUG 140/2021',
    remedyMaxDays: 15,
  },
  SE: {
    country: 'SE',
    legalMonths: 36,
    legalArticle: 'Konsumentköplagen (2022:260)',
    presumptionMonths: 24,
    presumptionMonthsSecondHand: 24,
    presumptionArticle: 'Konsumentköplagen (2022:260)',
    secondHandMinMonths: null,
    secondHandArticle: null,
    repairExtensionMonths: 0,
    repairExtensionFrom: null,
    repairExtensionArticle: null,
    consumerChoosesRemedy: true,
    remedyArticle: 'Konsumentköplagen (2022:260)',
    remedyMaxDays: null,
  },
  RU: {
    country: 'RU',
    legalMonths: 24,
    legalArticle: 'Закон РФ № 2300-1 «О защите прав потребителей», ст. 19 п. 1',
    presumptionMonths: 24,
    presumptionMonthsSecondHand: 24,
    presumptionArticle: 'Закон РФ № 2300-1, ст. 18',
    secondHandMinMonths: null,
    secondHandArticle: null,
    repairExtensionMonths: 0,
    repairExtensionFrom: null,
    repairExtensionArticle: null,
    consumerChoosesRemedy: true,
    remedyArticle: 'Закон РФ № 2300-1, ст. 18 п. 1',
    remedyMaxDays: 45,
  },
  EU: {
    country: 'EU',
    legalMonths: 24,
    legalArticle: 'Directive (EU) 2019/771, art. 10(1)',
    presumptionMonths: 12,
    presumptionMonthsSecondHand: 12,
    presumptionArticle: 'Directive (EU) 2019/771, art. 11(1)',
    secondHandMinMonths: 12,
    secondHandArticle: 'Directive (EU) 2019/771, art. 10(6)',
    repairExtensionMonths: 12,
    repairExtensionFrom: '2026-07-31',
    repairExtensionArticle: 'Directive (EU) 2019/771, art. 10(2a) (Directive (EU) 2024/1799)',
    consumerChoosesRemedy: true,
    remedyArticle: 'Directive (EU) 2019/771, art. 13(2)',
    remedyMaxDays: null,
  },
};

/** The table that applies to a country of sale (ISO 3166 alpha-2); null outside the EU and the countries above. */
export function lawFor(countryOfSale: string): CountryLaw | null {
  const c = countryOfSale.toUpperCase();
  if (c in COUNTRY_LAW && c !== 'EU') return COUNTRY_LAW[c as LawCountry];
  if (EU_MEMBERS.has(c)) return COUNTRY_LAW.EU;
  return null;
}

/** A payment dispute blocks direct after-sales within this window after payment (PayPal's 180-day dispute window, seed 001). */
export const DISPUTE_WINDOW_MONTHS = 6;
