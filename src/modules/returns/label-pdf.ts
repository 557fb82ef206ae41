import { drawCode128, drawQr } from '../../platform/documents/barcodes.ts';
import { createPdf, FONT, pdfBytes } from '../../platform/documents/pdf.ts';
import { translator } from '../../platform/i18n/i18n.ts';

/** What a parcel label prints (seed 004): who sends, who receives, and the number that routes it. */
export interface LabelData {
  /** The ticket number, which is the RMA number, check digit included (seed 002). */
  number: string;
  locale: string;
  brand: { name: string; accent: string };
  sender: { name: string; addressLines: string[]; contactPerson: string; phone: string };
  returnAddress: { name: string; addressLines: string[] };
  serials: string[];
  /** The brand refuses parcels sent cash on delivery (seed 004). */
  refusesCashOnDelivery: boolean;
  /** The day the label was made: the document's date, so the same label gives the same bytes. */
  issuedOn: string;
}

/**
 * The parcel label, A6, in the customer's language: the brand's band, the return address in
 * large type, the sender with contact person and phone, the number as text, as a Code 128 and as
 * a QR code, the units it holds, and "no cash on delivery" where the brand refuses it.
 */
export async function renderLabelPdf(label: LabelData): Promise<Buffer> {
  const t = translator(label.locale);
  const doc = createPdf({ size: 'A6', title: t('rmaLabel.rma', { number: label.number }), author: label.brand.name, createdAt: new Date(`${label.issuedOn}T00:00:00Z`), lang: label.locale });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  // The brand's band.
  doc.rect(0, 0, doc.page.width, 34).fill(label.brand.accent);
  doc.fillColor('#fff').font(FONT.bold).fontSize(12).text(label.brand.name, left, 11, { width: width * 0.6, lineBreak: false, ellipsis: true });
  doc.font(FONT.regular).fontSize(8).text(t('rmaLabel.title'), left, 13, { width, align: 'right' });

  // Return address, large: what the carrier reads.
  doc.fillColor('#555').font(FONT.bold).fontSize(7).text(t('rmaLabel.to').toUpperCase(), left, 44);
  doc.fillColor('#000').font(FONT.bold).fontSize(12).text(label.returnAddress.name, { width });
  doc.font(FONT.regular).fontSize(10);
  for (const l of label.returnAddress.addressLines) doc.text(l, { width });

  // Sender.
  doc.moveDown(0.6);
  doc.fillColor('#555').font(FONT.bold).fontSize(7).text(t('rmaLabel.from').toUpperCase(), { width });
  doc.fillColor('#000').font(FONT.bold).fontSize(9).text(label.sender.name, { width });
  doc.font(FONT.regular).fontSize(8);
  for (const l of label.sender.addressLines) doc.text(l, { width });
  doc.text(t('rmaLabel.contact', { name: label.sender.contactPerson }), { width });
  doc.text(t('rmaLabel.phone', { phone: label.sender.phone }), { width });

  // The number: text, Code 128 and QR side by side.
  const codesTop = Math.max(doc.y + 8, 200);
  doc.font(FONT.bold).fontSize(15).fillColor('#000').text(t('rmaLabel.rma', { number: label.number }), left, codesTop, { width });
  const barsTop = doc.y + 4;
  const qrSize = 70;
  drawCode128(doc, label.number, { x: left, y: barsTop + 6, width: width - qrSize - 8, height: qrSize - 12 });
  drawQr(doc, label.number, { x: left + width - qrSize, y: barsTop, size: qrSize });
  doc.font(FONT.regular).fontSize(7).text(t('rmaLabel.units', { serials: label.serials.join(', ') }), left, barsTop + qrSize + 6, { width });

  if (label.refusesCashOnDelivery) {
    const y = doc.y + 6;
    doc.rect(left, y, width, 26).lineWidth(1.2).stroke('#b00020');
    doc.fillColor('#b00020').font(FONT.bold).fontSize(7.5).text(t('rmaLabel.noCod'), left + 5, y + 5, { width: width - 10 });
  }
  doc.fillColor('#555').font(FONT.regular).fontSize(6.5).text(t('rmaLabel.stick'), left, doc.page.height - doc.page.margins.bottom - 10, { width, lineBreak: false });
  return pdfBytes(doc);
}
