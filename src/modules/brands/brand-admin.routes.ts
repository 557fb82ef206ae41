import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import {
  BrandAdminResponse,
  findLogo,
  getAdministeredBrand,
  listAdministeredBrands,
  LOGO_MAX_BYTES,
  removeLogo,
  setLogo,
  updateBrand,
  UpdateBrandBody,
  updateIntakeForm,
} from './brand-admin.service.ts';
import { IntakeFormSchema } from './intake-form.ts';

/** What the composition root hands these routes. */
export interface BrandAdminRoutesOptions { db: Db }

const Params = z.object({ id: z.uuid() });
const tags = ['brands'];

export const brandAdminRoutes: FastifyPluginAsyncZod<BrandAdminRoutesOptions> = async (app, { db }) => {
  app.get(
    '/admin/brands',
    { config: { access: 'admin' }, schema: { tags, summary: 'The brands the administrator manages', response: { 200: z.object({ items: z.array(BrandAdminResponse) }) } } },
    async (request) => ({ items: await listAdministeredBrands(db, request.actor, request.now) }),
  );
  app.get(
    '/admin/brands/:id',
    { config: { access: 'admin' }, schema: { tags, summary: 'One brand with everything an administrator edits', params: Params, response: { 200: BrandAdminResponse } } },
    async (request) => getAdministeredBrand(db, request.actor, request.params.id, request.now),
  );
  app.put(
    '/admin/brands/:id',
    {
      config: { access: 'admin' },
      schema: { tags, summary: "Save a brand's name, addresses, languages, time zone, number format and colour", params: Params, body: UpdateBrandBody, response: { 200: BrandAdminResponse } },
    },
    async (request) => updateBrand(db, request.actor, request.params.id, request.body, request.now),
  );
  app.put(
    '/admin/brands/:id/intake-form',
    { config: { access: 'admin' }, schema: { tags, summary: "Replace the brand's intake form (fields, required, labels and help in its languages)", params: Params, body: IntakeFormSchema, response: { 200: BrandAdminResponse } } },
    async (request) => updateIntakeForm(db, request.actor, request.params.id, request.body, request.now),
  );
  app.post(
    '/admin/brands/:id/logo',
    {
      config: { access: 'admin' },
      schema: { tags, summary: 'Upload the brand logo (multipart field `file`: PNG, JPEG, GIF or WebP, at most 256 KiB)', consumes: ['multipart/form-data'], params: Params, response: { 200: BrandAdminResponse } },
    },
    async (request) => {
      const required = () => new AppError('VALIDATION_FAILED', 400, 'file: is required', { errors: [{ field: 'file', code: 'required', message: 'send multipart/form-data with a part named file' }] });
      if (!request.isMultipart()) throw required();
      let content: Buffer;
      try {
        const part = await request.file({ limits: { fileSize: LOGO_MAX_BYTES, files: 1 } });
        if (!part || part.fieldname !== 'file') {
          part?.file.resume();
          throw required();
        }
        content = await part.toBuffer();
      } catch (err) {
        if (err instanceof AppError) throw err;
        const status = (err as { statusCode?: number }).statusCode ?? 400;
        if (status === 413) {
          throw new AppError('PAYLOAD_TOO_LARGE', 413, `file: a logo is at most ${LOGO_MAX_BYTES / 1024} KiB`, { errors: [{ field: 'file', code: 'too_big', message: `is larger than ${LOGO_MAX_BYTES / 1024} KiB` }] });
        }
        throw new AppError('BAD_REQUEST', 400, 'file: the multipart body is malformed', { errors: [{ field: 'file', code: 'invalid_format', message: 'the multipart body is malformed or cut short' }] });
      }
      return setLogo(db, request.actor, request.params.id, content, request.now);
    },
  );
  app.delete(
    '/admin/brands/:id/logo',
    { config: { access: 'admin' }, schema: { tags, summary: 'Remove the brand logo', params: Params, response: { 200: BrandAdminResponse } } },
    async (request) => removeLogo(db, request.actor, request.params.id, request.now),
  );
  app.get(
    '/brands/:id/logo',
    {
      config: { access: 'public' },
      schema: { tags, summary: "The brand's logo (public: shown before anyone signs in)", params: Params, response: { 200: z.any().describe('The image (binary): image/png, image/jpeg, image/gif or image/webp') } },
    },
    async (request, reply) => {
      const logo = await findLogo(db, request.params.id);
      if (!logo) throw new AppError('NOT_FOUND', 404, 'This brand has no logo');
      // Only raster types are ever stored; the headers hold even so: the bytes are never sniffed
      // into another type, and opened on their own they run in a sandbox, outside the app's origin.
      return reply
        .header('content-type', logo.contentType)
        .header('content-length', logo.content.length)
        .header('content-disposition', 'inline; filename="logo"')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'public, max-age=300')
        .header('etag', `"${logo.sha256}"`)
        .send(logo.content);
    },
  );
};
