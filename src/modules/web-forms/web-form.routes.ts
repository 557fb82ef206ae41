import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppConfig } from '../../platform/config/config.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, validationFailed } from '../../platform/errors/app-error.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { receiveUpload, type ReceivedFile } from '../attachments/index.ts';
import { confirmPasswordReset, createSession, SESSION_COOKIE, SESSION_TTL_MS } from '../auth/index.ts';
import { WEB_FORM_LIMITS } from './spam-guard.ts';
import { ActivateBody, PublicFormResponse, WebFormAnswer, WebFormSubmission } from './web-form.schemas.ts';
import { checkSubmission, publicForm, submitWebForm, type WebFormMailer } from './web-form.service.ts';

const SlugParams = z.object({ slug: z.string().min(1).max(64) });

/** What the composition root hands these routes. */
export interface WebFormRoutesOptions { db: Db; files: FileStore; config: AppConfig; mailer: WebFormMailer }

const malformed = (message: string) => new AppError('BAD_REQUEST', 400, `payload: ${message}`, { errors: [{ field: 'payload', code: 'invalid_format', message }] });

export const webFormRoutes: FastifyPluginAsyncZod<WebFormRoutesOptions> = async (app, { db, files, config, mailer }) => {
  app.get(
    '/public/forms/:slug',
    {
      config: { access: 'public' },
      schema: { tags: ['web-forms'], summary: "A brand's public request form: its fields in every language, and a fresh form token", params: SlugParams, response: { 200: PublicFormResponse } },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return publicForm(db, request.params.slug, { maxFileBytes: config.maxAttachmentBytes }, request.now);
    },
  );

  app.post(
    '/public/forms/:slug/submissions',
    {
      config: { access: 'public' },
      schema: {
        tags: ['web-forms'],
        summary: 'Send a request through the public form, without an account',
        description:
          'multipart/form-data: first the part `payload` (JSON: token, name, email, locale, subject, message, serialNumbers, customFields, and the empty honeypot `website`), then up to five files as parts named `file`. The same form token sent again answers the first ticket.',
        consumes: ['multipart/form-data'],
        params: SlugParams,
        response: { 201: WebFormAnswer, 200: WebFormAnswer },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw malformed('send multipart/form-data with a part named payload');
      const parts = request.parts({ limits: { fileSize: config.maxAttachmentBytes + 1, files: WEB_FORM_LIMITS.maxFiles, fields: 1, parts: WEB_FORM_LIMITS.maxFiles + 1 } });
      const iterator = parts[Symbol.asyncIterator]();
      // A body cut short or badly framed fails while it is read: the sender's error (400), not ours.
      const cutShort = (err: unknown) =>
        err instanceof AppError || ((err as { statusCode?: number }).statusCode ?? 500) < 500 ? err : malformed('the multipart body is malformed or cut short');
      const nextPart = async () => {
        try {
          return (await iterator.next()).value as MultipartValue | MultipartFile | undefined;
        } catch (err) {
          throw cutShort(err);
        }
      };
      const first = await nextPart();
      if (!first || first.type !== 'field' || first.fieldname !== 'payload' || typeof first.value !== 'string') {
        if (first?.type === 'file') first.file.resume();
        throw malformed('the first part must be the field payload (JSON)');
      }
      let json: unknown;
      try {
        json = JSON.parse(first.value);
      } catch {
        throw malformed('is not JSON');
      }
      const parsed = WebFormSubmission.safeParse(json);
      if (!parsed.success) throw validationFailed(parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'payload', code: i.code, message: i.message })));
      const checked = await checkSubmission(db, request.params.slug, parsed.data, request.ip, request.now);
      if (checked.prior) {
        for (let part = await nextPart(); part; part = await nextPart()) if (part.type === 'file') part.file.resume();
        reply.header('idempotent-replayed', 'true');
        return reply.status(200).send(checked.prior);
      }
      const received: ReceivedFile[] = [];
      for (let part = await nextPart(); part; part = await nextPart()) {
        if (part.type !== 'file' || part.fieldname !== 'file') {
          if (part.type === 'file') part.file.resume();
          throw malformed('after payload, only parts named file');
        }
        let streamError: unknown = null;
        part.file.on('error', (err) => (streamError = err));
        try {
          received.push(await receiveUpload(files, { filename: part.filename, contentType: part.mimetype, stream: part.file }, config.maxAttachmentBytes, `files.${received.length}`));
        } catch (err) {
          if (!(err instanceof AppError) && (streamError || /busboy|dicer/.test((err as Error).stack ?? ''))) throw cutShort(streamError ?? err);
          throw err;
        }
      }
      const result = await submitWebForm(db, { mailer, publicUrl: config.publicUrl }, checked.checked, received, request.now);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(result.replayed ? 200 : 201).send(result.answer);
    },
  );

  app.post(
    '/public/account-activation',
    {
      config: { access: 'public' },
      schema: {
        tags: ['web-forms'],
        summary: "Set the password of an account with its link's token and sign in (a web form's confirmation mail)",
        body: ActivateBody,
        response: { 200: z.object({ csrfToken: z.string() }) },
      },
    },
    async (request, reply) => {
      const { userId } = await confirmPasswordReset(db, request.body, request.now);
      const session = await createSession(db, userId, request.now);
      reply.setCookie(SESSION_COOKIE, session.token, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, maxAge: Math.floor(SESSION_TTL_MS / 1000) });
      return { csrfToken: session.csrfToken };
    },
  );
};

/**
 * The form's pages (`/f/<brand>`) are made to be framed by the brand's own site: they, and the
 * embed script, leave helmet's defaults (frame-ancestors 'none', X-Frame-Options, same-origin
 * resources) for framing by any site. The form only ever creates a request, so a framing page
 * gains nothing by overlaying it; every other page keeps the defaults.
 */
export function embeddableHeaders(url: string, headers: { csp: string | undefined }): { csp: string; removeFrameOptions: true; resourcePolicy: 'cross-origin' } | null {
  if (!/^\/f\/[^/?#]/.test(url)) return null;
  const csp = (headers.csp ?? '').replace(/frame-ancestors [^;]*/, 'frame-ancestors *');
  return { csp, removeFrameOptions: true, resourcePolicy: 'cross-origin' };
}
