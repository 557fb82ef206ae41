import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/auth-hook.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { createWebhook, listDeliveries, listWebhooks, WebhookBody } from './webhook.service.ts';

export const webhookRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { db, config }) => {
  app.get('/admin/webhooks', { schema: { tags: ['webhooks'], summary: 'Webhook endpoints' } }, async (request) => ({ items: await listWebhooks(db, requireActor(request)) }));
  app.post('/admin/webhooks', { schema: { tags: ['webhooks'], summary: 'Add a webhook endpoint (its signing secret is shown once)', body: WebhookBody } }, async (request, reply) => {
    reply.code(201);
    return createWebhook(db, requireActor(request), request.body, config.allowPrivateTargets);
  });
  app.get(
    '/admin/webhooks/:id/deliveries',
    { schema: { tags: ['webhooks'], summary: 'The latest deliveries of an endpoint', params: z.object({ id: z.uuid() }) } },
    async (request) => ({ items: await listDeliveries(db, requireActor(request), request.params.id) }),
  );
};
