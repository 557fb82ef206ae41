import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BrandResponse, getBrandFor, listBrands, toBrandResponse } from './brand.service.ts';
import type { Db } from '../../platform/db/database.ts';
import { LawCheckResponse, lawCheckAll } from './law-check.service.ts';
import { brandAdminRoutes } from './brand-admin.routes.ts';

/** What the composition root hands these routes. */
export interface BrandRoutesOptions { db: Db }

export const brandRoutes: FastifyPluginAsyncZod<BrandRoutesOptions> = async (app, { db }) => {
  await app.register(brandAdminRoutes, { db });
  app.get(
    '/brands',
    { schema: { tags: ['brands'], summary: 'Brands the user works for or is a customer of', response: { 200: z.object({ items: z.array(BrandResponse) }) } } },
    async (request) => ({ items: (await listBrands(db, request.actor)).map((b) => toBrandResponse(b, request.now)) }),
  );
  app.get(
    '/brands/:id',
    { schema: { tags: ['brands'], summary: 'One brand with its intake form', params: z.object({ id: z.uuid() }), response: { 200: BrandResponse } } },
    async (request) => toBrandResponse(await getBrandFor(db, request.actor, request.params.id), request.now),
  );
  app.get(
    '/admin/law-check',
    {
      config: { access: 'admin' },
      schema: { tags: ['brands'], summary: "Where a brand's after-sales settings conflict with the consumer law of the countries it sells to", response: { 200: LawCheckResponse } },
    },
    async (request) => lawCheckAll(db, request.actor, request.now),
  );
};
