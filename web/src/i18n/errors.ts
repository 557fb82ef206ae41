import type { TFunction } from 'i18next';
import { isApiError } from '../api/errors';
import { ERROR_CODES as SERVER_ERROR_CODES, type ErrorCode as ServerErrorCode } from '../../../src/shared/error-codes';
import { RMA_GUARDS } from '../api/types';

/** Every code the server may send (src/shared/error-codes.ts), and NETWORK (server unreachable). */
export const ERROR_CODES = [...SERVER_ERROR_CODES, 'NETWORK'] as const satisfies readonly string[];
export type ErrorCode = ServerErrorCode | 'NETWORK';

export const FIELD_ERROR_CODES = [
  'required',
  'invalid_type',
  'too_small',
  'too_big',
  'invalid_format',
  'invalid_value',
  'unknown_field',
  'not_allowed',
  'transition_not_allowed',
  'check_digit',
  'type_not_allowed',
  'duplicate',
  'conflict',
  'invalid_time',
  'end_before_start',
  'overlap',
  'unknown_country',
  'unknown_region',
  'unknown_time_zone',
  'contract_level_format',
  'one_target',
  'not_found',
  'other_customer',
  'invalid_characters',
  'private_target',
  'unknown_serial',
  'unknown_place',
  'unsupported_country',
  'one_place',
  'in_future',
  'in_the_past',
  'outside_working_time',
  'too_long',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

function isKnown<T extends string>(list: readonly T[], code: string): code is T {
  return (list as readonly string[]).includes(code);
}

/** The translated message for any thrown value; unknown codes fall back to a generic message. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    // A return's refusal says which condition is not met (rma.guard.*), in the reader's language.
    if (error.code === 'RMA_GUARD_FAILED' && error.guard && isKnown(RMA_GUARDS, error.guard)) return t(`rma.guard.${error.guard}`);
    if (isKnown(ERROR_CODES, error.code)) return t(`errors.codes.${error.code}`);
    // A code this app does not know yet: the server's own words beat a generic message.
    return error.detail && error.code !== 'UNKNOWN' ? error.detail : t('errors.generic');
  }
  return t('errors.generic');
}

export function fieldErrorMessage(t: TFunction, code: string): string {
  return isKnown(FIELD_ERROR_CODES, code) ? t(`errors.field.${code}`) : t('errors.field.invalid_value');
}
