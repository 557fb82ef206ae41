import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { LOCALES } from '../../../shared/vocabulary.ts';
import { listMailTemplates, MailPreviewResponse, MailTemplatesResponse, MailWording, previewMailTemplate, resetMailTemplate, saveMailTemplate } from './mail-template.service.ts';
import { MAIL_TEMPLATE_KEYS } from './mail-templates.ts';

const BrandParams = z.object({ id: z.uuid() });
const TemplateParams = z.object({ id: z.uuid(), template: z.enum(MAIL_TEMPLATE_KEYS), locale: z.enum(LOCALES) });
const tags = ['email'];

/** Admin → Brands → Mail templates: a brand's wording of its customer mails, per language, with a preview. */
export const mailTemplateRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/admin/brands/:id/mail-templates',
    { config: { access: 'admin' }, schema: { tags, summary: "The brand's customer mails in five languages, with their variables and defaults", params: BrandParams, response: { 200: MailTemplatesResponse } } },
    async (request) => listMailTemplates(db, request.actor, request.params.id),
  );
  app.put(
    '/admin/brands/:id/mail-templates/:template/:locale',
    { config: { access: 'admin' }, schema: { tags, summary: "Word one of the brand's mails in one language (its variables only)", params: TemplateParams, body: MailWording, response: { 204: z.null() } } },
    async (request, reply) => {
      const { id, template, locale } = request.params;
      await saveMailTemplate(db, request.actor, id, template, locale, request.body, request.now);
      return reply.code(204).send(null);
    },
  );
  app.delete(
    '/admin/brands/:id/mail-templates/:template/:locale',
    { config: { access: 'admin' }, schema: { tags, summary: 'Reset a mail to the default wording', params: TemplateParams, response: { 204: z.null() } } },
    async (request, reply) => {
      const { id, template, locale } = request.params;
      await resetMailTemplate(db, request.actor, id, template, locale);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/admin/brands/:id/mail-templates/:template/:locale/preview',
    { config: { access: 'admin' }, schema: { tags, summary: 'The mail as the customer would read it, with sample values (nothing is saved or sent)', params: TemplateParams, body: MailWording, response: { 200: MailPreviewResponse } } },
    async (request) => {
      const { id, template, locale } = request.params;
      return previewMailTemplate(db, request.actor, id, template, locale, request.body, request.now);
    },
  );
};
