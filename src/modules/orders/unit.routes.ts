import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { OrderPage, OrdersQuery, TicketUnitsResponse, UnitResponse, WarrantyQuery, WarrantyResponse } from './unit.schemas.ts';
import { listOrders } from './order.service.ts';
import { getUnit, getUnitWarranty, ticketUnits } from './unit.service.ts';

/** What the composition root hands these routes. */
export interface UnitRoutesOptions {
  db: Db;
}

export const unitRoutes: FastifyPluginAsyncZod<UnitRoutesOptions> = async (app, { db }) => {
  app.get(
    '/units/:id',
    { schema: { tags: ['units'], summary: 'A unit you may see: its model, order, seller and history', params: z.object({ id: z.uuid() }), response: { 200: UnitResponse } } },
    async (request) => getUnit(db, request.actor, request.params.id),
  );
  app.get(
    '/units/:id/warranty',
    {
      schema: {
        tags: ['units'],
        summary: 'What the customer is owed for this unit on a date (default today), the rule and the article that decided',
        params: z.object({ id: z.uuid() }),
        querystring: WarrantyQuery,
        response: { 200: WarrantyResponse },
      },
    },
    async (request) => getUnitWarranty(db, request.actor, request.params.id, request.query, request.now),
  );
  app.get(
    '/orders',
    { schema: { tags: ['orders'], summary: 'Orders you may see, newest first, with their lines, units and each unit’s warranty today', querystring: OrdersQuery, response: { 200: OrderPage } } },
    async (request) => listOrders(db, request.actor, request.query, request.now),
  );
  app.get(
    '/tickets/:id/units',
    {
      schema: {
        tags: ['units'],
        summary: "The units a ticket names by serial number, each with today's warranty decision; unknown serials are listed too",
        params: z.object({ id: z.uuid() }),
        response: { 200: TicketUnitsResponse },
      },
    },
    async (request) => ticketUnits(db, request.actor, request.params.id, request.now),
  );
};
