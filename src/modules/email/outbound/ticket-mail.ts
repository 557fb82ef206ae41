import type { Db } from '../../../platform/db/database.ts';
import { formatDateTime, translator } from '../../../platform/i18n/i18n.ts';
import type { PasswordResetMailer } from '../../auth/index.ts';
import type { TicketEvents } from '../../tickets/index.ts';
import type { EmailContext } from '../context/index.ts';
import { letter } from './customer-notice.ts';
import { outboundContextSql, toOutboundContext } from './outbound.queries.ts';
import { capsSince, queueOutbound } from './outbound.service.ts';
import { wordMailWith } from '../templates/index.ts';
import { LOCALES } from '../../../shared/vocabulary.ts';
import { sql } from 'kysely';

const AGENT_LOGGED = new Set(['phone', 'fax', 'postal', 'onsite']);

function loadTicketForMail(trx: Db, ticketId: string) {
  return trx
    .selectFrom('ticket as t')
    .innerJoin('brand as b', 'b.id', 't.brand_id')
    .innerJoin('app_user as r', 'r.id', 't.requester_id')
    .select(['t.id', 't.number', 't.subject', 't.channel', 't.created_at', 't.brand_id', 'b.name as brand_name', 'b.time_zone', 'r.email', 'r.name as requester_name', 'r.locale'])
    .where('t.id', '=', ticketId);
}


/**
 * The e-mail side of ticket events: every new ticket is acknowledged in the requester's language
 * with its number (seed 002, 003); a request an agent logged from the phone, fax, post or a visit
 * asks the customer to confirm it by replying (seed 000); agent replies go out by mail.
 */
export function ticketMail(ctx: Pick<EmailContext, 'jobs'>): TicketEvents {
  return {
    async ticketCreated(trx, ticketId, at) {
      // The ticket, its requester and the brand's wording of this mail in their language: one read.
      const tk = await loadTicketForMail(trx, ticketId)
        .select(sql<{ subject: string; body: string } | null>`(select jsonb_build_object('subject', mt.subject, 'body', mt.body) from mail_template mt
          where mt.brand_id = t.brand_id
            and mt.template = case when t.channel in (${sql.join([...AGENT_LOGGED])}) then 'confirmation_request' else 'acknowledgment' end
            and mt.locale = case when r.locale in (${sql.join([...LOCALES])}) then r.locale else 'en' end)`.as('wording'))
        // …and what queueing the mail needs (mailbox, threading, the automatic mail's caps).
        .select(outboundContextSql({ brandId: sql`t.brand_id`, ticketId: sql`t.id`, to: sql`r.email`, since: sql`${capsSince({ at, automatic: true })}::timestamptz` }).as('context'))
        .executeTakeFirstOrThrow();
      const t = translator(tk.locale);
      const receivedAt = formatDateTime(tk.created_at, tk.locale, tk.time_zone);
      const confirm = AGENT_LOGGED.has(tk.channel);
      const vars = { number: tk.number, subject: tk.subject, receivedAt, channel: t(`mail.channel.${tk.channel}`) };
      const wording = wordMailWith(confirm ? 'confirmation_request' : 'acknowledgment', tk.locale, vars, tk.wording);
      await queueOutbound(trx, ctx, {
        brandId: tk.brand_id,
        ticketId: tk.id,
        at,
        kind: confirm ? 'confirmation_request' : 'acknowledgment',
        automatic: true,
        to: tk.email,
        subject: wording.subject,
        text: letter(t, tk.requester_name, wording.body, tk.number, tk.brand_name),
      }, toOutboundContext(tk.context));
    },
    async agentReplied(trx, ticketId, entryId, at) {
      // The ticket, its requester, the reply with its files and what queueing the mail needs: one read.
      const tk = await loadTicketForMail(trx, ticketId)
        .select(sql<string>`(select e.body from ticket_entry e where e.id = ${entryId}::uuid)`.as('body'))
        .select(sql<string[]>`array(select a.id from attachment a where a.entry_id = ${entryId}::uuid order by a.id)`.as('attachment_ids'))
        .select(outboundContextSql({ brandId: sql`t.brand_id`, ticketId: sql`t.id`, to: sql`r.email`, since: sql`null::timestamptz` }).as('context'))
        .executeTakeFirstOrThrow();
      const t = translator(tk.locale);
      await queueOutbound(trx, ctx, {
        brandId: tk.brand_id,
        ticketId: tk.id,
        entryId,
        at,
        kind: 'reply',
        automatic: false,
        to: tk.email,
        subject: t('mail.replySubject', { number: tk.number, subject: tk.subject }),
        text: `${tk.body}\n\n--\n${t('mail.footer', { number: tk.number })}`,
        attachmentIds: tk.attachment_ids,
      }, toOutboundContext(tk.context));
    },
  };
}

/**
 * The password-reset link, in the user's language, from the support address of one of their
 * brands (the first by name): an automatic mail, so the hourly caps apply.
 */
export function passwordResetMail(ctx: Pick<EmailContext, 'jobs'>): PasswordResetMailer {
  return {
    async resetLink(trx, m) {
      const user = await trx
        .selectFrom('app_user as u')
        .innerJoin('user_brand as ub', 'ub.user_id', 'u.id')
        .innerJoin('brand as b', 'b.id', 'ub.brand_id')
        .select(['u.email', 'u.name', 'u.locale', 'b.id as brand_id', 'b.name as brand_name', 'b.time_zone'])
        .where('u.id', '=', m.userId)
        .orderBy('b.name')
        .executeTakeFirst();
      // An account of no brand has no address to be written from; it is reset by an admin.
      if (!user) return;
      const t = translator(user.locale);
      const vars = { link: m.link, expiresAt: formatDateTime(m.expiresAt, user.locale, user.time_zone), brand: user.brand_name };
      await queueOutbound(trx, ctx, {
        brandId: user.brand_id,
        ticketId: null,
        at: m.at,
        kind: 'notification',
        automatic: true,
        to: user.email,
        subject: t('mail.reset.subject', vars),
        text: [t('mail.greeting', { name: user.name }), '', t('mail.reset.body', vars), '', '--', t('mail.signature', { brand: user.brand_name })].join('\n'),
      });
    },
  };
}
