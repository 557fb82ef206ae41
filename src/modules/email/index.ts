export type { EmailContext } from './email-context.ts';
export { acceptRawMessage, ProcessInboundJob } from './inbound.service.ts';
export { processInbound } from './process-inbound.ts';
export { queueOutbound, sendOutbound, SendMailJob } from './outbound.service.ts';
export { ticketMail } from './ticket-mail.ts';
export { registerEmailWorkers } from './email-worker.ts';
export { createSmtpReceiver } from './smtp-receiver.ts';
export { emailRoutes } from './email.routes.ts';
export { parseMail, sanitiseMailHtml } from './mail-parse.ts';
