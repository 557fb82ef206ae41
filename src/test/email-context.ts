import path from 'node:path';
import { type EmailContext, ProcessInboundJob } from '../modules/email/index.ts';
import { FileStore } from '../platform/files/file-store.ts';
import { JobQueue } from '../platform/jobs/job-queue.ts';
import { testClock } from './clock.ts';
import type { StoreContext } from './db.ts';

/**
 * The e-mail module's context for a test that plays the part of the workers: the processing job
 * is defined (so acceptance can enqueue it) but nobody works it. Stop `jobs` after the suite.
 */
export async function idleEmailContext(ctx: StoreContext): Promise<{ jobs: JobQueue; email: EmailContext }> {
  const jobs = new JobQueue(ctx.database);
  jobs.define(ProcessInboundJob);
  await jobs.start();
  const email: EmailContext = { db: ctx.db, jobs, files: new FileStore(path.join(ctx.filesDir, 'files')), rawStore: new FileStore(path.join(ctx.filesDir, 'raw')), maxMessageBytes: 1_000_000, clock: testClock() };
  return { jobs, email };
}
