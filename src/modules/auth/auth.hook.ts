import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { type Actor, isAdmin, isStaff } from './actor.ts';
import { resolveApiToken, resolveSession } from './session.service.ts';

export const SESSION_COOKIE = 'apres_session';

/**
 * Who may call a route, declared on the route (`config: { access }`), checked once here before the
 * input is even read — so no one learns a route's shape from its validation errors:
 * - `public`: anyone (signing in, the API description, the health check);
 * - `signed-in` (the default for every /api/ route): any session or API token;
 * - `admin`: administrators only. Every /api/v1/admin/ route must say so, or the server refuses to start.
 * The service layer still checks each record (STYLE.md): this is the first wall, not the only one.
 */
/** Who may call a route, checked before its input is read: a refusal never depends on what was sent. */
export type RouteAccess = 'public' | 'signed-in' | 'staff' | 'admin';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    /** The caller, on a signed-in or admin route (reading it on a public route without one answers 401). */
    readonly actor: Actor;
    /** The caller if any, for public routes that behave differently when signed in. */
    actorOrNull: Actor | null;
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

function accessOf(request: FastifyRequest): RouteAccess {
  const route = request.routeOptions.url ?? '';
  if (!route.startsWith('/api/') || route.startsWith('/api/v1/docs')) return 'public';
  return request.routeOptions.config.access ?? 'signed-in';
}

/**
 * Who is calling: a bearer API token (integrations) or the session cookie (the web app).
 * Cookie-authenticated writes must echo the session's CSRF token in `x-csrf-token`.
 */
export const authHook = fp(async (app: FastifyInstance, opts: { db: Db; clock: Clock }) => {
  app.decorateRequest('actorOrNull', null);
  app.decorateRequest('actor', {
    getter(this: FastifyRequest) {
      if (!this.actorOrNull) throw new AppError('AUTH_REQUIRED', 401, 'Log in first');
      return this.actorOrNull;
    },
  });
  app.decorateRequest('now', null as unknown as Date);
  app.decorateRequest('authMethod', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRoute', (route) => {
    const url = route.url ?? '';
    if (url.startsWith('/api/v1/admin/') && route.config?.access !== 'admin') {
      throw new Error(`${route.method} ${url} is an administrators' route: declare config.access = 'admin'`);
    }
  });
  app.addHook('onRequest', async (request, reply) => {
    request.now = opts.clock.now();
    if (!request.url.startsWith('/api/')) return;
    // The web app reads "now" from here (due times, time left), never from the browser's clock.
    reply.header('x-apres-now', request.now.toISOString());
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const identity = await resolveApiToken(opts.db, header.slice(7).trim(), request.now);
      if (!identity) throw new AppError('AUTH_INVALID_TOKEN', 401, 'Invalid, expired or revoked API token');
      if (identity.scope === 'read' && !SAFE_METHODS.has(request.method)) throw new AppError('AUTH_TOKEN_READ_ONLY', 403, 'This API token may only read');
      request.actorOrNull = identity.actor;
      request.authMethod = 'token';
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await resolveSession(opts.db, token, request.now);
    if (!session) return;
    request.actorOrNull = session.actor;
    request.authMethod = 'session';
    request.csrfToken = session.csrfToken;
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, session.csrfToken)) {
        throw new AppError('AUTH_CSRF_INVALID', 403, 'Missing or wrong x-csrf-token header');
      }
    }
  });
  app.addHook('preValidation', async (request) => {
    const access = accessOf(request);
    if (access === 'public') return;
    const actor = request.actor;
    if (access === 'admin' && !isAdmin(actor)) throw new AppError('FORBIDDEN', 403, 'Administrators only');
    if (access === 'staff' && !isStaff(actor)) throw new AppError('FORBIDDEN', 403, 'The desk and the workshop only');
  });
});
