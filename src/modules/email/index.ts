export type { EmailContext } from './context/index.ts';
export { acceptRawMessage, ProcessInboundJob, processInbound, createSmtpReceiver, parseMail, sanitiseMailHtml, fetchOnce, ImapFetcher, testImapConnection } from './inbound/index.ts';
export { queueOutbound, sendOutbound, SendMailJob, passwordResetMail, invitationMail, ticketMail, slaMail, returnMail, workshopMail, webFormMail } from './outbound/index.ts';
export { registerEmailWorkers, type EmailWorkerOptions } from './email-worker.ts';
export { emailRoutes } from './email.routes.ts';
