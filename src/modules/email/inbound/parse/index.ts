export { normaliseMessageId, parseMail, sanitiseMailHtml, usableAddress, type ParsedMail } from './mail-parse.ts';
