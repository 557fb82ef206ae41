import type { Db } from '../../../platform/db/database.ts';
import { AppError, type FieldError } from '../../../platform/errors/app-error.ts';
import type { ErrorCode } from '../../../shared/error-codes.ts';

/** A refusal that names the field at fault (RFC 9457 `errors[]`), as the web app shows it under the field. */
export function fieldError(code: ErrorCode, status: number, field: string, message: string, fieldCode = 'invalid_value'): AppError {
  const errors: FieldError[] = [{ field, code: fieldCode, message }];
  return new AppError(code, status, `${field}: ${message}`, { errors });
}

/** Every brand id exists, or a 400 naming `field`. */
export async function assertBrandsExist(trx: Db, brandIds: readonly string[], field = 'brandIds'): Promise<void> {
  if (brandIds.length === 0) return;
  const found = await trx.selectFrom('brand').select('id').where('id', 'in', [...brandIds]).execute();
  if (found.length !== new Set(brandIds).size) throw fieldError('VALIDATION_FAILED', 400, field, 'unknown brand');
}

/** `%` and `_` typed by a person are letters, not wildcards. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
