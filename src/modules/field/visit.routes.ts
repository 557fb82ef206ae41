import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { CalendarFeedResponse, CalendarQuery, CancelVisitBody, ScheduleVisitBody, TicketVisitsResponse, VisitReportBody, VisitResponse, VisitsPage, VisitsQuery } from './visit.schemas.ts';
import { cancelVisit, getVisit, listTicketVisits, listVisits, reportVisit, scheduleVisit } from './visit.service.ts';
import { issueCalendarFeed, technicianCalendar } from './visit-calendar.ts';

/** What the composition root hands these routes. */
export interface FieldRoutesOptions {
  db: Db;
  /** The address the server is reached at, for the calendar feed's subscription URL. */
  publicUrl: string;
}

export const fieldRoutes: FastifyPluginAsyncZod<FieldRoutesOptions> = async (app, { db, publicUrl }) => {
  const params = z.object({ id: z.uuid() });
  app.post(
    '/tickets/:id/visits',
    {
      schema: {
        tags: ['field'],
        summary: "Schedule an on-site visit for one of the ticket's units (the desk): the contract decides, the window lies within the brand's working time, the technician is free",
        params,
        body: ScheduleVisitBody,
        response: { 201: VisitResponse },
      },
    },
    async (request, reply) => reply.code(201).send(await scheduleVisit(db, request.actor, request.params.id, request.body, request.now)),
  );
  app.get(
    '/tickets/:id/visits',
    { schema: { tags: ['field'], summary: "The ticket's on-site visits; for the desk also what scheduling would decide for each unit, and the brand's technicians", params, response: { 200: TicketVisitsResponse } } },
    async (request) => listTicketVisits(db, request.actor, request.params.id, request.now),
  );
  app.get(
    '/visits',
    { config: { access: 'staff' }, schema: { tags: ['field'], summary: "A technician's own visits (soonest first; the last 30 days and all not done); the desk's by technician", querystring: VisitsQuery, response: { 200: VisitsPage } } },
    async (request) => listVisits(db, request.actor, request.query, request.now),
  );
  app.get('/visits/:id', { config: { access: 'staff' }, schema: { tags: ['field'], summary: 'One on-site visit', params, response: { 200: VisitResponse } } }, async (request) => getVisit(db, request.actor, request.params.id));
  app.post(
    '/visits/:id/report',
    {
      config: { access: 'staff' },
      schema: { tags: ['field'], summary: "The technician's report (the technician sent, or an admin): saved as they go; `complete` closes the visit", params, body: VisitReportBody, response: { 200: VisitResponse } },
    },
    async (request) => reportVisit(db, request.actor, request.params.id, request.body, request.now),
  );
  app.post(
    '/visits/:id/cancel',
    { config: { access: 'staff' }, schema: { tags: ['field'], summary: 'Call a scheduled visit off, with the reason (the desk)', params, body: CancelVisitBody, response: { 200: VisitResponse } } },
    async (request) => cancelVisit(db, request.actor, request.params.id, request.body.reason, request.now),
  );
  app.get(
    '/technicians/:id/calendar.ics',
    {
      // A calendar app carries no session: the feed's token stands for it. Without a token the
      // caller must be signed in, as the technician or an admin (checked in the service).
      config: { access: 'public' },
      schema: { tags: ['field'], summary: "A technician's visits as an iCalendar feed (the technician, an admin, or the feed's token)", params, querystring: CalendarQuery, response: { 200: z.string() } },
    },
    async (request, reply) => {
      const { ics, filename } = await technicianCalendar(db, { actor: request.actorOrNull, token: request.query.token }, request.params.id, request.now);
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', `inline; filename="${filename}"`).header('cache-control', 'private, no-store').send(ics);
    },
  );
  app.post(
    '/technicians/:id/calendar-feed',
    { config: { access: 'staff' }, schema: { tags: ['field'], summary: "A new subscription address for the technician's calendar (shown once; the previous one stops working)", params, response: { 201: CalendarFeedResponse } } },
    async (request, reply) => reply.code(201).send(await issueCalendarFeed(db, request.actor, request.params.id, publicUrl, request.now)),
  );
};
