import type { Db } from '../../../platform/db/database.ts';
import { localised, translator } from '../../../platform/i18n/i18n.ts';
import type { ReturnChange, ReturnNotifier } from '../../returns/index.ts';
import type { EmailContext } from '../context/index.ts';
import { customerTicket, queueCustomerNotice } from './customer-notice.ts';

/**
 * The customer's mail for each step of a return that concerns them, in their language, on the
 * ticket's thread: authorised (print the label), refused or cancelled (with the reason), on hold
 * (what is missing, by the model's own names), received, shipped back (carrier and tracking),
 * and a parcel refused at the counter (why).
 */
export function returnMail(ctx: Pick<EmailContext, 'jobs'>): ReturnNotifier {
  return {
    async changed(trx: Db, c: ReturnChange) {
      const tk = await customerTicket(trx, c.ticketId);
      const t = translator(tk.locale);
      const missing = (c.missing ?? []).map((m) => `- ${m.serial}: ${m.accessories.map((a) => localised(a.name, tk.locale, a.key)).join(', ')}`).join('\n');
      const vars = { number: tk.number, subject: tk.subject, reason: c.reason ?? '', missing, carrier: c.outbound?.carrier ?? '', tracking: c.outbound?.trackingNumber ?? '—' };
      await queueCustomerNotice(trx, ctx, tk, { at: c.at, subject: t(`rmaMail.${c.what}.subject`, vars), body: t(`rmaMail.${c.what}.body`, vars) });
    },
  };
}
