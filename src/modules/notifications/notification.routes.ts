import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/event-bus.ts';
import { NOTIFICATION_KINDS } from './notification-kinds.ts';
import * as svc from './notification.service.ts';

const Kind = z.enum(NOTIFICATION_KINDS);
const NotificationResponse = z.object({
  id: z.number(),
  kind: Kind,
  ticket: z.object({ id: z.string(), number: z.string(), subject: z.string() }).nullable(),
  actorName: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
const Preferences = z.object({ items: z.array(z.object({ kind: Kind, email: z.boolean().describe('true: by e-mail too; false: in the app only') })) });
const Presence = z.object({ replying: z.array(z.object({ userId: z.string(), name: z.string(), since: z.string() })) });
const TicketParams = z.object({ id: z.uuid() });

/** What the composition root hands these routes. */
export interface NotificationRoutesOptions { db: Db; bus: EventBus }

export const notificationRoutes: FastifyPluginAsyncZod<NotificationRoutesOptions> = async (app, { db, bus }) => {
  const tags = ['notifications'];
  app.get('/notifications', { config: { access: 'staff' }, schema: { tags, summary: 'My latest notifications and how many are unread', response: { 200: z.object({ unread: z.number(), items: z.array(NotificationResponse) }) } } }, async (request) => svc.listNotifications(db, request.actor));
  app.post(
    '/notifications/:id/read',
    { config: { access: 'staff' }, schema: { tags, summary: 'Mark one of my notifications read', params: z.object({ id: z.coerce.number().int().positive().max(2 ** 53) }), response: { 204: z.null() } } },
    async (request, reply) => {
      await svc.readNotification(db, bus, request.actor, request.params.id, request.now);
      return reply.code(204).send(null);
    },
  );
  app.post('/notifications/read-all', { config: { access: 'staff' }, schema: { tags, summary: 'Mark all my notifications read', response: { 200: z.object({ changed: z.number() }) } } }, async (request) => svc.readAllNotifications(db, bus, request.actor, request.now));
  app.get('/notifications/preferences', { config: { access: 'staff' }, schema: { tags, summary: 'How I am told of each kind of notification', response: { 200: Preferences } } }, async (request) => svc.getPreferences(db, request.actor));
  app.put('/notifications/preferences', { config: { access: 'staff' }, schema: { tags, summary: 'Choose, per kind, in the app only or by e-mail too', body: Preferences, response: { 200: Preferences } } }, async (request) => svc.setPreferences(db, request.actor, request.body.items));
  app.get('/notifications/unseen-tickets', { config: { access: 'staff' }, schema: { tags, summary: 'Open tickets with activity I have not seen (unread markers of the queue)', response: { 200: z.object({ ticketIds: z.array(z.string()) }) } } }, async (request) => svc.listUnseenTickets(db, request.actor));
  app.post('/tickets/:id/seen', { schema: { tags, summary: 'I have seen this ticket as it is now', params: TicketParams, response: { 204: z.null() } } }, async (request, reply) => {
    await svc.markSeen(db, request.actor, request.params.id, request.now);
    return reply.code(204).send(null);
  });
  app.get('/tickets/:id/presence', { schema: { tags, summary: 'Who else is writing a reply on this ticket now', params: TicketParams, response: { 200: Presence } } }, async (request) => svc.getPresence(db, request.actor, request.params.id, request.now));
  app.post(
    '/tickets/:id/presence',
    {
      schema: { tags, summary: 'Heartbeat while I write a reply (every ~10 s; stale after 30 s), or its end', params: TicketParams, body: z.object({ replying: z.boolean() }), response: { 200: Presence } },
    },
    async (request) => svc.setPresence(db, bus, request.actor, request.params.id, request.body.replying, request.now),
  );
};
