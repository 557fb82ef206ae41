/**
 * The e-mail half of src/main.ts in a process of its own, for tests that kill it: the database
 * (PGlite in APRES_DATA_DIR under its folder lock, or DATABASE_URL), the job workers, the built-in
 * SMTP receiver on APRES_SMTP_PORT and IMAP fetchers for the mailboxes that have IMAP settings.
 * No HTTP API and no demo seed: the test prepares the database. Stalled-processing recovery runs
 * every APRES_RECOVER_SECONDS (default 2) instead of every 30 s, so a test need not wait a minute
 * after each kill.
 *
 * Prints `ready` once it accepts mail, then every APRES_STATUS_MS (default 500) a line
 * `status received=<inbound messages not yet processed> pending=<processing jobs not finished>`.
 * SIGTERM stops it cleanly; SIGKILL is what the tests are about.
 */
import path from 'node:path';
import { clockFromEnv } from '../platform/clock/clock.ts';
import { sql } from 'kysely';
import { createServices } from '../app/services.ts';
import { createSmtpReceiver, ImapFetcher, ProcessInboundJob, registerEmailWorkers } from '../modules/email/index.ts';
import { loadConfig } from '../platform/config/config.ts';
import { type Database, lockDataDir, openPglite, openPostgres } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';

const config = loadConfig();
const recoverSeconds = Number(process.env.APRES_RECOVER_SECONDS ?? 2);
const statusMs = Number(process.env.APRES_STATUS_MS ?? 500);
const log = (msg: string, err?: unknown) => console.error(`mail-node ${process.pid}: ${msg}`, err ?? '');

let database: Database;
if (config.databaseUrl) {
  database = await openPostgres(config.databaseUrl);
} else {
  lockDataDir(config.dataDir);
  database = await openPglite({ dataDir: path.join(config.dataDir, 'pg') });
}
await migrateToLatest(database.db);
// The same wiring as main.ts, with only the e-mail workers.
const services = createServices(config, database, clockFromEnv(), log);
const { jobs, email } = services;
registerEmailWorkers(jobs, email, services.ticketEvents, { recoverEverySeconds: recoverSeconds, stalledAfterSeconds: recoverSeconds, log });
await jobs.start();
const imapMailboxes = await database.db.selectFrom('mailbox').select('id').where('enabled', '=', true).where('imap', 'is not', null).execute();
const fetchers = imapMailboxes.map((m) => new ImapFetcher(email, m.id, { log, pollIntervalSeconds: 5, minBackoffMs: 200, maxBackoffMs: 2_000 }));
for (const f of fetchers) f.start();
const smtp = config.smtpPort > 0 ? createSmtpReceiver(email, { hardLimitBytes: config.maxMessageBytes * 2, log }) : null;
if (smtp) {
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(config.smtpPort, config.host, () => resolve());
  });
}
process.stdout.write('ready\n');

const status = setInterval(() => {
  Promise.all([
    database.db.selectFrom('inbound_message').select((eb) => eb.fn.countAll<string>().as('n')).where('status', '=', 'received').executeTakeFirstOrThrow(),
    sql<{ n: string }>`select count(*) as n from pgboss.job where name = ${ProcessInboundJob.name} and state < 'completed'`.execute(database.db),
  ]).then(
    ([received, pending]) => process.stdout.write(`status received=${received.n} pending=${pending.rows[0]!.n}\n`),
    (err: unknown) => log('status query failed', err),
  );
}, statusMs);

process.once('SIGTERM', () => {
  clearInterval(status);
  void (async () => {
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    await Promise.all(fetchers.map((f) => f.stop()));
    await jobs.stop();
    await database.close();
    process.exit(0);
  })();
});
