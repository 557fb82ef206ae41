import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FileStore } from '../../platform/files/file-store.ts';
import { JobQueue } from '../../platform/jobs/job-queue.ts';
import { describeStores } from '../../test/db.ts';
import type { EmailContext } from './email-context.ts';
import { acceptRawMessage, MAX_PROCESSING_RESTARTS, ProcessInboundJob, recoverStalledInbound } from './inbound.service.ts';

describeStores('stalled inbound processing', (ctx) => {
  let jobs: JobQueue;
  let email: EmailContext;
  let n = 0;

  beforeAll(async () => {
    const { database, db, filesDir } = ctx();
    // Jobs are defined but nobody works them: the test plays the part of the workers.
    jobs = new JobQueue(database);
    jobs.define(ProcessInboundJob);
    await jobs.start();
    email = { db, jobs, files: new FileStore(path.join(filesDir, 'files')), rawStore: new FileStore(path.join(filesDir, 'raw')), maxMessageBytes: 1_000_000 };
  });
  afterAll(async () => {
    await jobs?.stop();
  });

  async function accept(): Promise<string> {
    const raw = Buffer.from(`From: a@example.com\r\nTo: sav@carri.example\r\nSubject: stalled ${++n}\r\nMessage-ID: <stalled-${n}-${ctx().store}@example.com>\r\n\r\nx\r\n`);
    return (await acceptRawMessage(email, { raw, source: 'smtp', envelopeTo: ['sav@carri.example'] })).inboundId;
  }
  const jobStates = async (id: string) =>
    (await sql<{ state: string }>`select state from pgboss.job where name = ${ProcessInboundJob.name} and data->>'inboundId' = ${id} order by created_on`.execute(ctx().db)).rows.map((r) => r.state);
  /** What a process killed in the middle of a job leaves: the job taken (`active`), long ago. */
  const workerDied = (id: string) =>
    sql`update pgboss.job set state = 'active', started_on = now() - interval '1 hour' where name = ${ProcessInboundJob.name} and data->>'inboundId' = ${id} and state < 'active'`.execute(ctx().db);
  const row = (id: string) => ctx().db.selectFrom('inbound_message').select(['status', 'attempts', 'reason']).where('id', '=', id).executeTakeFirstOrThrow();

  it('leaves alone a message whose job still waits, and puts back one whose worker died', async () => {
    const waiting = await accept();
    const orphan = await accept();
    await workerDied(orphan);
    const r = await recoverStalledInbound(email, 0);
    expect(r).toEqual({ requeued: 1, quarantined: 0 });
    expect(await jobStates(waiting)).toEqual(['created']);
    expect(await jobStates(orphan)).toEqual(['active', 'created']);
    expect(await row(orphan)).toMatchObject({ status: 'received', attempts: 1 });
    // Not stalled yet by the clock: nothing is done.
    await workerDied(waiting);
    expect(await recoverStalledInbound(email, 3600)).toEqual({ requeued: 0, quarantined: 0 });
  });

  it('quarantines a message whose processing stalls again and again', async () => {
    const id = await accept();
    for (let i = 1; i < MAX_PROCESSING_RESTARTS; i++) {
      await workerDied(id);
      await recoverStalledInbound(email, 0);
      expect(await row(id)).toMatchObject({ status: 'received', attempts: i });
    }
    await workerDied(id);
    await recoverStalledInbound(email, 0);
    expect(await row(id)).toMatchObject({ status: 'quarantined', reason: 'processing_failed' });
    expect(await jobStates(id)).toHaveLength(MAX_PROCESSING_RESTARTS);
  });

  it('skips a message whose processing transaction is open in another session', async (t) => {
    if (ctx().store !== 'postgres') t.skip(); // PGlite is one session: nothing runs beside an open transaction.
    const id = await accept();
    await workerDied(id);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = ctx().db.transaction().execute(async (trx) => {
      await trx.selectFrom('inbound_message').select('id').where('id', '=', id).forUpdate().execute();
      locked();
      await held;
    });
    await isLocked;
    try {
      await recoverStalledInbound(email, 0);
      expect(await jobStates(id)).toEqual(['active']);
      expect(await row(id)).toMatchObject({ status: 'received', attempts: 0 });
    } finally {
      release();
      await holder;
    }
  });
});
