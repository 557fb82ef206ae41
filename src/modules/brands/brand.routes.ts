import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/auth-hook.ts';
import { BrandResponse, getBrandFor, listBrands, toBrandResponse } from './brand.service.ts';

export const brandRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { db }) => {
  app.get(
    '/brands',
    { schema: { tags: ['brands'], summary: 'Brands the user works for or is a customer of', response: { 200: z.object({ items: z.array(BrandResponse) }) } } },
    async (request) => ({ items: (await listBrands(db, requireActor(request))).map((b) => toBrandResponse(b, request.now)) }),
  );
  app.get(
    '/brands/:id',
    { schema: { tags: ['brands'], summary: 'One brand with its intake form', params: z.object({ id: z.uuid() }), response: { 200: BrandResponse } } },
    async (request) => toBrandResponse(await getBrandFor(db, requireActor(request), request.params.id), request.now),
  );
};
