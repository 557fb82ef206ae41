import type { Db } from '../../../platform/db/database.ts';
import { localised, translator } from '../../../platform/i18n/i18n.ts';
import type { ReturnChange, ReturnNotifier } from '../../returns/index.ts';
import type { EmailContext } from '../context/index.ts';
import { queueOutbound } from './outbound.service.ts';

/**
 * The customer's mail for each step of a return that concerns them, in their language, on the
 * ticket's thread: authorised (print the label), refused or cancelled (with the reason), on hold
 * (what is missing, by the model's own names), received, shipped back (carrier and tracking),
 * and a parcel refused at the counter (why).
 */
export function returnMail(ctx: Pick<EmailContext, 'jobs'>): ReturnNotifier {
  return {
    async changed(trx: Db, c: ReturnChange) {
      const tk = await trx
        .selectFrom('ticket as t')
        .innerJoin('brand as b', 'b.id', 't.brand_id')
        .innerJoin('app_user as r', 'r.id', 't.requester_id')
        .select(['t.id', 't.number', 't.subject', 't.brand_id', 'b.name as brand_name', 'r.email', 'r.name as requester_name', 'r.locale'])
        .where('t.id', '=', c.ticketId)
        .executeTakeFirstOrThrow();
      const t = translator(tk.locale);
      const missing = (c.missing ?? []).map((m) => `- ${m.serial}: ${m.accessories.map((a) => localised(a.name, tk.locale, a.key)).join(', ')}`).join('\n');
      const vars = { number: tk.number, subject: tk.subject, reason: c.reason ?? '', missing, carrier: c.outbound?.carrier ?? '', tracking: c.outbound?.trackingNumber ?? '—' };
      await queueOutbound(trx, ctx, {
        brandId: tk.brand_id,
        ticketId: tk.id,
        at: c.at,
        kind: 'notification',
        automatic: true,
        to: tk.email,
        subject: t(`rmaMail.${c.what}.subject`, vars),
        text: [t('mail.greeting', { name: tk.requester_name }), '', t(`rmaMail.${c.what}.body`, vars), '', t('mail.footer', { number: tk.number }), '', '--', t('mail.signature', { brand: tk.brand_name })].join('\n'),
      });
    },
  };
}
