import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listGroups, listStaff } from './directory.service.ts';
import type { Db } from '../../platform/db/database.ts';

/** What the composition root hands these routes. */
export interface DirectoryRoutesOptions { db: Db }

export const directoryRoutes: FastifyPluginAsyncZod<DirectoryRoutesOptions> = async (app, { db }) => {
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
    async (request) => ({ items: await listGroups(db, request.actor, request.query.brandId) }),
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
    async (request) => ({ items: await listStaff(db, request.actor, request.query) }),
  );
};
