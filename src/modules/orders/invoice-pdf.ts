import { createPdf, FONT, pdfBytes } from '../../platform/documents/pdf.ts';
import { translator } from '../../platform/i18n/i18n.ts';

/** What an invoice prints: the order as the shop sold it. */
export interface InvoiceData {
  number: string;
  issuedOn: string;
  locale: string;
  seller: { name: string; lines: string[] };
  customer: { name: string; email: string };
  order: { number: string; orderedOn: string; deliveredOn: string | null; currency: string; paidOn: string | null; paymentProvider: string | null };
  lines: { name: string; code: string; quantity: number; unitPriceCents: number; serials: string[] }[];
}

const day = (iso: string, locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
const money = (cents: number, currency: string, locale: string) => new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);

/**
 * An invoice as a PDF, in the customer's language: seller and customer, the lines with their
 * serial numbers, the total, how and when it was paid, and why to keep it (proof of purchase).
 * The same data gives the same bytes (the document's dates are the issue date).
 */
export async function renderInvoicePdf(inv: InvoiceData): Promise<Buffer> {
  const t = translator(inv.locale);
  const L = inv.locale;
  const doc = createPdf({ title: t('invoice.number', { number: inv.number }), author: inv.seller.name, createdAt: new Date(`${inv.issuedOn}T00:00:00Z`), lang: L });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.font(FONT.bold).fontSize(20).text(inv.seller.name, left, 50);
  doc.font(FONT.regular).fontSize(9).fillColor('#555');
  for (const line of inv.seller.lines) doc.text(line);
  doc.fillColor('#000').font(FONT.bold).fontSize(16).text(t('invoice.title'), left, 50, { width, align: 'right' });
  doc.font(FONT.regular).fontSize(10).text(t('invoice.number', { number: inv.number }), { width, align: 'right' });
  doc.text(t('invoice.issued', { date: day(inv.issuedOn, L) }), { width, align: 'right' });
  doc.text(t('invoice.order', { order: inv.order.number, date: day(inv.order.orderedOn, L) }), { width, align: 'right' });

  doc.moveDown(2);
  const boxTop = Math.max(doc.y, 150);
  doc.font(FONT.bold).fontSize(9).fillColor('#555').text(t('invoice.billedTo'), left, boxTop);
  doc.font(FONT.regular).fontSize(11).fillColor('#000').text(inv.customer.name).text(inv.customer.email);

  // The lines.
  const cols = [
    { key: 'item', x: left, w: width * 0.5, align: 'left' as const },
    { key: 'quantity', x: left + width * 0.5, w: width * 0.1, align: 'right' as const },
    { key: 'unitPrice', x: left + width * 0.6, w: width * 0.2, align: 'right' as const },
    { key: 'amount', x: left + width * 0.8, w: width * 0.2, align: 'right' as const },
  ];
  let y = doc.y + 30;
  doc.font(FONT.bold).fontSize(9).fillColor('#555');
  for (const c of cols) doc.text(t(`invoice.${c.key}`), c.x, y, { width: c.w, align: c.align });
  y += 16;
  doc.moveTo(left, y).lineTo(left + width, y).strokeColor('#999').lineWidth(0.5).stroke();
  y += 6;
  let total = 0;
  for (const line of inv.lines) {
    const amount = line.quantity * line.unitPriceCents;
    total += amount;
    doc.font(FONT.regular).fontSize(10).fillColor('#000');
    doc.text(`${line.name} (${line.code})`, cols[0]!.x, y, { width: cols[0]!.w });
    const afterName = doc.y;
    doc.text(String(line.quantity), cols[1]!.x, y, { width: cols[1]!.w, align: 'right' });
    doc.text(money(line.unitPriceCents, inv.order.currency, L), cols[2]!.x, y, { width: cols[2]!.w, align: 'right' });
    doc.text(money(amount, inv.order.currency, L), cols[3]!.x, y, { width: cols[3]!.w, align: 'right' });
    y = afterName;
    if (line.serials.length) {
      doc.fontSize(8).fillColor('#555').text(t('invoice.serials', { serials: line.serials.join(', ') }), cols[0]!.x, y, { width: cols[0]!.w });
      y = doc.y;
    }
    y += 8;
  }
  doc.moveTo(left, y).lineTo(left + width, y).strokeColor('#999').lineWidth(0.5).stroke();
  y += 8;
  doc.font(FONT.bold).fontSize(12).fillColor('#000');
  doc.text(t('invoice.total'), cols[2]!.x, y, { width: cols[2]!.w, align: 'right' });
  doc.text(money(total, inv.order.currency, L), cols[3]!.x, y, { width: cols[3]!.w, align: 'right' });

  doc.font(FONT.regular).fontSize(10).text('', left, y + 40, { width });
  const o = inv.order;
  if (o.paidOn) doc.text(o.paymentProvider ? t('invoice.paid', { date: day(o.paidOn, L), provider: o.paymentProvider }) : t('invoice.paidNoProvider', { date: day(o.paidOn, L) }), { width });
  else doc.text(t('invoice.unpaid'), { width });
  if (o.deliveredOn) doc.text(t('invoice.delivered', { date: day(o.deliveredOn, L) }), { width });
  doc.moveDown(2).fontSize(9).fillColor('#555').text(t('invoice.proof'), { width });
  return pdfBytes(doc);
}
