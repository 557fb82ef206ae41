import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/clock.ts';
import { describeStores, STORES } from '../../../test/db.ts';
import { createProcessStore, ROOT } from '../../../test/mail-process.ts';
import { CsvFileError, sniffCsv } from '../../../platform/csv/csv-source.ts';
import { FileStore } from '../../../platform/files/file-store.ts';
import { importOrders } from './order-import.ts';
import { parseDate, parsePriceCents } from './order-rows.ts';

const TODAY = TEST_NOW.toISOString().slice(0, 10);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apres-import-'));
const write = (name: string, content: string | Buffer) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};
const BOM = '\ufeff';
const HEADER = 'order_id;line_id;ordered_on;customer_email;customer_name;country;currency;model;quantity;unit_price;serials;delivered_on;payment_provider;paid_on;dispute_opened_on';

describe('reading what shops export', () => {
  it('reads prices with a decimal comma or point and spaces between thousands', () => {
    expect(parsePriceCents('1 299,90')).toBe(129990);
    expect(parsePriceCents('1.299,90')).toBe(129990);
    expect(parsePriceCents('1299.9')).toBe(129990);
    expect(parsePriceCents('349')).toBe(34900);
    expect(parsePriceCents('12,5 €')).toBe(1250);
    expect(parsePriceCents('douze')).toBeNull();
  });

  it('reads ISO and French dates, and refuses days that do not exist', () => {
    expect(parseDate('2026-05-04')).toBe('2026-05-04');
    expect(parseDate('04/05/2026')).toBe('2026-05-04');
    expect(parseDate('4.5.2026')).toBe('2026-05-04');
    expect(parseDate('31/02/2026')).toBeNull();
    expect(parseDate('05-04-2026')).toBeNull();
  });

  it('tells the encoding and the separator from the file, and refuses what it cannot read', () => {
    expect(sniffCsv(Buffer.from(`${BOM}a;b;c\n1;2;3\n`))).toEqual({ encoding: 'utf-8', bom: true, delimiter: ';' });
    expect(sniffCsv(iconv.encode('nom,prénom\nLéa,Zoé\n', 'windows-1252'))).toEqual({ encoding: 'windows-1252', bom: false, delimiter: ',' });
    expect(sniffCsv(Buffer.from('a\tb\n1\t2\n'))).toMatchObject({ delimiter: '\t' });
    expect(() => sniffCsv(Buffer.from('\xff\xfea\x00;\x00', 'latin1'))).toThrow(/UTF-16/);
    expect(() => sniffCsv(Buffer.from('justonecolumn\n1\n'))).toThrow(CsvFileError);
    expect(() => sniffCsv(Buffer.alloc(0))).toThrow(/empty/);
  });
});

describeStores('importing orders', (ctx) => {
  const opts = (extra: Partial<Parameters<typeof importOrders>[2]> = {}) => ({ brandSlug: 'mecashop', skipInvalid: false, today: TODAY, now: TEST_NOW, ...extra });

  it('imports a French Excel export (BOM, ";", decimal commas, dd/mm/yyyy, a quoted newline) and changes nothing the second time', async () => {
    const { db, database, store } = ctx();
    const file = write(
      `excel-${store}.csv`,
      `${BOM}${HEADER}\r\nMS-30001;1;02/05/2026;lea.martin@example.fr;"Léa\r\nMartin";FR;EUR;TD-46;1;349,90;TD-${store}-01;05/05/2026;PayPal;02/05/2026;20/05/2026\r\nMS-30001;2;02/05/2026;lea.martin@example.fr;"Léa\r\nMartin";FR;EUR;TR-45;2;"1 279,00";TR-${store}-01 TR-${store}-02;05/05/2026;PayPal;02/05/2026;20/05/2026\r\n`,
    );
    const first = await importOrders(database, file, opts());
    expect(first).toMatchObject({ rows: 2, imported: 2, rejected: 0, rolledBack: false, orders: { created: 1 }, units: { created: 3 } });
    const order = await db.selectFrom('customer_order').selectAll().where('external_id', '=', 'MS-30001').executeTakeFirstOrThrow();
    expect(order).toMatchObject({ ordered_on: '2026-05-02', paid_on: '2026-05-02', dispute_opened_on: '2026-05-20', payment_provider: 'PayPal', country_of_sale: 'FR', currency: 'EUR', total_cents: 34990 + 2 * 127900 });
    const units = await db.selectFrom('unit').select(['serial', 'delivered_on', 'owner_id']).where('serial', 'like', `%-${store}-%`).orderBy('serial').execute();
    expect(units.map((u) => [u.serial, u.delivered_on])).toEqual([
      [`TD-${store}-01`, '2026-05-05'],
      [`TR-${store}-01`, '2026-05-05'],
      [`TR-${store}-02`, '2026-05-05'],
    ]);
    const customer = await db.selectFrom('app_user').select(['name', 'role']).where('email', '=', 'lea.martin@example.fr').executeTakeFirstOrThrow();
    expect(customer).toEqual({ name: 'Léa Martin', role: 'customer' });

    const again = await importOrders(database, file, opts());
    expect(again).toMatchObject({ imported: 2, orders: { created: 0, updated: 0, unchanged: 1 }, units: { created: 0, unchanged: 3 } });
    expect(Number((await db.selectFrom('customer_order').select((eb) => eb.fn.countAll<string>().as('n')).where('external_id', '=', 'MS-30001').executeTakeFirstOrThrow()).n)).toBe(1);
  });

  it('reads a windows-1252 export with "," separators', async () => {
    const { db, database, store } = ctx();
    const csv = `order_id,line_id,ordered_on,customer_email,customer_name,country,currency,model,quantity,unit_price,serials\nMS-31001,1,2026-04-01,zoe.lefevre@example.fr,Zoé Lefèvre,FR,EUR,DB-52,1,"149,00",DB-${store}-77\n`;
    const report = await importOrders(database, write(`cp1252-${store}.csv`, iconv.encode(csv, 'windows-1252')), opts());
    expect(report).toMatchObject({ imported: 1, rolledBack: false });
    expect((await db.selectFrom('app_user').select('name').where('email', '=', 'zoe.lefevre@example.fr').executeTakeFirstOrThrow()).name).toBe('Zoé Lefèvre');
  });

  it('reports every broken row with its line and column, and imports nothing', async () => {
    const { db, database, store } = ctx();
    const file = write(
      `broken-${store}.csv`,
      [
        HEADER,
        `MS-32001;1;2026-05-02;ana@example.fr;Ana;FR;EUR;TD-46;1;349,90;TD-${store}-90;2026-05-05;;;`,
        `MS-32002;1;2026-05-02;ana@example.fr;Ana;FR;EUR;XX-99;1;349,90;;2026-05-05;;;`,
        `MS-32003;1;2099-01-01;ana@example.fr;Ana;FR;EUR;TD-46;1;349,90;;;;;`,
        `MS-32004;1;2026-05-02;ana@example.fr;Ana;FR;EUR;TD-46;1;trois cents;;2026-04-01;;;`,
        `MS-32005;1;2026-05-02;not-an-address;Ana;France;EUR;TD-46;0;349,90;;;;;`,
        `MS-32006;1;2026-05-02;ana@example.fr;Ana;FR;EUR;TD-46;1;349,90;TD-${store}-90;;;;`,
      ].join('\n'),
    );
    const report = await importOrders(database, file, opts());
    expect(report.rolledBack).toBe(true);
    expect(report.imported).toBe(0);
    expect(report.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [3, 'model', 'unknown_model'],
      [4, 'ordered_on', 'in_future'],
      [5, 'delivered_on', 'invalid_value'],
      [5, 'unit_price', 'invalid_format'],
      [6, 'customer_email', 'invalid_format'],
      [6, 'country', 'invalid_format'],
      [6, 'quantity', 'invalid_value'],
      [7, 'serials', 'duplicate'],
    ]);
    // Line 7 repeats line 2's serial: found across the file, before anything is written; nothing is in the store.
    expect(await db.selectFrom('customer_order').select('id').where('external_id', 'like', 'MS-3200%').execute()).toEqual([]);
    expect(await db.selectFrom('unit').select('id').where('serial', '=', `TD-${store}-90`).execute()).toEqual([]);
  });

  it('with --skip-invalid imports the valid rows and writes the others to a rejects file with their reasons', async () => {
    const { db, database, store } = ctx();
    const file = write(
      `skip-${store}.csv`,
      [HEADER, `MS-33001;1;2026-05-02;ana@example.fr;Ana;FR;EUR;TD-46;1;349,90;TD-${store}-50;;;;`, `MS-33002;1;2026-05-02;ana@example.fr;Ana;FR;EUR;TD-46;1;349,90;TD-${store}-50;;;;`, `MS-33003;1;2026-05-02;ana@example.fr;Ana;FR;EUR;ZZ-1;1;1;;;;;`].join('\n'),
    );
    const rejectsFile = path.join(dir, `skip-${store}.rejects.csv`);
    const report = await importOrders(database, file, opts({ skipInvalid: true, rejectsFile }));
    expect(report).toMatchObject({ rows: 3, imported: 1, rejected: 2, rolledBack: false, orders: { created: 1 }, units: { created: 1 } });
    expect(report.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [3, 'serials', 'duplicate'],
      [4, 'model', 'unknown_model'],
    ]);
    // The second order was undone with its row.
    expect((await db.selectFrom('customer_order').select('external_id').where('external_id', 'like', 'MS-3300%').execute()).map((o) => o.external_id)).toEqual(['MS-33001']);
    const rejects = parse(fs.readFileSync(rejectsFile), { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(rejects.map((r) => [r.line, r.order_id, r.reasons])).toEqual([
      ['3', 'MS-33002', `serials: serial TD-${store}-50 is also on line 2`],
      ['4', 'MS-33003', 'model: no model "ZZ-1" in this brand\'s catalog'],
    ]);
  });

  it('refuses an export that contradicts itself about an order', async () => {
    const { database, store } = ctx();
    const file = write(`contradicts-${store}.csv`, [HEADER, `MS-34001;1;2026-05-02;ana@example.fr;Ana;FR;EUR;TD-46;1;349,90;;;PayPal;2026-05-02;`, `MS-34001;2;2026-05-02;ana@example.fr;Ana;FR;SEK;TD-46;1;349,90;;;PayPal;2026-05-02;`].join('\n'));
    const report = await importOrders(database, file, opts());
    expect(report.rolledBack).toBe(true);
    expect(report.problems).toEqual([{ line: 3, column: 'currency', code: 'conflict', message: 'order MS-34001 has another currency on an earlier line' }]);
  });

  it('refuses a line twice, a serial sold on another order, and an order of another customer, against what the store holds', async () => {
    const { db, database, store } = ctx();
    const first = await importOrders(database, write(`held-${store}.csv`, [HEADER, `MS-35001;1;2026-05-02;ana@example.fr;Ana;FR;EUR;TD-46;1;349,90;TD-${store}-77;;;;`].join('\n')), opts());
    expect(first).toMatchObject({ imported: 1, rolledBack: false });
    const file = write(
      `held2-${store}.csv`,
      [
        HEADER,
        `MS-35002;1;2026-05-02;bob@example.fr;Bob;FR;EUR;TD-46;1;349,90;TD-${store}-77;;;;`,
        `MS-35001;2;2026-05-02;bob@example.fr;Bob;FR;EUR;TD-46;1;349,90;;;;;`,
        `MS-35003;1;2026-05-02;bob@example.fr;Bob;FR;EUR;TD-46;1;349,90;;;;;`,
        `MS-35003;1;2026-05-02;bob@example.fr;Bob;FR;EUR;TD-46;2;349,90;;;;;`,
        `MS-35004;1;2026-05-02;Agent@Mecashop.example;Julie;FR;EUR;TD-46;1;349,90;td-${store}-77;;;;`,
      ].join('\n'),
    );
    const report = await importOrders(database, file, opts());
    expect(report).toMatchObject({ rows: 5, rejected: 4, rolledBack: true });
    expect(report.problems).toEqual([
      { line: 2, column: 'serials', code: 'duplicate', message: `serial TD-${store}-77 was already sold on another order line` },
      { line: 3, column: 'customer_email', code: 'conflict', message: 'order MS-35001 belongs to another customer' },
      { line: 5, column: 'line_id', code: 'duplicate', message: 'line 1 of order MS-35003 is also on line 4' },
      // A staff address is no customer, and a serial differing only in case is the same serial.
      { line: 6, column: 'customer_email', code: 'conflict', message: 'agent@mecashop.example is the address of a staff or partner account, not a customer' },
      { line: 6, column: 'serials', code: 'duplicate', message: `serial td-${store}-77 is also on line 2` },
      { line: 6, column: 'serials', code: 'duplicate', message: `serial td-${store}-77 was already sold on another order line` },
    ]);
    expect(await db.selectFrom('customer_order').select('id').where('external_id', 'in', ['MS-35002', 'MS-35003']).execute()).toEqual([]);
  });

  it('takes the rows an ERP pushes, as records, with the same checks and the same idempotence', async () => {
    const { database, store } = ctx();
    const values = { order_id: 'ERP-1', line_id: 'A', ordered_on: '2026-05-02', customer_email: 'erp@example.fr', country: 'FR', currency: 'EUR', model: 'TD-46', quantity: '1', unit_price: '349.90', serials: `TD-${store}-ERP` };
    const pushed = await importOrders(database, { records: [{ line: 1, values }] }, opts());
    expect(pushed).toMatchObject({ imported: 1, orders: { created: 1 }, units: { created: 1 } });
    const again = await importOrders(database, { records: [{ line: 1, values }] }, opts());
    expect(again).toMatchObject({ imported: 1, orders: { created: 0, updated: 0, unchanged: 1 }, units: { created: 0, unchanged: 1 } });
    await expect(importOrders(database, { records: [{ line: 1, values: { ...values, colour: 'red' } }] }, opts())).rejects.toThrow(/unknown column: colour/);
    // A later push adds a line and changes a price: the order's total follows its lines.
    const later = await importOrders(database, { records: [{ line: 1, values: { ...values, unit_price: '300' } }, { line: 2, values: { ...values, line_id: 'B', quantity: '2', unit_price: '10', serials: '' } }] }, opts());
    expect(later).toMatchObject({ imported: 2, orders: { unchanged: 1 } });
    const order = await ctx().db.selectFrom('customer_order').select('total_cents').where('external_id', '=', 'ERP-1').executeTakeFirstOrThrow();
    expect(order.total_cents).toBe(30000 + 2 * 1000);
  });

  it('attaches the invoice PDFs named next to the export, refuses one that is not a PDF, and keeps the same PDF once', async () => {
    const { db, database, store, filesDir } = ctx();
    const files = new FileStore(filesDir);
    fs.writeFileSync(path.join(dir, `FA-${store}-1.pdf`), '%PDF-1.4\n% invoice FA-1\n%%EOF\n');
    fs.writeFileSync(path.join(dir, `FA-${store}-2.jpg`), Buffer.from('ffd8ffe000104a464946', 'hex'));
    const header = `${HEADER};invoice_number;invoice_file`;
    const row = (order: string, file: string) => `${order};1;2026-05-02;ana@example.fr;Ana;FR;EUR;TD-46;1;349,90;;;;;;FA-${order};${file}`;
    const bad = write(`inv-bad-${store}.csv`, [header, row(`MS-36001-${store}`, `FA-${store}-1.pdf`), row(`MS-36002-${store}`, `FA-${store}-2.jpg`), row(`MS-36003-${store}`, 'missing.pdf')].join('\n'));
    const refused = await importOrders(database, bad, opts({ files }));
    expect(refused.rolledBack).toBe(true);
    expect(refused.problems).toEqual([
      { line: 3, column: 'invoice_file', code: 'invalid_format', message: `FA-${store}-2.jpg is not a PDF` },
      { line: 4, column: 'invoice_file', code: 'invalid_value', message: 'no file missing.pdf next to the export' },
    ]);
    const good = write(`inv-${store}.csv`, [header, row(`MS-36001-${store}`, `FA-${store}-1.pdf`)].join('\n'));
    expect(await importOrders(database, good, opts({ files }))).toMatchObject({ imported: 1, invoices: { attached: 1, unchanged: 0 } });
    const order = await db.selectFrom('customer_order as o').innerJoin('attachment as a', 'a.id', 'o.invoice_attachment_id').select(['o.invoice_number', 'a.filename', 'a.content_type']).where('o.external_id', '=', `MS-36001-${store}`).executeTakeFirstOrThrow();
    expect(order).toEqual({ invoice_number: `FA-MS-36001-${store}`, filename: `FA-${store}-1.pdf`, content_type: 'application/pdf' });
    expect(await importOrders(database, good, opts({ files }))).toMatchObject({ invoices: { attached: 0, unchanged: 1 } });
  });

  it('refuses a file it cannot read, with the reason', async () => {
    const { database, store } = ctx();
    await expect(importOrders(database, write(`cols-${store}.csv`, 'order_id;model\n1;TD-46\n'), opts())).rejects.toThrow(/missing columns: line_id, ordered_on/);
    await expect(importOrders(database, write(`extra-${store}.csv`, `${HEADER};colour\n`), opts())).rejects.toThrow(/unknown column: colour/);
    await expect(importOrders(database, write(`quote-${store}.csv`, `${HEADER}\nMS-1;1;2026-05-02;"ana@example.fr;Ana;FR;EUR;TD-46;1;1;;;;;\n`), opts())).rejects.toThrow(/line \d+/);
    await expect(importOrders(database, write(`empty-${store}.csv`, `${HEADER}\n`), opts())).rejects.toThrow(/no rows/);
    await expect(importOrders(database, write(`brand-${store}.csv`, `${HEADER}\n`), opts({ brandSlug: 'nope' }))).rejects.toThrow(/no brand "nope"/);
  });
});

/** The command an admin runs, as a process, against each store. */
describe.each(STORES)('npm run apres -- import orders [%s]', (store) => {
  let proc: Awaited<ReturnType<typeof createProcessStore>>;
  beforeAll(async () => {
    proc = await createProcessStore(store);
  });
  afterAll(() => proc?.drop());

  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--max-old-space-size=160', '--import', 'tsx', path.join(ROOT, 'src/cli.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...proc.env, NODE_ENV: 'test', APRES_TEST_NOW: TEST_NOW.toISOString() },
      encoding: 'utf8',
    });

  // Several runs of the CLI, each a new Node process that compiles the sources: minutes on a loaded 2-core machine.
  it('imports, refuses a broken file with exit code 1, and says how to call it otherwise', { timeout: 240_000 }, () => {
    const good = write(`cli-${store}.csv`, `${BOM}${HEADER}\nMS-40001;1;02/05/2026;cli@example.fr;Cli;FR;EUR;TD-46;1;349,90;TD-CLI-${store};05/05/2026;PayPal;02/05/2026;\n`);
    const ok = run('import', 'orders', good, '--brand', 'mecashop');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('imported 1 of 1 rows: orders 1 new');
    expect(run('import', 'orders', good, '--brand', 'mecashop').stdout).toContain('1 unchanged; units 0 new, 1 already known');

    const bad = write(`cli-bad-${store}.csv`, `${HEADER}\nMS-40002;1;02/05/2026;cli@example.fr;Cli;FR;EUR;NOPE;1;349,90;;;;;\n`);
    const refused = run('import', 'orders', bad, '--brand', 'mecashop');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('line 2, column model: no model "NOPE" in this brand\'s catalog (unknown_model)');
    expect(refused.stderr).toContain('nothing was imported');

    const products = write(`cli-products-${store}.csv`, `code;name_fr;serial_patterns\nCLI-${store};Modèle CLI;^CLI-\\d+$\n`);
    const imported = run('import', 'products', products, '--brand', 'mecashop');
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('imported 1 models: 1 new, 0 changed, 0 unchanged');
    const units = write(`cli-units-${store}.csv`, `model;serial;country\nCLI-${store};CLI-1;FR\nCLI-${store};CLI-1;FR\n`);
    const twice = run('import', 'units', units, '--brand', 'mecashop');
    expect(twice.status).toBe(1);
    expect(twice.stderr).toContain('line 3, column serial: unit CLI-1 is also on line 2');

    const usage = run('import', 'orders', good);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('usage: npm run apres -- import orders FILE.csv --brand SLUG');
    const utf16 = run('import', 'orders', write(`cli-utf16-${store}.csv`, Buffer.from('\ufefforder_id;line_id', 'utf16le')), '--brand', 'mecashop');
    expect(utf16.status).toBe(2);
    expect(utf16.stderr).toContain('UTF-16');
  });
});
