export { countQuarantined, discardInbound, getMailboxSettings, mailReceiverSettings, listInbound, listMailboxes, openInboundRaw, reprocessInbound, saveMailbox } from './email-admin.service.ts';
