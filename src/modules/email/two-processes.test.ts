import fs from 'node:fs';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/database.ts';
import { DEMO_PASSWORD } from '../../seeds/seed-demo.ts';
import { DOVECOT_AVAILABLE, DOVECOT_SKIP_REASON, type DovecotServer, startDovecot } from '../../test/dovecot.ts';
import { type AppProcess, createProcessStore, type ProcessStore, spawnApp } from '../../test/mail-process.ts';
import { freePort } from '../../test/support.ts';
import { listenOnLoopback, until } from '../../test/support.ts';
import { headerMessageId } from './inbound/index.ts';

/**
 * Issue 3, item 9: two Apres processes (src/main.ts, as deployed) on one PostgreSQL database both
 * fetch the same IMAP mailbox, both run the ingest and send workers, and still no message is
 * fetched, ingested or sent twice. Counted where it cannot be faked: Dovecot's own per-session
 * count of message bodies it handed out, the database, and a real SMTP listener standing for the
 * brand's mail server, by Message-ID.
 */
const SKIP_REASON = !process.env.TEST_DATABASE_URL
  ? 'two-process e-mail test skipped: it needs PostgreSQL (set TEST_DATABASE_URL; PGlite is one process by design)'
  : !DOVECOT_AVAILABLE
    ? DOVECOT_SKIP_REASON
    : null;
if (SKIP_REASON) console.warn(SKIP_REASON);

const INBOUND = 40;
const REPLIES = 16;
const TAG = `two-proc-${process.pid}`;

function inboundMail(i: number): string {
  return [
    `From: Kund ${i} <kund.${i}@${TAG}.example>`,
    'To: support@charge-amps.example',
    `Subject: Laddbox ${i} laddar inte`,
    'Date: Tue, 24 Nov 2026 09:15:00 +0100',
    `Message-ID: <${i}@${TAG}.example>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Hej, laddboxen nummer ${i} startar inte efter strömavbrottet.`,
    '',
  ].join('\r\n');
}

/** Two app processes on two cores: processing everything takes a while. */
const SLOW = { timeoutMs: 90_000, intervalMs: 250 };

async function login(baseUrl: string, email: string) {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
  if (res.status !== 200) throw new Error(`login at ${baseUrl}: HTTP ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('apres_session='))!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return (path: string, body: unknown) =>
    fetch(`${baseUrl}/api/v1${path}`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe.skipIf(SKIP_REASON !== null)('two Apres processes on one PostgreSQL database', () => {
  let dovecot: DovecotServer;
  let ps: ProcessStore;
  let database: Database;
  let sink: SMTPServer;
  /** Message-ID → how many times the brand's mail server received it. */
  const delivered = new Map<string, number>();
  const apps: { proc: AppProcess; baseUrl: string }[] = [];

  beforeAll(async () => {
    dovecot = await startDovecot([{ user: 'support', password: 'two-proc-secret' }]);
    ps = await createProcessStore('postgres');
    database = await ps.open();
    sink = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const id = headerMessageId(Buffer.concat(chunks)) ?? '(none)';
          delivered.set(id, (delivered.get(id) ?? 0) + 1);
          callback();
        });
      },
    });
    const sinkPort = await listenOnLoopback(sink);
    const db = database.db;
    await db.updateTable('mailbox').set({ smtp: JSON.stringify({ host: '127.0.0.1', port: sinkPort, secure: false }) }).execute();
    await db.updateTable('mailbox').set({ imap: JSON.stringify(dovecot.imapSettings('support')) }).where('address', '=', 'support@charge-amps.example').execute();

    // Two deployments of the same app: own HTTP ports, one database, one shared file volume.
    for (let n = 0; n < 2; n++) {
      const port = await freePort();
      const proc = spawnApp('src/main.ts', { ...ps.env, PORT: String(port), APRES_SMTP_PORT: '0', APRES_SEED_DEMO: 'false' });
      apps.push({ proc, baseUrl: `http://127.0.0.1:${port}` });
    }
    await Promise.all(apps.map((a) => a.proc.waitForLine((l) => l.startsWith('Apres is running'), 120_000, 'the app to start')));
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.proc.kill('SIGKILL')));
    await new Promise<void>((r) => (sink ? sink.close(() => r()) : r()));
    await database?.close();
    await ps?.drop();
    await dovecot?.stop();
  });

  it('fetches, ingests and sends every message exactly once', { timeout: 240_000 }, async () => {
    const db = database.db;
    // Mail arrives in bursts while both fetchers watch the folder.
    for (let i = 0; i < INBOUND; i++) {
      await dovecot.appendMessage('support', inboundMail(i));
      if (i % 10 === 9) await new Promise((r) => setTimeout(r, 300));
    }
    const ids = Array.from({ length: INBOUND }, (_, i) => `${i}@${TAG}.example`);
    const inbound = () => db.selectFrom('inbound_message').select(['id', 'message_id', 'status', 'ticket_id']).where('message_id', 'in', ids).execute();
    await until('every message processed', async () => (await inbound()).filter((r) => r.status === 'processed').length === INBOUND, SLOW);

    // Agents answer through both processes; the replies go out through whichever worker takes them.
    const rows = await inbound();
    const posts = await Promise.all(apps.map((a) => login(a.baseUrl, 'agent@charge-amps.example')));
    for (let r = 0; r < REPLIES; r++) {
      const res = await posts[r % 2]!(`/tickets/${rows[r]!.ticket_id}/entries`, { kind: 'agent_reply', body: `Svar ${r}: prova att starta om laddboxen.` });
      expect(res.status).toBe(201);
    }
    const ticketIds = rows.map((r) => r.ticket_id!);
    const outbound = () => db.selectFrom('outbound_message').select(['message_id', 'kind', 'status']).where('ticket_id', 'in', ticketIds).execute();
    await until('every outbound message sent', async () => {
      const out = await outbound();
      return out.length === INBOUND + REPLIES && out.every((o) => o.status === 'sent');
    }, SLOW);

    // Stopped cleanly, both fetchers log out: Dovecot writes each session's fetch counts.
    const stopped = await Promise.all(apps.map((a) => a.proc.kill('SIGTERM')));
    expect(stopped.map((s) => s.code)).toEqual([0, 0]);

    // Ingested once: one row, one ticket, one entry per message.
    const final = await inbound();
    expect(final).toHaveLength(INBOUND);
    expect(new Set(final.map((r) => r.message_id)).size).toBe(INBOUND);
    expect(new Set(final.map((r) => r.ticket_id)).size).toBe(INBOUND);
    const entries = await db.selectFrom('ticket_entry').select(['inbound_message_id']).where('ticket_id', 'in', ticketIds).where('kind', '=', 'customer_message').execute();
    expect(entries.map((e) => e.inbound_message_id).sort()).toEqual(final.map((r) => r.id).sort());

    // Sent once: the acknowledgment of each ticket and each reply reached the mail server once.
    const out = await outbound();
    expect(out.filter((o) => o.kind === 'acknowledgment')).toHaveLength(INBOUND);
    expect(out.filter((o) => o.kind === 'reply')).toHaveLength(REPLIES);
    await until('the mail server to have everything', async () => out.every((o) => delivered.has(o.message_id)), { timeoutMs: 10_000 });
    const counts = out.map((o) => delivered.get(o.message_id));
    expect(counts.filter((c) => c !== 1)).toEqual([]);

    // Fetched once: Dovecot handed out each message body once over all sessions of both processes.
    const sessions = await until(
      'Dovecot to log the sessions',
      async () => {
        const lines = fs.readFileSync(dovecot.logPath, 'utf8').split('\n').filter((l) => /imap\(support\).*body_count=\d+/.test(l));
        const total = lines.reduce((n, l) => n + Number(/body_count=(\d+)/.exec(l)![1]), 0);
        return total >= INBOUND ? { lines, total } : null;
      },
      { timeoutMs: 10_000 },
    );
    expect(sessions.total).toBe(INBOUND);
  });
});
