import { fileTypeFromBuffer } from 'file-type';

/**
 * What a stored file is, from its bytes: a sender's declared type is never believed (an SVG or an
 * HTML page mailed as "image/png" is what it is). Binary formats are recognised by file-type;
 * anything else is plain text when it was declared text and reads as UTF-8 text, and otherwise an
 * opaque `application/octet-stream`. The declared type only ever narrows, never widens.
 */
export async function sniffContentType(head: Uint8Array, declared: string): Promise<string> {
  const found = await fileTypeFromBuffer(head);
  // Markup the browser could run (XML, XHTML, SVG, HTML) is never a type we keep.
  if (found) return /xml|html|svg|javascript/.test(found.mime) ? 'application/octet-stream' : found.mime;
  const type = declared.split(';')[0]!.trim().toLowerCase();
  if ((type === 'text/plain' || type === 'text/csv') && looksLikeText(head)) return type;
  return 'application/octet-stream';
}

/** Valid UTF-8 without control characters other than tab, CR, LF and form feed. */
function looksLikeText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    // Streaming: a multi-byte character cut at the end of the sniffed head is not an error.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

/**
 * The only types an attachment is ever shown as in the browser (raster images and PDF); every
 * other file, SVG, HTML and XML included, is a download served as application/octet-stream.
 */
export const INLINE_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf']);

/** How many leading bytes the sniffer reads. */
export const SNIFF_BYTES = 4100;

/**
 * A file name safe to show and to offer for download: no path, no control or bidirectional
 * override characters (a "gpj.exe" shown as "exe.jpg"), no quotes; a double extension that ends in
 * an executable one keeps it visible ("invoice.pdf.exe" stays so, never shortened to hide it).
 */
export function safeFilename(name: string): string {
  const base = name
    .replace(/^.*[\\/]/, '')
    // C0/C1 controls, quotes, and the bidirectional embedding, override and isolate marks.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f"\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/g, '')
    .normalize('NFC')
    .trim();
  const cleaned = base.replace(/^\.+/, '').trim();
  if (!cleaned) return 'file';
  if (cleaned.length <= 200) return cleaned;
  // Too long: keep the real extension at the end.
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && cleaned.length - dot <= 16 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, 200 - ext.length) + ext;
}
