import createClient from 'openapi-fetch';
import { noteServerNow } from '../app/server-clock';
import { ApiError, problemToError } from './errors';
import type { paths } from './schema';
import type { Attachment } from './types';

export { ApiError, isApiError } from './errors';
export type { FieldError } from './errors';

const BASE = '/api/v1';

// Kept in memory only: a page load gets it again from /auth/me, so it never sits in storage.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Query = Record<string, unknown>;

/** Empty values are left out (a filter the user cleared), arrays repeat their key (`status=a&status=b`). */
export function buildQuery(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.append(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/**
 * Every call to the server goes through here: the session's CSRF token on writes, the server's
 * clock noted from `x-apres-now`, a network failure as `ApiError(0, 'NETWORK')`, and one retry
 * when the CSRF token was rotated (a login in another tab) rather than failing a reply the user
 * just typed.
 */
async function send(request: Request, retried = false): Promise<Response> {
  const spare = retried ? null : request.clone();
  request.headers.set('accept', 'application/json, application/problem+json');
  if (request.method !== 'GET' && request.method !== 'HEAD' && csrfToken) request.headers.set('x-csrf-token', csrfToken);
  let res: Response;
  try {
    res = await fetch(request);
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK');
  }
  noteServerNow(res.headers.get('x-apres-now'));
  if (res.status === 403 && spare && request.method !== 'GET') {
    const body = (await res.clone().json().catch(() => null)) as { code?: string } | null;
    if (body?.code === 'AUTH_CSRF_INVALID' && (await refreshCsrfToken())) return send(spare, true);
  }
  return res;
}

async function refreshCsrfToken(): Promise<boolean> {
  try {
    const res = await fetch(`${BASE}/auth/me`, { credentials: 'include', headers: { accept: 'application/json' } });
    if (!res.ok) return false;
    const body = (await res.json()) as { csrfToken?: unknown };
    if (typeof body.csrfToken !== 'string') return false;
    csrfToken = body.csrfToken;
    return true;
  } catch {
    return false;
  }
}

/**
 * The typed client, generated from the server's OpenAPI document (schema.d.ts): paths, parameters,
 * bodies and answers are checked by the compiler, so the web cannot drift from the server.
 */
export const api = createClient<paths>({ fetch: (request) => send(request), querySerializer: (q) => buildQuery(q as Query).slice(1) });

/** The answer's data, or the problem as an `ApiError` (its code keys the message the user sees). */
export async function ok<D>(call: Promise<{ data?: D; error?: unknown; response: Response }>): Promise<D> {
  const { data, error, response } = await call;
  if (!response.ok) throw problemToError(response.status, error);
  return data as D;
}

/** Files go up as multipart, outside the JSON contract; the answer is the stored attachment. */
export async function uploadFile(form: FormData): Promise<Attachment> {
  const res = await send(new Request(`${BASE}/attachments`, { method: 'POST', body: form, credentials: 'include' }));
  const data: unknown = await res.json().catch(() => undefined);
  if (!res.ok) throw problemToError(res.status, data);
  return data as Attachment;
}

export function attachmentUrl(id: string): string {
  return `${BASE}/attachments/${encodeURIComponent(id)}`;
}
