/**
 * E-mail benchmark: N generated mails ingested end to end by a running Apres, through its built-in
 * SMTP receiver and through IMAP, beside bare mailparser on the same corpus (the ratio is what
 * Apres adds: storing, deduplicating, queueing, threading, tickets).
 *
 *   npm run bench:mail -- [--messages 500] [--store pglite|postgres] [--senders 4] [--seed 7] [--keep]
 *
 * `--store postgres` creates a fresh database on the server of DATABASE_URL (or TEST_DATABASE_URL)
 * and drops it at the end unless --keep; `pglite` (default) uses a fresh temporary folder. IMAP
 * runs against a Dovecot started by the test harness (src/test/dovecot.ts); without Dovecot that
 * part is skipped, and said so. The benchmark never asserts; it prints.
 */
import { createScratchDatabase } from '../src/test/scratch-database.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { sql } from 'kysely';
import { parseMail } from '../src/modules/email/index.ts';
import { type Database, lockDataDir, openPglite, openPostgres } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { DEMO_PASSWORD, seedDemo } from '../src/seeds/seed-demo.ts';
import { DOVECOT_AVAILABLE, DOVECOT_SKIP_REASON, type DovecotServer, startDovecot } from '../src/test/dovecot.ts';
import { ApiClient } from './lib/http.ts';
import { type BenchMail, makeMailCorpus } from './lib/mail-corpus.ts';
import { Rng } from './lib/rng.ts';
import { freePort } from '../src/test/support.ts';
import { cpuPerOperation, cpuSnapshot, describeCpu, type CpuPerOperation } from './lib/cpu.ts';
import { memoryOf, type ServerProcess, startServer } from './lib/server.ts';
import { fmtInt, table } from './lib/stats.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const IMAP_ADDRESS = 'support@charge-amps.example';

const { values: args } = parseArgs({
  options: {
    messages: { type: 'string', default: '500' },
    store: { type: 'string', default: 'pglite' },
    senders: { type: 'string', default: '4' },
    seed: { type: 'string', default: '7' },
    keep: { type: 'boolean', default: false },
  },
  strict: true,
});
const opts = {
  messages: Math.max(1, Number(args.messages)),
  store: args.store === 'postgres' ? ('postgres' as const) : ('pglite' as const),
  senders: Math.max(1, Number(args.senders)),
  seed: Number(args.seed),
  keep: args.keep ?? false,
};
if (args.store !== 'pglite' && args.store !== 'postgres') throw new Error(`--store must be pglite or postgres, got ${args.store}`);
if (!Number.isInteger(opts.messages)) throw new Error(`--messages must be a whole number, got ${args.messages}`);

const log = (line: string) => process.stderr.write(`[bench:mail ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Store {
  label: string;
  childEnv: Record<string, string | undefined>;
  open(): Promise<{ database: Database; release: () => void }>;
  cleanup(): Promise<void>;
}

async function prepareStore(): Promise<Store> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'apres-bench-mail-'));
  const removeDir = () => {
    if (opts.keep) log(`kept folder ${dataDir}`);
    else fs.rmSync(dataDir, { recursive: true, force: true });
  };
  if (opts.store === 'pglite') {
    return {
      label: 'PGlite (embedded PostgreSQL in WASM)',
      childEnv: { APRES_DATA_DIR: dataDir, DATABASE_URL: undefined },
      open: async () => {
        const release = lockDataDir(dataDir);
        return { database: await openPglite({ dataDir: path.join(dataDir, 'pg') }), release };
      },
      cleanup: async () => removeDir(),
    };
  }
  const url = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('--store postgres needs DATABASE_URL or TEST_DATABASE_URL');
  const scratch = await createScratchDatabase(url, `apres_bench_mail_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`);
  const { name, serverVersion: version } = scratch;
  const dbUrl = new URL(scratch.url);
  return {
    label: `PostgreSQL ${version} (database ${name})`,
    childEnv: { DATABASE_URL: dbUrl.toString(), APRES_DATA_DIR: dataDir },
    open: async () => ({ database: await openPostgres(dbUrl.toString(), 4), release: () => {} }),
    cleanup: async () => {
      removeDir();
      if (opts.keep) {
        log(`kept database ${name}`);
        return;
      }
      await scratch.drop();
    },
  };
}

interface Row {
  label: string;
  count: number;
  seconds: number;
  /** End-to-end rows: CPU per mail over the phase, by process. */
  cpu?: CpuPerOperation;
}

/** The best of three passes over the corpus, one message at a time, after a warm-up. */
async function timeParsing(label: string, mails: BenchMail[], parse: (raw: Buffer) => Promise<unknown>): Promise<Row> {
  for (const m of mails.slice(0, 20)) await parse(m.raw);
  let best = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const t0 = performance.now();
    for (const m of mails) await parse(m.raw);
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return { label, count: mails.length, seconds: best };
}

/** Polls until the server has no inbound message left in `received` (every one processed or quarantined). */
async function untilProcessed(admin: ApiClient, what: string): Promise<void> {
  const deadline = Date.now() + 30 * 60_000;
  for (;;) {
    const res = await admin.get<{ items: unknown[] }>('/admin/inbound?status=received&limit=1');
    if (res.status !== 200) throw new Error(`GET /admin/inbound: HTTP ${res.status} ${res.text.slice(0, 200)}`);
    if (res.body.items.length === 0) return;
    if (Date.now() > deadline) throw new Error(`${what}: not processed after 30 minutes`);
    await sleep(100);
  }
}

async function smtpPhase(server: ServerProcess, smtpPort: number, admin: ApiClient, mails: BenchMail[]): Promise<Row[]> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true, pool: true, maxConnections: opts.senders, maxMessages: Infinity });
  let retries = 0;
  const cpuBefore = cpuSnapshot(server.pid);
  const t0 = performance.now();
  const progress = setInterval(() => log(`SMTP: server RSS ${memoryOf(server.pid)?.rssMb.toFixed(0) ?? '?'} MB`), 10_000);
  try {
    await Promise.all(
      mails.map(async (m) => {
        // As a sending MTA would: what was not answered 250 is sent again.
        for (let attempt = 0; ; attempt++) {
          try {
            await transport.sendMail({ envelope: { from: m.from, to: [m.to] }, raw: m.raw });
            return;
          } catch (err) {
            if (attempt >= 5) throw err;
            retries++;
            await sleep(500);
          }
        }
      }),
    );
    const accepted = (performance.now() - t0) / 1000;
    log(`SMTP: ${mails.length} accepted in ${accepted.toFixed(1)} s (${retries} resent)`);
    await untilProcessed(admin, 'SMTP');
    const processed = (performance.now() - t0) / 1000;
    const cpu = cpuPerOperation(cpuBefore, cpuSnapshot(server.pid), mails.length);
    log(`SMTP: all processed after ${processed.toFixed(1)} s`);
    return [
      { label: `SMTP: accepted (250 after commit, ${opts.senders} connections)`, count: mails.length, seconds: accepted },
      { label: 'SMTP: processed into tickets (end to end)', count: mails.length, seconds: processed, cpu },
    ];
  } finally {
    clearInterval(progress);
    transport.close();
  }
}

/**
 * The mail is APPENDed to a staging folder before the clock starts, then moved into the watched
 * INBOX in one command: what is measured is Apres fetching (IDLE, then one message at a time),
 * accepting, flagging \Seen, and processing.
 */
async function imapPhase(server: ServerProcess, dovecot: DovecotServer, admin: ApiClient, mails: BenchMail[]): Promise<Row[]> {
  const client = await dovecot.client('bench');
  const watcher = await dovecot.client('bench');
  try {
    const lock = await client.getMailboxLock('Staging');
    const cpuBefore = cpuSnapshot(server.pid);
    const t0 = performance.now();
    try {
      await client.messageMove('1:*', 'INBOX');
    } finally {
      lock.release();
    }
    for (;;) {
      const s = await watcher.status('INBOX', { messages: true, unseen: true });
      if (s && s.messages === mails.length && s.unseen === 0) break;
      await sleep(100);
    }
    const fetched = (performance.now() - t0) / 1000;
    log(`IMAP: ${mails.length} fetched, accepted and flagged \\Seen in ${fetched.toFixed(1)} s`);
    await untilProcessed(admin, 'IMAP');
    const processed = (performance.now() - t0) / 1000;
    const cpu = cpuPerOperation(cpuBefore, cpuSnapshot(server.pid), mails.length);
    log(`IMAP: all processed after ${processed.toFixed(1)} s`);
    return [
      { label: 'IMAP: fetched and accepted (\\Seen after commit)', count: mails.length, seconds: fetched },
      { label: 'IMAP: processed into tickets (end to end)', count: mails.length, seconds: processed, cpu },
    ];
  } finally {
    await client.logout();
    await watcher.logout();
  }
}

async function main() {
  log(`options: ${JSON.stringify(opts)}`);
  const rng = new Rng(opts.seed);
  const run = Date.now().toString(36);
  const smtpMails = await makeMailCorpus(rng, opts.messages, `smtp-${run}`);
  const imapMails = await makeMailCorpus(rng, opts.messages, `imap-${run}`);
  const kinds = smtpMails.reduce<Record<string, number>>((acc, m) => ({ ...acc, [m.kind]: (acc[m.kind] ?? 0) + 1 }), {});
  const meanKb = smtpMails.reduce((n, m) => n + m.raw.length, 0) / smtpMails.length / 1024;

  const rows: Row[] = [];
  rows.push(await timeParsing('mailparser simpleParser, bare (default options)', smtpMails, (raw) => simpleParser(raw)));
  rows.push(await timeParsing('Apres parseMail (no text→HTML; HTML sanitised)', smtpMails, (raw) => parseMail(raw)));
  log(`parsing: ${rows.map((r) => `${r.label} ${(r.count / r.seconds).toFixed(0)}/s`).join('; ')}`);

  const store = await prepareStore();
  let dovecot: DovecotServer | null = null;
  let server: ServerProcess | undefined;
  const notes: string[] = [];
  try {
    if (DOVECOT_AVAILABLE) dovecot = await startDovecot([{ user: 'bench', password: 'bench-secret' }]);
    else notes.push(DOVECOT_SKIP_REASON.replace('IMAP integration tests', 'IMAP part'));
    {
      const { database, release } = await store.open();
      try {
        await migrateToLatest(database.db);
        await seedDemo(database.db, new Date());
        if (dovecot) await database.db.updateTable('mailbox').set({ imap: JSON.stringify(dovecot.imapSettings('bench')) }).where('address', '=', IMAP_ADDRESS).execute();
      } finally {
        await database.close();
        release();
      }
    }
    if (dovecot) {
      const c = await dovecot.client('bench');
      const t0 = performance.now();
      await c.mailboxCreate('Staging');
      for (const m of imapMails) await c.append('Staging', m.raw);
      await c.logout();
      log(`IMAP: staged ${imapMails.length} messages by APPEND in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }

    const smtpPort = await freePort();
    server = await startServer({ root: ROOT, env: { ...store.childEnv, APRES_SMTP_PORT: String(smtpPort), APRES_SEED_DEMO: 'false' } });
    log(`server pid ${server.pid} at ${server.baseUrl}`);
    const admin = await ApiClient.login(server.baseUrl, 'admin@apres.example', DEMO_PASSWORD);
    rows.push(...(await smtpPhase(server, smtpPort, admin, smtpMails)));
    if (dovecot) rows.push(...(await imapPhase(server, dovecot, admin, imapMails)));
    const mem = memoryOf(server.pid);
    await server.stop();

    const { database, release } = await store.open();
    let outcome: { source: string; status: string; n: number; tickets: number }[];
    try {
      outcome = (
        await sql<{ source: string; status: string; n: string; tickets: string }>`
          select source, status, count(*) as n, count(distinct ticket_id) as tickets from inbound_message group by 1, 2 order by 1, 2`.execute(database.db)
      ).rows.map((r) => ({ ...r, n: Number(r.n), tickets: Number(r.tickets) }));
    } finally {
      await database.close();
      release();
    }

    const bare = rows[0]!.count / rows[0]!.seconds;
    const out = [
      '',
      'Apres e-mail benchmark',
      `  store        ${store.label}`,
      `  corpus       ${fmtInt(opts.messages)} distinct mails per path (${Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(', ')}), mean ${meanKb.toFixed(1)} KB`,
      `  machine      ${os.cpus().length} cores, Node ${process.version}`,
      '',
      table(
        ['path', 'msgs', 'seconds', 'msgs/s', 'time vs bare parser'],
        rows.map((r) => {
          const rate = r.count / r.seconds;
          return [r.label, fmtInt(r.count), r.seconds.toFixed(2), rate.toFixed(1), `${(bare / rate).toFixed(1)}×`];
        }),
        [false, true, true, true, true],
      ),
      '',
      ...rows.flatMap((r) => (r.cpu ? [`  ${r.label.split(':')[0]}: ${describeCpu(r.cpu, 'mail', opts.store === 'postgres' ? 300 : 150)}`] : [])),
      `  outcome      ${outcome.map((o) => `${o.source} ${o.status} ${o.n} (${o.tickets} tickets)`).join('; ')}`,
      `  server peak RSS ${mem ? `${mem.peakMb.toFixed(0)} MB` : '?'}`,
      ...notes.map((n) => `  note         ${n}`),
      '',
      '',
    ];
    process.stdout.write(out.join('\n'));
  } finally {
    await server?.stop().catch(() => {});
    await dovecot?.stop().catch(() => {});
    await store.cleanup().catch((err: unknown) => log(`cleanup failed: ${String(err)}`));
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
