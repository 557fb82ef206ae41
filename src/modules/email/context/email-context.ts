import type { Clock } from '../../../platform/clock/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { FileStore } from '../../../platform/files/file-store.ts';
import type { JobQueue } from '../../../platform/jobs/job-queue.ts';

/** What the e-mail module needs from the composition root. */
export interface EmailContext {
  db: Db;
  jobs: JobQueue;
  /** Attachments (shared with the rest of Apres). */
  files: FileStore;
  /** Raw messages as received, kept for reprocessing and audit. */
  rawStore: FileStore;
  /** Messages larger than this are kept raw and quarantined instead of processed. */
  maxMessageBytes: number;
  /** The server's clock: acceptance, processing and sending times (a mail's sending time is the ticket's acceptance). */
  clock: Clock;
}
