import { formatDateTime, translator } from '../../../platform/i18n/i18n.ts';
import type { InvitationMailer } from '../../auth/index.ts';
import type { EmailContext } from '../context/index.ts';
import { queueOutbound } from './outbound.service.ts';

/**
 * An admin's invitation (issue 14, item 6): a link to choose a password, in the invitee's language,
 * from the support address of the brand chosen by the caller. An ordinary, not automatic, mail: an
 * admin asked for it, so the automatic mails' hourly caps do not hold it back.
 */
export function invitationMail(ctx: Pick<EmailContext, 'jobs'>): InvitationMailer {
  return {
    async invitation(trx, m) {
      const user = await trx.selectFrom('app_user').select(['email', 'name', 'locale']).where('id', '=', m.userId).executeTakeFirstOrThrow();
      const brand = await trx.selectFrom('brand').select(['name', 'time_zone']).where('id', '=', m.brandId).executeTakeFirstOrThrow();
      const t = translator(user.locale);
      const vars = { link: m.link, expiresAt: formatDateTime(m.expiresAt, user.locale, brand.time_zone), brand: brand.name, inviter: m.invitedBy };
      await queueOutbound(trx, ctx, {
        brandId: m.brandId,
        ticketId: null,
        at: m.at,
        kind: 'notification',
        automatic: false,
        to: user.email,
        subject: t('mail.invitation.subject', vars),
        text: [t('mail.greeting', { name: user.name }), '', t('mail.invitation.body', vars), '', '--', t('mail.signature', { brand: brand.name })].join('\n'),
      });
    },
  };
}
