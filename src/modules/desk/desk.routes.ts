import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import type { TicketEvents } from '../tickets/index.ts';
import { BulkBody, BulkResponse, UndoResponse } from './bulk.schemas.ts';
import { runBulk, undoBulk } from './bulk.service.ts';
import { MacroBody, MacroListQuery, MacroResponse } from './macro.schemas.ts';
import { createMacro, deleteMacro, listMacros, updateMacro } from './macro.service.ts';
import { SavedViewBody, SavedViewResponse } from './saved-view.schemas.ts';
import { createSavedView, deleteSavedView, listSavedViews, updateSavedView } from './saved-view.service.ts';

const IdParams = z.object({ id: z.uuid() });

/** What the composition root hands these routes. */
export interface DeskRoutesOptions { db: Db; ticketEvents: TicketEvents }

export const deskRoutes: FastifyPluginAsyncZod<DeskRoutesOptions> = async (app, { db, ticketEvents }) => {
  app.post(
    '/tickets/bulk',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['desk'],
        summary: 'Apply one action (assign, status, priority, close, merge, a macro) to several tickets, each under the single-ticket rules',
        description: 'Answers per ticket; a ticket out of reach is reported as not found. The operation can be undone for 10 minutes, except a merge or a macro that writes a reply.',
        body: BulkBody,
        response: { 200: BulkResponse },
      },
    },
    async (request) => runBulk(db, request.actor, request.body, request.now, ticketEvents),
  );
  app.post(
    '/tickets/bulk/:id/undo',
    {
      config: { access: 'staff' },
      schema: { tags: ['desk'], summary: 'Take back a bulk operation: each ticket unchanged since returns to its values before', params: IdParams, response: { 200: UndoResponse } },
    },
    async (request) => undoBulk(db, request.actor, request.params.id, request.now),
  );

  app.get(
    '/desk/macros',
    { config: { access: 'staff' }, schema: { tags: ['desk'], summary: 'The macros the agent may apply: the brand\'s shared ones and their own', querystring: MacroListQuery, response: { 200: z.object({ items: z.array(MacroResponse) }) } } },
    async (request) => ({ items: await listMacros(db, request.actor, request.query.brandId) }),
  );
  app.post(
    '/desk/macros',
    { config: { access: 'staff' }, schema: { tags: ['desk'], summary: 'Create a macro (shared ones: administrators)', body: MacroBody, response: { 201: MacroResponse } } },
    async (request, reply) => reply.status(201).send(await createMacro(db, request.actor, request.body, request.now)),
  );
  app.put(
    '/desk/macros/:id',
    { config: { access: 'staff' }, schema: { tags: ['desk'], summary: 'Change a macro', params: IdParams, body: MacroBody, response: { 200: MacroResponse } } },
    async (request) => updateMacro(db, request.actor, request.params.id, request.body, request.now),
  );
  app.delete(
    '/desk/macros/:id',
    { config: { access: 'staff' }, schema: { tags: ['desk'], summary: 'Delete a macro', params: IdParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteMacro(db, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/desk/views',
    { config: { access: 'staff' }, schema: { tags: ['desk'], summary: "The queue views the agent may pick: their own and their groups' shared ones", response: { 200: z.object({ items: z.array(SavedViewResponse) }) } } },
    async (request) => ({ items: await listSavedViews(db, request.actor) }),
  );
  app.post(
    '/desk/views',
    { config: { access: 'staff' }, schema: { tags: ['desk'], summary: 'Save the queue\'s filters, columns and order as a view, own or shared with a group the agent belongs to', body: SavedViewBody, response: { 201: SavedViewResponse } } },
    async (request, reply) => reply.status(201).send(await createSavedView(db, request.actor, request.body, request.now)),
  );
  app.put(
    '/desk/views/:id',
    { config: { access: 'staff' }, schema: { tags: ['desk'], summary: 'Change a saved view (its author, or an administrator for a shared one)', params: IdParams, body: SavedViewBody, response: { 200: SavedViewResponse } } },
    async (request) => updateSavedView(db, request.actor, request.params.id, request.body),
  );
  app.delete(
    '/desk/views/:id',
    { config: { access: 'staff' }, schema: { tags: ['desk'], summary: 'Delete a saved view', params: IdParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteSavedView(db, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
