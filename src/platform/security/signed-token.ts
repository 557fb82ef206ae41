/**
 * Tokens for links that act without a session (a quote's accept and refuse links in an e-mail):
 * the payload in clear, signed with HMAC-SHA256 under a key kept in the database — made once per
 * purpose and shared by every app process. A token proves only what it carries; what it may still
 * do (a quote already answered, a nonce replaced) is the caller's check.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/database.ts';

async function keyFor(db: Db, purpose: string, now: Date): Promise<Buffer> {
  const found = await db.selectFrom('signing_key').select('secret').where('purpose', '=', purpose).executeTakeFirst();
  if (found) return Buffer.from(found.secret, 'base64');
  await db.insertInto('signing_key').values({ purpose, secret: randomBytes(32).toString('base64'), created_at: now }).onConflict((oc) => oc.column('purpose').doNothing()).execute();
  const row = await db.selectFrom('signing_key').select('secret').where('purpose', '=', purpose).executeTakeFirstOrThrow();
  return Buffer.from(row.secret, 'base64');
}

const mac = (key: Buffer, body: string) => createHmac('sha256', key).update(body).digest();

/** A token for `payload` (JSON), valid until `expiresAt`. */
export async function signToken(db: Db, purpose: string, payload: Record<string, string>, expiresAt: Date, now: Date): Promise<string> {
  const body = Buffer.from(JSON.stringify({ ...payload, exp: Math.floor(expiresAt.getTime() / 1000) })).toString('base64url');
  return `${body}.${mac(await keyFor(db, purpose, now), body).toString('base64url')}`;
}

export type TokenCheck = { ok: true; payload: Record<string, string> } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

/** The payload of a token this platform signed for `purpose` and that has not expired. */
export async function verifyToken(db: Db, purpose: string, token: string, now: Date): Promise<TokenCheck> {
  const [body, sig, ...rest] = token.split('.');
  if (!body || !sig || rest.length) return { ok: false, reason: 'malformed' };
  const expected = mac(await keyFor(db, purpose, now), body);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof parsed !== 'object' || parsed === null) return { ok: false, reason: 'malformed' };
  const { exp, ...payload } = parsed as Record<string, unknown>;
  if (typeof exp !== 'number' || Object.values(payload).some((v) => typeof v !== 'string')) return { ok: false, reason: 'malformed' };
  if (exp * 1000 < now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, payload: payload as Record<string, string> };
}

/** A fresh random nonce for a record whose links must stop working when it changes. */
export const newNonce = () => randomBytes(12).toString('base64url');
