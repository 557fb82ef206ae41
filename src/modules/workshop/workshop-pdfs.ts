import { brandBand, createPdf, FONT, pdfBytes } from '../../platform/documents/pdf.ts';
import { drawCode128 } from '../../platform/documents/barcodes.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { formatMoney } from './quote-math.ts';

/** Who and what every workshop document names: the brand, the customer, the ticket and the unit. */
export interface DocumentHead {
  locale: string;
  timeZone: string;
  brand: { name: string; accent: string; address: string[] };
  customer: { name: string; email: string };
  ticketNumber: string;
  unit: { serial: string; model: string };
}

export interface MoneyDocumentData extends DocumentHead {
  number: string;
  issuedAt: Date;
  currency: string;
  lines: { description: string; quantity: number; unitCents: number; netCents: number }[];
  netCents: number;
  taxRateBp: number;
  taxCents: number;
  totalCents: number;
}

const day = (d: Date, locale: string, timeZone: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(d);
const isoDay = (iso: string, locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));

/** The brand's band, its address, the title, the document's number with its Code 128, and who it is for. */
function head(doc: PDFKit.PDFDocument, h: DocumentHead, title: string, number: string, at: Date) {
  const t = translator(h.locale);
  const { left, width } = brandBand(doc, h.brand, title);
  doc.fillColor('#555').fontSize(8).text(h.brand.address.join(' · '), left, 68, { width });
  doc.fillColor('#000').font(FONT.bold).fontSize(15).text(`${title} ${number}`, left, 90, { width: width - 210 });
  doc.font(FONT.regular).fontSize(10).text(day(at, h.locale, h.timeZone), left, doc.y + 2);
  drawCode128(doc, number, { x: left + width - 200, y: 84, width: 200, height: 36 });
  // A long title wraps: the blocks below start after it.
  let y = Math.max(140, doc.y + 14);
  doc.font(FONT.bold).fontSize(9).fillColor('#555').text(t('workshopDocs.customer'), left, y);
  doc.text(t('workshopDocs.unit'), left + width / 2, y);
  y += 13;
  doc.font(FONT.regular).fontSize(10).fillColor('#000').text(`${h.customer.name}\n${h.customer.email}`, left, y, { width: width / 2 - 10 });
  doc.text(`${h.unit.model}\n${t('workshopDocs.serial', { serial: h.unit.serial })}\n${t('workshopDocs.ticket', { number: h.ticketNumber })}`, left + width / 2, y, { width: width / 2 });
  doc.y = y + 60;
  return { left, width };
}

/** The lines and the sums, tax shown at its rate. */
function moneyTable(doc: PDFKit.PDFDocument, d: MoneyDocumentData, left: number, width: number) {
  const t = translator(d.locale);
  const money = (c: number) => formatMoney(c, d.currency, d.locale);
  const cols = [
    { key: 'description', x: left, w: width * 0.5, align: 'left' as const },
    { key: 'quantity', x: left + width * 0.5, w: width * 0.1, align: 'right' as const },
    { key: 'unitPrice', x: left + width * 0.6, w: width * 0.2, align: 'right' as const },
    { key: 'amount', x: left + width * 0.8, w: width * 0.2, align: 'right' as const },
  ];
  let y = doc.y + 10;
  doc.font(FONT.bold).fontSize(9).fillColor('#555');
  for (const c of cols) doc.text(t(`workshopDocs.${c.key}`), c.x, y, { width: c.w, align: c.align });
  y += 16;
  doc.moveTo(left, y).lineTo(left + width, y).strokeColor('#999').lineWidth(0.5).stroke();
  y += 6;
  for (const l of d.lines) {
    doc.font(FONT.regular).fontSize(10).fillColor('#000');
    doc.text(l.description, cols[0]!.x, y, { width: cols[0]!.w });
    const after = doc.y;
    doc.text(String(l.quantity), cols[1]!.x, y, { width: cols[1]!.w, align: 'right' });
    doc.text(money(l.unitCents), cols[2]!.x, y, { width: cols[2]!.w, align: 'right' });
    doc.text(money(l.netCents), cols[3]!.x, y, { width: cols[3]!.w, align: 'right' });
    y = after + 8;
  }
  doc.moveTo(left, y).lineTo(left + width, y).strokeColor('#999').lineWidth(0.5).stroke();
  y += 8;
  const sum = (label: string, cents: number, bold = false) => {
    doc.font(bold ? FONT.bold : FONT.regular).fontSize(bold ? 12 : 10).fillColor('#000');
    doc.text(label, left + width * 0.4, y, { width: width * 0.4, align: 'right' });
    doc.text(money(cents), cols[3]!.x, y, { width: cols[3]!.w, align: 'right' });
    y += bold ? 20 : 15;
  };
  sum(t('workshopDocs.net'), d.netCents);
  sum(t('workshopDocs.tax', { rate: new Intl.NumberFormat(d.locale, { maximumFractionDigits: 2 }).format(d.taxRateBp / 100) }), d.taxCents);
  sum(t('workshopDocs.total'), d.totalCents, true);
  doc.font(FONT.regular).fontSize(10).text('', left, y + 10, { width });
}

/** A quote or an offer (issue 13, item 3), in the customer's language: the lines, the sums, its validity and how to answer. */
export async function renderQuotePdf(d: MoneyDocumentData & { kind: 'repair' | 'offer'; validUntil: string; state: string; refusalFeeCents: number | null }): Promise<Buffer> {
  const t = translator(d.locale);
  const title = t(`workshopDocs.quote.${d.kind}`);
  const doc = createPdf({ title: `${title} ${d.number}`, author: d.brand.name, createdAt: d.issuedAt, lang: d.locale });
  const { left, width } = head(doc, d, title, d.number, d.issuedAt);
  moneyTable(doc, d, left, width);
  doc.font(FONT.bold).fontSize(11).text(t('workshopDocs.quote.validUntil', { date: isoDay(d.validUntil, d.locale) }), left, doc.y, { width });
  doc.moveDown(0.5).font(FONT.regular).fontSize(10).text(t(`workshopDocs.quote.${d.kind === 'repair' ? 'howToAnswer' : 'howToAnswerOffer'}`, { number: d.ticketNumber }), { width });
  if (d.refusalFeeCents) doc.moveDown(0.5).font(FONT.bold).text(t('workshopDocs.quote.feeNotice', { fee: formatMoney(d.refusalFeeCents, d.currency, d.locale) }), { width });
  if (d.state !== 'sent') doc.moveDown(0.5).fillColor('#0a5').font(FONT.bold).text(t(`workshopDocs.quote.state.${d.state}`), { width }).fillColor('#000');
  return pdfBytes(doc);
}

/** The diagnostic-fee invoice after a refused quote (issue 13, item 5; seed 004), numbered, in the customer's language. */
export async function renderFeeInvoicePdf(d: MoneyDocumentData & { quoteNumber: string | null }): Promise<Buffer> {
  const t = translator(d.locale);
  const title = t('workshopDocs.invoice.title');
  const doc = createPdf({ title: `${title} ${d.number}`, author: d.brand.name, createdAt: d.issuedAt, lang: d.locale });
  const { left, width } = head(doc, d, title, d.number, d.issuedAt);
  moneyTable(doc, d, left, width);
  doc.font(FONT.regular).fontSize(10).text(d.quoteNumber ? t('workshopDocs.invoice.why', { quote: d.quoteNumber }) : t('workshopDocs.invoice.whyNoQuote'), left, doc.y, { width });
  doc.moveDown(0.5).text(t('workshopDocs.invoice.return'), { width });
  return pdfBytes(doc);
}

/** The repair report (issue 13, item 8): findings, what was done, parts used, tests passed, under which cover. */
export async function renderRepairReportPdf(
  d: DocumentHead & { completedAt: Date; findings: string; faultCode: string | null; workDone: string; parts: { reference: string; name: string; quantity: number }[]; testsPassed: string[]; cover: string; technician: string | null },
): Promise<Buffer> {
  const t = translator(d.locale);
  const title = t('workshopDocs.report.title');
  const doc = createPdf({ title: `${title} ${d.ticketNumber}`, author: d.brand.name, createdAt: d.completedAt, lang: d.locale });
  const { left, width } = head(doc, d, title, d.ticketNumber, d.completedAt);
  const section = (label: string, body: string) => {
    doc.font(FONT.bold).fontSize(10).fillColor('#555').text(label, left, doc.y + 8, { width });
    doc.font(FONT.regular).fontSize(10).fillColor('#000').text(body, { width });
  };
  section(t('workshopDocs.report.cover'), t(`workshopDocs.cover.${d.cover}`));
  section(t('workshopDocs.report.findings'), d.faultCode ? `${d.findings} (${d.faultCode})` : d.findings);
  section(t('workshopDocs.report.workDone'), d.workDone);
  section(t('workshopDocs.report.parts'), d.parts.length ? d.parts.map((p) => `${p.quantity} × ${p.name} (${p.reference})`).join('\n') : t('workshopDocs.report.noParts'));
  section(t('workshopDocs.report.tests'), d.testsPassed.length ? d.testsPassed.map((x) => `✓ ${x}`).join('\n') : '—');
  if (d.technician) section(t('workshopDocs.report.technician'), d.technician);
  return pdfBytes(doc);
}

/** The recycling certificate (issue 13, item 7): the old unit taken back and recycled free of charge. */
export async function renderRecyclingCertificatePdf(d: DocumentHead & { recycledAt: Date; offerNumber: string | null }): Promise<Buffer> {
  const t = translator(d.locale);
  const title = t('workshopDocs.recycling.title');
  const doc = createPdf({ title: `${title} ${d.ticketNumber}`, author: d.brand.name, createdAt: d.recycledAt, lang: d.locale });
  const { left, width } = head(doc, d, title, d.ticketNumber, d.recycledAt);
  doc.font(FONT.regular).fontSize(11).text(t('workshopDocs.recycling.body', { brand: d.brand.name, model: d.unit.model, serial: d.unit.serial, customer: d.customer.name, date: day(d.recycledAt, d.locale, d.timeZone) }), left, doc.y + 10, { width });
  if (d.offerNumber) doc.moveDown(0.5).text(t('workshopDocs.recycling.offer', { offer: d.offerNumber }), { width });
  doc.moveDown(0.5).text(t('workshopDocs.recycling.free'), { width });
  return pdfBytes(doc);
}
