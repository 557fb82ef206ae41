import type { ImapFlow } from 'imapflow';
import type { Db } from '../../../platform/db/database.ts';
import { AppError, notFound } from '../../../platform/errors/app-error.ts';
import type { EmailContext } from '../context/index.ts';
import { closeClient, connectionErrors, describeImapError, ImapSettings, newClient } from './imap-connection.ts';
import { acceptRawMessage } from './inbound.service.ts';
import { LOCKED, withMailboxLock } from './mailbox-lock.ts';

export interface FetchResult {
  /** `locked`: another process (or another call here) is ingesting this mailbox right now. */
  status: 'fetched' | 'locked' | 'disabled' | 'not_configured';
  /** Messages downloaded in this run. */
  fetched: number;
  /** Of those, the ones that became a new `inbound_message` row. */
  accepted: number;
  /** Of those, the ones already accepted before (same Message-ID, or same bytes). */
  duplicates: number;
  uidValidityChanged: boolean;
}

type Log = (msg: string, err?: unknown) => void;
const defaultLog: Log = (msg, err) => console.warn(msg, err ?? '');
const nothing = (status: FetchResult['status']): FetchResult => ({ status, fetched: 0, accepted: 0, duplicates: 0, uidValidityChanged: false });

// --- Fetching -----------------------------------------------------------------------------------

async function loadMailbox(db: Db, mailboxId: string) {
  const row = await db
    .selectFrom('mailbox')
    .select(['id', 'enabled', 'imap', 'imap_uidvalidity', 'imap_last_uid'])
    .where('id', '=', mailboxId)
    .executeTakeFirst();
  if (!row) return undefined;
  const imap = row.imap ? ImapSettings.safeParse(row.imap) : null;
  return { ...row, imap: imap?.success ? imap.data : null, imapInvalid: imap ? !imap.success : false };
}

const invalidSettings = () => new AppError('MAILBOX_IMAP_SETTINGS_INVALID', 400, 'The stored IMAP settings are incomplete');

async function recordCheck(ctx: Pick<EmailContext, 'db' | 'clock'>, mailboxId: string, error: string | null): Promise<void> {
  const { db } = ctx;
  const now = ctx.clock.now();
  await db.updateTable('mailbox').set({ last_checked_at: now, last_error: error }).where('id', '=', mailboxId).execute();
}

/**
 * Ingests the new messages of the mailbox's folder over an open connection. Per message, strictly
 * in this order: accept (committed) → \Seen on the server → advance `imap_last_uid`. A crash after
 * acceptance refetches the message, which acceptance recognises as a duplicate.
 */
async function ingest(ctx: EmailContext, client: ImapFlow, row: NonNullable<Awaited<ReturnType<typeof loadMailbox>>>): Promise<FetchResult> {
  const folder = row.imap?.folder ?? 'INBOX';
  const lock = await client.getMailboxLock(folder);
  try {
    if (!client.mailbox) throw new Error(`IMAP folder ${folder} is not open`);
    // On a connection kept open without IDLE, the server reports new messages only in answer to
    // a command: NOOP is IMAP's polling command (RFC 3501 6.1.2).
    await client.noop();
    const uidValidity = Number(client.mailbox.uidValidity);
    let lastUid = Number(row.imap_last_uid);
    let uidValidityChanged = false;
    if (row.imap_uidvalidity !== uidValidity) {
      // New UIDVALIDITY (folder recreated, server migrated): the old UIDs mean nothing any more.
      // Start over from the first message; acceptance deduplicates what was already taken.
      uidValidityChanged = row.imap_uidvalidity !== null;
      lastUid = 0;
      await ctx.db.updateTable('mailbox').set({ imap_uidvalidity: uidValidity, imap_last_uid: 0 }).where('id', '=', row.id).execute();
    }
    const result: FetchResult = { status: 'fetched', fetched: 0, accepted: 0, duplicates: 0, uidValidityChanged };
    if (client.mailbox.exists === 0) return result;
    // "n:*" also matches the highest UID when it is below n (RFC 3501 ranges): filter.
    const found = (await client.search({ uid: `${lastUid + 1}:*` }, { uid: true })) || [];
    const uids = found.filter((u) => u > lastUid).sort((a, b) => a - b);
    for (const uid of uids) {
      // One at a time (BODY.PEEK: fetching does not set \Seen): no other command may run inside an
      // imapflow fetch() loop, and one message in memory at a time is enough.
      const msg = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
      if (!msg || !msg.source) continue; // expunged meanwhile
      result.fetched++;
      const accepted = await acceptRawMessage(ctx, { raw: msg.source, source: 'imap', mailboxId: row.id });
      if (accepted.duplicate) result.duplicates++;
      else result.accepted++;
      await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
      await ctx.db.updateTable('mailbox').set({ imap_last_uid: uid }).where('id', '=', row.id).where('imap_uidvalidity', '=', uidValidity).execute();
    }
    return result;
  } finally {
    lock.release();
  }
}

/**
 * Connects, ingests what is new and disconnects: the "fetch now" admin action, the tests, and
 * installations that poll from a job. Returns `locked` when another ingester holds the mailbox.
 * Failures are recorded on the mailbox row and thrown as `MAILBOX_FETCH_FAILED` for the caller to
 * report; nothing is logged here.
 */
export async function fetchOnce(ctx: EmailContext, mailboxId: string): Promise<FetchResult> {
  if (ctx.db.isTransaction) throw new Error('fetchOnce must not run inside a transaction: each message commits before it is marked \\Seen');
  const outcome = await withMailboxLock(ctx.db, mailboxId, async () => {
    const row = await loadMailbox(ctx.db, mailboxId);
    if (!row) throw notFound('MAILBOX_NOT_FOUND', 'Mailbox');
    if (row.imapInvalid) {
      await recordCheck(ctx, mailboxId, invalidSettings().message);
      throw invalidSettings();
    }
    if (!row.imap) return nothing('not_configured');
    if (!row.enabled) return nothing('disabled');
    const client = newClient(row.imap);
    try {
      await client.connect();
      const result = await ingest(ctx, client, row);
      await recordCheck(ctx, mailboxId, null);
      return result;
    } catch (err) {
      const message = describeImapError(err, row.imap);
      await recordCheck(ctx, mailboxId, message).catch(() => undefined);
      throw new AppError('MAILBOX_FETCH_FAILED', 502, message, { mailboxId });
    } finally {
      await closeClient(client);
    }
  });
  return outcome === LOCKED ? nothing('locked') : outcome;
}

export interface ImapFetcherOptions {
  /**
   * Seconds between two checks without IDLE; with IDLE, the safety net under it (some servers
   * miss notifications). Default 60.
   */
  pollIntervalSeconds?: number;
  /** Use IDLE when the server offers it (default true). */
  idle?: boolean;
  /** Reconnect delay after a failure, doubled per failure up to the maximum. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  log?: Log;
}

/**
 * Keeps one mailbox fetched: one IMAP connection, a pass at start, then IDLE (a pass on every new
 * message) or polling, reconnecting with exponential backoff after errors. Each pass takes the
 * mailbox lock, so several processes may run fetchers for the same mailbox safely.
 */
export class ImapFetcher {
  private stopping = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private dirty = false;
  private readonly pollMs: number;
  private readonly log: Log;

  constructor(
    private readonly ctx: EmailContext,
    readonly mailboxId: string,
    private readonly opts: ImapFetcherOptions = {},
  ) {
    this.pollMs = (opts.pollIntervalSeconds ?? 60) * 1000;
    this.log = opts.log ?? defaultLog;
  }

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.loop;
    this.loop = null;
  }

  /** Checks now instead of at the next notification or poll. */
  wake(): void {
    this.dirty = true;
    this.wakeUp?.();
  }

  private wait(ms: number): Promise<void> {
    if (this.stopping || this.dirty) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = null;
        done();
      };
    });
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      let client: ImapFlow | null = null;
      let settings: ImapSettings | null = null;
      try {
        const row = await loadMailbox(this.ctx.db, this.mailboxId);
        if (row?.imapInvalid) throw invalidSettings();
        if (!row?.imap || !row.enabled) {
          this.dirty = false;
          await this.wait(this.pollMs);
          continue;
        }
        settings = row.imap;
        // Between two polls the connection is silent: it must outlive the interval.
        client = newClient(settings, Math.max(5 * 60_000, this.pollMs + 60_000));
        client.on('exists', () => this.wake());
        client.on('close', () => this.wake());
        await client.connect();
        const useIdle = (this.opts.idle ?? true) && client.capabilities.has('IDLE');
        while (!this.stopping) {
          if (!client.usable) throw connectionErrors.get(client) ?? new Error('IMAP connection closed');
          this.dirty = false;
          const outcome = await this.pass(client, settings);
          failures = 0;
          if (outcome === 'changed') break; // settings edited: reconnect with the new ones
          if (this.dirty) continue;
          if (useIdle) client.idle().catch(() => undefined);
          // Another process is ingesting: look again soon, it may have started before our news.
          await this.wait(outcome === 'locked' ? Math.min(this.pollMs, 5_000) : this.pollMs);
        }
      } catch (err) {
        failures++;
        const message = describeImapError(err, settings ?? undefined);
        this.log(`imap fetcher ${this.mailboxId}: ${message}`);
        await recordCheck(this.ctx, this.mailboxId, message).catch(() => undefined);
        const base = Math.min(this.opts.maxBackoffMs ?? 300_000, (this.opts.minBackoffMs ?? 1_000) * 2 ** Math.min(failures - 1, 20));
        this.dirty = false;
        await this.wait(base * (0.8 + Math.random() * 0.4));
      } finally {
        if (client) await closeClient(client);
      }
    }
  }

  /** One locked ingest on the open connection; `changed` when the stored settings no longer match it. */
  private async pass(client: ImapFlow, settings: ImapSettings): Promise<'ok' | 'changed' | 'locked'> {
    const outcome = await withMailboxLock(this.ctx.db, this.mailboxId, async () => {
      const row = await loadMailbox(this.ctx.db, this.mailboxId);
      if (!row?.imap || !row.enabled) return 'changed' as const;
      const { folder: _a, ...now } = row.imap;
      const { folder: _b, ...then } = settings;
      if (JSON.stringify(now) !== JSON.stringify(then)) return 'changed' as const;
      await ingest(this.ctx, client, row);
      await recordCheck(this.ctx, this.mailboxId, null);
      return 'ok' as const;
    });
    return outcome === LOCKED ? 'locked' : outcome;
  }
}
