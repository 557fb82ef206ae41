import crypto from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../../platform/clock/clock.ts';
import { type Db, withTransaction } from '../../platform/db/database.ts';
import { notFound, validationFailed } from '../../platform/errors/app-error.ts';
import { refusedTarget } from '../../platform/net/outbound-target.ts';
import { type JobQueue, retriedJob } from '../../platform/jobs/job-queue.ts';
import { type Actor, assertAdmin } from '../auth/index.ts';

export const WEBHOOK_EVENTS = [
  'ticket.sla_warning',
  'ticket.sla_breached',
  // A return's every change of state (issue 12), named after the state it reaches.
  'rma.requested',
  'rma.endorsed',
  'rma.approved',
  'rma.authorised',
  'rma.refused',
  'rma.awaiting_parcel',
  'rma.received',
  'rma.on_hold',
  'rma.in_workshop',
  'rma.shipped_back',
  'rma.closed',
  'rma.cancelled',
  // A repair's every change of state in the workshop (issue 13).
  'repair.awaiting_customer',
  'repair.awaiting_parts',
  'repair.repairing',
  'repair.testing',
  'repair.replacing',
  'repair.ready_to_ship',
  'repair.returning_unrepaired',
  'repair.done',
] as const;

export const WebhookDeliverJob = retriedJob('webhook.deliver', z.object({ deliveryId: z.uuid() }), { retries: 6, firstRetrySeconds: 30, expireInSeconds: 120 });

/**
 * Records an event for every active endpoint of the brand that subscribed to it, and enqueues its
 * delivery, in the caller's transaction: the event exists exactly when the change that caused it.
 */
export async function emitWebhookEvent(trx: Db, jobs: JobQueue, occurredAt: Date, brandId: string, event: (typeof WEBHOOK_EVENTS)[number], data: Record<string, unknown>): Promise<number> {
  const endpoints = await trx
    .selectFrom('webhook_endpoint')
    .select('id')
    .where('brand_id', '=', brandId)
    .where('active', '=', true)
    .where(sql<boolean>`${event} = any(events)`)
    .execute();
  for (const e of endpoints) {
    const d = await trx
      .insertInto('webhook_delivery')
      .values({ endpoint_id: e.id, event, payload: JSON.stringify({ event, brandId, occurredAt: occurredAt.toISOString(), data }), created_at: occurredAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    await jobs.enqueue(trx, WebhookDeliverJob, { deliveryId: d.id });
  }
  return endpoints.length;
}

export function signature(secret: string, body: string): string {
  return `sha256=${crypto.createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * POSTs one delivery: JSON body, `X-Apres-Event`, `X-Apres-Delivery` (the receiver's dedupe key:
 * a retry after a lost answer sends it again) and `X-Apres-Signature` (HMAC-SHA256 of the body
 * with the endpoint's secret). A non-2xx answer or a network error is retried with backoff; the
 * last failure is kept on the delivery.
 */
export async function deliverWebhook(db: Db, deliveryId: string, meta: { retryCount: number }, opts: { now: Date; allowPrivateTargets: boolean }): Promise<void> {
  const { now } = opts;
  const d = await db
    .selectFrom('webhook_delivery as d')
    .innerJoin('webhook_endpoint as e', 'e.id', 'd.endpoint_id')
    .select(['d.id', 'd.event', 'd.payload', 'd.status', 'e.url', 'e.secret'])
    .where('d.id', '=', deliveryId)
    .executeTakeFirst();
  if (!d || d.status === 'delivered') return;
  const body = JSON.stringify(d.payload);
  let status: number | null = null;
  let error: string | null = null;
  // Checked at every delivery: a host name may have come to resolve to a private address.
  const refused = await refusedTarget(new URL(d.url).hostname, opts.allowPrivateTargets);
  try {
    if (refused) throw new Error(refused);
    const res = await fetch(d.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Apres-Webhooks/1', 'x-apres-event': d.event, 'x-apres-delivery': d.id, 'x-apres-signature': signature(d.secret, body) },
      body,
      signal: AbortSignal.timeout(10_000),
      redirect: 'manual',
    });
    status = res.status;
    if (!res.ok) error = `HTTP ${res.status}`;
  } catch (err) {
    error = (err as Error).message;
  }
  const last = meta.retryCount >= (WebhookDeliverJob.retryLimit ?? 0);
  await db
    .updateTable('webhook_delivery')
    .set({
      attempts: sql`attempts + 1`,
      response_status: status,
      last_error: error,
      ...(error ? (last ? { status: 'failed' as const } : {}) : { status: 'delivered' as const, delivered_at: now }),
    })
    .where('id', '=', d.id)
    .execute();
  if (error && !last) throw new Error(`webhook ${d.id}: ${error}`);
}

export function registerWebhookWorker(jobs: JobQueue, db: Db, clock: Clock, allowPrivateTargets: boolean): void {
  jobs.work(WebhookDeliverJob, (p, meta) => deliverWebhook(db, p.deliveryId, meta, { now: clock.now(), allowPrivateTargets }));
}

export const WebhookBody = z
  .object({
    brandId: z.uuid(),
    url: z.url({ protocol: /^https?$/ }).max(2000),
    events: z.array(z.enum(WEBHOOK_EVENTS)).min(1),
    active: z.boolean().default(true),
  })
  .strict();

export async function listWebhooks(db: Db, actor: Actor) {
  assertAdmin(actor, 'Only an administrator manages webhooks');
  const rows = await db.selectFrom('webhook_endpoint').select(['id', 'brand_id', 'url', 'events', 'active', 'created_at']).orderBy('created_at').execute();
  return rows.map((r) => ({ id: r.id, brandId: r.brand_id, url: r.url, events: r.events, active: r.active, createdAt: r.created_at.toISOString() }));
}

/** Creates an endpoint; its signing secret is shown once, in this answer. */
export async function createWebhook(db: Db, actor: Actor, input: z.infer<typeof WebhookBody>, allowPrivateTargets: boolean) {
  assertAdmin(actor, 'Only an administrator manages webhooks');
  const refused = await refusedTarget(new URL(input.url).hostname, allowPrivateTargets);
  if (refused) throw validationFailed([{ field: 'url', code: 'private_target', message: refused }]);
  return withTransaction(db, async (trx) => {
    const brand = await trx.selectFrom('brand').select('id').where('id', '=', input.brandId).executeTakeFirst();
    if (!brand) throw validationFailed([{ field: 'brandId', code: 'invalid_value', message: 'no such brand' }]);
    const secret = crypto.randomBytes(24).toString('base64url');
    const row = await trx.insertInto('webhook_endpoint').values({ brand_id: input.brandId, url: input.url, events: input.events, active: input.active, secret }).returning(['id', 'created_at']).executeTakeFirstOrThrow();
    return { id: row.id, brandId: input.brandId, url: input.url, events: [...input.events], active: input.active, createdAt: row.created_at.toISOString(), secret };
  });
}

export async function listDeliveries(db: Db, actor: Actor, endpointId: string) {
  assertAdmin(actor, 'Only an administrator manages webhooks');
  const endpoint = await db.selectFrom('webhook_endpoint').select('id').where('id', '=', endpointId).executeTakeFirst();
  if (!endpoint) throw notFound('WEBHOOK_NOT_FOUND', 'Webhook');
  const rows = await db.selectFrom('webhook_delivery').selectAll().where('endpoint_id', '=', endpointId).orderBy('created_at', 'desc').limit(100).execute();
  return rows.map((r) => ({ id: r.id, event: r.event, status: r.status, attempts: r.attempts, responseStatus: r.response_status, lastError: r.last_error, createdAt: r.created_at.toISOString(), deliveredAt: r.delivered_at?.toISOString() ?? null }));
}
