import type { Db } from '../../platform/db/database.ts';
import { withTransaction } from '../../platform/db/database.ts';
import { AppError, type FieldError, validationFailed } from '../../platform/errors/app-error.ts';
import { attachReceivedFiles, type ReceivedFile } from '../attachments/index.ts';
import { issueAccountLink } from '../auth/index.ts';
import { type Brand, toBrand, validateCustomFields } from '../brands/index.ts';
import { findOrCreateCustomerByAddress, openTicketFromWebForm } from '../tickets/index.ts';
import { LOCALES, type Locale } from '../../shared/vocabulary.ts';
import { checkFormToken, checkHoneypot, checkRateLimits, type FormToken, issueFormToken, WEB_FORM_LIMITS } from './spam-guard.ts';
import { claimNonce, findBrandRowBySlug, findSubmission, hasPassword, recordAnswer } from './web-form.queries.ts';
import type { WebFormAnswerType, WebFormSubmissionInput } from './web-form.schemas.ts';

/** A link that lets a requester who has no password set one, then see their ticket: a week to use it. */
export const ACCOUNT_LINK_TTL_MINUTES = 7 * 24 * 60;

/** How the confirmation reaches the requester; the e-mail module implements it, the composition root wires it. */
export interface WebFormMailer {
  /**
   * The acknowledgment of a ticket opened by a web form, in the requester's language, with the link
   * to follow it (and set a password, when `setsPassword`). Answers what became of the mail.
   */
  confirmation(trx: Db, m: { ticketId: string; link: string; setsPassword: boolean; expiresAt: Date | null; at: Date }): Promise<'queued' | 'held' | 'suppressed'>;
}

const formNotFound = () => new AppError('WEB_FORM_NOT_FOUND', 404, 'No such form');

async function brandBySlug(db: Db, slug: string): Promise<Brand> {
  const row = await findBrandRowBySlug(db, slug);
  if (!row) throw formNotFound();
  return toBrand(row);
}

const asLocale = (v: string, fallback: Locale): Locale => ((LOCALES as readonly string[]).includes(v) ? (v as Locale) : fallback);

/** The form as a visitor is shown it, with a fresh token. */
export async function publicForm(db: Db, slug: string, opts: { maxFileBytes: number }, now: Date) {
  const brand = await brandBySlug(db, slug);
  const defaultLocale = asLocale(brand.defaultLocale, 'en');
  const locales = brand.locales.filter((l): l is Locale => (LOCALES as readonly string[]).includes(l));
  return {
    brand: {
      slug: brand.slug,
      name: brand.name,
      defaultLocale,
      locales: locales.length ? locales : [defaultLocale],
      // The portal look an admin chose (issue 14, item 6), else the colour of the brand's documents.
      accentColour: brand.settings.portal.primaryColour ?? brand.settings.returns.accentColour,
      logoUrl: brand.logoSha256 ? `/api/v1/brands/${brand.id}/logo?v=${brand.logoSha256.slice(0, 12)}` : null,
    },
    form: brand.settings.intakeForm,
    token: await issueFormToken(db, brand.id, now),
    minFillSeconds: WEB_FORM_LIMITS.minFillSeconds,
    maxFiles: WEB_FORM_LIMITS.maxFiles,
    maxFileBytes: opts.maxFileBytes,
  };
}

export interface CheckedSubmission {
  brand: Brand;
  token: FormToken;
  input: WebFormSubmissionInput;
  customFields: Record<string, unknown>;
  serials: string[];
  ip: string;
  address: string;
}

/**
 * Everything that can be decided before any file is read: the brand, the honeypot, the token (made
 * here, for this brand, not too fast, not too old), the brand's intake form — each error naming its
 * field. A submission already answered is answered again (`prior`), whatever the limits say now.
 */
export async function checkSubmission(
  db: Db,
  slug: string,
  input: WebFormSubmissionInput,
  ip: string,
  now: Date,
): Promise<{ prior: WebFormAnswerType; checked?: undefined } | { prior?: undefined; checked: CheckedSubmission }> {
  const brand = await brandBySlug(db, slug);
  checkHoneypot(input.website);
  const token = await checkFormToken(db, brand.id, input.token, now);
  const prior = await findSubmission(db, token.nonce);
  if (prior) return { prior: prior as WebFormAnswerType };
  const form = brand.settings.intakeForm;
  const { values, errors } = validateCustomFields(form, input.customFields);
  const problems: FieldError[] = [...errors];
  const serials = [...new Set(input.serialNumbers.map((s) => s.trim().toUpperCase()))];
  if (form.serialsRequired && serials.length === 0) problems.push({ field: 'serialNumbers', code: 'required', message: 'at least one serial number is required' });
  if (problems.length) throw validationFailed(problems);
  const address = input.email.trim().toLowerCase();
  await checkRateLimits(db, { ip, address }, now);
  return { checked: { brand, token, input, customFields: values, serials, ip, address } };
}

/**
 * Opens the ticket of a checked submission with its files, in one transaction: the form's nonce is
 * claimed first (a duplicate submit waits for the first and answers its ticket), the limits are
 * counted again under it, the customer is found or made by address, and the confirmation mail with
 * its link is queued. Any error leaves nothing written.
 */
export async function submitWebForm(
  db: Db,
  deps: { mailer: WebFormMailer; publicUrl: string },
  s: CheckedSubmission,
  files: readonly ReceivedFile[],
  now: Date,
): Promise<{ answer: WebFormAnswerType; replayed: boolean }> {
  return withTransaction(db, async (trx) => {
    if (!(await claimNonce(trx, { nonce: s.token.nonce, brandId: s.brand.id, ip: s.ip, address: s.address, at: now }))) {
      // The unique nonce made us wait for the first submission of this form: its answer is ours.
      const prior = await findSubmission(trx, s.token.nonce);
      if (!prior) throw new AppError('WEB_FORM_TOKEN_INVALID', 409, 'This form was already sent', { errors: [{ field: 'token', code: 'already_used', message: 'already used' }] });
      return { answer: prior as WebFormAnswerType, replayed: true };
    }
    await checkRateLimits(trx, { ip: s.ip, address: s.address, exceptNonce: s.token.nonce }, now);
    const requester = await findOrCreateCustomerByAddress(trx, s.brand.id, { address: s.input.email.trim(), name: s.input.name, locale: s.input.locale });
    const ticket = await openTicketFromWebForm(trx, {
      brand: s.brand,
      requester,
      subject: s.input.subject,
      description: s.input.message,
      serialNumbers: s.serials,
      customFields: s.customFields,
      at: now,
    });
    await attachReceivedFiles(trx, files, { ticketId: ticket.id, entryId: null, uploadedById: requester.id });
    const base = deps.publicUrl.replace(/\/$/, '');
    const setsPassword = requester.role === 'customer' && !(await hasPassword(trx, requester.id));
    let link = requester.role === 'customer' ? `${base}/portal/tickets/${ticket.id}` : `${base}/login`;
    let expiresAt: Date | null = null;
    if (setsPassword) {
      const issued = await issueAccountLink(trx, { userId: requester.id, ip: s.ip, ttlMinutes: ACCOUNT_LINK_TTL_MINUTES }, now);
      link = `${base}/activate-account#token=${issued.token}&ticket=${ticket.id}`;
      expiresAt = issued.expiresAt;
    }
    const confirmation = await deps.mailer.confirmation(trx, { ticketId: ticket.id, link, setsPassword, expiresAt, at: now });
    const answer: WebFormAnswerType = { number: ticket.number, email: s.input.email.trim(), confirmation };
    await recordAnswer(trx, s.token.nonce, ticket.id, answer);
    return { answer, replayed: false };
  });
}
