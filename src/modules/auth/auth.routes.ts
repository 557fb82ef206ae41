import { LOCALES, ROLES } from '../../shared/vocabulary.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from './auth.hook.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Actor } from './actor.ts';
import { login, logout, logoutEverywhere, SESSION_TTL_MS } from './session.service.ts';
import { confirmPasswordReset, requestPasswordReset } from './password-reset.service.ts';
import type { Db } from '../../platform/db/database.ts';
import type { AppConfig } from '../../platform/config/config.ts';
import type { PasswordResetMailer } from './password-reset.service.ts';

const UserResponse = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  locale: z.enum(LOCALES),
  organisationId: z.string().nullable(),
  brandIds: z.array(z.string()),
});
/** An answer without a body (204). */
const NoContent = z.null().describe('No content');
const MeResponse = z.object({ user: UserResponse, csrfToken: z.string().nullable() });

const toUser = (a: Actor) => ({
  id: a.userId,
  email: a.email,
  name: a.name,
  role: a.role,
  locale: a.locale,
  organisationId: a.organisationId,
  brandIds: a.brandIds,
});

/** What the composition root hands these routes. */
export interface AuthRoutesOptions { db: Db; config: AppConfig; passwordResetMailer: PasswordResetMailer }

export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, { db, config, passwordResetMailer }) => {
  app.post(
    '/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Log in with e-mail and password; sets the session cookie',
        body: z.object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(500) }).strict(),
        response: { 200: MeResponse },
      },
    },
    async (request, reply) => {
      const session = await login(db, request.body.email, request.body.password, request.ip, request.now);
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.cookieSecure,
        maxAge: Math.floor(SESSION_TTL_MS / 1000),
      });
      return { user: toUser(session.actor), csrfToken: session.csrfToken };
    },
  );

  app.post('/auth/logout', { config: { access: 'public' }, schema: { tags: ['auth'], summary: 'End the session', response: { 204: NoContent } } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await logout(db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.post(
    '/auth/logout-everywhere',
    { schema: { tags: ['auth'], summary: "End all of the user's sessions, on every device", response: { 200: z.object({ endedSessions: z.number() }) } } },
    async (request, reply) => {
      const ended = await logoutEverywhere(db, request.actor.userId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { endedSessions: ended };
    },
  );

  app.post(
    '/auth/password-reset',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Send a single-use link to reset the password of the account with this address (same answer whether or not there is one)',
        body: z.object({ email: z.string().trim().min(1).max(254) }).strict(),
        response: { 202: z.object({ sent: z.literal(true) }) },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(db, passwordResetMailer, { email: request.body.email, ip: request.ip, publicUrl: config.publicUrl }, request.now);
      return reply.status(202).send({ sent: true as const });
    },
  );

  app.post(
    '/auth/password-reset/confirm',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: "Set a new password with a reset link's token (once, within an hour); every session of the user ends",
        body: z.object({ token: z.string().min(10).max(200), password: z.string().min(1).max(500) }).strict(),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await confirmPasswordReset(db, request.body, request.now);
      return reply.status(204).send(null);
    },
  );

  app.get('/auth/me', { schema: { tags: ['auth'], summary: 'The logged-in user', response: { 200: MeResponse } } }, async (request) => {
    const actor = request.actor;
    return { user: toUser(actor), csrfToken: request.csrfToken };
  });

  app.patch(
    '/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: "Change the user's own settings (language)",
        body: z.object({ locale: z.enum(LOCALES) }).strict(),
        response: { 200: z.object({ user: UserResponse }) },
      },
    },
    async (request) => {
      const actor = request.actor;
      const updated = await db.updateTable('app_user').set({ locale: request.body.locale }).where('id', '=', actor.userId).returning('locale').executeTakeFirst();
      if (!updated) throw new AppError('AUTH_REQUIRED', 401, 'Log in first');
      return { user: toUser({ ...actor, locale: updated.locale }) };
    },
  );
};
