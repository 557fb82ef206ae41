/**
 * Orders import benchmark (issue 11): a French Excel export (BOM, ";", decimal commas, dd/mm/yyyy)
 * of many order lines, imported into a fresh store; prints rows per second and the process's memory
 * while it runs — the file is streamed, so memory should stay flat however big the file.
 *
 *   npm run bench:import -- [--rows 1000000] [--orders-per-customer 3]
 *
 * Store: PostgreSQL when DATABASE_URL is set (a scratch database, dropped at the end), else PGlite
 * in memory. Never asserts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importOrders } from '../src/modules/orders/index.ts';
import { type Database, openPglite, openPostgres } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { seedDemo } from '../src/seeds/seed-demo.ts';
import { createScratchDatabase } from '../src/test/scratch-database.ts';
import { table } from './lib/stats.ts';

const { values: args } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, 'orders-per-customer': { type: 'string', default: '3' } }, strict: true });
const ROWS = Number(args.rows);
const PER_CUSTOMER = Number(args['orders-per-customer']);
const log = (line: string) => process.stderr.write(`[bench:import] ${line}\n`);

function writeExport(file: string): number {
  const models = ['TD-46', 'TR-45', 'DB-52', 'TH-60', 'RT-800'];
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, '\ufefforder_id;line_id;ordered_on;customer_email;customer_name;country;currency;model;quantity;unit_price;serials;delivered_on;payment_provider;paid_on\r\n');
  let chunk = '';
  for (let i = 0; i < ROWS; i++) {
    const order = Math.floor(i / 2);
    const customer = Math.floor(order / PER_CUSTOMER);
    const day = 1 + (order % 28);
    const month = 1 + (order % 10);
    const date = `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/2026`;
    const delivered = `${String(Math.min(day + 3, 28)).padStart(2, '0')}/${String(month).padStart(2, '0')}/2026`;
    const model = models[i % models.length]!;
    chunk += `MS-B${order};${(i % 2) + 1};${date};bench-${customer}@client.example;"Client ${customer}";FR;EUR;${model};1;"${100 + (i % 900)},90";${model.replace('-', '')}-B${String(i).padStart(8, '0')};${delivered};PayPal;${date}\r\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
  return fs.statSync(file).size;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apres-bench-import-'));
  const file = path.join(dir, 'orders.csv');
  const bytes = writeExport(file);
  log(`${ROWS.toLocaleString('en')} rows, ${(bytes / 1024 / 1024).toFixed(1)} MB`);
  let database: Database;
  let drop = async () => {};
  let label: string;
  if (process.env.DATABASE_URL) {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL, `apres_bench_import_${Date.now().toString(36)}`);
    database = await openPostgres(scratch.url, 2);
    drop = () => scratch.drop();
    label = `PostgreSQL ${scratch.serverVersion}`;
  } else {
    // On disk, as `npm start` keeps it: an in-memory store would count the data itself as the import's memory.
    database = await openPglite({ dataDir: path.join(dir, 'pg') });
    label = 'PGlite (embedded, on disk)';
  }
  try {
    await migrateToLatest(database.db);
    await seedDemo(database.db, new Date());
    global.gc?.();
    const baseRss = process.memoryUsage().rss;
    let peakRss = baseRss;
    let peakHeap = process.memoryUsage().heapUsed;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 100);
    const started = performance.now();
    let lastLog = started;
    const report = await importOrders(database, file, {
      brandSlug: 'mecashop',
      skipInvalid: false,
      today: new Date().toISOString().slice(0, 10),
      now: new Date(),
      onProgress: (p) => {
        if (performance.now() - lastLog > 10_000) {
          lastLog = performance.now();
          log(`${p.rows.toLocaleString('en')} rows, ${p.phase}, RSS ${Math.round(process.memoryUsage().rss / 1048576)} MB`);
        }
      },
    });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
    process.stdout.write(
      `\nOrders import, ${label}: ${(bytes / 1024 / 1024).toFixed(1)} MB, ${ROWS.toLocaleString('en')} rows\n\n${table(
        ['rows', 'imported', 'orders', 'units', 'seconds', 'rows/s', 'RSS before', 'RSS peak', 'heap peak'],
        [[String(report.rows), String(report.imported), String(report.orders.created), String(report.units.created), seconds.toFixed(1), String(Math.round(report.rows / seconds)), mb(baseRss), mb(peakRss), mb(peakHeap)]],
        [true, true, true, true, true, true, true, true, true],
      )}\n\n${table(
        ['step', 'seconds'],
        Object.entries(report.timings).map(([step, ms]) => [step, (ms / 1000).toFixed(1)]),
        [false, true],
      )}\n\nPer-row foreign-key checks: ${report.rowTriggers ? 'on (the role may not turn them off: see withoutRowTriggers)' : 'off, references joined set by set'}\n`,
    );
  } finally {
    // Closing the embedded store writes what it holds to its folder: shown, as a user waits for it too.
    const closing = performance.now();
    await database.close();
    log(`store closed in ${((performance.now() - closing) / 1000).toFixed(1)} s`);
    await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:import failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
