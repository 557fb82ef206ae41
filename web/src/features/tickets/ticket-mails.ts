import type { TFunction } from 'i18next';
import type { TicketMail } from '../../api/types';

/** A mail's state is not final while it waits for its sending job. */
export const isPending = (m: Pick<TicketMail, 'status'>) => m.status === 'queued';

/**
 * What the desk is told about the mail a new ticket sends (confirmation request or acknowledgment),
 * worded from its recorded delivery state: never "on its way" for a mail that is held, or that went
 * to the built-in outbox and so reached no one (issue 14).
 */
export function creationMailNotice(t: TFunction, mails: readonly Pick<TicketMail, 'kind' | 'status' | 'to'>[]): string {
  const mail = mails.find((m) => m.kind === 'confirmation_request' || m.kind === 'acknowledgment');
  if (!mail) return t('newTicket.mail.none');
  return t(`newTicket.mail.${mail.status}`, { to: mail.to });
}
