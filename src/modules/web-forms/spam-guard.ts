/**
 * The public form's spam guard, with no third-party service (issue 14, item 7): a honeypot field a
 * person never sees, a signed form token that proves when the form was shown (too fast is a robot)
 * and which form a submission belongs to (its nonce makes a second submit a replay, not a second
 * ticket), and hourly limits per sender address (IP) and per e-mail address, counted in the
 * database so that every app process shares them.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { signToken, verifyToken } from '../../platform/security/signed-token.ts';
import { countRecentSubmissions } from './web-form.queries.ts';

export const WEB_FORM_LIMITS = {
  /** Nobody reads a form, types a message and sends it in less. */
  minFillSeconds: 3,
  /** A form left open longer is shown again (its token expires). */
  maxAgeHours: 24,
  perIpPerHour: 10,
  perAddressPerHour: 5,
  maxFiles: 5,
};

const PURPOSE = 'web-form';

export interface FormToken {
  brandId: string;
  nonce: string;
  issuedAt: Date;
}

/** A token for one showing of a brand's form. */
export async function issueFormToken(db: Db, brandId: string, now: Date): Promise<string> {
  const expires = new Date(now.getTime() + WEB_FORM_LIMITS.maxAgeHours * 3600_000);
  return signToken(db, PURPOSE, { b: brandId, n: randomBytes(16).toString('base64url'), t: String(now.getTime()) }, expires, now);
}

const tokenError = (code: 'WEB_FORM_TOKEN_INVALID' | 'WEB_FORM_TOO_FAST', message: string, status = 400) =>
  new AppError(code, status, message, { errors: [{ field: 'token', code: code === 'WEB_FORM_TOO_FAST' ? 'too_fast' : 'invalid_value', message }] });

/**
 * The submission's token, checked: signed by us for this brand, not expired, and not sent faster
 * than a person fills the form in.
 */
export async function checkFormToken(db: Db, brandId: string, token: string, now: Date): Promise<FormToken> {
  const check = await verifyToken(db, PURPOSE, token, now);
  if (!check.ok) throw tokenError('WEB_FORM_TOKEN_INVALID', check.reason === 'expired' ? 'the form is too old: reload the page and send it again' : 'not a form this site made');
  const { b, n, t } = check.payload;
  const issuedAt = new Date(Number(t));
  if (b !== brandId || !n || Number.isNaN(issuedAt.getTime())) throw tokenError('WEB_FORM_TOKEN_INVALID', 'not a form of this brand');
  if (now.getTime() - issuedAt.getTime() < WEB_FORM_LIMITS.minFillSeconds * 1000) {
    throw tokenError('WEB_FORM_TOO_FAST', `sent less than ${WEB_FORM_LIMITS.minFillSeconds} seconds after the form opened: wait a moment and send it again`);
  }
  return { brandId: b, nonce: n, issuedAt };
}

/** The honeypot: a field hidden from people, which only a robot fills in. */
export function checkHoneypot(value: string | undefined): void {
  if (value && value.trim() !== '') {
    throw new AppError('WEB_FORM_REJECTED', 400, 'This request looks automated and was not accepted', { errors: [{ field: 'website', code: 'must_be_empty', message: 'must be left empty' }] });
  }
}

/** Refuses a submission past the hourly limits for its sender's IP or e-mail address. */
export async function checkRateLimits(trx: Db, who: { ip: string; address: string; exceptNonce?: string }, now: Date): Promise<void> {
  const since = new Date(now.getTime() - 3600_000);
  const { byIp, byAddress } = await countRecentSubmissions(trx, who, since);
  const over = byIp >= WEB_FORM_LIMITS.perIpPerHour ? 'ip' : byAddress >= WEB_FORM_LIMITS.perAddressPerHour ? 'email' : null;
  if (!over) return;
  throw new AppError('WEB_FORM_RATE_LIMITED', 429, 'Too many requests were sent from here within the hour: try again later', {
    errors: [{ field: over === 'ip' ? 'form' : 'email', code: 'rate_limited', message: 'too many requests within the hour' }],
    retryAfterSeconds: 3600,
  });
}
