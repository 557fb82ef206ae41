/**
 * The admin's command line: `npm run apres -- <command>`.
 *
 *   npm run apres -- import orders FILE.csv --brand SLUG [--skip-invalid] [--rejects FILE]
 *   npm run apres -- import products FILE.csv --brand SLUG
 *   npm run apres -- import units FILE.csv --brand SLUG
 *
 * Uses the same store as the server: DATABASE_URL when set, else the embedded one in
 * APRES_DATA_DIR (stop the server first: one process owns an embedded folder). A file is imported
 * all or nothing; with --skip-invalid (orders) the valid rows go in and the others are written to
 * the rejects file (default FILE.rejects.csv) with their reasons. A terminal shows a progress bar;
 * a log gets a progress line every five seconds. Exit code 0: imported; 1: refused, nothing
 * written; 2: the command or the file could not be used.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { DateTime } from 'luxon';
import { loadConfig } from './platform/config/config.ts';
import { type Database, DataDirLockedError, lockDataDir, openPglite, openPostgres } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { clockFromEnv } from './platform/clock/clock.ts';
import { importOrders, importUnits } from './modules/orders/index.ts';
import { importProducts } from './modules/catalog/index.ts';
import { CsvFileError } from './platform/csv/csv-source.ts';
import { FileStore } from './platform/files/file-store.ts';

const USAGE = `usage: npm run apres -- import orders FILE.csv --brand SLUG [--skip-invalid] [--rejects FILE]
       npm run apres -- import products FILE.csv --brand SLUG
       npm run apres -- import units FILE.csv --brand SLUG`;

function progress(file: string) {
  const size = fs.statSync(file).size;
  const tty = process.stderr.isTTY;
  const bar = tty
    ? new cliProgress.SingleBar({ format: '{bar} {percentage}% | {rows} rows | {phase}', stream: process.stderr, hideCursor: true, barsize: 30 }, cliProgress.Presets.shades_classic)
    : null;
  bar?.start(size, 0, { rows: '0', phase: 'reading' });
  // A log gets a line every five seconds, not one before the first.
  let last = Date.now();
  let bytes = 0;
  return {
    update(p: { rows: number; bytesRead: number; phase?: string }) {
      if (p.bytesRead >= 0) bytes = p.bytesRead;
      const phase = p.phase ?? 'reading';
      if (bar) return bar.update(bytes, { rows: p.rows.toLocaleString('en'), phase });
      if (Date.now() - last < 5000) return;
      last = Date.now();
      process.stderr.write(`import: ${p.rows} rows read, ${size ? Math.min(100, Math.floor((bytes / size) * 100)) : 100} % of the file, ${phase}\n`);
    },
    done() {
      bar?.stop();
    },
  };
}

async function openStore(): Promise<Database> {
  const config = loadConfig();
  if (config.databaseUrl) return openPostgres(config.databaseUrl, 2);
  lockDataDir(config.dataDir);
  return openPglite({ dataDir: path.join(config.dataDir, 'pg') });
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { brand: { type: 'string' }, 'skip-invalid': { type: 'boolean', default: false }, rejects: { type: 'string' } }, strict: true });
  const [command, what, file] = positionals;
  if (command !== 'import' || !['orders', 'products', 'units'].includes(what ?? '') || !file || !values.brand) {
    console.error(USAGE);
    return 2;
  }
  if (!fs.existsSync(file)) {
    console.error(`import: no file ${file}`);
    return 2;
  }
  const database = await openStore();
  try {
    await migrateToLatest(database.db);
    const clock = clockFromEnv();
    const brand = await database.db.selectFrom('brand').select('time_zone').where('slug', '=', values.brand).executeTakeFirst();
    const today = DateTime.fromJSDate(clock.now(), { zone: brand?.time_zone ?? 'UTC' }).toISODate()!;
    const bar = progress(file);
    const refused = (problems: { line: number; column: string; message: string; code?: string }[], rejected: number, rows: number) => {
      for (const p of problems.slice(0, 50)) console.error(`line ${p.line}, column ${p.column}: ${p.message}${p.code ? ` (${p.code})` : ''}`);
      if (rejected > 50 || problems.length > 50) console.error(`… and more: ${rejected} rows in all`);
      console.error(`import refused: ${rejected} of ${rows} rows have problems; nothing was imported. Fix them${what === 'orders' ? ', or use --skip-invalid to import the others' : ''}.`);
      return 1;
    };
    if (what === 'products') {
      const report = await importProducts(database.db, file, { brandSlug: values.brand, now: clock.now(), onProgress: bar.update });
      bar.done();
      if (report.rolledBack) return refused(report.problems, new Set(report.problems.map((p) => p.line)).size, report.rows);
      console.log(`imported ${report.rows} models: ${report.created} new, ${report.updated} changed, ${report.unchanged} unchanged`);
      return 0;
    }
    if (what === 'units') {
      const report = await importUnits(database, file, { brandSlug: values.brand, today, now: clock.now(), onProgress: bar.update });
      bar.done();
      if (report.rolledBack) return refused(report.problems, report.rejected, report.rows);
      console.log(`imported ${report.rows} units: ${report.created} new, ${report.updated} changed, ${report.unchanged} unchanged`);
      return 0;
    }
    const rejectsFile = values.rejects ?? `${file.replace(/\.csv$/i, '')}.rejects.csv`;
    const files = new FileStore(loadConfig().filesDir);
    const report = await importOrders(database, file, { brandSlug: values.brand, skipInvalid: values['skip-invalid'], rejectsFile, today, now: clock.now(), onProgress: bar.update, files });
    bar.done();
    if (report.rolledBack) return refused(report.problems, report.rejected, report.rows);
    for (const p of report.problems.slice(0, 50)) console.error(`line ${p.line}, column ${p.column}: ${p.message} (${p.code})`);
    console.log(
      `imported ${report.imported} of ${report.rows} rows: orders ${report.orders.created} new, ${report.orders.updated} changed, ${report.orders.unchanged} unchanged; units ${report.units.created} new, ${report.units.unchanged} already known` +
        (report.invoices.attached || report.invoices.unchanged ? `; invoices ${report.invoices.attached} attached, ${report.invoices.unchanged} unchanged` : '') +
        (report.rejected ? `; ${report.rejected} rows rejected, written to ${rejectsFile}` : ''),
    );
    return 0;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof CsvFileError || err instanceof DataDirLockedError) console.error(`import: ${err.message}`);
    else console.error('import failed:', err);
    process.exit(2);
  },
);
