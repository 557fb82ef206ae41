import type { TFunction } from 'i18next';
import { isApiError } from '../api/errors';

/** Error codes of docs/API-CONTRACT.md, those the server also sends, and NETWORK (server unreachable). */
export const ERROR_CODES = [
  'AUTH_REQUIRED',
  'AUTH_INVALID_CREDENTIALS',
  'AUTH_RATE_LIMITED',
  'AUTH_CSRF_INVALID',
  'FORBIDDEN',
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'TICKET_NOT_FOUND',
  'TICKET_NUMBER_CHECK_DIGIT_INVALID',
  'TICKET_TRANSITION_NOT_ALLOWED',
  'TICKET_MERGE_INVALID',
  'ATTACHMENT_TOO_LARGE',
  'ATTACHMENT_TYPE_NOT_ALLOWED',
  'IDEMPOTENCY_KEY_REUSED',
  'TICKET_MERGED',
  'BRAND_NOT_FOUND',
  'ATTACHMENT_NOT_FOUND',
  'AUTH_INVALID_TOKEN',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'BAD_REQUEST',
  'INBOUND_NOT_FOUND',
  'INBOUND_NOT_QUARANTINED',
  'MAILBOX_NOT_FOUND',
  'CALENDAR_NOT_FOUND',
  'CALENDAR_NAME_TAKEN',
  'CALENDAR_HORIZON_EXCEEDED',
  'SLA_POLICY_NOT_FOUND',
  'SLA_POLICY_CONFLICT',
  'REQUESTER_NOT_FOUND',
  'TICKET_MERGE_OTHER_CUSTOMER',
  'AUTH_RESET_LINK_INVALID',
  'INTERNAL',
  'NETWORK',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

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
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

function isKnown<T extends string>(list: readonly T[], code: string): code is T {
  return (list as readonly string[]).includes(code);
}

/** The translated message for any thrown value; unknown codes fall back to a generic message. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    if (isKnown(ERROR_CODES, error.code)) return t(`errors.codes.${error.code}`);
    // A code this app does not know yet: the server's own words beat a generic message.
    return error.detail && error.code !== 'UNKNOWN' ? error.detail : t('errors.generic');
  }
  return t('errors.generic');
}

export function fieldErrorMessage(t: TFunction, code: string): string {
  return isKnown(FIELD_ERROR_CODES, code) ? t(`errors.field.${code}`) : t('errors.field.invalid_value');
}
