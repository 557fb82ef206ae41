import type { Db } from '../../../platform/db/database.ts';
import { dateParts, formatDateTime, translator } from '../../../platform/i18n/i18n.ts';
import type { SlaAlert, SlaNotifier } from '../../sla/index.ts';
import type { EmailContext } from '../context/index.ts';
import { queueOutbound } from './outbound.service.ts';
import { customerTicket, queueCustomerNotice } from './customer-notice.ts';
import { wordMail } from '../templates/index.ts';

function duration(t: ReturnType<typeof translator>, minutes: number): string {
  return t('sla.duration', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

/**
 * The e-mail side of service levels: warnings and breaches to the desk (in each recipient's own
 * language, times in the brand's zone), and the customer's notice of a new planned resolution
 * date with seed 003's reason, in the customer's language.
 */
export function slaMail(ctx: Pick<EmailContext, 'jobs'>): SlaNotifier {
  const alert = async (trx: Db, a: SlaAlert, key: 'warning' | 'breach') => {
    const tk = await customerTicket(trx, a.ticketId);
    for (const r of a.recipients) {
      const t = translator(r.locale);
      const vars = { number: tk.number, subject: tk.subject, kind: t(`sla.kind.${a.kind}`), dueAt: formatDateTime(a.dueAt, r.locale, tk.time_zone), left: duration(t, a.workingMinutesLeft), priority: tk.priority };
      await queueOutbound(trx, ctx, {
        brandId: tk.brand_id,
        ticketId: tk.id,
        at: a.at,
        kind: 'notification',
        automatic: true,
        to: r.email,
        subject: t(`sla.${key}.subject`, vars),
        text: [t('mail.greeting', { name: r.name }), '', t(`sla.${key}.body`, vars), '', '--', t('mail.signature', { brand: tk.brand_name })].join('\n'),
      });
    }
  };
  return {
    warning: (trx, a) => alert(trx, a, 'warning'),
    breached: (trx, a) => alert(trx, a, 'breach'),
    async scheduleChanged(trx, c) {
      const tk = await customerTicket(trx, c.ticketId);
      const t = translator(tk.locale);
      const vars = { number: tk.number, subject: tk.subject, ...dateParts(c.plannedResolutionAt, tk.locale, tk.time_zone), reason: t(`sla.reason.${c.reason}`) };
      const wording = await wordMail(trx, tk.brand_id, 'schedule_change', tk.locale, vars);
      return queueCustomerNotice(trx, ctx, tk, { at: c.at, ...wording, automatic: false });
    },
  };
}
