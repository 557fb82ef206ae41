import { describe, expect, it } from 'vitest';
import { safeFilename, sniffContentType } from './content-type.ts';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);

describe('the type of a stored file comes from its bytes', () => {
  it('recognises a PNG and a PDF whatever they were declared as', async () => {
    expect(await sniffContentType(PNG, 'application/javascript')).toBe('image/png');
    expect(await sniffContentType(bytes('%PDF-1.7\n1 0 obj\n<< /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\nendobj\n'), 'text/html')).toBe('application/pdf');
  });

  it('never believes an SVG, an HTML page, XHTML, XML or a script, whatever they claim to be', async () => {
    const svg = bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    for (const declared of ['image/svg+xml', 'image/png', 'text/plain', 'application/pdf']) {
      const t = await sniffContentType(svg, declared);
      expect(t === 'application/octet-stream' || t === 'text/plain').toBe(true);
      expect(t).not.toMatch(/svg|html|xml|javascript/);
    }
    expect(await sniffContentType(bytes('<html><script>fetch("/x")</script></html>'), 'text/html')).toBe('application/octet-stream');
    expect(await sniffContentType(bytes('fetch("/x")'), 'application/javascript')).toBe('application/octet-stream');
    expect(await sniffContentType(bytes('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"/>'), 'application/xhtml+xml')).toBe('application/octet-stream');
  });

  it('keeps a text file declared as text, and refuses text to binary', async () => {
    expect(await sniffContentType(bytes('serial;fault\nCS-1;écran noir\n'.replace('é', 'e')), 'text/csv; charset=utf-8')).toBe('text/csv');
    expect(await sniffContentType(new Uint8Array([0x41, 0x00, 0x42, 0x01]), 'text/plain')).toBe('application/octet-stream');
  });

  it('takes a polyglot for the format its header says, never for HTML', async () => {
    expect(await sniffContentType(bytes('GIF89a/*<html><script>fetch("/pwned")</script>*/'), 'text/html')).toBe('image/gif');
  });
});

describe('file names shown and offered for download', () => {
  it('removes right-to-left overrides and control characters, so the real extension shows', () => {
    expect(safeFilename('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(safeFilename('photo\u0000\u0007.jpg')).toBe('photo.jpg');
    expect(safeFilename('a\u2067b\u2069.pdf')).toBe('ab.pdf');
  });

  it('keeps double extensions visible and drops paths, quotes and leading dots', () => {
    expect(safeFilename('facture.pdf.exe')).toBe('facture.pdf.exe');
    expect(safeFilename('C:\\Users\\x\\"evil".txt')).toBe('evil.txt');
    expect(safeFilename('../../.htaccess')).toBe('htaccess');
    expect(safeFilename('')).toBe('file');
  });

  it('shortens a long name but keeps its extension', () => {
    const s = safeFilename(`${'x'.repeat(300)}.docx`);
    expect(s.length).toBe(200);
    expect(s.endsWith('.docx')).toBe(true);
  });
});
