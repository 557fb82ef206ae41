/**
 * The admin's command line: `npm run apres -- <command>`.
 *
 *   npm run apres -- import orders FILE.csv --brand SLUG [--skip-invalid] [--rejects FILE]
 *
 * Uses the same store as the server: DATABASE_URL when set, else the embedded one in
 * APRES_DATA_DIR (stop the server first: one process owns an embedded folder). A file is imported
 * all or nothing; with --skip-invalid the valid rows go in and the others are written to the
 * rejects file (default FILE.rejects.csv) with their reasons. Exit code 0: imported; 1: refused,
 * nothing written; 2: the command or the file could not be used.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { loadConfig } from './platform/config/config.ts';
import { type Database, DataDirLockedError, lockDataDir, openPglite, openPostgres } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { clockFromEnv } from './platform/clock/clock.ts';
import { CsvFileError, importOrders } from './modules/orders/index.ts';

const USAGE = 'usage: npm run apres -- import orders FILE.csv --brand SLUG [--skip-invalid] [--rejects FILE]';

function progress(file: string) {
  const size = fs.statSync(file).size;
  const tty = process.stderr.isTTY;
  // A terminal sees a bar at once; a log gets a line every five seconds, not one before the first.
  let last = tty ? 0 : Date.now();
  let bytes = 0;
  return {
    update(p: { rows: number; bytesRead: number }) {
      if (p.bytesRead >= 0) bytes = p.bytesRead;
      const now = Date.now();
      if (now - last < (tty ? 200 : 5000)) return;
      last = now;
      const pct = size ? Math.min(100, Math.floor((bytes / size) * 100)) : 100;
      if (tty) {
        const bar = '█'.repeat(Math.floor(pct / 4)).padEnd(25, '░');
        process.stderr.write(`\r${bar} ${String(pct).padStart(3)} %  ${p.rows.toLocaleString('en')} rows`);
      } else {
        process.stderr.write(`import: ${p.rows} rows read, ${pct} % of the file\n`);
      }
    },
    done() {
      if (tty) process.stderr.write('\n');
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
  if (command !== 'import' || what !== 'orders' || !file || !values.brand) {
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
    const rejectsFile = values.rejects ?? `${file.replace(/\.csv$/i, '')}.rejects.csv`;
    const report = await importOrders(database, file, { brandSlug: values.brand, skipInvalid: values['skip-invalid'], rejectsFile, today, now: clock.now(), onProgress: bar.update });
    bar.done();
    for (const p of report.problems.slice(0, 50)) console.error(`line ${p.line}, column ${p.column}: ${p.message} (${p.code})`);
    if (report.problems.length > 50) console.error(`… and ${report.problems.length - 50} more`);
    if (report.rolledBack) {
      console.error(`import refused: ${report.rejected} of ${report.rows} rows have problems; nothing was imported. Fix them, or use --skip-invalid to import the others.`);
      return 1;
    }
    console.log(
      `imported ${report.imported} of ${report.rows} rows: orders ${report.orders.created} new, ${report.orders.updated} changed, ${report.orders.unchanged} unchanged; units ${report.units.created} new, ${report.units.unchanged} already known` +
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
