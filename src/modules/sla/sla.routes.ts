import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calendarHolidays, getCalendar, importCalendarExceptions, listCalendars, previewDue, saveCalendar } from './calendar-admin.service.ts';
import { AdjustedDaySchema, CalendarBody, CalendarResponse, PolicyBody, PolicyResponse, ScheduleChangeBody, TicketSlaResponse } from './sla.schemas.ts';
import { listPolicies, savePolicy } from './sla-policy.service.ts';
import { getTicketSla, recordScheduleChange } from './sla.service.ts';
import type { Db } from '../../platform/db/database.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { SlaNotifier } from './sla-actions.ts';

const IdParams = z.object({ id: z.uuid() });
const BrandQuery = z.object({ brandId: z.uuid().optional() });

/** What the composition root hands these routes. */
export interface SlaRoutesOptions { db: Db; sla: { jobs: JobQueue; notifier: SlaNotifier } }

export const slaRoutes: FastifyPluginAsyncZod<SlaRoutesOptions> = async (app, { db, sla }) => {
  app.get(
    '/tickets/:id/sla',
    { schema: { tags: ['service levels'], summary: "A ticket's timers, each with its due time explained, and its schedule changes", params: IdParams, response: { 200: TicketSlaResponse } } },
    async (request) => getTicketSla(db, request.actor, request.params.id, request.now),
  );
  app.post(
    '/tickets/:id/schedule-changes',
    {
      schema: {
        tags: ['service levels'],
        summary: 'Record a new planned resolution date with its reason; the customer is told by e-mail in their language',
        params: IdParams,
        body: ScheduleChangeBody,
        response: { 201: TicketSlaResponse },
      },
    },
    async (request, reply) => {
      const out = await recordScheduleChange(db, sla.notifier, request.actor, request.params.id, request.body, request.now);
      reply.code(201);
      return out;
    },
  );

  app.get(
    '/admin/calendars',
    { config: { access: 'admin' }, schema: { tags: ['service levels'], summary: 'Business calendars', querystring: BrandQuery, response: { 200: z.object({ items: z.array(CalendarResponse) }) } } },
    async (request) => ({ items: await listCalendars(db, request.actor, request.query.brandId) }),
  );
  app.post(
    '/admin/calendars',
    { config: { access: 'admin' }, schema: { tags: ['service levels'], summary: 'Create a business calendar', body: CalendarBody, response: { 201: CalendarResponse } } },
    async (request, reply) => {
      const out = await saveCalendar(db, sla.jobs, request.actor, null, request.body, request.now);
      reply.code(201);
      return out;
    },
  );
  app.get('/admin/calendars/:id', { config: { access: 'admin' }, schema: { tags: ['service levels'], summary: 'A business calendar', params: IdParams, response: { 200: CalendarResponse } } }, async (request) =>
    getCalendar(db, request.actor, request.params.id),
  );
  app.put(
    '/admin/calendars/:id',
    { config: { access: 'admin' }, schema: { tags: ['service levels'], summary: "Change a calendar; the brand's open tickets are recomputed", params: IdParams, body: CalendarBody, response: { 200: CalendarResponse } } },
    async (request) => saveCalendar(db, sla.jobs, request.actor, request.params.id, request.body, request.now),
  );
  app.post(
    '/admin/calendars/:id/exceptions',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['service levels'],
        summary: "Import a year's exceptions (closed days, days with other hours) from a CSV or an iCalendar file's text; a file with a problem changes nothing",
        params: IdParams,
        body: z.object({ format: z.enum(['csv', 'ics']), content: z.string().min(1).max(500_000) }),
        response: { 200: z.object({ calendar: CalendarResponse, imported: z.object({ closedDays: z.number().int(), dayOverrides: z.number().int() }) }) },
      },
    },
    async (request) => importCalendarExceptions(db, sla.jobs, request.actor, request.params.id, request.body, request.now),
  );
  app.get(
    '/admin/calendars/:id/holidays',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['service levels'],
        summary: "The year's closed days: library holidays, the brand's additions and removals",
        params: IdParams,
        querystring: z.object({ year: z.coerce.number().int().min(1970).max(2200) }),
        response: {
          200: z.object({
            year: z.number(),
            timeZone: z.string(),
            items: z.array(z.object({ date: z.string(), name: z.string(), source: z.enum(['library', 'added']), removed: z.boolean() })),
          }),
        },
      },
    },
    async (request) => calendarHolidays(db, request.actor, request.params.id, request.query.year),
  );
  app.get(
    '/admin/calendars/:id/preview',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['service levels'],
        summary: 'When N working minutes from an instant would be up, with the closed days skipped',
        params: IdParams,
        querystring: z.object({ from: z.iso.datetime({ offset: true }), minutes: z.coerce.number().int().min(0).max(60 * 24 * 366) }),
        response: {
          200: z.object({
            from: z.string(),
            minutes: z.number(),
            dueAt: z.string(),
            timeZone: z.string(),
            skipped: z.array(z.object({ from: z.string(), to: z.string(), reason: z.string(), name: z.string().optional(), partial: z.literal(true).optional() })),
            adjusted: z.array(AdjustedDaySchema),
          }),
        },
      },
    },
    async (request) => previewDue(db, request.actor, request.params.id, new Date(request.query.from), request.query.minutes),
  );

  app.get(
    '/admin/sla-policies',
    { config: { access: 'admin' }, schema: { tags: ['service levels'], summary: 'Service-level policies', querystring: BrandQuery, response: { 200: z.object({ items: z.array(PolicyResponse) }) } } },
    async (request) => ({ items: await listPolicies(db, request.actor, request.query.brandId) }),
  );
  app.post(
    '/admin/sla-policies',
    { config: { access: 'admin' }, schema: { tags: ['service levels'], summary: 'Create a service-level policy', body: PolicyBody, response: { 201: PolicyResponse } } },
    async (request, reply) => {
      const out = await savePolicy(db, sla.jobs, request.actor, null, request.body, request.now);
      reply.code(201);
      return out;
    },
  );
  app.put(
    '/admin/sla-policies/:id',
    { config: { access: 'admin' }, schema: { tags: ['service levels'], summary: "Change a policy; the brand's open tickets are recomputed", params: IdParams, body: PolicyBody, response: { 200: PolicyResponse } } },
    async (request) => savePolicy(db, sla.jobs, request.actor, request.params.id, request.body, request.now),
  );
};
