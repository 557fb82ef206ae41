import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import path from 'node:path';
import { clockFromEnv, TestClockRefusedError } from './platform/clock/clock.ts';
import { loadConfig } from './platform/config/config.ts';
import { type Database, DataDirLockedError, lockDataDir, openPglite, openPostgres } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { buildApp } from './app/app.ts';
import { createServices, registerWorkers } from './app/services.ts';
import { createSmtpReceiver, ImapFetcher } from './modules/email/index.ts';
import { DEMO_PASSWORD, seedDemo } from './seeds/seed-demo.ts';
import { DEMO_BRANDS } from './seeds/demo-brands.ts';
import { issueMissingInvoices } from './modules/orders/index.ts';
import { PROJECT_ROOT } from './platform/paths/project-root.ts';


/** Where start-up time goes, printed on the ready line: a restart's cost shows at a glance. */
function startupPhases() {
  // performance.now() counts from the process's start: the first phase is loading the code.
  let last = 0;
  const phases: string[] = [];
  return {
    mark(name: string) {
      const now = performance.now();
      phases.push(`${name} ${((now - last) / 1000).toFixed(1)}`);
      last = now;
    },
    summary: () => `started in ${(performance.now() / 1000).toFixed(1)} s: ${phases.join(', ')}`,
  };
}

/** A full garbage collection now (the set-up's garbage and the first store's memory go back to the system). */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

async function main() {
  const startup = startupPhases();
  startup.mark('code');
  const config = loadConfig();
  // The one clock of this process: every request, job, sweep and mail reads the time from it.
  const clock = clockFromEnv();
  if (process.env.APRES_TEST_NOW) console.log(`Apres: TEST CLOCK started at ${clock.now().toISOString()} (APRES_TEST_NOW, ${process.env.APRES_TEST_CLOCK ?? 'frozen'})`);
  let database: Database;
  if (config.databaseUrl) {
    database = await openPostgres(config.databaseUrl, config.dbPoolSize);
  } else {
    lockDataDir(config.dataDir);
    console.log(`Apres: embedded PostgreSQL (PGlite) in ${config.dataDir}`);
    database = await openPglite({ dataDir: path.join(config.dataDir, 'pg'), sharedBuffers: config.embeddedSharedBuffers });
  }
  startup.mark('store');
  const applied = await migrateToLatest(database.db);
  startup.mark('migrations');
  if (applied.length) console.log(`Apres: applied migrations ${applied.join(', ')}`);
  if (config.seedDemo) {
    const report = await seedDemo(database.db, clock.now());
    if (report.created) {
      console.log(`\nApres demo accounts (password for all: ${DEMO_PASSWORD})`);
      for (const a of report.accounts) console.log(`  ${a.role.padEnd(11)} ${a.email.padEnd(34)} ${a.brands.join(', ')}`);
      console.log('');
    }
  }
  const log = (msg: string, err?: unknown) => console.error(`Apres: ${msg}`, err ?? '');
  let services = createServices(config, database, clock, log);
  let setUp = applied.length > 0;
  if (config.seedDemo) {
    // The demo brands' orders come with their invoices, made once in each customer's language.
    const issued = await issueMissingInvoices(database.db, services.files, DEMO_BRANDS.map((b) => b.slug));
    if (issued) console.log(`Apres: made ${issued} demo invoices`);
    setUp ||= issued > 0;
    startup.mark('demo');
  }
  if (setUp && database.kind === 'pglite') {
    // The embedded store's memory only grows (WebAssembly memory is never handed back): after the
    // one-time set-up (migrations, demo brands, index builds) it is opened again, and the server
    // idles at what a restart uses instead of at the set-up's peak (measured: bench/start.bench.ts).
    await database.close();
    database = await openPglite({ dataDir: path.join(config.dataDir, 'pg'), sharedBuffers: config.embeddedSharedBuffers });
    services = createServices(config, database, clock, log);
    collectGarbage();
    startup.mark('store reopened');
  }
  const { jobs, email } = services;
  registerWorkers(services, { email: { log: (m) => console.log(`Apres: ${m}`), warn: (m) => console.warn(`Apres: warning: ${m}`) } });
  await jobs.start();
  startup.mark('jobs');
  // One fetcher per brand mailbox with IMAP settings; the advisory lock keeps other processes off it.
  const imapMailboxes = await database.db.selectFrom('mailbox').select('id').where('enabled', '=', true).where('imap', 'is not', null).execute();
  const fetchers = imapMailboxes.map((m) => new ImapFetcher(email, m.id, { log: (msg: string) => console.error(`Apres: ${msg}`) }));
  for (const f of fetchers) f.start();
  const app = await buildApp({ ...services, webDir: path.join(PROJECT_ROOT, 'dist/web'), logger: { level: config.logLevel } });
  startup.mark('web server');
  const smtp = config.smtpPort > 0 ? createSmtpReceiver(email, { hardLimitBytes: config.maxMessageBytes * 2, log: (m, e) => console.error(`Apres: ${m}`, e ?? '') }) : null;
  const shutdown = async (signal: string) => {
    console.log(`Apres: ${signal}, shutting down`);
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    await app.close();
    await Promise.all(fetchers.map((f) => f.stop()));
    await jobs.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  if (smtp) {
    await new Promise<void>((resolve, reject) => {
      smtp.once('error', reject);
      smtp.listen(config.smtpPort, config.host, () => resolve());
    });
    console.log(`Apres: built-in SMTP receiver on port ${config.smtpPort} (mail the brands' support addresses)`);
  }
  startup.mark('listening');
  console.log(`Apres is running at http://localhost:${config.port}  (API reference: /api/v1/docs)`);
  console.log(`Apres: ${startup.summary()}`);
}

main().catch((err: unknown) => {
  if (err instanceof DataDirLockedError || err instanceof TestClockRefusedError) {
    console.error(`Apres cannot start: ${err.message}`);
  } else {
    console.error('Apres failed to start:', err);
  }
  process.exit(1);
});
