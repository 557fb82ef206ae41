export { emitWebhookEvent, registerWebhookWorker, signature as webhookSignature, WEBHOOK_EVENTS, WebhookDeliverJob } from './webhook.service.ts';
export { webhookRoutes } from './webhook.routes.ts';
export { deliverWebhook } from './webhook.service.ts';
