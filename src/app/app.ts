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
import { attachmentRoutes } from '../modules/attachments/index.ts';
import { apiTokenRoutes, authRoutes, peopleAdminRoutes } from '../modules/auth/index.ts';
import { brandRoutes } from '../modules/brands/index.ts';
import { directoryRoutes } from '../modules/directory/index.ts';
import { ticketAttachmentAccess, ticketRoutes } from '../modules/tickets/index.ts';
import { emailRoutes } from '../modules/email/index.ts';
import { slaRoutes } from '../modules/sla/index.ts';
import { webhookRoutes } from '../modules/webhooks/index.ts';
import { embeddableHeaders, webFormRoutes } from '../modules/web-forms/index.ts';
import { unitRoutes } from '../modules/orders/index.ts';
import { returnRoutes } from '../modules/returns/index.ts';
import { workshopRoutes } from '../modules/workshop/index.ts';
import { catalogRoutes } from '../modules/catalog/index.ts';
import { serviceCentreRoutes } from '../modules/service-centres/index.ts';
import { fieldRoutes } from '../modules/field/index.ts';
import { reportRoutes } from '../modules/reports/index.ts';
import { deskRoutes } from '../modules/desk/index.ts';
import { liveRoutes, notificationRoutes } from '../modules/notifications/index.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { authHook } from '../modules/auth/index.ts';
import type { AppContext } from './context.ts';
import { errorHandler, sendProblem } from '../platform/http/problem.ts';
import { refuseBadText } from '../platform/http/text-input.ts';

export interface BuildAppOptions extends AppContext {
  /** Folder of the built web app (dist/web); omitted in API-only tests. */
  webDir?: string;
  logger?: boolean | { level: string };
}

/** The query parameters that carry a secret, their values replaced for the logs. */
export function redactTokens(url: string): string {
  // A calendar feed carries its token in the query; a quote's e-mail link in the page's path.
  return url.replace(/([?&]token=)[^&#]*/gi, '$1[redacted]').replace(/^(\/quote\/)[^?#]*/i, '$1[redacted]');
}

export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // Never a token in the logs (STYLE.md): a calendar feed's address carries one in `?token=`.
    logger: opts.logger ? { ...(opts.logger === true ? {} : opts.logger), serializers: { req: (req) => ({ method: req.method, url: redactTokens(req.url), host: req.host, remoteAddress: req.ip }) } } : false,
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
  // A brand's public form (/f/<brand>) is framed by the brand's own site; every other page keeps
  // helmet's frame-ancestors 'none'.
  app.addHook('onSend', async (request, reply, payload) => {
    const embed = embeddableHeaders(request.url, { csp: reply.getHeader('content-security-policy') as string | undefined });
    if (embed) {
      reply.header('content-security-policy', embed.csp);
      reply.removeHeader('x-frame-options');
      reply.header('cross-origin-resource-policy', embed.resourcePolicy);
    }
    return payload;
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: opts.config.maxAttachmentBytes + 1, files: 1, fields: 5 } });
  // Who may call each route (its `config.access`) is checked before its input is read; then text
  // that no field may hold (NUL, broken Unicode) is refused.
  await app.register(authHook, { db: opts.db, clock: opts.clock });
  app.addHook('preValidation', refuseBadText);

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
      api.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
      api.get('/health', { config: { access: 'public' }, schema: { hide: true } }, async () => ({ ok: true }));
      // Each module's routes receive only what they use.
      const { db, database, config, files, ticketEvents, email, sla, returns, workshop, passwordResetMailer, invitationMailer } = opts;
      await api.register(authRoutes, { db, config, passwordResetMailer });
      await api.register(brandRoutes, { db });
      await api.register(ticketRoutes, { db, ticketEvents });
      await api.register(attachmentRoutes, { db, files, config, ticketAccess: ticketAttachmentAccess });
      await api.register(directoryRoutes, { db });
      await api.register(peopleAdminRoutes, { db, config, invitationMailer });
      await api.register(apiTokenRoutes, { db });
      await api.register(emailRoutes, { db, email, config });
      await api.register(slaRoutes, { db, sla });
      await api.register(webhookRoutes, { db, config });
      await api.register(unitRoutes, { db, database, files });
      await api.register(catalogRoutes, { db });
      await api.register(returnRoutes, { db, ...returns });
      await api.register(workshopRoutes, { db, ...workshop, sla: sla.notifier, publicUrl: config.publicUrl });
      await api.register(serviceCentreRoutes, { db });
      await api.register(fieldRoutes, { db, publicUrl: config.publicUrl });
      await api.register(webFormRoutes, { db, files, config, mailer: opts.webFormMailer });
      await api.register(reportRoutes, { db });
      await api.register(deskRoutes, { db, ticketEvents });
      await api.register(notificationRoutes, { db, bus: opts.bus });
      await api.register(liveRoutes, { db, bus: opts.bus });
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
