import type { Db } from '../../../platform/db/database.ts';
import { translator } from '../../../platform/i18n/i18n.ts';
import type { EmailContext } from '../context/index.ts';
import { queueOutbound } from './outbound.service.ts';

/** A ticket and its requester, as a notice to the customer needs them. */
export function customerTicket(trx: Db, ticketId: string) {
  return trx
    .selectFrom('ticket as t')
    .innerJoin('brand as b', 'b.id', 't.brand_id')
    .innerJoin('app_user as r', 'r.id', 't.requester_id')
    .select(['t.id', 't.number', 't.subject', 't.priority', 't.brand_id', 'b.name as brand_name', 'b.time_zone', 'r.email', 'r.name as requester_name', 'r.locale'])
    .where('t.id', '=', ticketId)
    .executeTakeFirstOrThrow();
}
export type CustomerTicket = Awaited<ReturnType<typeof customerTicket>>;

/** A letter to a customer: greeting, body, the number to keep in replies, the brand's signature. */
export function letter(t: ReturnType<typeof translator>, name: string, body: string, number: string, brand: string): string {
  return [t('mail.greeting', { name }), '', body, '', t('mail.footer', { number }), '', '--', t('mail.signature', { brand })].join('\n');
}

/** Queues a notice to the ticket's requester, on its thread and in their language; answers the outbound message's id. */
export function queueCustomerNotice(trx: Db, ctx: Pick<EmailContext, 'jobs'>, tk: CustomerTicket, n: { at: Date; subject: string; body: string; automatic?: boolean }) {
  const t = translator(tk.locale);
  return queueOutbound(trx, ctx, {
    brandId: tk.brand_id,
    ticketId: tk.id,
    at: n.at,
    kind: 'notification',
    automatic: n.automatic ?? true,
    to: tk.email,
    subject: n.subject,
    text: letter(t, tk.requester_name, n.body, tk.number, tk.brand_name),
  });
}
