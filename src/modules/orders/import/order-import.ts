import fs from 'node:fs';
import { sql } from 'kysely';
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../../../platform/db/database.ts';
import type { Locale } from '../../../platform/db/schema.ts';
import { findOrCreateCustomerByAddress } from '../../tickets/index.ts';
import { CsvFileError, readCsv } from './csv-source.ts';
import { KNOWN_COLUMNS, type OrderRow, readOrderRow, REQUIRED_COLUMNS, type RowProblem } from './order-rows.ts';

export interface ImportOptions {
  brandSlug: string;
  /** Import the valid rows and write the rejected ones (with their reasons) to `rejectsFile`. */
  skipInvalid: boolean;
  rejectsFile?: string;
  /** The brand-local date of today: no date in the file may be later. */
  today: string;
  now: Date;
  onProgress?: (p: { rows: number; bytesRead: number }) => void;
}

export interface ImportReport {
  rows: number;
  imported: number;
  rejected: number;
  problems: RowProblem[];
  orders: { created: number; updated: number; unchanged: number };
  units: { created: number; unchanged: number };
  /** True when nothing was written (a problem without --skip-invalid). */
  rolledBack: boolean;
}

class Rollback extends Error {}

/** The file's column for each order field, for problems. */
const ORDER_COLUMN: Record<string, string> = {
  customer_id: 'customer_email',
  seller_organisation_id: 'seller',
  ordered_on: 'ordered_on',
  country_of_sale: 'country',
  buyer: 'buyer',
  currency: 'currency',
  payment_provider: 'payment_provider',
  paid_on: 'paid_on',
  dispute_opened_on: 'dispute_opened_on',
  dispute_closed_on: 'dispute_closed_on',
};

/**
 * Imports an orders export (order-rows.ts), streamed: every row is checked and written in one
 * transaction, so a file goes in all or nothing — or, with `skipInvalid`, every valid row and a
 * rejects file for the others. Re-importing the same file changes nothing: orders are upserted on
 * the shop's own order id, lines on the shop's line id, units on model and serial.
 */
export async function importOrders(db: Db, file: string, opts: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = { rows: 0, imported: 0, rejected: 0, problems: [], orders: { created: 0, updated: 0, unchanged: 0 }, units: { created: 0, unchanged: 0 }, rolledBack: false };
  const brand = await db.selectFrom('brand').select(['id', 'default_locale']).where('slug', '=', opts.brandSlug).executeTakeFirst();
  if (!brand) throw new CsvFileError(`no brand "${opts.brandSlug}" (see the brands' slugs in the admin pages)`);
  const models = new Map((await db.selectFrom('product_model').select(['id', 'code']).where('brand_id', '=', brand.id).execute()).map((m) => [m.code.toUpperCase(), m.id]));
  const sellers = new Map((await db.selectFrom('organisation').select(['id', 'name']).where('kind', 'in', ['reseller', 'distributor']).execute()).map((o) => [o.name.toLowerCase(), o.id]));
  const rejects: { line: number; values: Record<string, string>; reasons: string }[] = [];
  const seenOrders = new Set<string>();
  const customers = new Map<string, string>();
  const orderCache = new Map<string, { id: string; values: string }>();

  try {
    await db.transaction().execute(async (trx) => {
      let headerChecked = false;
      const checkHeader = (columns: string[]) => {
        headerChecked = true;
        const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
        if (missing.length) throw new CsvFileError(`missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')} (columns found: ${columns.join(', ')})`);
        const unknown = columns.filter((c) => !(KNOWN_COLUMNS as readonly string[]).includes(c));
        if (unknown.length) throw new CsvFileError(`unknown column${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (known: ${KNOWN_COLUMNS.join(', ')})`);
      };
      let rowsSeen = 0;
      for await (const rec of readCsv(file, { onBytes: (bytesRead) => opts.onProgress?.({ rows: report.rows, bytesRead }), onHeader: checkHeader })) {
        rowsSeen++;
        report.rows++;
        const checked = readOrderRow(rec.line, rec.values, opts.today);
        let problems = 'problems' in checked ? checked.problems : [];
        if ('row' in checked) {
          const r = checked.row;
          if (!models.has(r.model.toUpperCase())) problems = [{ line: rec.line, column: 'model', code: 'unknown_model', message: `no model "${r.model}" in this brand's catalog` }];
          else if (r.seller && !sellers.has(r.seller.toLowerCase())) problems = [{ line: rec.line, column: 'seller', code: 'unknown_seller', message: `no reseller or distributor named "${r.seller}"` }];
        }
        // Without --skip-invalid the file will be rolled back: check every row, write nothing more.
        if (!problems.length && 'row' in checked && (opts.skipInvalid || report.problems.length === 0)) {
          // A row the database refuses is undone, and so are its counts.
          const counts = JSON.stringify([report.orders, report.units]);
          problems = await writeRow(trx, checked.row, rec.line, { brandId: brand.id, locale: brand.default_locale as Locale, models, sellers, seenOrders, report, now: opts.now, savepoint: opts.skipInvalid, customers, orders: orderCache });
          if (problems.length) [report.orders, report.units] = JSON.parse(counts) as [ImportReport['orders'], ImportReport['units']];
        }
        if (problems.length) {
          report.problems.push(...problems);
          report.rejected++;
          if (opts.skipInvalid) rejects.push({ line: rec.line, values: rec.values, reasons: problems.map((p) => `${p.column}: ${p.message}`).join('; ') });
        } else {
          report.imported++;
        }
        opts.onProgress?.({ rows: report.rows, bytesRead: -1 });
      }
      if (!headerChecked || rowsSeen === 0) throw new CsvFileError('the file has a header line and no rows');
      if (report.problems.length && !opts.skipInvalid) throw new Rollback();
      // Each order's total is the sum of its lines, however many files brought them.
      await sql`update customer_order o set total_cents = coalesce((select sum(l.quantity * l.unit_price_cents) from order_line l where l.order_id = o.id), 0)
        where o.brand_id = ${brand.id} and o.external_id = any(${[...seenOrders]}::text[])`.execute(trx);
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
    report.rolledBack = true;
    report.imported = 0;
    report.orders = { created: 0, updated: 0, unchanged: 0 };
    report.units = { created: 0, unchanged: 0 };
    return report;
  }
  if (opts.skipInvalid && opts.rejectsFile && rejects.length) {
    const columns = [...new Set(rejects.flatMap((r) => Object.keys(r.values)))];
    fs.writeFileSync(opts.rejectsFile, stringify(rejects.map((r) => [r.line, ...columns.map((c) => r.values[c] ?? ''), r.reasons]), { header: true, columns: ['line', ...columns, 'reasons'], delimiter: ';', bom: true }));
  }
  return report;
}

interface WriteContext {
  brandId: string;
  locale: Locale;
  models: Map<string, string>;
  sellers: Map<string, string>;
  seenOrders: Set<string>;
  report: ImportReport;
  now: Date;
  /** With --skip-invalid a row that the database refuses is undone alone (a savepoint per row). */
  savepoint: boolean;
  /**
   * What this import already wrote, so the next lines of an order cost no lookups: the customer of
   * each address, and each order's row as it now is. Memory grows with the file's distinct
   * customers and orders (about 200 bytes each), not with its rows.
   */
  customers: Map<string, string>;
  orders: Map<string, { id: string; values: string }>;
}

/** Writes one checked row; returns the problems the database found (a serial already sold on another order). */
async function writeRow(trx: Db, r: OrderRow, line: number, c: WriteContext): Promise<RowProblem[]> {
  if (c.savepoint) await sql`savepoint import_row`.execute(trx);
  const problems: RowProblem[] = [];
  let customerId = c.customers.get(r.customerEmail);
  if (!customerId) {
    customerId = (await findOrCreateCustomerByAddress(trx, c.brandId, { address: r.customerEmail, name: r.customerName, locale: c.locale })).id;
    if (!c.savepoint) c.customers.set(r.customerEmail, customerId);
  }
  const customer = { id: customerId };
  const sellerId = r.seller ? c.sellers.get(r.seller.toLowerCase())! : null;
  const orderValues = {
    customer_id: customer.id,
    seller_organisation_id: sellerId,
    ordered_on: r.orderedOn,
    country_of_sale: r.country,
    buyer: r.buyer,
    currency: r.currency,
    payment_provider: r.paymentProvider,
    paid_on: r.paidOn,
    dispute_opened_on: r.disputeOpenedOn,
    dispute_closed_on: r.disputeClosedOn,
  };
  const valuesKey = JSON.stringify(orderValues);
  const cached = c.orders.get(r.orderId);
  const existing = cached ? undefined : await trx.selectFrom('customer_order').selectAll().where('brand_id', '=', c.brandId).where('external_id', '=', r.orderId).executeTakeFirst();
  let orderId: string;
  if (cached) {
    // A later line of an order this file already wrote: it must say the same about the order.
    orderId = cached.id;
    if (cached.values !== valuesKey) {
      const before = JSON.parse(cached.values) as Record<string, unknown>;
      const [key] = Object.entries(orderValues).find(([k, v]) => before[k] !== v) ?? ['customer_id'];
      problems.push({ line, column: ORDER_COLUMN[key] ?? key, code: 'conflict', message: key === 'customer_id' ? `order ${r.orderId} belongs to another customer` : `order ${r.orderId} has another ${ORDER_COLUMN[key] ?? key} on an earlier line` });
    }
  } else if (!existing) {
    orderId = (
      await trx
        .insertInto('customer_order')
        .values({ brand_id: c.brandId, external_id: r.orderId, total_cents: 0, created_at: c.now, updated_at: c.now, ...orderValues })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    c.report.orders.created++;
    if (!c.savepoint) c.orders.set(r.orderId, { id: orderId, values: valuesKey });
  } else {
    orderId = existing.id;
    const differs = Object.entries(orderValues).filter(([k, v]) => (existing as Record<string, unknown>)[k] !== v);
    if (existing.customer_id !== customer.id) {
      problems.push({ line, column: 'customer_email', code: 'conflict', message: `order ${r.orderId} belongs to another customer` });
    } else if (differs.length && c.seenOrders.has(r.orderId)) {
      // An earlier line of this file gave the order other values: the export contradicts itself.
      const [key] = differs[0]!;
      problems.push({ line, column: ORDER_COLUMN[key] ?? key, code: 'conflict', message: `order ${r.orderId} has another ${ORDER_COLUMN[key] ?? key} on an earlier line` });
    } else if (differs.length) {
      await trx.updateTable('customer_order').set({ ...orderValues, updated_at: c.now }).where('id', '=', orderId).execute();
      if (!c.seenOrders.has(r.orderId)) c.report.orders.updated++;
      if (!c.savepoint) c.orders.set(r.orderId, { id: orderId, values: valuesKey });
    } else {
      if (!c.seenOrders.has(r.orderId)) c.report.orders.unchanged++;
      if (!c.savepoint) c.orders.set(r.orderId, { id: orderId, values: valuesKey });
    }
  }
  c.seenOrders.add(r.orderId);
  const modelId = c.models.get(r.model.toUpperCase())!;
  if (!problems.length) {
    const lineRow = await trx
      .insertInto('order_line')
      .values({ order_id: orderId, external_id: r.lineId, model_id: modelId, quantity: r.quantity, unit_price_cents: r.unitPriceCents })
      .onConflict((oc) => oc.columns(['order_id', 'external_id']).doUpdateSet({ model_id: modelId, quantity: r.quantity, unit_price_cents: r.unitPriceCents }))
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const serial of r.serials) {
      // One statement for a new unit and its first history line; a known serial inserts nothing.
      const created = await sql<{ id: string }>`
        with u as (
          insert into unit (brand_id, model_id, serial, order_line_id, owner_id, seller_organisation_id, purchased_on, delivered_on, condition, country_of_sale, buyer, created_at)
          values (${c.brandId}, ${modelId}, ${serial}, ${lineRow.id}, ${customer.id}, ${sellerId}, ${r.orderedOn}, ${r.deliveredOn}, ${r.condition}, ${r.country}, ${r.buyer}, ${c.now})
          on conflict (model_id, serial) do nothing
          returning id
        ), e as (
          insert into unit_event (unit_id, at, kind, data) select id, ${c.now}, 'imported', ${JSON.stringify({ order: r.orderId, line: r.lineId })}::jsonb from u
        )
        select id from u`.execute(trx);
      if (created.rows.length) {
        c.report.units.created++;
        continue;
      }
      const unit = await trx.selectFrom('unit').select(['id', 'order_line_id']).where('model_id', '=', modelId).where('serial', '=', serial).executeTakeFirst();
      if (!unit || unit.order_line_id !== lineRow.id) problems.push({ line, column: 'serials', code: 'duplicate', message: `serial ${serial} was already sold on another order line` });
      else c.report.units.unchanged++;
    }
  }
  if (c.savepoint) await sql.raw(problems.length ? 'rollback to savepoint import_row' : 'release savepoint import_row').execute(trx);
  return problems;
}
