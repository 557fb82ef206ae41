import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createWebhook, listDeliveries, listWebhooks, WebhookBody } from './webhook.service.ts';
import type { Db } from '../../platform/db/database.ts';
import type { AppConfig } from '../../platform/config/config.ts';

const WebhookResponse = z.object({ id: z.string(), brandId: z.string(), url: z.string(), events: z.array(z.string()), active: z.boolean(), createdAt: z.string() });
const DeliveryResponse = z.object({
  id: z.string(),
  event: z.string(),
  status: z.string(),
  attempts: z.number(),
  responseStatus: z.number().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});

/** What the composition root hands these routes. */
export interface WebhookRoutesOptions { db: Db; config: AppConfig }

export const webhookRoutes: FastifyPluginAsyncZod<WebhookRoutesOptions> = async (app, { db, config }) => {
  app.get('/admin/webhooks', { config: { access: 'admin' }, schema: { tags: ['webhooks'], summary: 'Webhook endpoints', response: { 200: z.object({ items: z.array(WebhookResponse) }) } } }, async (request) => ({ items: await listWebhooks(db, request.actor) }));
  app.post('/admin/webhooks', { config: { access: 'admin' }, schema: { tags: ['webhooks'], summary: 'Add a webhook endpoint (its signing secret is shown once)', body: WebhookBody, response: { 201: WebhookResponse.extend({ secret: z.string() }) } } }, async (request, reply) => {
    reply.code(201);
    return createWebhook(db, request.actor, request.body, config.allowPrivateTargets);
  });
  app.get(
    '/admin/webhooks/:id/deliveries',
    { config: { access: 'admin' }, schema: { tags: ['webhooks'], summary: 'The latest deliveries of an endpoint', params: z.object({ id: z.uuid() }), response: { 200: z.object({ items: z.array(DeliveryResponse) }) } } },
    async (request) => ({ items: await listDeliveries(db, request.actor, request.params.id) }),
  );
};
