import { z } from 'zod';
import { type Db, withTransaction } from '../../platform/db/database.ts';
import type { JobDefinition } from '../../platform/jobs/job-queue.ts';
import { openTicketIds } from './sla.queries.ts';
import { refreshTicketSla } from './sla-refresh.ts';

/** A policy or calendar of the brand changed: every open ticket's timers are computed again. */
export const SlaRecomputeJob: JobDefinition<{ brandId: string; reason: 'policy' | 'calendar' }> = {
  name: 'sla.recompute-brand',
  schema: z.object({ brandId: z.uuid(), reason: z.enum(['policy', 'calendar']) }),
  retryLimit: 5,
  retryDelay: 30,
  retryBackoff: true,
  expireInSeconds: 3600,
};

/**
 * Recomputes the open tickets of a brand in batches, each its own transaction, so a large desk is
 * never locked at once; a crash mid-way is safe because the job is retried and recomputing is
 * idempotent. On PostgreSQL a few batches run at once (`concurrency`): the database and this
 * process then work in parallel. Returns the number of tickets recomputed.
 */
export async function recomputeBrand(db: Db, brandId: string, opts: { now: () => Date; batchSize?: number; concurrency?: number }): Promise<number> {
  const batchSize = opts.batchSize ?? 500;
  const running = new Set<Promise<void>>();
  let after: string | null = null;
  let done = 0;
  for (;;) {
    let q = openTicketIds(db, { brandId });
    if (after) q = q.where('id', '>', after);
    const rows = await q.limit(batchSize).execute();
    if (rows.length === 0) break;
    const ids = rows.map((r) => r.id);
    after = ids.at(-1)!;
    const p: Promise<void> = withTransaction(db, (trx) => refreshTicketSla(trx, ids, opts.now())).then(() => {
      done += ids.length;
      running.delete(p);
    });
    running.add(p);
    if (running.size >= Math.max(1, opts.concurrency ?? 1)) await Promise.race(running);
  }
  await Promise.all(running);
  return done;
}
