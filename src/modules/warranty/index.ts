export { decideWarranty, WARRANTY_OUTCOMES, WARRANTY_RULES, WarrantyFactsError, type Coverage, type UnitCondition, type WarrantyDecision, type WarrantyFacts, type WarrantyOutcome, type WarrantyRule } from './warranty-decision.ts';
export { COUNTRY_LAW, DISPUTE_WINDOW_MONTHS, LAW_COUNTRIES, lawFor, type CountryLaw, type LawCountry } from './law.ts';
export { addMonths, daysBetween, isIsoDate } from './dates.ts';
export { lawCheck, LAW_FINDINGS, type AfterSalesPolicy, type LawCheckFinding, type LawFinding } from './law-check.ts';
