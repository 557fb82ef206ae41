import { attachmentUrl } from '../../api/client';
import type { Attachment } from '../../api/types';

/**
 * Prepares the HTML body of an e-mail entry for the sandboxed frame that shows it.
 *
 * The server already sanitised it (sanitize-html: no scripts, no event handlers, images only from
 * cid: and data:), so its output has one shape: tags whose attribute values are double-quoted with
 * `"`, `<` and `>` escaped. On that shape this pass
 * - points `cid:` images at the entry's attachment with that Content-ID (and drops those it cannot
 *   resolve, which would only show as broken images),
 * - keeps links only when they are http(s), mailto or tel (a second guard behind the server's).
 */

/** A Content-ID as written in a header (`<abc@x>`) or in a cid: URL (`abc@x`, possibly %-encoded). */
export function normaliseContentId(id: string): string {
  let v = id.trim();
  try {
    v = decodeURIComponent(v);
  } catch {
    // Not %-encoded after all: use it as written.
  }
  v = v.trim();
  if (v.startsWith('<') && v.endsWith('>')) v = v.slice(1, -1);
  return v.trim().toLowerCase();
}

/** Decodes the character references an attribute value may use to hide a scheme (`&#106;avascript:`). */
function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16) || 0))
    .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number.parseInt(d, 10) || 0))
    .replace(/&colon;/gi, ':')
    .replace(/&(tab|newline);/gi, '')
    .replace(/&amp;/gi, '&');
}

const SAFE_LINK = /^(https?:|mailto:|tel:|#)/i;

export function isSafeLink(href: string): boolean {
  // Browsers ignore control characters and spaces inside a scheme: strip them before looking.
  // eslint-disable-next-line no-control-regex
  const v = decodeEntities(href).replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  return SAFE_LINK.test(v);
}

export interface PreparedHtml {
  html: string;
  /** Attachments the HTML shows inline: they need not be listed again under the message. */
  inlineIds: Set<string>;
}

const TAG = /<([a-zA-Z][a-zA-Z0-9-]*)(\s[^>]*)?>/g;
const ATTR = /(\s)([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

export function prepareEmailHtml(html: string, attachments: readonly Attachment[]): PreparedHtml {
  const byCid = new Map<string, Attachment>();
  for (const a of attachments) if (a.contentId) byCid.set(normaliseContentId(a.contentId), a);
  const inlineIds = new Set<string>();

  const out = html.replace(TAG, (tag: string, name: string, attrs: string | undefined) => {
    if (!attrs) return tag;
    const lower = name.toLowerCase();
    const rewritten = attrs.replace(ATTR, (whole: string, space: string, attr: string, dq?: string, sq?: string, bare?: string) => {
      const a = attr.toLowerCase();
      const value = dq ?? sq ?? bare;
      if (value === undefined) return whole;
      if (a.startsWith('on')) return '';
      if (a === 'src' || a === 'background') {
        const decoded = decodeEntities(value).trim();
        if (/^cid:/i.test(decoded)) {
          const att = byCid.get(normaliseContentId(decoded.slice(4)));
          if (!att) return '';
          inlineIds.add(att.id);
          return `${space}${attr}="${attachmentUrl(att.id)}"`;
        }
        return /^data:image\//i.test(decoded) ? whole : '';
      }
      if (a === 'srcset') return '';
      if (a === 'href' && (lower === 'a' || lower === 'area')) return isSafeLink(value) ? whole : '';
      return whole;
    });
    return `<${name}${rewritten}>`;
  });
  return { html: out, inlineIds };
}

/** Styles of the frame's own document: the mail's own styles come after and win. */
const BASE_STYLE = `
html{overflow-y:hidden;overflow-x:auto}
html,body{margin:0;padding:0;background:transparent}
body{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;font-size:14px;line-height:1.5;color:#212529;overflow-wrap:anywhere}
img{max-width:100%;height:auto}
table{max-width:100%}
pre{white-space:pre-wrap}
blockquote{margin:0 0 0 .5em;padding-left:.75em;border-left:3px solid #dee2e6;color:#495057}
a[href]{color:#1c7ed6}
`;

/**
 * The whole document given to the frame's srcdoc. Its Content-Security-Policy is a second fence
 * behind the sandbox: no script, no plugin, no connection; images from this site and data: only.
 * Links open in a new tab (the sandbox lets them escape it: they are ordinary web pages).
 */
export function emailDocument(bodyHtml: string): string {
  return [
    '<!doctype html><html><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; font-src data:; form-action 'none'">`,
    '<meta name="referrer" content="no-referrer">',
    '<base target="_blank">',
    `<style>${BASE_STYLE}</style>`,
    '</head><body>',
    bodyHtml,
    '</body></html>',
  ].join('');
}
