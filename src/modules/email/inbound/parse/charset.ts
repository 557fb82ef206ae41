import chardet from 'chardet';
import iconv from 'iconv-lite';

/**
 * Mail from older clients often carries raw 8-bit text with no charset declared (a Chinese subject
 * in GB2312/GBK, a Japanese one in Shift_JIS), or ISO-2022-JP escape sequences with no label.
 * Parsed as is, the customer's words become replacement characters. Before parsing, such text is
 * labelled: the charset is detected (chardet) over all the undeclared text of the message at once
 * (a subject alone is too short to tell), raw 8-bit header values are re-encoded as RFC 2047
 * encoded words, and a single-part body without a charset gets one. Declared text and valid
 * UTF-8 are never touched.
 */
// eslint-disable-next-line no-control-regex -- ISO-2022-JP is recognised by its ESC sequences
const ESCAPES = /\x1b(\$[@B]|\([BJ])/;
const EIGHT_BIT_HEADERS = /^(subject|from|to|cc|reply-to|comments|keywords|thread-topic)$/i;

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const has8bit = (b: Buffer) => b.some((x) => x >= 0x80);

interface HeaderLine {
  name: string;
  /** The whole (folded) line, bytes, with its line ending. */
  raw: Buffer;
  value: Buffer;
}

function splitHeaders(head: Buffer): HeaderLine[] {
  const text = head.toString('latin1');
  const out: HeaderLine[] = [];
  for (const m of text.matchAll(/([^\r\n:]+):([^\r\n]*(?:\r?\n[ \t][^\r\n]*)*)(\r?\n|$)/g)) {
    out.push({ name: m[1]!.trim(), raw: Buffer.from(m[0], 'latin1'), value: Buffer.from(m[2]!, 'latin1') });
  }
  return out;
}

function encodedWord(text: string): string {
  return `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

/** Re-encodes a header value: the display-name part of an address header, or all of an unstructured one. */
function relabelValue(name: string, value: Buffer, decode: (b: Buffer) => string): Buffer {
  const text = value.toString('latin1').trim();
  const isAddress = /^(from|to|cc|reply-to)$/i.test(name);
  const lt = text.indexOf('<');
  if (isAddress && lt > 0) {
    const display = Buffer.from(text.slice(0, lt).trim().replace(/^"|"$/g, ''), 'latin1');
    return Buffer.from(` ${encodedWord(decode(display))} ${text.slice(lt)}`, 'latin1');
  }
  if (isAddress) return value;
  return Buffer.from(` ${encodedWord(decode(Buffer.from(text, 'latin1')))}`, 'latin1');
}

export function labelUndeclaredCharsets(raw: Buffer): Buffer {
  const sep = raw.indexOf('\r\n\r\n') >= 0 ? raw.indexOf('\r\n\r\n') : raw.indexOf('\n\n');
  if (sep < 0) return raw;
  const head = raw.subarray(0, sep);
  const body = raw.subarray(sep);
  const lines = splitHeaders(head);
  const contentType = lines.find((l) => /^content-type$/i.test(l.name))?.value.toString('latin1') ?? '';
  const singlePart = !/multipart\//i.test(contentType);
  const bodyUndeclared = singlePart && !/charset\s*=/i.test(contentType) && (!contentType || /text\//i.test(contentType));
  const transferEncoded = lines.some((l) => /^content-transfer-encoding$/i.test(l.name) && /base64|quoted-printable/i.test(l.value.toString('latin1')));

  const badHeaders = lines.filter((l) => EIGHT_BIT_HEADERS.test(l.name) && has8bit(l.value) && !isUtf8(l.value));
  const jisHeaders = lines.filter((l) => EIGHT_BIT_HEADERS.test(l.name) && ESCAPES.test(l.value.toString('latin1')) && !/=\?/.test(l.value.toString('latin1')));
  const bodyBytes = bodyUndeclared && !transferEncoded ? body : Buffer.alloc(0);
  const bodyBad = bodyBytes.length > 0 && has8bit(bodyBytes) && !isUtf8(bodyBytes);
  const bodyJis = bodyBytes.length > 0 && ESCAPES.test(bodyBytes.toString('latin1'));
  if (badHeaders.length === 0 && jisHeaders.length === 0 && !bodyBad && !bodyJis) return raw;

  let charset: string | null = null;
  if (badHeaders.length || bodyBad) {
    const evidence = Buffer.concat([...badHeaders.map((l) => l.value), bodyBad ? bodyBytes : Buffer.alloc(0)]);
    const best = chardet.analyse(evidence).find((c) => iconv.encodingExists(c.name));
    charset = best?.name ?? 'windows-1252';
  }
  const decode = (b: Buffer) => iconv.decode(b, charset ?? 'windows-1252');
  const out: Buffer[] = [];
  let contentTypeSeen = false;
  for (const l of lines) {
    if (badHeaders.includes(l)) {
      out.push(Buffer.concat([Buffer.from(`${l.name}:`, 'latin1'), relabelValue(l.name, l.value, decode), Buffer.from('\r\n')]));
    } else if (jisHeaders.includes(l)) {
      out.push(Buffer.from(`${l.name}: =?ISO-2022-JP?B?${Buffer.from(l.value.toString('latin1').trim(), 'latin1').toString('base64')}?=\r\n`, 'latin1'));
    } else if (/^content-type$/i.test(l.name) && (bodyBad || bodyJis)) {
      contentTypeSeen = true;
      out.push(Buffer.from(`Content-Type: ${l.value.toString('latin1').trim().replace(/;?\s*$/, '')}; charset=${bodyJis ? 'ISO-2022-JP' : charset}\r\n`, 'latin1'));
    } else {
      out.push(l.raw.subarray(-1)[0] === 0x0a ? l.raw : Buffer.concat([l.raw, Buffer.from('\r\n')]));
    }
  }
  if ((bodyBad || bodyJis) && !contentTypeSeen) out.push(Buffer.from(`Content-Type: text/plain; charset=${bodyJis ? 'ISO-2022-JP' : charset}\r\n`));
  // `body` starts with the blank line that ended the header block (its first line ending is the last header's).
  const rest = body.subarray(body[0] === 0x0d ? 2 : 1);
  return Buffer.concat([...out, rest]);
}
