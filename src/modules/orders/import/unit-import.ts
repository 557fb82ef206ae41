import { sql } from 'kysely';
import { CsvFileError, readCsv } from '../../../platform/csv/csv-source.ts';
import { copyLine, openCopySession, withoutRowTriggers } from '../../../platform/db/copy.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { Locale } from '../../../platform/db/schema.ts';
import { ensureStagedCustomers, MAX_REPORTED } from './order-import.ts';
import { parseDate } from './order-rows.ts';

/**
 * An installed-base export: units known without their order (sold before Apres, or by a channel
 * whose orders are not imported). One unit per row. Columns (header names case-insensitive):
 *
 *   model, serial or licence_key, country (required); owner_email, owner_name, purchased_on,
 *   delivered_on, condition (new | refurbished | second_hand), buyer (consumer | business), seller
 *
 * A unit is upserted on its model and serial (or licence key): importing the same file again
 * changes nothing. A unit the store knows from an order, or owned by someone else, is refused.
 */
const REQUIRED = ['model', 'country'];
const KNOWN = ['model', 'serial', 'licence_key', 'country', 'owner_email', 'owner_name', 'purchased_on', 'delivered_on', 'condition', 'buyer', 'seller'];
const STAGED = ['line', 'model_id', 'serial', 'licence_key', 'country', 'email', 'owner_name', 'purchased_on', 'delivered_on', 'condition', 'buyer', 'seller_id'] as const;
const CONDITIONS: Record<string, 'new' | 'refurbished' | 'second_hand'> = { new: 'new', neuf: 'new', refurbished: 'refurbished', reconditionne: 'refurbished', reconditionné: 'refurbished', second_hand: 'second_hand', used: 'second_hand', occasion: 'second_hand' };
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
const BATCH_ROWS = 10_000;

export interface UnitImportReport {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  problems: { line: number; column: string; message: string }[];
  rolledBack: boolean;
}

class Rollback extends Error {}

export async function importUnits(database: Database, file: string, opts: { brandSlug: string; today: string; now: Date; onProgress?: (p: { rows: number; bytesRead: number }) => void }): Promise<UnitImportReport> {
  const report: UnitImportReport = { rows: 0, created: 0, updated: 0, unchanged: 0, rejected: 0, problems: [], rolledBack: false };
  const session = await openCopySession(database);
  try {
    const db = session.db;
    const brand = await db.selectFrom('brand').select(['id', 'default_locale']).where('slug', '=', opts.brandSlug).executeTakeFirst();
    if (!brand) throw new CsvFileError(`no brand "${opts.brandSlug}" (see the brands' slugs in the admin pages)`);
    const models = new Map((await db.selectFrom('product_model').select(['id', 'code', 'identified_by']).where('brand_id', '=', brand.id).execute()).map((m) => [m.code.toUpperCase(), m]));
    const sellers = new Map((await db.selectFrom('organisation').select(['id', 'name']).where('kind', 'in', ['reseller', 'distributor']).execute()).map((o) => [o.name.toLowerCase(), o.id]));
    await db.transaction().execute(async (trx) => {
      await sql`create temp table import_unit (line int not null, model_id uuid not null, serial text, licence_key text, country text not null, email text, owner_name text,
        purchased_on date, delivered_on date, condition text not null, buyer text not null, seller_id uuid) on commit drop`.execute(trx);
      await sql`create temp table import_unit_problem (seq bigint generated always as identity, line int not null, col text not null, message text not null) on commit drop`.execute(trx);
      let staged = '';
      let stagedRows = 0;
      let problems = '';
      let problemRows = 0;
      const flush = async () => {
        if (stagedRows) await session.copy('import_unit', STAGED, staged);
        if (problemRows) await session.copy('import_unit_problem', ['line', 'col', 'message'], problems);
        staged = problems = '';
        stagedRows = problemRows = 0;
      };
      const records = readCsv(file, {
        onBytes: (bytesRead) => opts.onProgress?.({ rows: report.rows, bytesRead }),
        onHeader: (columns) => {
          const missing = REQUIRED.filter((c) => !columns.includes(c));
          if (missing.length) throw new CsvFileError(`missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')} (columns found: ${columns.join(', ')})`);
          if (!columns.includes('serial') && !columns.includes('licence_key')) throw new CsvFileError('missing column: serial or licence_key');
          const unknown = columns.filter((c) => !KNOWN.includes(c));
          if (unknown.length) throw new CsvFileError(`unknown column${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (known: ${KNOWN.join(', ')})`);
        },
      });
      for await (const rec of records) {
        report.rows++;
        const v = (c: string) => (rec.values[c] ?? '').trim();
        const rowProblems: [string, string][] = [];
        const model = models.get(v('model').toUpperCase());
        if (!v('model')) rowProblems.push(['model', 'is empty']);
        else if (!model) rowProblems.push(['model', `no model "${v('model')}" in this brand's catalog`]);
        const serial = v('serial') || null;
        const licence = v('licence_key') || null;
        if (model?.identified_by === 'licence_key' ? !licence && !serial : !serial) rowProblems.push([model?.identified_by === 'licence_key' ? 'licence_key' : 'serial', 'is empty']);
        if ((serial?.length ?? 0) > 100 || (licence?.length ?? 0) > 200) rowProblems.push([serial && serial.length > 100 ? 'serial' : 'licence_key', 'is too long']);
        const country = v('country').toUpperCase();
        if (!/^[A-Z]{2}$/.test(country)) rowProblems.push(['country', `"${v('country')}" is not a two-letter country code (FR, RO, SE…)`]);
        const email = v('owner_email').toLowerCase() || null;
        if (email && !EMAIL.test(email)) rowProblems.push(['owner_email', `"${email}" is not an e-mail address`]);
        const date = (c: string) => {
          if (!v(c)) return null;
          const d = parseDate(v(c));
          if (!d) rowProblems.push([c, `"${v(c)}" is not a date (YYYY-MM-DD or DD/MM/YYYY)`]);
          else if (d > opts.today) rowProblems.push([c, `${d} is after today (${opts.today})`]);
          return d;
        };
        const purchasedOn = date('purchased_on');
        const deliveredOn = date('delivered_on');
        if (purchasedOn && deliveredOn && deliveredOn < purchasedOn) rowProblems.push(['delivered_on', `delivered (${deliveredOn}) before it was bought (${purchasedOn})`]);
        const condition = CONDITIONS[(v('condition') || 'new').toLowerCase().replace(/[\s-]+/g, '_')];
        if (!condition) rowProblems.push(['condition', `"${v('condition')}" is not new, refurbished or second_hand`]);
        const buyer = (v('buyer') || 'consumer').toLowerCase();
        if (buyer !== 'consumer' && buyer !== 'business') rowProblems.push(['buyer', `"${v('buyer')}" is not consumer or business`]);
        const sellerId = v('seller') ? sellers.get(v('seller').toLowerCase()) : null;
        if (sellerId === undefined) rowProblems.push(['seller', `no reseller or distributor named "${v('seller')}"`]);
        if (rowProblems.length) {
          for (const [col, message] of rowProblems) problems += copyLine([rec.line, col, message]);
          problemRows += rowProblems.length;
        } else {
          const isLicence = model!.identified_by === 'licence_key';
          staged += copyLine([rec.line, model!.id, isLicence ? null : serial, isLicence ? (licence ?? serial) : null, country, email, v('owner_name').replace(/\s+/g, ' '), purchasedOn, deliveredOn, condition!, buyer, sellerId]);
          stagedRows++;
        }
        if (stagedRows >= BATCH_ROWS || problemRows >= BATCH_ROWS) await flush();
      }
      await flush();
      if (report.rows === 0) throw new CsvFileError('the file has a header line and no rows');
      await sql`analyze import_unit`.execute(trx);
      // Across the file and against the store.
      await sql`insert into import_unit_problem (line, col, message)
        select line, case when serial is null then 'licence_key' else 'serial' end, 'unit ' || coalesce(serial, licence_key) || ' is also on line ' || first_line
        from (select line, serial, licence_key, min(line) over (partition by model_id, upper(coalesce(serial, licence_key))) as first_line from import_unit) d
        where line <> first_line`.execute(trx);
      await sql`insert into import_unit_problem (line, col, message)
        select i.line, case when i.serial is null then 'licence_key' else 'serial' end,
          case when u.order_line_id is not null then 'unit ' || coalesce(i.serial, i.licence_key) || ' came with an order: import it with the orders'
            when coalesce(u.serial, u.licence_key) <> coalesce(i.serial, i.licence_key) then 'unit ' || coalesce(i.serial, i.licence_key) || ' is already known as ' || coalesce(u.serial, u.licence_key)
            else 'unit ' || coalesce(i.serial, i.licence_key) || ' belongs to another owner' end
        from import_unit i join unit u on u.model_id = i.model_id and upper(coalesce(u.serial, u.licence_key)) = upper(coalesce(i.serial, i.licence_key))
          left join app_user o on o.id = u.owner_id
        where u.order_line_id is not null or coalesce(u.serial, u.licence_key) <> coalesce(i.serial, i.licence_key)
          or (u.owner_id is not null and (i.email is null or lower(o.email) <> i.email))`.execute(trx);
      await sql`insert into import_unit_problem (line, col, message)
        select i.line, 'owner_email', i.email || ' is the address of a staff or partner account, not a customer'
        from import_unit i join app_user u on lower(u.email) = i.email where u.role <> 'customer'`.execute(trx);
      report.rejected = (await sql<{ n: number }>`select count(distinct line)::int as n from import_unit_problem`.execute(trx)).rows[0]!.n;
      report.problems = (await sql<{ line: number; col: string; message: string }>`select line, col, message from import_unit_problem order by line, seq limit ${MAX_REPORTED}`.execute(trx)).rows.map((p) => ({ line: p.line, column: p.col, message: p.message }));
      if (report.rejected) throw new Rollback();

      // Every reference below is a join on rows the store holds: no per-row foreign-key check.
      await withoutRowTriggers(trx, ['app_user', 'user_brand', 'unit', 'unit_event']);
      await ensureStagedCustomers(trx, 'import_unit', 'owner_name', brand.id, brand.default_locale as Locale);
      // Each unit is known by its model and its serial or licence key, whatever their case.
      const counts = await sql<{ total: number; created: number; updated: number }>`
        with ins as (
          insert into unit (brand_id, model_id, serial, licence_key, owner_id, seller_organisation_id, purchased_on, delivered_on, condition, country_of_sale, buyer, created_at)
          select ${brand.id}, i.model_id, i.serial, i.licence_key, o.id, i.seller_id, i.purchased_on, i.delivered_on, i.condition, i.country, i.buyer, ${opts.now}
          from import_unit i left join app_user o on lower(o.email) = i.email
          order by i.line
          on conflict (model_id, upper(coalesce(serial, licence_key))) do update set owner_id = excluded.owner_id, seller_organisation_id = excluded.seller_organisation_id, purchased_on = excluded.purchased_on,
            delivered_on = excluded.delivered_on, condition = excluded.condition, country_of_sale = excluded.country_of_sale, buyer = excluded.buyer
          where (unit.owner_id, unit.seller_organisation_id, unit.purchased_on, unit.delivered_on, unit.condition, unit.country_of_sale, unit.buyer)
            is distinct from (excluded.owner_id, excluded.seller_organisation_id, excluded.purchased_on, excluded.delivered_on, excluded.condition, excluded.country_of_sale, excluded.buyer)
          returning id, (xmax = 0) as created
        ), ev as (
          insert into unit_event (unit_id, at, kind, data) select id, ${opts.now}, 'imported', '{"source":"units"}'::jsonb from ins where created
        )
        select (select count(*) from import_unit)::int as total, count(*) filter (where created)::int as created, count(*) filter (where not created)::int as updated from ins`.execute(trx);
      const c = counts.rows[0]!;
      report.created += c.created;
      report.updated += c.updated;
      report.unchanged += c.total - c.created - c.updated;
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
    report.rolledBack = true;
  } finally {
    session.release();
  }
  return report;
}
