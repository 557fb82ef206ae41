// A brand's wording of its customer mails (issue 14, item 6): what the rest of the module uses.
export { wordMail, wordMailWith } from './mail-template.service.ts';
export { mailTemplateRoutes } from './mail-template.routes.ts';
export { MAIL_TEMPLATE_KEYS, type MailTemplateKey } from './mail-templates.ts';
