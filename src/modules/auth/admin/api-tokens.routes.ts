import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { ROLES } from '../../../shared/vocabulary.ts';
import { type AdminApiToken, createAdminApiToken, listApiTokens, revokeApiToken } from './api-tokens.service.ts';

const TokenResponse = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe('The first characters of the secret, to recognise the token'),
  user: z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.enum(ROLES) }),
  role: z.enum(ROLES).nullable().describe("The role the token acts in; null: its user's"),
  brandIds: z.array(z.string()).nullable().describe("The brands it is limited to; null: all of its user's"),
  scope: z.enum(['read', 'write']),
  expiresAt: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
const iso = (d: Date | null) => d?.toISOString() ?? null;
const toToken = (t: AdminApiToken) => ({ ...t, expiresAt: iso(t.expiresAt), createdAt: t.createdAt.toISOString(), lastUsedAt: iso(t.lastUsedAt), revokedAt: iso(t.revokedAt) });

/** What the composition root hands these routes. */
export interface ApiTokenRoutesOptions {
  db: Db;
}

/** API tokens for integrations: `Authorization: Bearer apres_…` acts as the token's user, narrowed by the token. */
export const apiTokenRoutes: FastifyPluginAsyncZod<ApiTokenRoutesOptions> = async (app, { db }) => {
  const admin = { access: 'admin' as const };
  app.get('/admin/api-tokens', { config: admin, schema: { tags: ['people'], summary: 'API tokens, active first (never their secrets)', response: { 200: z.object({ items: z.array(TokenResponse) }) } } }, async (request) => ({
    items: (await listApiTokens(db, request.actor)).map(toToken),
  }));
  app.post(
    '/admin/api-tokens',
    {
      config: admin,
      schema: {
        tags: ['people'],
        summary: 'Make an API token; its secret is in this answer only (stored hashed)',
        body: z
          .object({
            name: z.string().trim().min(1).max(200),
            userId: z.uuid().optional().describe('Whom the token acts as; the caller when absent'),
            role: z.enum(ROLES).nullable().optional().describe("A narrower role: an admin's token may act as an agent or technician"),
            brandIds: z.array(z.uuid()).max(100).nullable().optional().describe("Limit to some of the user's brands"),
            scope: z.enum(['read', 'write']).default('write'),
            expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
          })
          .strict(),
        response: { 201: z.object({ token: TokenResponse, secret: z.string() }) },
      },
    },
    async (request, reply) => {
      const { expiresAt, ...rest } = request.body;
      const made = await createAdminApiToken(db, request.actor, { ...rest, expiresAt: expiresAt ? new Date(expiresAt) : null }, request.now);
      return reply.code(201).send({ token: toToken(made.token), secret: made.secret });
    },
  );
  app.post(
    '/admin/api-tokens/:id/revoke',
    { config: admin, schema: { tags: ['people'], summary: 'Revoke a token: it answers 401 from now on', params: z.object({ id: z.uuid() }), response: { 200: TokenResponse } } },
    async (request) => toToken(await revokeApiToken(db, request.actor, request.params.id, request.now)),
  );
};
