// The inbound half of the e-mail module: what the rest of the module uses from it.
export { acceptRawMessage, dedupeKeyOf, headerMessageId, ProcessInboundJob, recoverStalledInbound, summaryOf } from './inbound.service.ts';
export { processInbound, quarantine } from './process-inbound.ts';
export { createSmtpReceiver } from './smtp-receiver.ts';
export { parseMail, sanitiseMailHtml } from './parse/index.ts';
export { fetchOnce, ImapFetcher } from './imap-fetcher.ts';
export { testImapConnection } from './imap-connection.ts';
export { LOOP_MARKER } from './filters/index.ts';
