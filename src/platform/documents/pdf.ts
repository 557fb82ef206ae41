import fs from 'node:fs';
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import type PdfKit from 'pdfkit';
import path from 'node:path';

const require = createRequire(import.meta.url);
// Loaded with the first document: a start-up and an idle desk need neither library.
let pdfkit: typeof PdfKit | undefined;
let fontkit: typeof Fontkit | undefined;
const FONTS = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** The two faces every Apres document uses: DejaVu Sans prints French, Romanian (ș, ț), Swedish and Russian alike (STACK.md). */
export const FONT = { regular: 'apres-regular', bold: 'apres-bold' } as const;

/** The fonts, parsed once per process: parsing their tables was a third of a label's time. */
const fonts = new Map<string, Fontkit.Font>();
function openFont(file: string): Fontkit.Font {
  let font = fonts.get(file);
  fontkit ??= require('fontkit') as typeof Fontkit;
  if (!font) fonts.set(file, (font = fontkit.create(fs.readFileSync(path.join(FONTS, file))) as Fontkit.Font));
  return font;
}

/**
 * A new A4 (or A6, for labels) PDF with the fonts registered and its metadata set. The creation
 * date is the document's own (an invoice's issue date), so a document made twice is the same file.
 */
export function createPdf(opts: { size?: 'A4' | 'A6'; title: string; author: string; createdAt: Date; lang: string }): PDFKit.PDFDocument {
  const PDFDocument = (pdfkit ??= require('pdfkit') as typeof PdfKit);
  const doc = new PDFDocument({
    size: opts.size ?? 'A4',
    margin: opts.size === 'A6' ? 18 : 50,
    lang: opts.lang,
    info: { Title: opts.title, Author: opts.author, Creator: 'Apres', Producer: 'Apres', CreationDate: opts.createdAt, ModDate: opts.createdAt },
    bufferPages: false,
    // No default font: pdfkit would parse Helvetica's metrics for every document, and no Apres text uses it.
    font: null as unknown as string,
  });
  // pdfkit takes an opened fontkit font; the same one serves every document (labels by the hundred).
  doc.registerFont(FONT.regular, openFont('DejaVuSans.ttf') as unknown as string);
  doc.registerFont(FONT.bold, openFont('DejaVuSans-Bold.ttf') as unknown as string);
  doc.font(FONT.regular);
  return doc;
}

/** Ends the document and gives its bytes. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** The brand's coloured band across the top of a document, its name left and the document's title right; answers the text column. */
export function brandBand(doc: PDFKit.PDFDocument, brand: { name: string; accent: string }, title: string): { left: number; width: number } {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.rect(0, 0, doc.page.width, 60).fill(brand.accent);
  doc.fillColor('#fff').font(FONT.bold).fontSize(18).text(brand.name, left, 20, { width: width * 0.6, lineBreak: false, ellipsis: true });
  doc.font(FONT.regular).fontSize(11).text(title, left, 24, { width, align: 'right' });
  doc.fillColor('#000');
  return { left, width };
}
