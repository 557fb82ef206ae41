import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { withTransaction } from '../../../platform/db/database.ts';
import { FileStore } from '../../../platform/files/file-store.ts';
import { JobQueue } from '../../../platform/jobs/job-queue.ts';
import { testClock } from '../../../test/clock.ts';
import { brandId, describeStores } from '../../../test/db.ts';
import { listenOnLoopback, until } from '../../../test/support.ts';
import type { EmailContext } from '../context/index.ts';
import { queueOutbound, recoverStalledOutbound, SendMailJob, sendOutbound } from './index.ts';

/**
 * A mail is sent once even when its job runs twice at the same time: a job whose expiry passed
 * while its first run was still talking to a slow SMTP server is fetched again (pg-boss), and a
 * second process may take it. The first run claims the message (a token and a lease); the second
 * finds the claim and comes back after it. Only the claim's holder writes the outcome; a claim
 * left by a dead process expires, and a mail no job will send any more is queued again. Real
 * SMTP: a listener that holds each DATA until the test lets it go.
 */
describeStores('sending a mail claims it first', (ctx) => {
  let jobs: JobQueue;
  let email: EmailContext;
  let sink: SMTPServer;
  let dir: string;
  /** Every DATA the server received, whole; and the ones it still holds. */
  const received: string[] = [];
  const held: (() => void)[] = [];
  let refuse = false;

  beforeAll(async () => {
    const { database, db } = ctx();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apres-claim-'));
    // The queue exists, but no worker sends: the test runs the job's function itself.
    jobs = new JobQueue(database);
    jobs.define(SendMailJob);
    await jobs.start();
    email = { db, jobs, files: new FileStore(path.join(dir, 'files')), rawStore: new FileStore(path.join(dir, 'raw')), maxMessageBytes: 200_000, clock: testClock() };
    sink = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push(Buffer.concat(chunks).toString('utf8'));
          if (refuse) return cb(Object.assign(new Error('mailbox unavailable'), { responseCode: 450 }));
          held.push(() => cb());
        });
      },
    });
    const port = await listenOnLoopback(sink);
    await db.updateTable('mailbox').set({ smtp: JSON.stringify({ host: '127.0.0.1', port, secure: false }) }).execute();
  });
  afterAll(async () => {
    for (const release of held.splice(0)) release();
    await jobs?.stop();
    await new Promise<void>((r) => sink?.close(() => r()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const queue = async (subject: string) => {
    const { db } = ctx();
    const brand = await brandId(db, 'carri');
    return withTransaction(db, (trx) =>
      queueOutbound(trx, { jobs }, { brandId: brand, ticketId: null, at: new Date(), kind: 'notification', automatic: false, to: 'client@carri.example', subject, text: `${subject}: corps du message.` }),
    );
  };
  const row = (id: string) =>
    ctx()
      .db.selectFrom('outbound_message')
      .select(['status', 'attempts', 'sending_until', 'sending_token', 'last_error', sql<boolean>`sending_until > now()`.as('claim_live')])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  /** The mail.send jobs waiting for this message, with when they may start. */
  const waitingJobs = async (id: string) =>
    (await sql<{ start_after: Date }>`select start_after from pgboss.job where name = 'mail.send' and data->>'outboundId' = ${id} and state in ('created', 'retry') order by start_after`.execute(ctx().db)).rows;
  const copies = (subject: string) => received.filter((r) => r.includes(`Subject: ${subject}`)).length;

  it('sends once while two runs of its job overlap, and a later run finds it sent', async () => {
    const subject = 'Claim one';
    const id = await queue(subject);
    const first = sendOutbound(email, id, { retryCount: 0 });
    // The first run is inside DATA, held by the server: the mail is claimed and not yet sent.
    await until('the first run to reach DATA', () => held.length === 1);
    const claimed = await row(id);
    expect(claimed).toMatchObject({ status: 'queued', claim_live: true, sending_token: expect.any(String) });

    // The mail's job is the one running (the test plays it): not waiting any more.
    await sql`update pgboss.job set state = 'active', started_on = now() where name = 'mail.send' and data->>'outboundId' = ${id}`.execute(ctx().db);
    expect(await waitingJobs(id)).toHaveLength(0);
    // The second run sends nothing, and comes back once the first run's claim would have expired;
    // a third finds that one waiting and adds none.
    await sendOutbound(email, id, { retryCount: 1 });
    await sendOutbound(email, id, { retryCount: 1 });
    expect(held).toHaveLength(1);
    const after = await waitingJobs(id);
    expect(after).toHaveLength(1);
    expect(after[0]!.start_after.getTime()).toBeGreaterThan(claimed.sending_until!.getTime());

    held.shift()!();
    await first;
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1, sending_until: null, sending_token: null, last_error: null });
    await sendOutbound(email, id, { retryCount: 2 });
    expect(copies(subject)).toBe(1);
  });

  it('sends a mail whose claim was left by a run that died, once the claim has expired', async () => {
    const subject = 'Claim two';
    const id = await queue(subject);
    const { db } = ctx();
    // A run that died mid-send left its claim; while the claim holds, nobody sends.
    await db.updateTable('outbound_message').set({ sending_until: sql`now() + interval '5 minutes'` }).where('id', '=', id).execute();
    await sendOutbound(email, id, { retryCount: 1 });
    expect(held).toHaveLength(0);
    expect(copies(subject)).toBe(0);
    // Expired: the next retry claims it and sends it.
    await db.updateTable('outbound_message').set({ sending_until: sql`now() - interval '1 second'` }).where('id', '=', id).execute();
    const run = sendOutbound(email, id, { retryCount: 2 });
    await until('the retry to reach DATA', () => held.length === 1);
    held.shift()!();
    await run;
    expect(await row(id)).toMatchObject({ status: 'sent', sending_until: null });
    expect(copies(subject)).toBe(1);
  });

  it('ends the claim when the server refuses, so the retry sends at once', async () => {
    const subject = 'Claim three';
    const id = await queue(subject);
    refuse = true;
    try {
      await expect(sendOutbound(email, id, { retryCount: 0 })).rejects.toThrow(/mailbox unavailable/);
    } finally {
      refuse = false;
    }
    expect(await row(id)).toMatchObject({ status: 'queued', attempts: 1, sending_until: null, sending_token: null, last_error: expect.stringContaining('mailbox unavailable') });
    const retry = sendOutbound(email, id, { retryCount: 1 });
    await until('the retry to reach DATA', () => held.length === 1);
    held.shift()!();
    await retry;
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2, sending_until: null, last_error: null });
    expect(copies(subject)).toBe(2);
  });

  it('lets only the run holding the claim write the outcome', async () => {
    const subject = 'Claim four';
    const id = await queue(subject);
    const { db } = ctx();
    const first = sendOutbound(email, id, { retryCount: 0 });
    await until('the first run to reach DATA', () => held.length === 1);
    // The first run stalls past its claim (a paused machine): a second run takes the message over.
    await db.updateTable('outbound_message').set({ sending_until: sql`now() - interval '1 second'` }).where('id', '=', id).execute();
    const second = sendOutbound(email, id, { retryCount: 1 });
    await until('the second run to reach DATA', () => held.length === 2);
    held.shift()!();
    await first;
    // The first run's success is not recorded: the message is the second run's.
    expect(await row(id)).toMatchObject({ status: 'queued', attempts: 0, claim_live: true });
    held.shift()!();
    await second;
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1, sending_token: null });
  });

  it('queues again a mail that no job will send any more, and leaves one whose job is waiting', async () => {
    const { db } = ctx();
    const orphan = await queue('Claim five, orphan');
    const waiting = await queue('Claim five, waiting');
    // The orphan's job is gone (its last run died mid-send, its claim expired).
    await sql`delete from pgboss.job where name = 'mail.send' and data->>'outboundId' = ${orphan}`.execute(db);
    await db.updateTable('outbound_message').set({ sending_until: sql`now() - interval '1 second'`, sending_token: sql`gen_random_uuid()` }).where('id', '=', orphan).execute();
    expect(await waitingJobs(orphan)).toHaveLength(0);
    const waitingBefore = (await waitingJobs(waiting)).length;
    expect(waitingBefore).toBe(1);
    await recoverStalledOutbound(email, 0);
    expect(await waitingJobs(orphan)).toHaveLength(1);
    expect(await waitingJobs(waiting)).toHaveLength(waitingBefore);
    // Put back once: a second sweep finds its job waiting.
    await recoverStalledOutbound(email, 0);
    expect(await waitingJobs(orphan)).toHaveLength(1);
  });

  it('fails a mail claimed too many times without an outcome, instead of trying it forever', async () => {
    const subject = 'Claim six';
    const id = await queue(subject);
    // Eight runs claimed it and none wrote an outcome: its process died on it each time.
    await ctx().db.updateTable('outbound_message').set({ sending_runs: 8 }).where('id', '=', id).execute();
    await sendOutbound(email, id, { retryCount: 0 });
    expect(held).toHaveLength(0);
    expect(copies(subject)).toBe(0);
    expect(await row(id)).toMatchObject({ status: 'failed', sending_token: null, last_error: 'sending did not finish after 8 attempts' });
  });
});
