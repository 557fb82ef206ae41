import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { attachmentRoutes } from '../../modules/attachments/index.ts';
import { authRoutes } from '../../modules/auth/index.ts';
import { brandRoutes } from '../../modules/brands/index.ts';
import { directoryRoutes } from '../../modules/directory/index.ts';
import { ticketRoutes } from '../../modules/tickets/index.ts';
import { emailRoutes } from '../../modules/email/index.ts';
import { slaRoutes } from '../../modules/sla/index.ts';
import { webhookRoutes } from '../../modules/webhooks/index.ts';
import { AppError } from '../errors/app-error.ts';
import { authHook, requireActor } from './auth-hook.ts';
import type { AppContext } from './context.ts';
import { errorHandler, sendProblem } from './problem.ts';
import { refuseBadText } from './text-input.ts';

/** Operations open to anyone: signing in and out, the API description, the health check. */
const PUBLIC_ROUTES = new Set(['/api/v1/auth/login', '/api/v1/auth/logout', '/api/v1/auth/password-reset', '/api/v1/auth/password-reset/confirm', '/api/v1/openapi.json', '/api/v1/health']);

export interface BuildAppOptions extends AppContext {
  /** Folder of the built web app (dist/web); omitted in API-only tests. */
  webDir?: string;
  logger?: boolean | { level: string };
}

export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    // X-Forwarded-For only from the configured proxies: anyone else could pick the address the
    // login limiter counts against.
    trustProxy: opts.config.trustProxy.length ? opts.config.trustProxy : false,
    bodyLimit: 2 * 1024 * 1024,
    // Our zod schemas validate; Fastify's default coercion would hide type errors.
    ajv: { customOptions: { coerceTypes: false } },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // Every /admin/ operation is for administrators: refused before its input is even read, so no
  // one else learns its shape from validation errors.
  // Every operation but the public ones needs a session, and every /admin/ one an administrator:
  // both refused before the input is even read, so no one learns a route's shape from its errors.
  app.addHook('preValidation', async (request) => {
    const route = request.routeOptions.url ?? '';
    if (!route.startsWith('/api/') || PUBLIC_ROUTES.has(route) || route.startsWith('/api/v1/docs')) return;
    const actor = requireActor(request);
    if (route.startsWith('/api/v1/admin/') && actor.role !== 'admin') throw new AppError('FORBIDDEN', 403, 'Administrators only');
  });
  app.addHook('preValidation', refuseBadText);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Mantine injects CSS variables as inline styles; the API reference page needs its own inline script.
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: opts.config.cookieSecure,
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: opts.config.maxAttachmentBytes + 1, files: 1, fields: 5 } });
  await app.register(authHook, { db: opts.db, clock: opts.clock });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Apres API',
        version: '1',
        description: 'After-sales service platform. Errors are RFC 9457 problem JSON with a stable `code` and the `errors[].field` at fault.',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'API token (apres_…)' },
          session: { type: 'apiKey', in: 'cookie', name: 'apres_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/v1/docs', staticCSP: true });

  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      api.get('/health', { schema: { hide: true } }, async () => ({ ok: true }));
      for (const plugin of [authRoutes, brandRoutes, ticketRoutes, attachmentRoutes, directoryRoutes, emailRoutes, slaRoutes, webhookRoutes]) {
        await api.register(plugin, { db: opts.db, clock: opts.clock, config: opts.config, files: opts.files, ticketEvents: opts.ticketEvents, email: opts.email, sla: opts.sla, passwordResetMailer: opts.passwordResetMailer });
      }
    },
    { prefix: '/api/v1' },
  );

  const webDir = opts.webDir;
  const hasWeb = webDir !== undefined && fs.existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: ['index.html'] });

  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: any non-API GET that accepts HTML gets index.html.
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendProblem(reply, new AppError('NOT_FOUND', 404, `No route ${request.method} ${request.url.split('?')[0]}`));
  });
  return app;
}
