import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/auth-hook.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { listGroups, listStaff } from './directory.service.ts';

export const directoryRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { db }) => {
  app.get(
    '/groups',
    {
      schema: {
        tags: ['directory'],
        summary: 'Agent groups of the brands the user works for',
        querystring: z.object({ brandId: z.uuid().optional() }),
        response: { 200: z.object({ items: z.array(z.object({ id: z.string(), brandId: z.string(), name: z.string() })) }) },
      },
    },
    async (request) => ({ items: await listGroups(db, requireActor(request), request.query.brandId) }),
  );
  app.get(
    '/users',
    {
      schema: {
        tags: ['directory'],
        summary: 'Staff of the brands the user works for (assignees)',
        querystring: z.object({ brandId: z.uuid().optional(), role: z.enum(['agent', 'technician', 'admin']).optional() }),
        response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.string() })) }) },
      },
    },
    async (request) => ({ items: await listStaff(db, requireActor(request), request.query) }),
  );
};
