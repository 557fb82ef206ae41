/**
 * Every error code the server may send, per module (STYLE.md: codes are module-prefixed). The
 * server's `AppError` only takes these, so a new code must be listed here; the web translates each
 * one in five languages, and a code without its translation fails the catalogue test.
 */
export const ERROR_CODES_BY_MODULE = {
  platform: ['VALIDATION_FAILED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_REQUEST', 'RATE_LIMITED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'IDEMPOTENCY_KEY_REUSED', 'INTERNAL'],
  auth: ['AUTH_REQUIRED', 'AUTH_INVALID_CREDENTIALS', 'AUTH_RATE_LIMITED', 'AUTH_CSRF_INVALID', 'AUTH_INVALID_TOKEN', 'AUTH_RESET_LINK_INVALID'],
  brands: ['BRAND_NOT_FOUND'],
  tickets: [
    'TICKET_NOT_FOUND',
    'TICKET_NUMBER_CHECK_DIGIT_INVALID',
    'TICKET_TRANSITION_NOT_ALLOWED',
    'TICKET_MERGE_INVALID',
    'TICKET_MERGED',
    'TICKET_MERGE_OTHER_CUSTOMER',
    'REQUESTER_NOT_FOUND',
  ],
  attachments: ['ATTACHMENT_TOO_LARGE', 'ATTACHMENT_TYPE_NOT_ALLOWED', 'ATTACHMENT_NOT_FOUND'],
  email: ['INBOUND_NOT_FOUND', 'INBOUND_NOT_QUARANTINED', 'MAILBOX_NOT_FOUND', 'MAILBOX_FETCH_FAILED', 'MAILBOX_IMAP_SETTINGS_INVALID'],
  calendars: ['CALENDAR_NOT_FOUND', 'CALENDAR_NAME_TAKEN', 'CALENDAR_HORIZON_EXCEEDED', 'CALENDAR_NEVER_OPEN', 'CALENDAR_INVALID_ARGUMENT'],
  sla: ['SLA_POLICY_NOT_FOUND', 'SLA_POLICY_CONFLICT'],
  webhooks: ['WEBHOOK_NOT_FOUND'],
  orders: ['UNIT_NOT_FOUND', 'ORDER_NOT_FOUND', 'INVOICE_NOT_FOUND', 'ORDER_IMPORT_REFUSED', 'UNIT_ALREADY_REGISTERED', 'UNIT_PROOF_NOT_PENDING'],
  returns: ['RMA_NOT_FOUND', 'RMA_ALREADY_EXISTS', 'RMA_UNIT_IN_RETURN', 'RMA_TRANSITION_NOT_ALLOWED', 'RMA_GUARD_FAILED', 'RMA_NOT_AUTHORISED', 'RMA_NOT_RECEIVED'],
  catalog: ['CATALOG_MODEL_NOT_FOUND', 'CATALOG_MODEL_CODE_TAKEN', 'CATALOG_PART_NOT_FOUND', 'CATALOG_PART_REFERENCE_TAKEN'],
  serviceCentres: ['SERVICE_CENTRE_NOT_FOUND', 'SERVICE_CENTRE_NAME_TAKEN', 'SERVICE_CENTRE_PLACE_UNKNOWN'],
} as const;

type ByModule = typeof ERROR_CODES_BY_MODULE;
/** One module's codes, e.g. `ModuleErrorCode<'tickets'>`. */
export type ModuleErrorCode<M extends keyof ByModule> = ByModule[M][number];
export type ErrorCode = { [M in keyof ByModule]: ModuleErrorCode<M> }[keyof ByModule];

export const ERROR_CODES: readonly ErrorCode[] = Object.values(ERROR_CODES_BY_MODULE).flat();
