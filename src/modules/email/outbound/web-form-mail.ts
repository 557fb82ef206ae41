import { formatDateTime, translator } from '../../../platform/i18n/i18n.ts';
import type { WebFormMailer } from '../../web-forms/index.ts';
import type { EmailContext } from '../context/index.ts';
import { customerTicket, letter } from './customer-notice.ts';
import { queueOutbound } from './outbound.service.ts';

/**
 * The acknowledgment of a request sent through a brand's public web form (issue 14, item 7): the
 * number, what was received, and the link to follow it — with a password to choose first when the
 * requester has none. Sending it accepts the ticket, like every acknowledgment (seed 003: the
 * request counts as accepted once the customer got the confirmation).
 */
export function webFormMail(ctx: Pick<EmailContext, 'jobs'>): WebFormMailer {
  return {
    async confirmation(trx, m) {
      const tk = await customerTicket(trx, m.ticketId);
      const t = translator(tk.locale);
      const created = await trx.selectFrom('ticket').select('created_at').where('id', '=', tk.id).executeTakeFirstOrThrow();
      const vars = { number: tk.number, subject: tk.subject, receivedAt: formatDateTime(created.created_at, tk.locale, tk.time_zone) };
      const follow = m.setsPassword
        ? t('webFormMail.setPassword', { link: m.link, expiresAt: m.expiresAt ? formatDateTime(m.expiresAt, tk.locale, tk.time_zone) : '' })
        : t('webFormMail.follow', { link: m.link });
      const id = await queueOutbound(trx, ctx, {
        brandId: tk.brand_id,
        ticketId: tk.id,
        at: m.at,
        kind: 'acknowledgment',
        automatic: true,
        to: tk.email,
        subject: t('mail.ack.subject', vars),
        text: letter(t, tk.requester_name, `${t('mail.ack.body', vars)}\n\n${follow}`, tk.number, tk.brand_name),
      });
      const row = await trx.selectFrom('outbound_message').select('status').where('id', '=', id).executeTakeFirstOrThrow();
      return row.status === 'held' ? 'held' : row.status === 'suppressed' ? 'suppressed' : 'queued';
    },
  };
}
