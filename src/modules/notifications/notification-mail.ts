import type { Db } from '../../platform/db/database.ts';
import type { NotificationKind } from '../../platform/db/schema.ts';
import { formatDateTime, translator } from '../../platform/i18n/i18n.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { queueOutbound } from '../email/index.ts';

/**
 * An agent's notification by e-mail, in the agent's language, through the outbound path every
 * mail takes (recorded in the outbox, sent by the `mail.send` job enqueued in the caller's
 * transaction). Not threaded into the ticket: it is a note to the desk, not part of the
 * conversation with the customer, and must not count against the customer's mail limits.
 */
export async function queueNotificationMail(trx: Db, ctx: { jobs: JobQueue; publicUrl: string }, n: { userId: string; kind: NotificationKind; ticketId: string; actorId: string | null; at: Date }): Promise<void> {
  const row = await trx
    .selectFrom('ticket as t')
    .innerJoin('brand as b', 'b.id', 't.brand_id')
    .innerJoin('app_user as u', (j) => j.on('u.id', '=', n.userId))
    .leftJoin('app_user as a', (j) => j.on('a.id', '=', n.actorId))
    .select(['t.id', 't.number', 't.subject', 't.brand_id', 't.sla_due_at', 'b.name as brand_name', 'b.time_zone', 'u.email', 'u.name', 'u.locale', 'u.active', 'a.name as actor_name'])
    .where('t.id', '=', n.ticketId)
    .executeTakeFirst();
  if (!row || !row.active) return;
  const t = translator(row.locale);
  const vars = {
    number: row.number,
    subject: row.subject,
    actor: row.actor_name ?? t('notificationMail.someone'),
    dueAt: row.sla_due_at ? formatDateTime(row.sla_due_at, row.locale, row.time_zone) : '',
    link: `${ctx.publicUrl.replace(/\/$/, '')}/agent/tickets/${row.id}`,
  };
  await queueOutbound(trx, { jobs: ctx.jobs }, {
    brandId: row.brand_id,
    ticketId: null,
    at: n.at,
    kind: 'notification',
    automatic: true,
    to: row.email,
    subject: t(`notificationMail.${n.kind}.subject`, vars),
    text: [t('mail.greeting', { name: row.name }), '', t(`notificationMail.${n.kind}.body`, vars), '', vars.link, '', '--', t('notificationMail.footer', { brand: row.brand_name })].join('\n'),
  });
}
