import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { TicketEvents } from '../tickets/index.ts';
import type { EmailContext } from './context/index.ts';
import { ProcessInboundJob, recoverStalledInbound, processInbound, quarantine } from './inbound/index.ts';
import { recoverStalledOutbound, SendMailJob, sendOutbound } from './outbound/index.ts';

export interface EmailWorkerOptions {
  /**
   * Stalled-processing recovery (recoverStalledInbound): how often to look, and how long after
   * acceptance an unprocessed message with no live job counts as stalled. Defaults 30 s and 60 s.
   */
  recoverEverySeconds?: number;
  stalledAfterSeconds?: number;
  log?: (msg: string) => void;
  /** A person must look: a message quarantined (the admin's quarantine list says why). */
  warn?: (msg: string) => void;
}

/**
 * Registers this process as a worker for the e-mail jobs. A message whose processing still fails
 * after the last retry is quarantined with the error, for an admin to reprocess or discard; one
 * whose processing died with a killed process is put back on the queue within a minute or so.
 */
/**
 * Inbound messages processed at once per process on PostgreSQL: one message's waits on the
 * database overlap another's parsing (measured: a single worker left the process idle 45 % of the
 * time). A reply waits for the message it answers when that one is still queued (`processInbound`).
 */
const INBOUND_CONCURRENCY = 4;

export function registerEmailWorkers(jobs: JobQueue, ctx: EmailContext, events: TicketEvents, opts: EmailWorkerOptions = {}): void {
  jobs.every('mail.recover-stalled-inbound', opts.recoverEverySeconds ?? 30, async () => {
    const r = await recoverStalledInbound(ctx, opts.stalledAfterSeconds ?? 60);
    if (r.requeued || r.quarantined) opts.log?.(`inbound mail: ${r.requeued} stalled message(s) put back on the queue, ${r.quarantined} quarantined`);
  });
  jobs.work(ProcessInboundJob, async ({ inboundId }, meta) => {
    try {
      const status = await processInbound(ctx, events, inboundId, ctx.clock.now());
      if (status === 'quarantined') (opts.warn ?? opts.log)?.(`inbound mail ${inboundId} quarantined: see Admin → E-mail → Quarantine`);
    } catch (err) {
      if (meta.retryCount >= (ProcessInboundJob.retryLimit ?? 0)) {
        await quarantine(ctx.db, inboundId, 'processing_failed', (err as Error).message, ctx.clock.now());
        (opts.warn ?? opts.log)?.(`inbound mail ${inboundId} quarantined after ${meta.retryCount + 1} failed attempts: ${(err as Error).message}`);
        return;
      }
      throw err;
    }
  }, { concurrency: INBOUND_CONCURRENCY });
  // Queued mail whose job died with its process mid-send (the claim expired, no job left): sent again.
  jobs.every('mail.recover-stalled-outbound', 60, async () => {
    const n = await recoverStalledOutbound(ctx, 300);
    if (n) opts.log?.(`outgoing mail: ${n} message(s) whose sending stopped put back on the queue`);
  });
  // Sending is idempotent (only a queued message is sent, by the run that claimed it): up to eight a fetch.
  jobs.work(SendMailJob, ({ outboundId }, meta) => sendOutbound(ctx, outboundId, meta), { batchSize: 8 });
}
