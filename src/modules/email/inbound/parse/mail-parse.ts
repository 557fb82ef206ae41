import { createRequire } from 'node:module';
import type * as MailParser from 'mailparser';
import type { AddressObject, MailParserOptions } from 'mailparser';
import type SanitizeHtml from 'sanitize-html';
import { z } from 'zod';
import { labelUndeclaredCharsets } from './charset.ts';

// Loaded on the first mail: a start-up and an idle desk need neither parser.
const require = createRequire(import.meta.url);
let mailparser: typeof MailParser | undefined;
let sanitizer: typeof SanitizeHtml | undefined;
const simpleParser = (source: Buffer, options: MailParserOptions) => (mailparser ??= require('mailparser') as typeof MailParser).simpleParser(source, options);
const sanitizeHtml = () => (sanitizer ??= require('sanitize-html') as typeof SanitizeHtml);

export interface MailAddress {
  address: string;
  name: string;
}

export interface ParsedAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
  /** Content-ID of an inline image referenced from the HTML body as cid:… */
  contentId: string | null;
  inline: boolean;
}

/** What the rest of Apres needs of a mail, whatever client wrote it. */
export interface ParsedMail {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  from: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  replyTo: MailAddress | null;
  subject: string;
  text: string;
  html: string | null;
  date: Date | null;
  /** Lower-cased header name → raw values (several for repeated headers). */
  headers: Map<string, string[]>;
  attachments: ParsedAttachment[];
}

/** Text a database can store: NUL and other C0 controls (but tab and line breaks) go, never the mail. */
export function storableText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').toWellFormed();
}

const Address = z.email();

/**
 * A sender address that can be written back to: a real address parser's result (mailparser's),
 * checked as a whole address with a domain that has a dot; an encoded word never becomes part of
 * the address. Anything else ("@", "john@", "from@e", stray quotes) is no address at all.
 */
export function usableAddress(address: string | undefined | null): string | null {
  if (!address) return null;
  const a = storableText(address).trim().toLowerCase();
  if (/=\?[^?]+\?[bq]\?/i.test(a) || /[\s<>"(),;:\\[\]\ufffd]/.test(a)) return null;
  return Address.safeParse(a).success ? a : null;
}

/**
 * Old Mac mail ends its lines with a bare CR: a parser then sees one endless header and no body.
 * Such a message (CR without any LF) is read with CRLF line ends; anything else is left as sent.
 */
export function normaliseLineEnds(raw: Buffer): Buffer {
  const head = raw.subarray(0, Math.min(raw.length, 64 * 1024));
  if (head.includes(0x0a) || !head.includes(0x0d)) return raw;
  return Buffer.from(raw.toString('latin1').replace(/\r/g, '\r\n'), 'latin1');
}

export function normaliseMessageId(v: string | null | undefined): string | null {
  if (!v) return null;
  v = storableText(v);
  const m = v.trim().match(/<([^<>]+)>/);
  const id = (m ? m[1]! : v.trim()).trim();
  return id.length > 0 && id.length <= 500 ? id : null;
}

function addresses(obj: AddressObject | AddressObject[] | undefined): MailAddress[] {
  const list = Array.isArray(obj) ? obj : obj ? [obj] : [];
  return list.flatMap((o) =>
    o.value.flatMap((a) => [a, ...(a.group ?? [])]).flatMap((a) => {
      const address = usableAddress(a.address);
      return address ? [{ address, name: storableText(a.name ?? '').trim() }] : [];
    }),
  );
}

function headerText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'value' in v) return String((v as { value: unknown }).value);
  if (v instanceof Date) return v.toISOString();
  return JSON.stringify(v);
}

/**
 * Parses a raw message with mailparser, which decodes the encoded headers and the charsets
 * customers really send (UTF-8, ISO-8859-1/15, windows-125x, KOI8-R) through iconv-lite.
 */
export async function parseMail(raw: Buffer): Promise<ParsedMail> {
  // keepDeliveryStatus: by default mailparser folds a DSN's message/delivery-status part into the
  // text body; kept as its own part, the bounce filter can read the failed recipient from it.
  const m = await simpleParser(labelUndeclaredCharsets(normaliseLineEnds(raw)), { skipTextToHtml: true, skipImageLinks: true, keepCidLinks: true, keepDeliveryStatus: true });
  const refs = m.references === undefined ? [] : Array.isArray(m.references) ? m.references : m.references.split(/\s+/);
  const headers = new Map<string, string[]>();
  for (const line of m.headerLines) {
    const key = line.key.toLowerCase();
    const value = storableText(line.line.slice(line.line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ')).trim();
    headers.set(key, [...(headers.get(key) ?? []), value]);
  }
  for (const [key, value] of m.headers) if (!headers.has(key)) headers.set(key, [headerText(value)]);
  // An encoded word is for display names only: one inside the address itself (which mailparser
  // would decode into a different address) makes the From unusable.
  const rawFrom = headers.get('from')?.[0] ?? '';
  const fromAddressPart = rawFrom.match(/<([^>]*)>/)?.[1] ?? rawFrom;
  const from = /=\?[^?]+\?[bq]\?/i.test(fromAddressPart) ? null : (addresses(m.from)[0] ?? null);
  return {
    messageId: normaliseMessageId(m.messageId),
    inReplyTo: normaliseMessageId(m.inReplyTo),
    references: refs.map((r) => normaliseMessageId(r)).filter((r): r is string => r !== null),
    from,
    to: addresses(m.to),
    cc: addresses(m.cc),
    replyTo: addresses(m.replyTo)[0] ?? null,
    subject: storableText(m.subject ?? '').trim(),
    text: storableText(m.text ?? '').trim(),
    html: typeof m.html === 'string' && m.html.trim() ? storableText(m.html) : null,
    date: m.date ?? null,
    headers,
    attachments: m.attachments.map((a) => ({
      filename: a.filename ? storableText(a.filename) : (a.contentType.startsWith('image/') ? `image.${a.contentType.split('/')[1]}` : 'attachment.bin'),
      contentType: a.contentType.toLowerCase(),
      content: a.content,
      contentId: normaliseMessageId(a.contentId ?? null),
      inline: a.contentDisposition === 'inline' || Boolean(a.related),
    })),
  };
}

/**
 * HTML as a browser may show it: no scripts, handlers, forms, frames or remote resources
 * (tracking pixels); inline images only as cid: references the UI rewrites to attachments.
 */
export function sanitiseMailHtml(html: string): string {
  const sanitize = sanitizeHtml();
  return sanitize(html, {
    allowedTags: sanitize.defaults.allowedTags.concat(['img', 'font', 'center', 'span', 'del', 'ins', 'sup', 'sub']),
    allowedAttributes: {
      '*': ['style', 'align', 'dir', 'lang', 'title'],
      a: ['href', 'name', 'target', 'rel'],
      img: ['src', 'alt', 'width', 'height'],
      font: ['color', 'face', 'size'],
      td: ['colspan', 'rowspan', 'valign', 'width'],
      th: ['colspan', 'rowspan', 'valign', 'width'],
      table: ['width', 'border', 'cellpadding', 'cellspacing'],
    },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['cid', 'data'] },
    allowedStyles: {
      '*': {
        color: [/^[#a-z0-9(),.\s%]+$/i],
        'background-color': [/^[#a-z0-9(),.\s%]+$/i],
        'text-align': [/^(left|right|center|justify)$/],
        'font-weight': [/^(bold|normal|\d{3})$/],
        'font-style': [/^(italic|normal)$/],
        'text-decoration': [/^[a-z\s-]+$/],
      },
    },
    transformTags: {
      a: sanitize.simpleTransform('a', { target: '_blank', rel: 'noopener noreferrer nofollow' }),
      // Relative and remote image URLs (tracking pixels, same-origin requests) are dropped: only
      // the mail's own inline images (cid:) and embedded data remain.
      img: (tagName, attribs) => {
        const kept = { ...attribs };
        if (!/^(cid|data):/i.test((kept.src ?? '').trim())) delete kept.src;
        return { tagName, attribs: kept };
      },
    },
  });
}
