import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import type { Locale } from '../../../platform/db/schema.ts';
import { validationFailed } from '../../../platform/errors/app-error.ts';
import { dateParts, formatDateTime, translator } from '../../../platform/i18n/i18n.ts';
import { LOCALES } from '../../../shared/vocabulary.ts';
import type { Actor } from '../../auth/index.ts';
import { assertBrandAdmin, type Brand, formatTicketNumber } from '../../brands/index.ts';
import { formatMoney } from '../../workshop/index.ts';
import { letter } from '../outbound/index.ts';
import { deleteWording, findWording, listWordings, saveWording } from './mail-template.queries.ts';
import { checkWording, defaultWording, MAIL_TEMPLATE_KEYS, MAIL_TEMPLATES, type MailTemplateKey, word } from './mail-templates.ts';

export const MailWording = z.object({ subject: z.string().max(1000), body: z.string().max(40_000) });
export type MailWording = z.infer<typeof MailWording>;

export const MailTemplatesResponse = z.object({
  items: z.array(
    z.object({
      template: z.enum(MAIL_TEMPLATE_KEYS),
      variables: z.array(z.string()),
      languages: z.array(
        z.object({
          locale: z.enum(LOCALES),
          subject: z.string(),
          body: z.string(),
          defaultSubject: z.string(),
          defaultBody: z.string(),
          overridden: z.boolean(),
          updatedAt: z.string().nullable(),
        }),
      ),
    }),
  ),
});
export const MailPreviewResponse = z.object({ subject: z.string(), text: z.string() });

/**
 * The subject and body a customer mail goes out with: the brand's wording in the customer's
 * language when an administrator wrote one, else the catalogue's default. Every customer mail
 * with a template (acknowledgment, confirmation request, schedule change, quote) asks here.
 */
export async function wordMail(db: Db, brandId: string, template: MailTemplateKey, locale: string, vars: Readonly<Record<string, string>>): Promise<{ subject: string; body: string }> {
  const lang = mailLanguage(locale);
  return word(template, lang, vars, await findWording(db, brandId, template, lang));
}

/** The language a customer mail is worded in: theirs when the catalogue has it, else English. */
function mailLanguage(locale: string): Locale {
  return (LOCALES as readonly string[]).includes(locale) ? (locale as Locale) : 'en';
}

/** The same, with the brand's stored wording in that language already read by the caller (null: none). */
export function wordMailWith(template: MailTemplateKey, locale: string, vars: Readonly<Record<string, string>>, stored: { subject: string; body: string } | null): { subject: string; body: string } {
  return word(template, mailLanguage(locale), vars, stored ?? undefined);
}

/** Every template in the five languages: the text in use, the default, and whether the brand changed it. */
export async function listMailTemplates(db: Db, actor: Actor, brandId: string): Promise<z.infer<typeof MailTemplatesResponse>> {
  const brand = await assertBrandAdmin(db, actor, brandId);
  const rows = await listWordings(db, brand.id);
  // The brand's own languages first, its default language leading.
  const order = [brand.defaultLocale, ...brand.locales, ...LOCALES].filter((l, i, all) => all.indexOf(l) === i) as Locale[];
  return {
    items: MAIL_TEMPLATE_KEYS.map((template) => ({
      template,
      variables: [...MAIL_TEMPLATES[template].variables],
      languages: order.map((locale) => {
        const def = defaultWording(template, locale);
        const row = rows.find((r) => r.template === template && r.locale === locale);
        return {
          locale,
          subject: row?.subject ?? def.subject,
          body: row?.body ?? def.body,
          defaultSubject: def.subject,
          defaultBody: def.body,
          overridden: !!row,
          updatedAt: row ? new Date(row.updated_at).toISOString() : null,
        };
      }),
    })),
  };
}

export async function saveMailTemplate(db: Db, actor: Actor, brandId: string, template: MailTemplateKey, locale: Locale, wording: MailWording, now: Date): Promise<void> {
  await assertBrandAdmin(db, actor, brandId);
  const errors = checkWording(template, wording);
  if (errors.length) throw validationFailed(errors);
  await saveWording(db, { brand_id: brandId, template, locale, subject: wording.subject.trim(), body: wording.body.replace(/\s+$/, ''), updated_at: now, updated_by: actor.userId });
}

/** Back to the catalogue's wording. */
export async function resetMailTemplate(db: Db, actor: Actor, brandId: string, template: MailTemplateKey, locale: Locale): Promise<void> {
  await assertBrandAdmin(db, actor, brandId);
  await deleteWording(db, brandId, template, locale);
}

/** Made-up values in the reader's language, formatted as the real mail formats them. */
function sampleVars(brand: Brand, locale: string, now: Date): Record<string, string> {
  const t = translator(locale);
  const planned = new Date(now.getTime() + 2 * 86_400_000);
  const validUntil = new Date(now.getTime() + brand.settings.workshop.quoteValidityDays * 86_400_000);
  return {
    number: formatTicketNumber(brand.ticketNumberFormat, 123, now.getUTCFullYear()),
    subject: t('mailTemplate.sampleSubject'),
    receivedAt: formatDateTime(now, locale, brand.timeZone),
    channel: t('mail.channel.phone'),
    ...dateParts(planned, locale, brand.timeZone),
    reason: t('sla.reason.waiting_for_parts'),
    serial: 'SN-2026-004217',
    quote: `Q-${now.getUTCFullYear()}-0042`,
    total: formatMoney(18_950, brand.settings.workshop.currency, locale),
    validUntil: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: brand.timeZone }).format(validUntil),
  };
}

/** The mail as a customer would read it (greeting, footer and signature included), filled with sample values. */
export async function previewMailTemplate(db: Db, actor: Actor, brandId: string, template: MailTemplateKey, locale: Locale, wording: MailWording, now: Date): Promise<z.infer<typeof MailPreviewResponse>> {
  const brand = await assertBrandAdmin(db, actor, brandId);
  const errors = checkWording(template, wording);
  if (errors.length) throw validationFailed(errors);
  const vars = sampleVars(brand, locale, now);
  const { subject, body } = word(template, locale, vars, wording);
  const t = translator(locale);
  return { subject, text: letter(t, t('mailTemplate.sampleName'), body, vars.number!, brand.name) };
}
