import fs from 'node:fs';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';

/**
 * A CSV file as real shop and ERP exports write it, read as a stream of records in flat memory:
 * UTF-8 with or without a BOM, or windows-1252 (French Excel); `;`, `,` or tab separators; quoted
 * fields with newlines inside. The encoding and the separator are read from the file's first
 * 64 KiB; anything else is refused with the reason (never guessed row by row).
 */
export interface CsvRecord {
  /** The line the record starts on (1 is the header). */
  line: number;
  values: Record<string, string>;
}

export class CsvFileError extends Error {}

export interface CsvSniff {
  encoding: 'utf-8' | 'windows-1252';
  bom: boolean;
  delimiter: ';' | ',' | '\t';
}

const SNIFF_BYTES = 64 * 1024;

/** Whether these bytes are UTF-8; a multi-byte character cut by the end of the window is not an error. */
function utf8OrNot(buf: Buffer): boolean {
  let end = buf.length;
  // Step back over continuation bytes to the start of the last character, and leave it out.
  let i = end - 1;
  while (i >= 0 && i >= end - 4 && (buf[i]! & 0xc0) === 0x80) i--;
  if (i >= 0 && buf[i]! >= 0xc0) end = i;
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** The header line's separator: the candidate that splits it into the most columns outside quotes. */
function sniffDelimiter(headerLine: string): CsvSniff['delimiter'] {
  const counts: Record<CsvSniff['delimiter'], number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch]++;
  }
  const best = (Object.entries(counts) as [CsvSniff['delimiter'], number][]).sort((a, b) => b[1] - a[1])[0]!;
  if (best[1] === 0) throw new CsvFileError('the header line has a single column: expected columns separated by ";", "," or a tab');
  return best[0];
}

export function sniffCsv(head: Buffer): CsvSniff {
  if (head.length === 0) throw new CsvFileError('the file is empty');
  if (head[0] === 0xff && head[1] === 0xfe) throw new CsvFileError('the file is UTF-16: export it as UTF-8 (CSV UTF-8) or windows-1252');
  if (head[0] === 0xfe && head[1] === 0xff) throw new CsvFileError('the file is UTF-16: export it as UTF-8 (CSV UTF-8) or windows-1252');
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const body = bom ? head.subarray(3) : head;
  if (body.includes(0)) throw new CsvFileError('the file holds NUL bytes: it is not a text CSV export');
  const encoding = bom || utf8OrNot(body) ? 'utf-8' : 'windows-1252';
  const text = iconv.decode(body, encoding);
  const headerLine = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  return { encoding, bom, delimiter: sniffDelimiter(headerLine) };
}

/** Header names as written (trimmed, lower-cased, spaces and dashes as underscores). */
export function normaliseHeader(h: string): string {
  return h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

export interface CsvHooks {
  onBytes?: (bytesRead: number) => void;
  onHeader?: (columns: string[]) => void;
}

/** Line breaks inside a quoted field: a record that holds them ends that many lines further down. */
const BREAKS = /\r\n|\r|\n/g;
function breaksIn(field: string): number {
  return field.includes('\n') || field.includes('\r') ? (field.match(BREAKS)?.length ?? 0) : 0;
}

/**
 * The records of a CSV file, a chunk of the file at a time (about a megabyte of records per
 * batch), with the bytes read so far for a progress display. A malformed file (an unclosed quote,
 * a row with more or fewer fields than the header) fails with the line where it broke.
 *
 * Fast by construction: csv-parse yields plain arrays (its `columns` and `info` options cost more
 * than the parsing itself), the record's line is counted here (the line breaks of its quoted
 * fields and the empty lines between records), and UTF-8 bytes go to the parser undecoded.
 */
export async function* readCsvBatches(file: string, hooks: CsvHooks = {}): AsyncGenerator<CsvRecord[]> {
  const fd = await fs.promises.open(file, 'r');
  const head = Buffer.alloc(SNIFF_BYTES);
  const { bytesRead } = await fd.read(head, 0, SNIFF_BYTES, 0);
  await fd.close();
  const sniff = sniffCsv(head.subarray(0, bytesRead));
  const raw = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  const parser = parse({ delimiter: sniff.delimiter, bom: true, skip_empty_lines: false, relax_column_count: true, trim: true });
  const decoder = sniff.encoding === 'utf-8' ? null : iconv.getDecoder(sniff.encoding);
  let columns: string[] | undefined;
  let line = 1;
  let batch: CsvRecord[] = [];
  let failed: Error | undefined;
  const fail = (message: string) => {
    failed ??= new CsvFileError(message);
  };
  parser.on('data', (fields: string[]) => {
    if (failed) return;
    const at = line;
    for (const f of fields) line += breaksIn(f);
    line++;
    // An empty line between records: counted, never a record.
    if (fields.length === 1 && fields[0] === '') return;
    if (!columns) {
      columns = fields.map(normaliseHeader);
      // Checked before any row, so a file with a wrong header and no rows says so.
      try {
        hooks.onHeader?.(columns);
      } catch (err) {
        failed = err as Error;
      }
      return;
    }
    if (fields.length !== columns.length) {
      fail(`line ${at}: ${fields.length} fields where the header has ${columns.length} (a separator inside an unquoted value, or a missing one?)`);
      return;
    }
    const values: Record<string, string> = {};
    for (let i = 0; i < fields.length; i++) values[columns[i]!] = fields[i]!;
    batch.push({ line: at, values });
  });
  parser.on('error', (err: Error & { code?: string; lines?: number }) => {
    if (err.code?.startsWith('CSV_')) fail(`line ${err.lines ?? '?'}: ${err.message}`);
    else failed ??= err;
  });
  const ended = new Promise<void>((resolve) => parser.on('end', resolve).on('error', () => resolve()));
  let read = 0;
  try {
    for await (const chunk of raw as AsyncIterable<Buffer>) {
      read += chunk.length;
      parser.write(decoder ? decoder.write(chunk) : chunk);
      if (failed) throw failed;
      hooks.onBytes?.(read);
      if (batch.length) {
        const out = batch;
        batch = [];
        yield out;
      }
    }
    if (decoder) {
      const rest = decoder.end();
      if (rest) parser.write(rest);
    }
    parser.end();
    await ended;
    if (failed) throw failed;
    if (batch.length) yield batch;
  } finally {
    raw.destroy();
    parser.destroy();
  }
}

/** The records of a CSV file one by one (see readCsvBatches). */
export async function* readCsv(file: string, hooks: CsvHooks = {}): AsyncGenerator<CsvRecord> {
  for await (const batch of readCsvBatches(file, hooks)) yield* batch;
}
