import type { TFunction } from 'i18next';
import type { ResponseOf, Locale } from '../../api/types';
import { formatPlainDate } from '../../i18n';

export type Warranty = ResponseOf<'/api/v1/units/{id}/warranty', 'get'>;
type Step = Warranty['explanation'][number];

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/**
 * The decision's explanation as sentences in the reader's language (issue 11: "the rule and the
 * article that decided, in the customer's language and in the agent's"): each step of the
 * engine's explanation is one sentence, dates in the reader's words, periods with the right plural.
 */
export function explainWarranty(t: TFunction, w: Warranty, locale: Locale): string[] {
  const date = (v: unknown) => (str(v) ? formatPlainDate(str(v), locale) : '');
  const months = (n: number) => t('warranty.months', { count: n });
  const sentence = (s: Step): string => {
    const p = s.params;
    switch (s.rule) {
      case 'legal_guarantee':
        return t('warranty.rule.legal_guarantee', { period: months(num(p.months)), deliveredOn: date(p.deliveredOn), endsOn: date(p.endsOn) });
      case 'legal_guarantee_extended_after_repair':
        return t('warranty.rule.legal_guarantee_extended_after_repair', { extension: months(num(p.extensionMonths)), repairedOn: date(p.repairedOn), endsOn: date(p.endsOn) });
      case 'legal_guarantee_second_hand_reduced':
        return t('warranty.rule.legal_guarantee_second_hand_reduced', { period: months(num(p.months)), endsOn: date(p.endsOn) });
      case 'commercial_warranty':
        return t('warranty.rule.commercial_warranty', { period: months(num(p.months)), deliveredOn: date(p.deliveredOn), endsOn: date(p.endsOn) });
      case 'service_contract':
        return t('warranty.rule.service_contract', { name: str(p.name), endsOn: date(p.endsOn) });
      case 'payment_dispute_open':
        return t('warranty.rule.payment_dispute_open', { provider: str(p.provider) || '—', openedOn: date(p.openedOn), blockedUntil: date(p.blockedUntil) });
      case 'legal_guarantee_expired':
        return t('warranty.rule.legal_guarantee_expired', { endedOn: date(p.endedOn) });
      case 'business_buyer_no_legal_guarantee':
        return t('warranty.rule.business_buyer_no_legal_guarantee');
      case 'no_law_for_country':
        return t('warranty.rule.no_law_for_country', { country: str(p.country) });
      case 'missing_proof_of_purchase':
        return t('warranty.rule.missing_proof_of_purchase');
      case 'misuse_recorded':
        return t('warranty.rule.misuse_recorded', { recordedOn: date(p.recordedOn) });
      case 'nothing_applies':
        return t('warranty.rule.nothing_applies', { span: t('warranty.days', { count: num(p.daysSinceDelivery) }) });
    }
  };
  const out = w.explanation.map(sentence);
  const legal = w.coverage?.kind === 'legal_guarantee' ? w.coverage : w.standingLegalGuarantee;
  if (legal?.presumptionEndsOn) out.push(t('warranty.rule.presumption', { date: date(legal.presumptionEndsOn) }));
  if (w.article) out.push(t('warranty.article', { article: w.article }));
  return out;
}

export const OUTCOME_COLOR: Record<Warranty['outcome'], string> = {
  legal_guarantee: 'teal',
  commercial_warranty: 'blue',
  service_contract: 'indigo',
  none: 'gray',
  blocked: 'orange',
  needs_information: 'yellow',
};
