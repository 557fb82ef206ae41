import type { FieldError } from '../../../platform/errors/app-error.ts';
import { rawMessage, translator } from '../../../platform/i18n/i18n.ts';

/**
 * The customer mails a brand may word itself, each with the catalogue keys of its default text
 * (src/platform/i18n/locales) and the variables its sender fills in. A brand's wording replaces the
 * subject and the body; the greeting, the footer with the ticket number and the signature stay, so
 * no template can lose the number the customer must keep in replies.
 */
export const MAIL_TEMPLATES = {
  acknowledgment: { subject: 'mail.ack.subject', body: 'mail.ack.body', variables: ['number', 'subject', 'receivedAt', 'channel'] },
  confirmation_request: { subject: 'mail.confirm.subject', body: 'mail.confirm.body', variables: ['number', 'subject', 'receivedAt', 'channel'] },
  schedule_change: { subject: 'sla.schedule.subject', body: 'sla.schedule.body', variables: ['number', 'subject', 'weekday', 'date', 'time', 'zone', 'reason'] },
  quote: { subject: 'workshopMail.quote.subject', body: 'workshopMail.quote.body', variables: ['number', 'serial', 'quote', 'total', 'validUntil'] },
} as const satisfies Record<string, { subject: string; body: string; variables: readonly string[] }>;

export type MailTemplateKey = keyof typeof MAIL_TEMPLATES;
export const MAIL_TEMPLATE_KEYS = Object.keys(MAIL_TEMPLATES) as [MailTemplateKey, ...MailTemplateKey[]];

/** The same placeholder syntax as the catalogue's ({{name}}), so a default reads as its override would. */
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

export function defaultWording(template: MailTemplateKey, locale: string): { subject: string; body: string } {
  const t = MAIL_TEMPLATES[template];
  return { subject: rawMessage(locale, t.subject) ?? '', body: rawMessage(locale, t.body) ?? '' };
}

/**
 * Every fault of a brand's wording, named by field: a placeholder that is not one of the mail's
 * variables (named, with the list), braces left open, a subject on more than one line (a header).
 */
export function checkWording(template: MailTemplateKey, wording: { subject: string; body: string }): FieldError[] {
  const allowed: readonly string[] = MAIL_TEMPLATES[template].variables;
  const errors: FieldError[] = [];
  for (const field of ['subject', 'body'] as const) {
    const text = wording[field];
    if (!text.trim()) {
      errors.push({ field, code: 'required', message: 'is required' });
      continue;
    }
    for (const m of text.matchAll(PLACEHOLDER)) {
      const name = m[1]!;
      if (!allowed.includes(name)) {
        errors.push({ field, code: 'unknown_variable', message: `{{${name}}} is not a variable of this mail (${allowed.map((v) => `{{${v}}}`).join(', ')})` });
      }
    }
    const rest = text.replace(PLACEHOLDER, '');
    if (rest.includes('{{') || rest.includes('}}')) errors.push({ field, code: 'invalid_format', message: 'has a {{ without its }} (or the reverse)' });
  }
  if (/[\r\n]/.test(wording.subject)) errors.push({ field: 'subject', code: 'invalid_format', message: 'must be one line' });
  if (wording.subject.length > 300) errors.push({ field: 'subject', code: 'too_big', message: 'must be at most 300 characters' });
  if (wording.body.length > 20_000) errors.push({ field: 'body', code: 'too_big', message: 'must be at most 20000 characters' });
  return errors;
}

/** Fills the placeholders of a checked wording. */
export function fill(text: string, vars: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => vars[name] ?? whole);
}

/** The subject and body of a mail: the brand's wording when it has one, else the catalogue's. */
export function word(template: MailTemplateKey, locale: string, vars: Readonly<Record<string, string>>, override: { subject: string; body: string } | undefined): { subject: string; body: string } {
  if (override) return { subject: fill(override.subject, vars), body: fill(override.body, vars) };
  const t = translator(locale);
  return { subject: t(MAIL_TEMPLATES[template].subject, vars), body: t(MAIL_TEMPLATES[template].body, vars) };
}
