import type { FastifyRequest } from 'fastify';
import { AppError, type FieldError } from '../errors/app-error.ts';

const NUL = '\u0000';

/**
 * Every text a client sends — JSON body, query string, path — must be text PostgreSQL can store:
 * no NUL character and no lone UTF-16 surrogate. Checked once for every route, before its own
 * validation, so a bad byte is a 400 naming the field instead of a 500 from the database.
 */
export function badTextFields(value: unknown, path: string, out: FieldError[] = [], depth = 0): FieldError[] {
  if (depth > 64 || out.length >= 20) return out;
  if (typeof value === 'string') {
    if (value.includes(NUL) || !value.isWellFormed()) out.push({ field: path, code: 'invalid_characters', message: 'contains a NUL character or invalid Unicode' });
    return out;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => badTextFields(v, path ? `${path}.${i}` : String(i), out, depth + 1));
    return out;
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      const key = k.includes(NUL) || !k.isWellFormed() ? '?' : k;
      if (key === '?') out.push({ field: path ? `${path}.?` : '?', code: 'invalid_characters', message: 'a field name contains a NUL character or invalid Unicode' });
      badTextFields(v, path ? `${path}.${key}` : key, out, depth + 1);
    }
  }
  return out;
}

export async function refuseBadText(request: FastifyRequest): Promise<void> {
  const errors = [...badTextFields(request.params, ''), ...badTextFields(request.query, ''), ...(request.isMultipart() ? [] : badTextFields(request.body, ''))];
  if (errors.length) throw new AppError('VALIDATION_FAILED', 400, errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
}
