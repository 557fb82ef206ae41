import { type AddressObject, simpleParser } from 'mailparser';
import sanitizeHtml from 'sanitize-html';

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

export function normaliseMessageId(v: string | null | undefined): string | null {
  if (!v) return null;
  const m = v.trim().match(/<([^<>]+)>/);
  const id = (m ? m[1]! : v.trim()).trim();
  return id.length > 0 && id.length <= 500 ? id : null;
}

function addresses(obj: AddressObject | AddressObject[] | undefined): MailAddress[] {
  const list = Array.isArray(obj) ? obj : obj ? [obj] : [];
  return list.flatMap((o) =>
    o.value.flatMap((a) => (a.address ? [{ address: a.address.toLowerCase(), name: a.name ?? '' }] : (a.group ?? []).filter((g) => g.address).map((g) => ({ address: g.address!.toLowerCase(), name: g.name ?? '' })))),
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
  const m = await simpleParser(raw, { skipTextToHtml: true, skipImageLinks: true, keepCidLinks: true, keepDeliveryStatus: true });
  const refs = m.references === undefined ? [] : Array.isArray(m.references) ? m.references : m.references.split(/\s+/);
  const headers = new Map<string, string[]>();
  for (const line of m.headerLines) {
    const key = line.key.toLowerCase();
    const value = line.line.slice(line.line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
    headers.set(key, [...(headers.get(key) ?? []), value]);
  }
  for (const [key, value] of m.headers) if (!headers.has(key)) headers.set(key, [headerText(value)]);
  const from = addresses(m.from)[0] ?? null;
  return {
    messageId: normaliseMessageId(m.messageId),
    inReplyTo: normaliseMessageId(m.inReplyTo),
    references: refs.map((r) => normaliseMessageId(r)).filter((r): r is string => r !== null),
    from,
    to: addresses(m.to),
    cc: addresses(m.cc),
    replyTo: addresses(m.replyTo)[0] ?? null,
    subject: (m.subject ?? '').trim(),
    text: (m.text ?? '').trim(),
    html: typeof m.html === 'string' && m.html.trim() ? m.html : null,
    date: m.date ?? null,
    headers,
    attachments: m.attachments.map((a) => ({
      filename: a.filename ?? (a.contentType.startsWith('image/') ? `image.${a.contentType.split('/')[1]}` : 'attachment.bin'),
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
  return sanitizeHtml(html, {
    allowedTags: sanitizeHtml.defaults.allowedTags.concat(['img', 'font', 'center', 'span', 'del', 'ins', 'sup', 'sub']),
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
      a: sanitizeHtml.simpleTransform('a', { target: '_blank', rel: 'noopener noreferrer nofollow' }),
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
