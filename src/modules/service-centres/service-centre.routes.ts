import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { NearestQuery, NearestResponse, ServiceCentreBody, ServiceCentreResponse, ServiceCentresQuery } from './service-centre.schemas.ts';
import { deleteServiceCentre, getServiceCentre, listServiceCentres, nearestServiceCentres, saveServiceCentre } from './service-centre.service.ts';

/** What the composition root hands these routes. */
export interface ServiceCentreRoutesOptions {
  db: Db;
}

const params = z.object({ id: z.uuid() });
const NoContent = z.null().describe('No content');

export const serviceCentreRoutes: FastifyPluginAsyncZod<ServiceCentreRoutesOptions> = async (app, { db }) => {
  app.get(
    '/service-centres/nearest',
    {
      config: { access: 'public' },
      schema: {
        tags: ['service-centres'],
        summary: "The brand's service centres nearest to a postcode, a town or a position (great-circle km), with their opening hours this week and whether they are open now",
        querystring: NearestQuery,
        response: { 200: NearestResponse },
      },
    },
    async (request) => nearestServiceCentres(db, request.query, request.now),
  );
  app.get(
    '/admin/service-centres',
    { config: { access: 'admin' }, schema: { tags: ['service-centres'], summary: 'Service centres of your brands', querystring: ServiceCentresQuery, response: { 200: z.object({ items: z.array(ServiceCentreResponse) }) } } },
    async (request) => listServiceCentres(db, request.actor, request.query),
  );
  app.post(
    '/admin/service-centres',
    { config: { access: 'admin' }, schema: { tags: ['service-centres'], summary: 'Add a service centre', body: ServiceCentreBody, response: { 201: ServiceCentreResponse } } },
    async (request, reply) => reply.code(201).send(await saveServiceCentre(db, request.actor, null, request.body, request.now)),
  );
  app.get(
    '/admin/service-centres/:id',
    { config: { access: 'admin' }, schema: { tags: ['service-centres'], summary: 'One service centre', params, response: { 200: ServiceCentreResponse } } },
    async (request) => getServiceCentre(db, request.actor, request.params.id),
  );
  app.put(
    '/admin/service-centres/:id',
    { config: { access: 'admin' }, schema: { tags: ['service-centres'], summary: 'Replace a service centre: address, coordinates, calendar, what it serves, active', params, body: ServiceCentreBody, response: { 200: ServiceCentreResponse } } },
    async (request) => saveServiceCentre(db, request.actor, request.params.id, request.body, request.now),
  );
  app.delete(
    '/admin/service-centres/:id',
    { config: { access: 'admin' }, schema: { tags: ['service-centres'], summary: 'Remove a service centre (or set it inactive with PUT to keep it)', params, response: { 204: NoContent } } },
    async (request, reply) => {
      await deleteServiceCentre(db, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
