import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { stringify } from 'csv-stringify';
import { copyLine, openCopySession, withoutRowTriggers } from '../../../platform/db/copy.ts';
import type { Database, Db } from '../../../platform/db/database.ts';
import type { Locale } from '../../../platform/db/schema.ts';
import type { FileStore } from '../../../platform/files/file-store.ts';
import { storeDocument } from '../../attachments/index.ts';
import { ensureCustomersFrom } from '../../tickets/index.ts';
import { type CsvRecord, CsvFileError, readCsv, readCsvBatches } from '../../../platform/csv/csv-source.ts';
import { KNOWN_COLUMNS, readOrderRow, REQUIRED_COLUMNS, type RowProblem } from './order-rows.ts';

export interface ImportOptions {
  brandSlug: string;
  /** Import the valid rows and write the rejected ones (with their reasons) to `rejectsFile`. */
  skipInvalid: boolean;
  rejectsFile?: string;
  /** The brand-local date of today: no date in the file may be later. */
  today: string;
  now: Date;
  onProgress?: (p: { rows: number; bytesRead: number; phase: 'reading' | 'checking' | 'writing' }) => void;
  /** Where invoice PDFs named by the `invoice_file` column are kept (the CLI's file store). */
  files?: FileStore;
}

export interface ImportReport {
  rows: number;
  imported: number;
  rejected: number;
  /** The first problems, by line (at most MAX_REPORTED); `rejected` counts every refused row. */
  problems: RowProblem[];
  orders: { created: number; updated: number; unchanged: number };
  units: { created: number; unchanged: number };
  /** Invoice PDFs from the `invoice_file` column: newly attached, or the same file as before. */
  invoices: { attached: number; unchanged: number };
  /** True when nothing was written (a problem without --skip-invalid). */
  rolledBack: boolean;
  /** Whether the writes ran with per-row foreign-key checks (the role may not turn them off: see withoutRowTriggers). */
  rowTriggers?: boolean;
  /** Milliseconds spent in each step, for the benchmark and the curious admin. */
  timings: Record<string, number>;
}

/** Where the rows come from: an export file (streamed), or the records an ERP pushed. */
export type ImportSource = { file: string } | { records: readonly CsvRecord[] };

/** Problems kept for the report; the rejects file has them all. */
export const MAX_REPORTED = 1000;
/** Rows per COPY: large enough to cost nothing per row, small enough to keep memory flat. */
const BATCH_ROWS = 10_000;

class Rollback extends Error {}

const STAGED = [
  'line',
  'order_ext',
  'line_ext',
  'ordered_on',
  'email',
  'customer_name',
  'country',
  'currency',
  'model_id',
  'quantity',
  'unit_price_cents',
  'serials',
  'delivered_on',
  'condition',
  'buyer',
  'seller_id',
  'payment_provider',
  'paid_on',
  'dispute_opened_on',
  'dispute_closed_on',
  'invoice_number',
  'invoice_file',
] as const;
const PROBLEM_COLUMNS = ['line', 'col', 'code', 'message'] as const;

/** The order's fields, in the order a contradiction is reported, with the file's column for each. */
const ORDER_FIELDS: [staged: string, column: string][] = [
  ['email', 'customer_email'],
  ['seller_id', 'seller'],
  ['ordered_on', 'ordered_on'],
  ['country', 'country'],
  ['buyer', 'buyer'],
  ['currency', 'currency'],
  ['payment_provider', 'payment_provider'],
  ['paid_on', 'paid_on'],
  ['dispute_opened_on', 'dispute_opened_on'],
  ['dispute_closed_on', 'dispute_closed_on'],
];

function checkColumns(columns: readonly string[]) {
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length) throw new CsvFileError(`missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')} (columns found: ${columns.join(', ')})`);
  const unknown = columns.filter((c) => !(KNOWN_COLUMNS as readonly string[]).includes(c));
  if (unknown.length) throw new CsvFileError(`unknown column${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (known: ${KNOWN_COLUMNS.join(', ')})`);
}

/**
 * Imports an orders export (order-rows.ts) in bulk, in flat memory whatever its size:
 *
 * 1. each record is checked on its own as it streams in (formats, dates, the brand's models and
 *    the sellers), and the good ones are loaded with COPY into a temporary table, 10 000 at a time;
 * 2. what needs the whole file or the store is checked there in a few set-based statements: an
 *    order described two ways, a line or a serial twice, a serial already sold on another order,
 *    an order of another customer;
 * 3. then orders, lines, units and their first history line are written with one statement each,
 *    upserted on the shop's own order and line ids and on the unit's model and serial — so
 *    re-importing a file changes nothing.
 *
 * All of it is one transaction: the file goes in whole or not at all; with `skipInvalid` the
 * refused rows are left out and written, with their reasons, to `rejectsFile`.
 */
export async function importOrders(database: Database, source: ImportSource | string, opts: ImportOptions): Promise<ImportReport> {
  const input: ImportSource = typeof source === 'string' ? { file: source } : source;
  const report: ImportReport = { rows: 0, imported: 0, rejected: 0, problems: [], orders: { created: 0, updated: 0, unchanged: 0 }, units: { created: 0, unchanged: 0 }, invoices: { attached: 0, unchanged: 0 }, rolledBack: false, timings: {} };
  const session = await openCopySession(database);
  try {
    const db = session.db;
    const brand = await db.selectFrom('brand').select(['id', 'default_locale']).where('slug', '=', opts.brandSlug).executeTakeFirst();
    if (!brand) throw new CsvFileError(`no brand "${opts.brandSlug}" (see the brands' slugs in the admin pages)`);
    const models = new Map((await db.selectFrom('product_model').select(['id', 'code']).where('brand_id', '=', brand.id).execute()).map((m) => [m.code.toUpperCase(), m.id]));
    const sellers = new Map((await db.selectFrom('organisation').select(['id', 'name']).where('kind', 'in', ['reseller', 'distributor']).execute()).map((o) => [o.name.toLowerCase(), o.id]));
    const progress = (phase: 'reading' | 'checking' | 'writing', bytesRead = -1) => opts.onProgress?.({ rows: report.rows, bytesRead, phase });

    await db.transaction().execute(async (trx) => {
      await sql`create temp table import_line (
          line int not null, order_ext text not null, line_ext text not null, ordered_on date not null, email text not null,
          customer_name text not null, country text not null, currency text not null, model_id uuid not null, quantity int not null,
          unit_price_cents bigint not null, serials text[] not null, delivered_on date, condition text not null, buyer text not null,
          seller_id uuid, payment_provider text, paid_on date, dispute_opened_on date, dispute_closed_on date, invoice_number text, invoice_file text
        ) on commit drop`.execute(trx);
      await sql`create temp table import_created_order (id uuid primary key) on commit drop`.execute(trx);
      await sql`create temp table import_summed_order (id uuid primary key) on commit drop`.execute(trx);
      await sql`create temp table import_problem (seq bigint generated always as identity, line int not null, col text not null, code text not null, message text not null) on commit drop`.execute(trx);

      // 1. Each record alone, streamed into the temporary table. A batch is copied while the next
      // one is read and checked (the server store works on its own core meanwhile).
      let staged = '';
      let stagedRows = 0;
      let problems = '';
      let problemRows = 0;
      let copying: Promise<void> = Promise.resolve();
      let waitedForCopy = 0;
      const flush = async (force: boolean) => {
        const lines = stagedRows && (force || stagedRows >= BATCH_ROWS) ? staged : '';
        const problemLines = problemRows && (force || problemRows >= BATCH_ROWS) ? problems : '';
        if (lines) [staged, stagedRows] = ['', 0];
        if (problemLines) [problems, problemRows] = ['', 0];
        const waited = performance.now();
        await copying;
        waitedForCopy += performance.now() - waited;
        copying = (async () => {
          if (lines) await session.copy('import_line', STAGED, lines);
          if (problemLines) await session.copy('import_problem', PROBLEM_COLUMNS, problemLines);
        })();
        // Never left unobserved: a failed copy is thrown by the next flush.
        copying.catch(() => {});
      };
      const batches: AsyncIterable<readonly CsvRecord[]> | Iterable<readonly CsvRecord[]> =
        'file' in input ? readCsvBatches(input.file, { onBytes: (bytes) => progress('reading', bytes), onHeader: checkColumns }) : [recordsChecked(input.records)];
      const invoiceDir = 'file' in input ? path.dirname(input.file) : null;
      const readingStarted = performance.now();
      for await (const batch of batches) {
        for (const rec of batch) {
          report.rows++;
          const checked = readOrderRow(rec.line, rec.values, opts.today);
          let rowProblems = 'problems' in checked ? checked.problems : [];
          if ('row' in checked) {
            const r = checked.row;
            const modelId = models.get(r.model.toUpperCase());
            const sellerId = r.seller ? sellers.get(r.seller.toLowerCase()) : null;
            if (!modelId) rowProblems = [{ line: rec.line, column: 'model', code: 'unknown_model', message: `no model "${r.model}" in this brand's catalog` }];
            else if (sellerId === undefined) rowProblems = [{ line: rec.line, column: 'seller', code: 'unknown_seller', message: `no reseller or distributor named "${r.seller}"` }];
            else if (r.invoiceFile) rowProblems = invoiceFileProblems(rec.line, r.invoiceFile, invoiceDir, opts.files);
            if (!rowProblems.length && modelId && sellerId !== undefined) {
              staged += copyLine([
                rec.line,
                r.orderId,
                r.lineId,
                r.orderedOn,
                r.customerEmail,
                r.customerName,
                r.country,
                r.currency,
                modelId,
                r.quantity,
                r.unitPriceCents,
                r.serials,
                r.deliveredOn,
                r.condition,
                r.buyer,
                sellerId,
                r.paymentProvider,
                r.paidOn,
                r.disputeOpenedOn,
                r.disputeClosedOn,
                r.invoiceNumber,
                r.invoiceFile && invoiceDir !== null ? path.resolve(invoiceDir, r.invoiceFile) : null,
              ]);
              stagedRows++;
            }
          }
          for (const p of rowProblems) {
            problems += copyLine([p.line, p.column, p.code, p.message]);
            problemRows++;
          }
          if (stagedRows >= BATCH_ROWS || problemRows >= BATCH_ROWS) await flush(false);
        }
        progress('reading');
      }
      await flush(true);
      const waited = performance.now();
      await copying;
      waitedForCopy += performance.now() - waited;
      report.timings['read, check and copy each row'] = Math.round(performance.now() - readingStarted);
      report.timings['… of which waiting for the store to copy'] = Math.round(waitedForCopy);
      if (report.rows === 0) throw new CsvFileError('the file has a header line and no rows');
      await sql`analyze import_line`.execute(trx);

      // 2. What needs the whole file, or the store.
      progress('checking');
      await checkStaged(trx, brand.id, report);
      const counted = await sql<{ rejected: number }>`select count(distinct line)::int as rejected from import_problem`.execute(trx);
      report.rejected = counted.rows[0]!.rejected;
      report.imported = report.rows - report.rejected;
      report.problems = (
        await sql<RowProblem & { col: string }>`select line, col, code, message from import_problem order by line, seq limit ${MAX_REPORTED}`.execute(trx)
      ).rows.map((p) => ({ line: p.line, column: p.col, code: p.code, message: p.message }));
      if (report.rejected && !opts.skipInvalid) throw new Rollback();
      if (report.rejected) await sql`delete from import_line l where exists (select 1 from import_problem p where p.line = l.line)`.execute(trx);

      // 3. The writes, one statement each; every reference is a join on rows the store holds.
      progress('writing');
      report.rowTriggers = !(await withoutRowTriggers(trx, ['app_user', 'user_brand', 'customer_order', 'order_line', 'unit', 'unit_event']));
      await writeStaged(trx, brand.id, brand.default_locale as Locale, opts.now, report);
      if (opts.files) await timed(report, 'invoices', () => attachInvoiceFiles(trx, opts.files!, brand.id, report));
      if (opts.skipInvalid && opts.rejectsFile && report.rejected && 'file' in input) await writeRejects(trx, input.file, opts.rejectsFile);
    });
    session.release();
  } catch (err) {
    // A connection that failed mid-COPY is not handed back to the pool.
    session.release(err instanceof Rollback || err instanceof CsvFileError ? undefined : err);
    if (!(err instanceof Rollback)) throw err;
    report.rolledBack = true;
    report.imported = 0;
    report.orders = { created: 0, updated: 0, unchanged: 0 };
    report.units = { created: 0, unchanged: 0 };
    report.invoices = { attached: 0, unchanged: 0 };
  }
  return report;
}

/** Pushed records: their keys are the file's columns (required ones may be empty per row). */
function recordsChecked(records: readonly CsvRecord[]): readonly CsvRecord[] {
  const unknown = new Set<string>();
  for (const r of records) for (const k of Object.keys(r.values)) if (!(KNOWN_COLUMNS as readonly string[]).includes(k)) unknown.add(k);
  if (unknown.size) throw new CsvFileError(`unknown column${unknown.size > 1 ? 's' : ''}: ${[...unknown].join(', ')} (known: ${KNOWN_COLUMNS.join(', ')})`);
  return records;
}

/** Runs a step and adds its time to the report. */
async function timed<T>(report: ImportReport, step: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await fn();
  } finally {
    report.timings[step] = Math.round((report.timings[step] ?? 0) + performance.now() - started);
  }
}

/** The checks across rows and against the store; each refused row gets its problem in import_problem. */
async function checkStaged(trx: Db, brandId: string, report: ImportReport) {
  // The same line of an order twice.
  await timed(report, 'check lines twice', () => sql`insert into import_problem (line, col, code, message)
    select l.line, 'line_id', 'duplicate', 'line ' || l.line_ext || ' of order ' || l.order_ext || ' is also on line ' || f.first_line
    from import_line l join (select order_ext, line_ext, min(line) as first_line from import_line group by 1, 2 having count(*) > 1) f
      on f.order_ext = l.order_ext and f.line_ext = l.line_ext and l.line <> f.first_line`.execute(trx));
  // An order that later lines describe otherwise than its first line does.
  const differs = ORDER_FIELDS.map(([field, column]) => sql`when l.${sql.ref(field)} is distinct from f.${sql.ref(field)} then ${column}`);
  const anyDiffers = sql.join(
    ORDER_FIELDS.map(([field]) => sql`l.${sql.ref(field)} is distinct from f.${sql.ref(field)}`),
    sql` or `,
  );
  await timed(report, 'check orders described twice', () => sql`insert into import_problem (line, col, code, message)
    select d.line, d.col, 'conflict', case when d.col = 'customer_email' then 'order ' || d.order_ext || ' belongs to another customer on an earlier line'
      else 'order ' || d.order_ext || ' has another ' || d.col || ' on an earlier line' end
    from (select l.line, l.order_ext, case ${sql.join(differs, sql` `)} end as col
      from import_line l join (select distinct on (order_ext) * from import_line order by order_ext, line) f on f.order_ext = l.order_ext
      where l.line <> f.line and (${anyDiffers})) d`.execute(trx));
  // An order this brand already has, for another customer.
  await timed(report, 'check orders of another customer', () => sql`insert into import_problem (line, col, code, message)
    select l.line, 'customer_email', 'conflict', 'order ' || l.order_ext || ' belongs to another customer'
    from import_line l join customer_order o on o.brand_id = ${brandId} and o.external_id = l.order_ext join app_user u on u.id = o.customer_id
    where lower(u.email) <> l.email`.execute(trx));
  // An address of a staff or partner account: orders belong to customers, and a brand link would be access.
  await timed(report, 'check customers', () => sql`insert into import_problem (line, col, code, message)
    select l.line, 'customer_email', 'conflict', l.email || ' is the address of a staff or partner account, not a customer'
    from import_line l join app_user u on lower(u.email) = l.email where u.role <> 'customer'`.execute(trx));
  // A serial twice in the file, or already sold on another line (or registered without an order);
  // serials and licence keys are told apart without regard to case, as the desk finds them.
  await timed(report, 'check serials twice', () => sql`insert into import_problem (line, col, code, message)
    select s.line, 'serials', 'duplicate', 'serial ' || s.serial || ' is also on line ' || s.first_line
    from (select line, serial, min(line) over (partition by model_id, upper(serial)) as first_line from import_line, unnest(serials) as serial) s
    where s.line <> s.first_line`.execute(trx));
  await timed(report, 'check serials sold', () => sql`insert into import_problem (line, col, code, message)
    select s.line, 'serials', 'duplicate', 'serial ' || s.serial || ' was already sold on another order line'
    from (select line, order_ext, line_ext, model_id, unnest(serials) as serial from import_line) s
      join unit u on u.brand_id = ${brandId} and upper(coalesce(u.serial, u.licence_key)) = upper(s.serial) and u.model_id = s.model_id
      left join order_line ol on ol.id = u.order_line_id
      left join customer_order o on o.id = ol.order_id
    where ol.id is null or o.brand_id <> ${brandId} or o.external_id <> s.order_ext or ol.external_id <> s.line_ext`.execute(trx));
}

/** Orders, lines, units and their first history line, upserted set by set from the checked rows. */
async function writeStaged(trx: Db, brandId: string, locale: Locale, now: Date, report: ImportReport) {
  // The customers, a few thousand addresses per statement (the tickets module owns accounts).
  await timed(report, 'customers', () => ensureStagedCustomers(trx, 'import_line', 'customer_name', brandId, locale));

  const orderFields = ORDER_FIELDS.filter(([f]) => f !== 'email');
  const changed = sql.join(
    orderFields.map(([f]) => sql`customer_order.${sql.ref(mapOrderColumn(f))} is distinct from excluded.${sql.ref(mapOrderColumn(f))}`),
    sql` or `,
  );
  // A new order's total is the sum of its lines in this file; it is inserted with it.
  const orders = await timed(report, 'orders', () => sql<{ orders: number; created: number; updated: number }>`
    with ins as (
      insert into customer_order (brand_id, external_id, customer_id, seller_organisation_id, ordered_on, country_of_sale, buyer, currency,
        payment_provider, paid_on, dispute_opened_on, dispute_closed_on, total_cents, created_at, updated_at)
      select ${brandId}, f.order_ext, u.id, f.seller_id, f.ordered_on, f.country, f.buyer, f.currency,
        f.payment_provider, f.paid_on, f.dispute_opened_on, f.dispute_closed_on, t.total, ${now}, ${now}
      from (select distinct on (order_ext) * from import_line order by order_ext, line) f
        join (select order_ext, sum(quantity * unit_price_cents) as total from import_line group by order_ext) t on t.order_ext = f.order_ext
        join app_user u on lower(u.email) = f.email
      -- In the file's order, as the new ids grow: each index gets its entries nearly in order.
      order by f.line
      on conflict (brand_id, external_id) do update set seller_organisation_id = excluded.seller_organisation_id, ordered_on = excluded.ordered_on,
        country_of_sale = excluded.country_of_sale, buyer = excluded.buyer, currency = excluded.currency, payment_provider = excluded.payment_provider,
        paid_on = excluded.paid_on, dispute_opened_on = excluded.dispute_opened_on, dispute_closed_on = excluded.dispute_closed_on, updated_at = excluded.updated_at
      where ${changed}
      returning id, (xmax = 0) as created
    ), kept as (
      insert into import_created_order (id) select id from ins where created
    )
    select (select count(distinct order_ext) from import_line)::int as orders,
      count(*) filter (where created)::int as created, count(*) filter (where not created)::int as updated from ins`.execute(trx));
  const o = orders.rows[0]!;
  report.orders = { created: o.created, updated: o.updated, unchanged: o.orders - o.created - o.updated };

  // An order the store already had is summed again when this file added or changed one of its lines.
  await timed(report, 'order lines', () => sql`
    with up as (
      insert into order_line (order_id, external_id, model_id, quantity, unit_price_cents)
      select o.id, l.line_ext, l.model_id, l.quantity, l.unit_price_cents
      from import_line l join customer_order o on o.brand_id = ${brandId} and o.external_id = l.order_ext
      order by l.line
      on conflict (order_id, external_id) do update set model_id = excluded.model_id, quantity = excluded.quantity, unit_price_cents = excluded.unit_price_cents
      where (order_line.model_id, order_line.quantity, order_line.unit_price_cents) is distinct from (excluded.model_id, excluded.quantity, excluded.unit_price_cents)
      returning order_id
    )
    insert into import_summed_order (id) select distinct up.order_id from up where not exists (select 1 from import_created_order c where c.id = up.order_id)`.execute(trx));
  await timed(report, 'order totals', () => sql`update customer_order o set total_cents = (select sum(ol.quantity * ol.unit_price_cents) from order_line ol where ol.order_id = o.id)
    where o.id in (select id from import_summed_order)`.execute(trx));

  // Units: a serial plate, or a software licence's key (the model says which), one per serial.
  const units = await timed(report, 'units', () => sql<{ serials: number; created: number }>`
    with s as (
      select l.line, l.order_ext, l.line_ext, l.model_id, m.identified_by, l.ordered_on, l.delivered_on, l.condition, l.country, l.buyer, l.seller_id, unnest(l.serials) as serial
      from import_line l join product_model m on m.id = l.model_id
    ), ins as (
      insert into unit (brand_id, model_id, serial, licence_key, order_line_id, owner_id, seller_organisation_id, purchased_on, delivered_on, condition, country_of_sale, buyer, created_at)
      select ${brandId}, s.model_id, case when s.identified_by = 'serial' then s.serial end, case when s.identified_by = 'licence_key' then s.serial end,
        ol.id, o.customer_id, s.seller_id, s.ordered_on, s.delivered_on, s.condition, s.country, s.buyer, ${now}
      from s join customer_order o on o.brand_id = ${brandId} and o.external_id = s.order_ext
        join order_line ol on ol.order_id = o.id and ol.external_id = s.line_ext
      order by s.line
      on conflict (model_id, upper(coalesce(serial, licence_key))) do nothing
      returning id, model_id, upper(coalesce(serial, licence_key)) as identity
    ), ev as (
      insert into unit_event (unit_id, at, kind, data)
      select ins.id, ${now}, 'imported', jsonb_build_object('order', s.order_ext, 'line', s.line_ext)
      from ins join s on s.model_id = ins.model_id and upper(s.serial) = ins.identity
    )
    select (select count(*) from s)::int as serials, (select count(*) from ins)::int as created`.execute(trx));
  const u = units.rows[0]!;
  report.units = { created: u.created, unchanged: u.serials - u.created };
}

/**
 * The customers behind a staged import's addresses (`email` and a name column of `table`), the
 * name of each address's first line, through the tickets module that owns accounts.
 */
export async function ensureStagedCustomers(trx: Db, table: 'import_line' | 'import_unit', nameColumn: 'customer_name' | 'owner_name', brandId: string, locale: Locale) {
  // Each address once, with its first line's name: sorted once here, read twice by the tickets module.
  await sql`create temp table import_customer on commit drop as
    select distinct on (email) email as address, ${sql.ref(nameColumn)} as name from ${sql.table(table)} order by email, line`.execute(trx);
  await ensureCustomersFrom(trx, brandId, locale, sql<{ address: string; name: string }>`select address, name from import_customer`);
}

function mapOrderColumn(staged: string): string {
  return staged === 'seller_id' ? 'seller_organisation_id' : staged === 'country' ? 'country_of_sale' : staged;
}

/**
 * The refused rows as the file had them, with their reasons: a second pass over the file, merged
 * with the problems read back in line order, a few thousand at a time (flat memory).
 */
async function writeRejects(trx: Db, file: string, rejectsFile: string) {
  let afterLine = 0;
  let pending: { line: number; reasons: string }[] = [];
  const nextProblems = async () => {
    const rows = await sql<{ line: number; reasons: string }>`select line, string_agg(col || ': ' || message, '; ' order by seq) as reasons
      from import_problem where line > ${afterLine} group by line order by line limit 5000`.execute(trx);
    pending = rows.rows;
    if (pending.length) afterLine = pending.at(-1)!.line;
  };
  await nextProblems();
  const out = fs.createWriteStream(rejectsFile);
  let columns: string[] | undefined;
  let writer: ReturnType<typeof stringify> | undefined;
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  let i = 0;
  for await (const rec of readCsv(file)) {
    if (!columns) {
      columns = Object.keys(rec.values);
      writer = stringify({ header: true, columns: ['line', ...columns, 'reasons'], delimiter: ';', bom: true });
      writer.pipe(out);
    }
    // The next refused line at or after this record (each refused line is a record of the file).
    while (pending.length && (i >= pending.length || pending[i]!.line < rec.line)) {
      if (i >= pending.length) {
        await nextProblems();
        i = 0;
      } else i++;
    }
    if (!pending.length) break;
    const p = pending[i]!;
    if (p.line !== rec.line) continue;
    i++;
    if (!writer!.write([rec.line, ...columns.map((c) => rec.values[c] ?? ''), p.reasons])) await new Promise((r) => writer!.once('drain', r));
  }
  if (writer) writer.end();
  else out.end();
  await done;
}

/** An invoice file must be there, be a PDF, and fit; pushed rows (the API) attach invoices with PUT /orders/:id/invoice instead. */
function invoiceFileProblems(line: number, file: string, dir: string | null, files: FileStore | undefined): RowProblem[] {
  const problem = (code: RowProblem['code'], message: string): RowProblem[] => [{ line, column: 'invoice_file', code, message }];
  if (dir === null || !files) return problem('invalid_value', 'invoice files come with an export file (npm run apres -- import orders); over the API use PUT /orders/{id}/invoice');
  const full = path.resolve(dir, file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(full);
  } catch {
    return problem('invalid_value', `no file ${file} next to the export`);
  }
  if (!stat.isFile()) return problem('invalid_value', `${file} is not a file`);
  if (stat.size > MAX_INVOICE_BYTES) return problem('too_big', `${file} is larger than ${MAX_INVOICE_BYTES / 1024 / 1024} MB`);
  const head = Buffer.alloc(5);
  const fd = fs.openSync(full, 'r');
  try {
    fs.readSync(fd, head, 0, 5, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.toString('latin1') !== '%PDF-') return problem('invalid_format', `${file} is not a PDF`);
  return [];
}

const MAX_INVOICE_BYTES = 20 * 1024 * 1024;

/**
 * Keeps each order's invoice PDF named in the file (the first line of the order that names one)
 * and links it to the order; the same PDF as the order already has changes nothing.
 */
async function attachInvoiceFiles(trx: Db, files: FileStore, brandId: string, report: ImportReport) {
  let after = '';
  for (;;) {
    const batch = await sql<{ order_ext: string; invoice_file: string; invoice_number: string | null; id: string; sha256: string | null; current_number: string | null }>`
      select f.order_ext, f.invoice_file, f.invoice_number, o.id, a.sha256, o.invoice_number as current_number
      from (select distinct on (order_ext) order_ext, invoice_file, invoice_number from import_line where invoice_file is not null and order_ext > ${after} order by order_ext, line) f
        join customer_order o on o.brand_id = ${brandId} and o.external_id = f.order_ext
        left join attachment a on a.id = o.invoice_attachment_id
      order by f.order_ext limit 500`.execute(trx);
    if (!batch.rows.length) return;
    for (const r of batch.rows) {
      const content = await fs.promises.readFile(r.invoice_file);
      if (crypto.createHash('sha256').update(content).digest('hex') === r.sha256) {
        // The same PDF: only a corrected number changes the order.
        if (r.invoice_number && r.invoice_number !== r.current_number) {
          await sql`update customer_order set invoice_number = ${r.invoice_number} where id = ${r.id}`.execute(trx);
          report.invoices.attached++;
        } else report.invoices.unchanged++;
        continue;
      }
      const doc = await storeDocument(trx, files, { content, filename: path.basename(r.invoice_file), uploadedById: null });
      await sql`update customer_order set invoice_attachment_id = ${doc.id}, invoice_number = coalesce(${r.invoice_number}, invoice_number) where id = ${r.id}`.execute(trx);
      report.invoices.attached++;
    }
    after = batch.rows.at(-1)!.order_ext;
  }
}
