/**
 * Whether an on-site visit may be scheduled for a unit, and whether it is billable (seed 000: "le
 * technicien pourra intervenir sur site selon les conditions de garantie ou de contrat … moyennant
 * des frais supplémentaires" when the unit is out of them). Facts in, decision plus the rule that
 * decided out: no database, no clock, no language — pages and mails word the rule.
 *
 * Order of the rules:
 *  1. a payment dispute blocks the brand's direct after-sales (warranty outcome `blocked`, seed
 *     001): no visit, paid or not — the customer is sent to the dispute process;
 *  2. covered (legal guarantee, commercial warranty, service contract) and the customer's contract
 *     level is one the model lists for on-site service → free visit;
 *  3. covered but the contract does not include on-site → billable: the repair itself stays free
 *     under the guarantee through the workshop (a return), the visit is the extra service;
 *  4. nothing covers the unit → billable (seed 000's "frais supplémentaires");
 *  5. coverage unknown (proof of purchase missing) → billable until the proof is given.
 * A billable visit is scheduled only once the customer has accepted the charges.
 */
import { VISIT_RULES } from '../../shared/vocabulary.ts';
import type { BusinessCalendar, SkippedDay } from '../calendars/index.ts';

export { VISIT_RULES };
export type VisitRule = (typeof VISIT_RULES)[number];

/** The warranty decision's outcomes (warranty module), as this decision weighs them. */
export type VisitWarrantyOutcome = 'legal_guarantee' | 'commercial_warranty' | 'service_contract' | 'none' | 'blocked' | 'needs_information';

export interface VisitFacts {
  /** Today's warranty decision for the unit. */
  warrantyOutcome: VisitWarrantyOutcome;
  /** The coverage's kind when something covers the unit. */
  coverageKind: 'legal_guarantee' | 'commercial_warranty' | 'service_contract' | null;
  /** The customer's service-contract level (the ticket's, from their organisation's contract). */
  contractLevel: string;
  /** The contract levels the unit's model is serviced on site under (`product_model.onsite_contract_levels`). */
  onsiteContractLevels: readonly string[];
  /** The customer agreed to pay for the visit. */
  customerAcceptsCharges: boolean;
}

export type VisitDecision =
  | { allowed: true; billable: boolean; rule: VisitRule }
  /** `needsConsent`: the visit would be possible, billable, once the customer accepts the charges. */
  | { allowed: false; billable: boolean; rule: VisitRule; needsConsent: boolean };

/** The rule that applies to these facts, and whether it makes the visit billable. */
export function visitRule(f: Omit<VisitFacts, 'customerAcceptsCharges'>): { rule: VisitRule; billable: boolean } {
  if (f.warrantyOutcome === 'blocked') return { rule: 'direct_service_blocked', billable: false };
  if (f.warrantyOutcome === 'needs_information') return { rule: 'coverage_unknown', billable: true };
  if (f.warrantyOutcome === 'none' || f.coverageKind === null) return { rule: 'out_of_coverage', billable: true };
  if (f.onsiteContractLevels.includes(f.contractLevel)) return { rule: 'covered_onsite_contract', billable: false };
  return { rule: 'onsite_not_in_contract', billable: true };
}

export function decideVisit(f: VisitFacts): VisitDecision {
  const { rule, billable } = visitRule(f);
  if (rule === 'direct_service_blocked') return { allowed: false, billable, rule, needsConsent: false };
  if (billable && !f.customerAcceptsCharges) return { allowed: false, billable, rule, needsConsent: true };
  return { allowed: true, billable, rule };
}

export type WindowProblem =
  | { reason: 'end_before_start' }
  | { reason: 'in_the_past' }
  | { reason: 'too_long'; maxMinutes: number }
  /** Part of the window falls outside the brand's working time: nights, lunch break, a closed day. */
  | { reason: 'outside_working_time'; workingMinutes: number; windowMinutes: number; closedDays: SkippedDay[] };

export const MAX_WINDOW_MINUTES = 12 * 60;

/**
 * Whether [start, end) lies wholly within the brand's working time (seed 000: Mon–Fri 9:00–12:15 and
 * 13:30–18:00, French holidays off): every minute of it must be a working minute. No calendar: no
 * working-time limit (a brand that has not set one up).
 */
export function checkWindow(calendar: BusinessCalendar | null, start: Date, end: Date, now: Date): WindowProblem | null {
  if (end.getTime() <= start.getTime()) return { reason: 'end_before_start' };
  if (start.getTime() < now.getTime()) return { reason: 'in_the_past' };
  const windowMinutes = (end.getTime() - start.getTime()) / 60_000;
  if (windowMinutes > MAX_WINDOW_MINUTES) return { reason: 'too_long', maxMinutes: MAX_WINDOW_MINUTES };
  if (!calendar) return null;
  const { minutes, explanation } = calendar.workingMinutesBetween(start, end);
  if (minutes < windowMinutes) return { reason: 'outside_working_time', workingMinutes: minutes, windowMinutes, closedDays: explanation.skippedDays };
  return null;
}

/** Two windows overlap when each starts before the other ends (back-to-back windows do not). */
export function overlaps(a: { start: Date; end: Date }, b: { start: Date; end: Date }): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}
