import type { Db } from '../../../platform/db/database.ts';
import { translator } from '../../../platform/i18n/i18n.ts';
import { formatMoney, type WorkshopChange, type WorkshopNotifier } from '../../workshop/index.ts';
import type { EmailContext } from '../context/index.ts';
import { customerTicket, queueCustomerNotice } from './customer-notice.ts';
import { wordMail } from '../templates/index.ts';

/**
 * The customer's mail for each step of a repair that concerns them, in their language, on the
 * ticket's thread: the remedy decided and the rule that decided it; a quote or an offer with its
 * total, validity and signed links (and "reply accept or refuse"); the answer taken; the fee
 * invoiced after a refusal; the replacement shipped; the repair done.
 */
export function workshopMail(ctx: Pick<EmailContext, 'jobs'>): WorkshopNotifier {
  return {
    async changed(trx: Db, c: WorkshopChange) {
      const tk = await customerTicket(trx, c.ticketId);
      const t = translator(tk.locale);
      const vars: Record<string, string> = { number: tk.number, serial: c.serial };
      let body: string;
      let subject = t(`workshopMail.${c.what}.subject`, vars);
      if (c.what === 'remedy' && c.remedy) {
        const condition = c.remedy.replacementCondition ? t(`workshopMail.condition.${c.remedy.replacementCondition}`) : '';
        body = [t(`workshopMail.remedy.${c.remedy.remedy}`, { ...vars, condition }), t(`workshopMail.rule.${c.remedy.rule}`), c.remedy.article ? t('workshopMail.article', { article: c.remedy.article }) : ''].filter(Boolean).join('\n\n');
      } else if ((c.what === 'quote' || c.what === 'offer') && c.quote) {
        const q = { ...vars, quote: c.quote.number, total: formatMoney(c.quote.totalCents, c.quote.currency, tk.locale), validUntil: new Intl.DateTimeFormat(tk.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${c.quote.validUntil}T12:00:00Z`)) };
        const fee = c.quote.refusalFeeCents ? t('workshopMail.feeNotice', { fee: formatMoney(c.quote.refusalFeeCents, c.quote.currency, tk.locale) }) : null;
        // A quote is worded by the brand when it chose to; an offer (a remedy at no cost) is not a template.
        const wording = c.what === 'quote' ? await wordMail(trx, tk.brand_id, 'quote', tk.locale, q) : { subject, body: t(`workshopMail.${c.what}.body`, q) };
        subject = wording.subject;
        body = [wording.body, ...(fee ? [fee] : []), `${t('workshopMail.acceptLink')}\n${c.quote.acceptUrl}`, `${t('workshopMail.refuseLink')}\n${c.quote.refuseUrl}`, t('workshopMail.replyHint')].join('\n\n');
      } else if (c.what === 'quote_refused' && c.fee) {
        body = t('workshopMail.fee', { ...vars, invoice: c.fee.number, total: formatMoney(c.fee.totalCents, c.fee.currency, tk.locale) });
      } else {
        body = t(`workshopMail.${c.what}.body`, vars);
      }
      await queueCustomerNotice(trx, ctx, tk, { at: c.at, subject, body });
    },
  };
}
