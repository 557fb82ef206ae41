import { testClock } from '../../../test/clock.ts';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, type Db, openPostgres } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { FileStore, type StoredFile } from '../../../platform/files/file-store.ts';
import { JobQueue } from '../../../platform/jobs/job-queue.ts';
import { brandId, describeStores } from '../../../test/db.ts';
import { until } from '../../../test/support.ts';
import { DOVECOT_AVAILABLE, DOVECOT_SKIP_REASON, type DovecotServer, startDovecot } from '../../../test/dovecot.ts';
import { withDatabase } from '../../../test/global-setup.ts';
import type { EmailContext } from '../context/index.ts';
import { ProcessInboundJob } from './inbound.service.ts';
import { type ImapSettings, testImapConnection } from './imap-connection.ts';
import { fetchOnce, ImapFetcher } from './imap-fetcher.ts';

const FIXTURES = new URL('./fixtures/', import.meta.url);
const fixture = (name: string): Buffer => fs.readFileSync(new URL(name, FIXTURES));

/**
 * Acceptance deduplicates per brand, and all these mailboxes are Carri's, so each test mails its
 * own copies: a tagged Message-ID (when there is one) and a header that changes the bytes.
 */
function variant(name: string, tag: string): Buffer {
  const raw = fixture(name).toString('latin1').replace(/^(Message-ID:\s*)<([^>]+)>/im, (_m, h: string, id: string) => `${h}<${tag}.${id}>`);
  return Buffer.from(`X-Apres-Test: ${tag}\r\n${raw}`, 'latin1');
}

// One Dovecot user (one empty INBOX) per test, whichever store runs it.
const USERS = Array.from({ length: 40 }, (_, i) => ({ user: `box${i + 1}`, password: `pw-${i + 1}-s3cret` }));
let nextUser = 0;
const takeUser = () => USERS[nextUser++]!.user;

if (!DOVECOT_AVAILABLE) console.warn(DOVECOT_SKIP_REASON);

/** A raw store that lets a test look at the server, or fail, at the moment a message is accepted. */
class ProbedStore extends FileStore {
  constructor(
    root: string,
    private readonly probe: () => Promise<void>,
  ) {
    super(root);
  }
  override async put(stream: Readable, maxBytes: number): Promise<StoredFile> {
    await this.probe();
    return super.put(stream, maxBytes);
  }
}

describe.skipIf(!DOVECOT_AVAILABLE)('IMAP fetching from a real Dovecot', () => {
  let dovecot: DovecotServer;
  beforeAll(async () => {
    dovecot = await startDovecot(USERS);
  });
  afterAll(async () => {
    await dovecot?.stop();
  });

  /** UIDs flagged \Seen on the server, seen through a connection of its own. */
  async function seenUids(user: string, folder = 'INBOX'): Promise<number[]> {
    const c = await dovecot.client(user);
    try {
      await c.mailboxOpen(folder);
      const msgs = await c.fetchAll('1:*', { uid: true, flags: true });
      return msgs.filter((m) => m.flags?.has('\\Seen')).map((m) => m.uid).sort((a, b) => a - b);
    } finally {
      await c.logout();
    }
  }

  /** APPENDs this user's copies of the fixtures (the same copy for the same fixture). */
  async function append(user: string, names: string[], folder = 'INBOX'): Promise<number[]> {
    const uids: number[] = [];
    for (const n of names) uids.push((await dovecot.appendMessage(user, variant(n, `${user}-${tagSuffix}`), folder)).uid!);
    return uids;
  }
  let tagSuffix = 'x';

  describeStores('IMAP fetcher', (store) => {
    let queue: JobQueue;
    let email: EmailContext;
    let carri: string;

    beforeAll(async () => {
      const { database, db, filesDir } = store();
      tagSuffix = store().store;
      queue = new JobQueue(database);
      queue.define(ProcessInboundJob);
      await queue.start();
      email = contextFor(db, queue, filesDir);
      carri = await brandId(db, 'carri');
    });
    afterAll(async () => {
      await queue?.stop();
    });

    function contextFor(db: Db, jobs: JobQueue, filesDir: string, rawStore?: FileStore): EmailContext {
      return { db, jobs, files: new FileStore(path.join(filesDir, 'files')), rawStore: rawStore ?? new FileStore(path.join(filesDir, 'raw')), maxMessageBytes: 10 * 1024 * 1024, clock: testClock() };
    }

    async function createMailbox(user: string, opts: { folder?: string; password?: string; enabled?: boolean; imap?: null } = {}): Promise<string> {
      const settings: ImapSettings = { ...dovecot.imapSettings(user, opts.folder), ...(opts.password ? { password: opts.password } : {}) };
      const row = await store()
        .db.insertInto('mailbox')
        .values({ brand_id: carri, address: `${user}-${store().store}@carri.example`, imap: opts.imap === null ? null : JSON.stringify(settings), enabled: opts.enabled ?? true })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    }

    const mailboxRow = (id: string) =>
      store().db.selectFrom('mailbox').select(['imap_uidvalidity', 'imap_last_uid', 'last_checked_at', 'last_error']).where('id', '=', id).executeTakeFirstOrThrow();
    const inbound = (id: string) =>
      store().db.selectFrom('inbound_message').select(['dedupe_key', 'message_id', 'source', 'brand_id', 'status']).where('mailbox_id', '=', id).orderBy('received_at').orderBy('dedupe_key').execute();
    const jobsFor = async (id: string) =>
      Number(
        (
          await sql<{ n: string }>`select count(*) as n from pgboss.job j join inbound_message m on m.id::text = j.data->>'inboundId' where j.name = ${ProcessInboundJob.name} and m.mailbox_id = ${id}`.execute(
            store().db,
          )
        ).rows[0]!.n,
      );

    it('accepts each new message before marking it \\Seen, deduplicates, and advances the UID cursor', async () => {
      const user = takeUser();
      const mailboxId = await createMailbox(user);
      // The same Gmail message twice (same Message-ID) and the same mail without Message-ID twice
      // (same bytes): 7 messages on the server, 5 distinct.
      const uids = await append(user, [
        'outlook-windows-1252.eml',
        'gmail-reply-utf8.eml',
        'apple-mail-related.eml',
        'russian-koi8-r.eml',
        'no-message-id.eml',
        'gmail-reply-utf8.eml',
        'no-message-id.eml',
      ]);
      expect(uids).toEqual([1, 2, 3, 4, 5, 6, 7]);

      const seenAtAcceptance: number[][] = [];
      const probed = new ProbedStore(path.join(store().filesDir, 'raw'), async () => {
        seenAtAcceptance.push(await seenUids(user));
      });
      const result = await fetchOnce(contextFor(store().db, queue, store().filesDir, probed), mailboxId);

      expect(result).toEqual({ status: 'fetched', fetched: 7, accepted: 5, duplicates: 2, uidValidityChanged: false });
      // While message n was being accepted, exactly the messages before it were \Seen.
      expect(seenAtAcceptance).toEqual([[], [1], [1, 2], [1, 2, 3], [1, 2, 3, 4]]);
      expect(await seenUids(user)).toEqual([1, 2, 3, 4, 5, 6, 7]);

      const rows = await inbound(mailboxId);
      expect(rows).toHaveLength(5);
      expect(rows.every((r) => r.source === 'imap' && r.brand_id === carri && r.status === 'received')).toBe(true);
      const tag = `${user}-${store().store}`;
      expect(rows.map((r) => r.message_id).sort()).toEqual(
        [
          `${tag}.1832745190.20261117112045@example.ru`,
          `${tag}.5B7E1D3C-9A2F-4C8B-B6E1-0F3A7D2C9E41@icloud.example`,
          `${tag}.CAF3x9qZk8Ur2mVn+7dQvRp3L4sHx1Ey0bN5wKc2tJm8fGh6aPw@mail.gmail.com`,
          `${tag}.PR3P193MB0894A1C2E5D4F6B8A9C0D1E2F3A4B5C6@PR3P193MB0894.EURP193.PROD.OUTLOOK.COM`,
          null,
        ].sort(),
      );
      expect(rows.filter((r) => r.dedupe_key.startsWith('sha256:'))).toHaveLength(1);
      expect(await jobsFor(mailboxId)).toBe(5);

      const box = await mailboxRow(mailboxId);
      expect(box.imap_last_uid).toBe(7);
      expect(box.imap_uidvalidity).toBeGreaterThan(0);
      expect(box.last_checked_at).toBeInstanceOf(Date);
      expect(box.last_error).toBeNull();

      // Nothing new: nothing fetched, not even the already-seen messages again.
      expect(await fetchOnce(email, mailboxId)).toEqual({ status: 'fetched', fetched: 0, accepted: 0, duplicates: 0, uidValidityChanged: false });
      // One new message: only it.
      await append(user, ['serial-numbers.eml']);
      expect(await fetchOnce(email, mailboxId)).toEqual({ status: 'fetched', fetched: 1, accepted: 1, duplicates: 0, uidValidityChanged: false });
      expect(await inbound(mailboxId)).toHaveLength(6);
      expect((await mailboxRow(mailboxId)).imap_last_uid).toBe(8);
    });

    it('leaves a message it could not accept unseen, with the cursor before it, and takes it on the next run', async () => {
      const user = takeUser();
      const mailboxId = await createMailbox(user);
      await append(user, ['x-loop.eml', 'bounce-dsn.eml', 'mailing-list.eml']);
      let puts = 0;
      const failing = new ProbedStore(path.join(store().filesDir, 'raw'), async () => {
        if (++puts === 2) throw new Error('disk full');
      });
      const err = await fetchOnce(contextFor(store().db, queue, store().filesDir, failing), mailboxId).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('MAILBOX_FETCH_FAILED');
      expect((err as AppError).message).toContain('disk full');
      expect(await seenUids(user)).toEqual([1]);
      expect(await inbound(mailboxId)).toHaveLength(1);
      expect(await mailboxRow(mailboxId)).toMatchObject({ imap_last_uid: 1, last_error: 'disk full' });

      expect(await fetchOnce(email, mailboxId)).toMatchObject({ status: 'fetched', fetched: 2, accepted: 2, duplicates: 0 });
      expect(await seenUids(user)).toEqual([1, 2, 3]);
      expect(await inbound(mailboxId)).toHaveLength(3);
      expect(await mailboxRow(mailboxId)).toMatchObject({ imap_last_uid: 3, last_error: null });
    });

    it('starts over from the first UID when UIDVALIDITY changes, without duplicating anything', async () => {
      const user = takeUser();
      const c = await dovecot.client(user);
      await c.mailboxCreate('Support');
      await c.logout();
      const mailboxId = await createMailbox(user, { folder: 'Support' });
      await append(user, ['romanian-utf8.eml', 'romanian-windows-1250.eml', 'iso-8859-15-euro.eml'], 'Support');
      expect(await fetchOnce(email, mailboxId)).toMatchObject({ fetched: 3, accepted: 3, uidValidityChanged: false });
      const before = await mailboxRow(mailboxId);
      expect(before.imap_last_uid).toBe(3);

      // The folder is recreated (as after a server migration): new UIDVALIDITY, UIDs from 1 again.
      // Its two messages sit below the old cursor (3); only a reset finds the new one.
      const c2 = await dovecot.client(user);
      await c2.mailboxDelete('Support');
      await c2.mailboxCreate('Support');
      await c2.logout();
      expect(await append(user, ['romanian-utf8.eml', 'html-only.eml'], 'Support')).toEqual([1, 2]);

      expect(await fetchOnce(email, mailboxId)).toEqual({ status: 'fetched', fetched: 2, accepted: 1, duplicates: 1, uidValidityChanged: true });
      const after = await mailboxRow(mailboxId);
      expect(after.imap_uidvalidity).not.toBe(before.imap_uidvalidity);
      expect(after.imap_last_uid).toBe(2);
      expect(await inbound(mailboxId)).toHaveLength(4);
      expect(await seenUids(user, 'Support')).toEqual([1, 2]);
    });

    it('lets only one of two concurrent fetches ingest a mailbox, even from two database handles', async () => {
      const user = takeUser();
      const mailboxId = await createMailbox(user);
      const names = ['outlook-windows-1252.eml', 'gmail-reply-utf8.eml', 'russian-windows-1251.eml', 'romanian-utf8.eml', 'out-of-office.eml', 'forwarded-rfc822.eml'];
      await append(user, names);
      // Slow acceptance keeps the first fetch busy while the second one starts.
      const slow = () => new ProbedStore(path.join(store().filesDir, 'raw'), () => new Promise((r) => setTimeout(r, 60)));
      let other: { database: Database; queue: JobQueue } | null = null;
      try {
        let second = contextFor(store().db, queue, store().filesDir, slow());
        if (store().store === 'postgres') {
          // A second pool and job queue on the same database: what a second Apres process has.
          const name = (await sql<{ n: string }>`select current_database() as n`.execute(store().db)).rows[0]!.n;
          const database = await openPostgres(withDatabase(process.env.TEST_DATABASE_URL!, name), 3);
          const q = new JobQueue(database);
          q.define(ProcessInboundJob);
          await q.start();
          other = { database, queue: q };
          second = contextFor(database.db, q, store().filesDir, slow());
        }
        const results = await Promise.all([fetchOnce(contextFor(store().db, queue, store().filesDir, slow()), mailboxId), fetchOnce(second, mailboxId)]);
        expect(results.map((r) => r.status).sort()).toEqual(['fetched', 'locked']);
        expect(results.reduce((n, r) => n + r.fetched, 0)).toBe(names.length);
        expect(results.reduce((n, r) => n + r.duplicates, 0)).toBe(0);
      } finally {
        await other?.queue.stop();
        await other?.database.close();
      }
      expect(await inbound(mailboxId)).toHaveLength(names.length);
      expect(await jobsFor(mailboxId)).toBe(names.length);
      // The lock was released: the next fetch runs (and finds nothing new).
      expect(await fetchOnce(email, mailboxId)).toEqual({ status: 'fetched', fetched: 0, accepted: 0, duplicates: 0, uidValidityChanged: false });
    });

    it('records a failed login on the mailbox without the password, and says when there is nothing to fetch', async () => {
      const user = takeUser();
      const wrong = 'Wr0ng-Passw0rd-xyz';
      const mailboxId = await createMailbox(user, { password: wrong });
      const err = await fetchOnce(email, mailboxId).then(
        () => null,
        (e: unknown) => e as AppError,
      );
      expect(err?.code).toBe('MAILBOX_FETCH_FAILED');
      const box = await mailboxRow(mailboxId);
      expect(box.last_error).toMatch(/^IMAP login failed/);
      expect(box.last_checked_at).toBeInstanceOf(Date);
      expect(JSON.stringify([box, err?.message, err?.details])).not.toContain(wrong);

      expect(await fetchOnce(email, await createMailbox(takeUser(), { imap: null }))).toMatchObject({ status: 'not_configured', fetched: 0 });
      expect(await fetchOnce(email, await createMailbox(takeUser(), { enabled: false }))).toMatchObject({ status: 'disabled', fetched: 0 });
      const missing = await fetchOnce(email, '00000000-0000-4000-8000-000000000000').then(
        () => null,
        (e: unknown) => e as AppError,
      );
      expect(missing?.code).toBe('MAILBOX_NOT_FOUND');
    });

    it('follows new mail through IDLE, long before the next poll', async () => {
      const user = takeUser();
      const mailboxId = await createMailbox(user);
      await append(user, ['mailing-list.eml']);
      const fetcher = new ImapFetcher(email, mailboxId, { pollIntervalSeconds: 300 });
      fetcher.start();
      try {
        await until('the first pass', async () => (await inbound(mailboxId)).length === 1);
        await until('the fetcher to go idle', async () => (await mailboxRow(mailboxId)).last_checked_at);
        const started = performance.now();
        await append(user, ['gmail-reply-utf8.eml']);
        await until('the message announced by IDLE', async () => (await inbound(mailboxId)).length === 2);
        expect(performance.now() - started).toBeLessThan(20_000);
        await until('the \\Seen flag', async () => (await seenUids(user)).length === 2);
      } finally {
        await fetcher.stop();
      }
      expect((await mailboxRow(mailboxId)).imap_last_uid).toBe(2);
    });

    it('polls when told not to IDLE', async () => {
      const user = takeUser();
      const mailboxId = await createMailbox(user);
      const fetcher = new ImapFetcher(email, mailboxId, { idle: false, pollIntervalSeconds: 1 });
      fetcher.start();
      try {
        await until('the first pass', async () => (await mailboxRow(mailboxId)).last_checked_at);
        await append(user, ['x-loop.eml']);
        await until('the polled message', async () => (await inbound(mailboxId)).length === 1);
      } finally {
        await fetcher.stop();
      }
    });

    it('retries a failing mailbox with backoff, recording the error, and recovers once the settings are fixed', async () => {
      const user = takeUser();
      const wrong = 'N0t-The-Passw0rd';
      const mailboxId = await createMailbox(user, { password: wrong });
      await append(user, ['serial-numbers.eml']);
      const logged: string[] = [];
      const fetcher = new ImapFetcher(email, mailboxId, { minBackoffMs: 100, maxBackoffMs: 400, log: (m, e) => logged.push(`${m} ${String(e ?? '')}`) });
      fetcher.start();
      try {
        await until('two failed attempts', async () => logged.length >= 2);
        expect((await mailboxRow(mailboxId)).last_error).toMatch(/^IMAP login failed/);
        await store()
          .db.updateTable('mailbox')
          .set({ imap: JSON.stringify(dovecot.imapSettings(user)) })
          .where('id', '=', mailboxId)
          .execute();
        await until('the message after recovery', async () => (await inbound(mailboxId)).length === 1);
        await until('the error cleared', async () => (await mailboxRow(mailboxId)).last_error === null);
      } finally {
        await fetcher.stop();
      }
      const right = dovecot.imapSettings(user).password;
      expect(logged.join('\n')).not.toContain(wrong);
      expect(logged.join('\n')).not.toContain(right);
    });

    it('stops promptly while waiting for mail', async () => {
      const mailboxId = await createMailbox(takeUser());
      const fetcher = new ImapFetcher(email, mailboxId, { pollIntervalSeconds: 300 });
      fetcher.start();
      await until('the first pass', async () => (await mailboxRow(mailboxId)).last_checked_at);
      const t = performance.now();
      await fetcher.stop();
      expect(performance.now() - t).toBeLessThan(3_000);
    });
  });

  describe('testImapConnection', () => {
    it('logs in and counts the messages of the folder', async () => {
      const user = takeUser();
      await append(user, ['mailing-list.eml', 'x-loop.eml']);
      expect(await testImapConnection(dovecot.imapSettings(user))).toEqual({ ok: true, messages: 2 });
    });

    it('reports a refused login without echoing the password', async () => {
      const s = { ...dovecot.imapSettings(takeUser()), password: 'Bad-Secret-123' };
      const r = await testImapConnection(s);
      expect(r.ok).toBe(false);
      expect(r.error).toMatch(/^IMAP login failed/);
      expect(r.error).not.toContain('Bad-Secret-123');
    });

    it('reports an unreachable server and a missing folder', async () => {
      const closed = await testImapConnection({ host: '127.0.0.1', port: 1, secure: false, user: 'x', password: 'y' });
      expect(closed).toMatchObject({ ok: false });
      expect(closed.error).toContain('ECONNREFUSED');
      const noFolder = await testImapConnection(dovecot.imapSettings(takeUser(), 'Nope'));
      expect(noFolder.ok).toBe(false);
    });
  });
});
