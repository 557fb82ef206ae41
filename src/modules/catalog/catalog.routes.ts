import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { ModelBody, ModelResponse, PartBody, PartResponse } from './catalog.schemas.ts';
import { listModels, listParts, saveModel, savePart } from './catalog.service.ts';

/** What the composition root hands these routes. */
export interface CatalogRoutesOptions {
  db: Db;
}

export const catalogRoutes: FastifyPluginAsyncZod<CatalogRoutesOptions> = async (app, { db }) => {
  app.get(
    '/catalog/models',
    { schema: { tags: ['catalog'], summary: 'Models of your brands: warranty, lifecycle, serial patterns, accessories', querystring: z.object({ brandId: z.uuid().optional() }).strict(), response: { 200: z.object({ items: z.array(ModelResponse) }) } } },
    async (request) => listModels(db, request.actor, request.query),
  );
  app.get(
    '/catalog/parts',
    { schema: { tags: ['catalog'], summary: 'Spare parts of your brands: price, stock, reorder lead time, models', querystring: z.object({ modelId: z.uuid().optional() }).strict(), response: { 200: z.object({ items: z.array(PartResponse) }) } } },
    async (request) => listParts(db, request.actor, request.query),
  );
  app.post(
    '/admin/catalog/models',
    { config: { access: 'admin' }, schema: { tags: ['catalog'], summary: 'Add a model', body: ModelBody, response: { 201: z.object({ id: z.string() }) } } },
    async (request, reply) => {
      reply.code(201);
      return saveModel(db, request.actor, null, request.body, request.now);
    },
  );
  app.put(
    '/admin/catalog/models/:id',
    { config: { access: 'admin' }, schema: { tags: ['catalog'], summary: 'Replace a model', params: z.object({ id: z.uuid() }), body: ModelBody, response: { 200: z.object({ id: z.string() }) } } },
    async (request) => saveModel(db, request.actor, request.params.id, request.body, request.now),
  );
  app.post(
    '/admin/catalog/parts',
    { config: { access: 'admin' }, schema: { tags: ['catalog'], summary: 'Add a spare part', body: PartBody, response: { 201: z.object({ id: z.string() }) } } },
    async (request, reply) => {
      reply.code(201);
      return savePart(db, request.actor, null, request.body);
    },
  );
  app.put(
    '/admin/catalog/parts/:id',
    { config: { access: 'admin' }, schema: { tags: ['catalog'], summary: 'Replace a spare part: price, stock, reorder lead time, the models using it', params: z.object({ id: z.uuid() }), body: PartBody, response: { 200: z.object({ id: z.string() }) } } },
    async (request) => savePart(db, request.actor, request.params.id, request.body),
  );
};
