import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { TicketEvents } from '../tickets/ticket-events.ts';
import type { EmailContext } from './email-context.ts';
import { ProcessInboundJob } from './inbound.service.ts';
import { SendMailJob, sendOutbound } from './outbound.service.ts';
import { processInbound, quarantine } from './process-inbound.ts';

/**
 * Registers this process as a worker for the e-mail jobs. A message whose processing still fails
 * after the last retry is quarantined with the error, for an admin to reprocess or discard.
 */
export function registerEmailWorkers(jobs: JobQueue, ctx: EmailContext, events: TicketEvents): void {
  jobs.work(ProcessInboundJob, async ({ inboundId }, meta) => {
    try {
      await processInbound(ctx, events, inboundId);
    } catch (err) {
      if (meta.retryCount >= (ProcessInboundJob.retryLimit ?? 0)) {
        await quarantine(ctx.db, inboundId, 'processing_failed', (err as Error).message);
        return;
      }
      throw err;
    }
  });
  jobs.work(SendMailJob, ({ outboundId }, meta) => sendOutbound(ctx, outboundId, meta));
}
