import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Clock } from '../clock/clock.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import type { Actor } from '../../modules/auth/actor.ts';
import { resolveApiToken, resolveSession } from '../../modules/auth/session.service.ts';

export const SESSION_COOKIE = 'apres_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    authMethod: 'session' | 'token' | null;
    csrfToken: string | null;
    /** The instant this request happens at, read once from the server's clock. */
    now: Date;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/**
 * Who is calling: a bearer API token (integrations) or the session cookie (the web app).
 * Cookie-authenticated writes must echo the session's CSRF token in `x-csrf-token`.
 */
export const authHook = fp(async (app: FastifyInstance, opts: { db: Db; clock: Clock }) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('now', null as unknown as Date);
  app.decorateRequest('authMethod', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (request, reply) => {
    request.now = opts.clock.now();
    if (!request.url.startsWith('/api/')) return;
    // The web app reads "now" from here (due times, time left), never from the browser's clock.
    reply.header('x-apres-now', request.now.toISOString());
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const actor = await resolveApiToken(opts.db, header.slice(7).trim(), request.now);
      if (!actor) throw new AppError('AUTH_INVALID_TOKEN', 401, 'Invalid or revoked API token');
      request.actor = actor;
      request.authMethod = 'token';
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await resolveSession(opts.db, token, request.now);
    if (!session) return;
    request.actor = session.actor;
    request.authMethod = 'session';
    request.csrfToken = session.csrfToken;
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, session.csrfToken)) {
        throw new AppError('AUTH_CSRF_INVALID', 403, 'Missing or wrong x-csrf-token header');
      }
    }
  });
});

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('AUTH_REQUIRED', 401, 'Log in first');
  return request.actor;
}
