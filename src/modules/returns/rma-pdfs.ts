import { brandBand, createPdf, FONT, pdfBytes } from '../../platform/documents/pdf.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { drawCode128 } from '../../platform/documents/barcodes.ts';

/** One unit of a return as its documents print it, its accessories named in the reader's language. */
export interface DocumentLine {
  serial: string;
  model: string;
  accessories: { name: string; received: boolean }[];
  condition?: string | null;
}

export interface ReturnDocumentData {
  number: string;
  locale: string;
  timeZone: string;
  brand: { name: string; accent: string };
  customer: string;
  lines: DocumentLine[];
  refusesCashOnDelivery: boolean;
  /** The document's instant: the label's day for the instructions, the parcel's arrival for the receipt. */
  at: Date;
}

const when = (d: Date, locale: string, timeZone: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(d);

/** The brand's band, the title and the number with its Code 128, shared by both documents. */
function header(doc: PDFKit.PDFDocument, data: ReturnDocumentData, title: string) {
  const t = translator(data.locale);
  const { left, width } = brandBand(doc, data.brand, title);
  doc.font(FONT.bold).fontSize(16).text(t('rmaLabel.rma', { number: data.number }), left, 84);
  drawCode128(doc, data.number, { x: left + width - 200, y: 76, width: 200, height: 40 });
  doc.font(FONT.regular).fontSize(10).fillColor('#555').text(data.customer, left, 106);
  doc.fillColor('#000');
  doc.y = 140;
  return { left, width };
}

/** A checkbox square, ticked or not, before a line of text. */
function checkbox(doc: PDFKit.PDFDocument, x: number, y: number, ticked: boolean) {
  doc.rect(x, y, 10, 10).lineWidth(0.8).stroke('#333');
  if (ticked) doc.moveTo(x + 2, y + 5).lineTo(x + 4.5, y + 8).lineTo(x + 8.5, y + 2).lineWidth(1.4).stroke('#0a7d32');
}

/**
 * Packing instructions (issue 12, item 2): how to pack, and each unit's checklist of the
 * accessories that must travel with it (seed 004: battery, power supply, cradle), in the
 * customer's language.
 */
export async function renderPackingPdf(data: ReturnDocumentData): Promise<Buffer> {
  const t = translator(data.locale);
  const doc = createPdf({ title: t('rmaDocs.packing.title'), author: data.brand.name, createdAt: data.at, lang: data.locale });
  const { left, width } = header(doc, data, t('rmaDocs.packing.title'));
  doc.font(FONT.regular).fontSize(11);
  for (const step of ['one', 'two', 'three', 'four'] as const) doc.text(`•  ${t(`rmaDocs.packing.step.${step}`, { number: data.number })}`, left, doc.y, { width }).moveDown(0.3);
  if (data.refusesCashOnDelivery) doc.moveDown(0.3).fillColor('#b00020').font(FONT.bold).text(t('rmaLabel.noCod'), { width }).fillColor('#000');
  doc.moveDown(1);
  for (const line of data.lines) {
    doc.font(FONT.bold).fontSize(12).text(`${line.model} — ${line.serial}`, left, doc.y, { width });
    doc.moveDown(0.3);
    doc.font(FONT.regular).fontSize(11);
    const items = [t('rmaDocs.packing.unitItself'), ...line.accessories.map((a) => a.name)];
    for (const item of items) {
      const y = doc.y;
      checkbox(doc, left + 6, y + 2, false);
      doc.text(item, left + 24, y, { width: width - 24 });
      doc.moveDown(0.2);
    }
    doc.moveDown(0.8);
  }
  return pdfBytes(doc);
}

/**
 * The receipt given when the parcel is handed in (issue 12, item 2): when, what came — each
 * accessory ticked or marked missing — and the condition noted at the counter.
 */
export async function renderReceiptPdf(data: ReturnDocumentData): Promise<Buffer> {
  const t = translator(data.locale);
  const doc = createPdf({ title: t('rmaDocs.receipt.title'), author: data.brand.name, createdAt: data.at, lang: data.locale });
  const { left, width } = header(doc, data, t('rmaDocs.receipt.title'));
  doc.font(FONT.regular).fontSize(11).text(t('rmaDocs.receipt.receivedAt', { at: when(data.at, data.locale, data.timeZone) }), left, doc.y, { width });
  doc.moveDown(1);
  for (const line of data.lines) {
    doc.font(FONT.bold).fontSize(12).text(`${line.model} — ${line.serial}`, left, doc.y, { width });
    doc.moveDown(0.3);
    doc.font(FONT.regular).fontSize(11);
    for (const a of line.accessories) {
      const y = doc.y;
      checkbox(doc, left + 6, y + 2, a.received);
      doc.fillColor(a.received ? '#000' : '#b00020').text(a.received ? a.name : t('rmaDocs.receipt.missing', { name: a.name }), left + 24, y, { width: width - 24 });
      doc.fillColor('#000').moveDown(0.2);
    }
    if (line.condition) doc.text(t('rmaDocs.receipt.condition', { text: line.condition }), left, doc.y, { width });
    doc.moveDown(0.8);
  }
  doc.moveDown(1).fontSize(9).fillColor('#555').text(t('rmaDocs.receipt.keep', { number: data.number }), left, doc.y, { width });
  return pdfBytes(doc);
}
