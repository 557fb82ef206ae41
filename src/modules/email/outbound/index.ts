// The outbound half of the e-mail module: what the rest of the module uses from it.
export { queueOutbound, recoverStalledOutbound, releaseHeldMail, SendMailJob, sendOutbound, testSmtpConnection } from './outbound.service.ts';
export { listOutbox, listTicketMails } from './outbox.service.ts';
export { passwordResetMail, ticketMail } from './ticket-mail.ts';
export { slaMail } from './sla-mail.ts';
export { returnMail } from './return-mail.ts';
export { workshopMail } from './workshop-mail.ts';
export { webFormMail } from './web-form-mail.ts';
export { invitationMail } from './invitation-mail.ts';
export { letter } from './customer-notice.ts';
