import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idempotent } from '../../platform/db/idempotency.ts';
import { addEntry, listEntries, listHistory } from './entry.service.ts';
import {
  CreateEntryBody,
  CreateTicketBody,
  EntryResponse,
  HistoryResponse,
  ListTicketsQuery,
  LookupQuery,
  MergeBody,
  SearchQuery,
  SearchResponse,
  TicketPage,
  TicketResponse,
  UpdateTicketBody,
} from './ticket.schemas.ts';
import { searchTickets } from './ticket-search.service.ts';
import { createTicket } from './ticket-create.service.ts';
import { mergeTicket } from './ticket-merge.service.ts';
import { getTicket, listTickets, lookupTicketByNumber, updateTicket } from './ticket.service.ts';
import type { Db } from '../../platform/db/database.ts';
import type { TicketEvents } from './ticket-events.ts';

const IdParams = z.object({ id: z.uuid() });
const IdempotencyHeaders = z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }).passthrough();

/** What the composition root hands these routes. */
export interface TicketRoutesOptions { db: Db; ticketEvents: TicketEvents }

export const ticketRoutes: FastifyPluginAsyncZod<TicketRoutesOptions> = async (app, { db, ticketEvents }) => {
  app.get(
    '/tickets',
    { schema: { tags: ['tickets'], summary: 'List tickets the user may see (queue or my tickets), cursor-paginated', querystring: ListTicketsQuery, response: { 200: TicketPage } } },
    async (request) => listTickets(db, request.actor, request.query, request.now),
  );

  app.post(
    '/tickets',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Open a ticket (portal) or log one on behalf of a customer (desk)',
        description: 'Send an `Idempotency-Key` header to make retries safe: the same key returns the first result.',
        headers: IdempotencyHeaders,
        body: CreateTicketBody,
        response: { 201: TicketResponse },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      const result = await idempotent(
        db,
        { userId: actor.userId, key: request.headers['idempotency-key'], route: 'POST /tickets', request: request.body, status: 201 },
        async (trx) => {
          const ticket = await createTicket(trx, actor, request.body, request.now);
          await ticketEvents.ticketCreated(trx, ticket.id, request.now);
          return ticket;
        },
      );
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(result.body);
    },
  );

  app.get(
    '/tickets/lookup',
    { schema: { tags: ['tickets'], summary: 'Find a ticket by its number (a mistyped check digit answers 400)', querystring: LookupQuery, response: { 200: TicketResponse } } },
    async (request) => lookupTicketByNumber(db, request.actor, request.query.number),
  );

  app.get(
    '/search',
    { schema: { tags: ['tickets'], summary: 'Full-text search over tickets and conversations; numbers, serials, e-mail addresses', querystring: SearchQuery, response: { 200: SearchResponse } } },
    async (request) => searchTickets(db, request.actor, request.query),
  );

  app.get(
    '/tickets/:id',
    { schema: { tags: ['tickets'], summary: 'One ticket', params: IdParams, response: { 200: TicketResponse } } },
    async (request) => getTicket(db, request.actor, request.params.id),
  );

  app.patch(
    '/tickets/:id',
    { schema: { tags: ['tickets'], summary: 'Change status, priority, group, assignee or subject', params: IdParams, body: UpdateTicketBody, response: { 200: TicketResponse } } },
    async (request) => updateTicket(db, request.actor, request.params.id, request.body, request.now),
  );

  app.post(
    '/tickets/:id/merge',
    { schema: { tags: ['tickets'], summary: 'Merge this ticket into another one of the same brand', params: IdParams, body: MergeBody, response: { 200: TicketResponse } } },
    async (request) => mergeTicket(db, request.actor, request.params.id, request.body.intoTicketId, request.now),
  );

  app.get(
    '/tickets/:id/entries',
    { schema: { tags: ['tickets'], summary: 'The conversation, oldest first', params: IdParams, response: { 200: z.object({ items: z.array(EntryResponse) }) } } },
    async (request) => listEntries(db, request.actor, request.params.id),
  );

  app.post(
    '/tickets/:id/entries',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Add a message, reply, internal note or phone note',
        params: IdParams,
        headers: IdempotencyHeaders,
        body: CreateEntryBody,
        response: { 201: EntryResponse },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      const result = await idempotent(
        db,
        { userId: actor.userId, key: request.headers['idempotency-key'], route: `POST /tickets/${request.params.id}/entries`, request: request.body, status: 201 },
        async (trx) => {
          const entry = await addEntry(trx, actor, request.params.id, request.body, request.now);
          if (entry.kind === 'agent_reply') await ticketEvents.agentReplied(trx, request.params.id, entry.id, request.now);
          return entry;
        },
      );
      return reply.status(201).send(result.body);
    },
  );

  app.get(
    '/tickets/:id/history',
    { schema: { tags: ['tickets'], summary: 'Audit history: who changed what, when, before → after', params: IdParams, response: { 200: HistoryResponse } } },
    async (request) => listHistory(db, request.actor, request.params.id),
  );
};
