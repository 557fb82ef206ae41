import type { Db } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { localised } from '../../platform/i18n/i18n.ts';
import { openDocument, storeDocument, takeUpload } from '../attachments/index.ts';
import { type Actor, isStaff } from '../auth/index.ts';
import { renderInvoicePdf } from './invoice-pdf.ts';
import { orderVisibleTo } from './unit-visibility.ts';

const orderNotFound = () => notFound('ORDER_NOT_FOUND', 'Order');

/**
 * An order's invoice, for its owner and the brand's staff (and the reseller chain that sold it):
 * anyone else, and an order without an invoice, is answered 404 — the file is never reachable by
 * its own id.
 */
export async function openInvoice(db: Db, files: FileStore, actor: Actor, orderId: string) {
  const order = await db.selectFrom('customer_order as o').select(['o.invoice_attachment_id']).where('o.id', '=', orderId).where(orderVisibleTo(actor)).executeTakeFirst();
  if (!order?.invoice_attachment_id) throw notFound('INVOICE_NOT_FOUND', 'Invoice');
  return openDocument(db, files, order.invoice_attachment_id);
}

/**
 * The brand's staff attach the shop's invoice to an order: an upload of theirs (POST /attachments)
 * that is a PDF, with the shop's invoice number. A customer who can see the order may not change
 * its invoice (403); anyone else gets 404.
 */
export async function attachInvoice(db: Db, actor: Actor, orderId: string, input: { attachmentId: string; number: string }) {
  const order = await db.selectFrom('customer_order as o').select(['o.id']).where('o.id', '=', orderId).where(orderVisibleTo(actor)).executeTakeFirst();
  if (!order) throw orderNotFound();
  if (!isStaff(actor) || actor.role === 'technician') throw new AppError('FORBIDDEN', 403, "Only the brand's agents and admins attach an invoice");
  const file = await takeUpload(db, actor, input.attachmentId, ['application/pdf'], 'attachmentId');
  await db.updateTable('customer_order').set({ invoice_attachment_id: file.id, invoice_number: input.number }).where('id', '=', order.id).execute();
  return { number: input.number, filename: file.filename, sizeBytes: file.sizeBytes };
}

/**
 * Makes the invoice of an order from what the store knows of it, in the customer's language, and
 * keeps it on the order — for a brand whose shop is Apres's own records (the demo brands). A shop
 * with its own invoices uploads or imports them instead.
 */
export async function issueInvoice(db: Db, files: FileStore, orderId: string): Promise<void> {
  const o = await db
    .selectFrom('customer_order as o')
    .innerJoin('brand as b', 'b.id', 'o.brand_id')
    .innerJoin('app_user as c', 'c.id', 'o.customer_id')
    .leftJoin('organisation as s', 's.id', 'o.seller_organisation_id')
    .select(['o.id', 'o.external_id', 'o.ordered_on', 'o.paid_on', 'o.payment_provider', 'o.currency', 'o.invoice_number', 'b.name as brand_name', 'b.support_email', 'b.country', 'c.name as customer_name', 'c.email as customer_email', 'c.locale', 's.name as seller_name'])
    .where('o.id', '=', orderId)
    .executeTakeFirstOrThrow();
  const lines = await db
    .selectFrom('order_line as l')
    .innerJoin('product_model as m', 'm.id', 'l.model_id')
    .select(['l.id', 'l.quantity', 'l.unit_price_cents', 'm.code', 'm.name'])
    .where('l.order_id', '=', orderId)
    .orderBy('l.external_id')
    .execute();
  const units = lines.length
    ? await db.selectFrom('unit').select(['order_line_id', 'serial', 'licence_key', 'delivered_on']).where('order_line_id', 'in', lines.map((l) => l.id)).orderBy('serial').execute()
    : [];
  const number = o.invoice_number ?? `F-${o.external_id}`;
  const delivered = units.map((u) => u.delivered_on).filter((d): d is string => d !== null).sort()[0] ?? null;
  const pdf = await renderInvoicePdf({
    number,
    issuedOn: o.paid_on ?? o.ordered_on,
    locale: o.locale,
    seller: { name: o.seller_name ?? o.brand_name, lines: [o.seller_name ? o.brand_name : '', o.support_email ?? '', new Intl.DisplayNames([o.locale], { type: 'region' }).of(o.country) ?? o.country].filter(Boolean) },
    customer: { name: o.customer_name, email: o.customer_email },
    order: { number: o.external_id, orderedOn: o.ordered_on, deliveredOn: delivered, currency: o.currency, paidOn: o.paid_on, paymentProvider: o.payment_provider },
    lines: lines.map((l) => ({
        name: localised(l.name as Record<string, string>, o.locale, l.code),
        code: l.code,
        quantity: l.quantity,
        unitPriceCents: Number(l.unit_price_cents),
        serials: units.filter((u) => u.order_line_id === l.id).map((u) => u.serial ?? u.licence_key ?? ''),
      })),
  });
  await db.transaction().execute(async (trx) => {
    const file = await storeDocument(trx, files, { content: pdf, filename: `${number}.pdf`, uploadedById: null });
    await trx.updateTable('customer_order').set({ invoice_attachment_id: file.id, invoice_number: number }).where('id', '=', orderId).execute();
  });
}

/** Issues the missing invoices of these brands' orders (the demo brands at start-up); returns how many. */
export async function issueMissingInvoices(db: Db, files: FileStore, brandSlugs: readonly string[]): Promise<number> {
  if (!brandSlugs.length) return 0;
  const orders = await db
    .selectFrom('customer_order as o')
    .innerJoin('brand as b', 'b.id', 'o.brand_id')
    .select('o.id')
    .where('b.slug', 'in', brandSlugs)
    .where('o.invoice_attachment_id', 'is', null)
    .execute();
  for (const o of orders) await issueInvoice(db, files, o.id);
  return orders.length;
}
