/** A field error of a problem JSON: `field` is a dotted path such as `customFields.productVersion`. */
export interface FieldError {
  field: string;
  code: string;
  message?: string;
}

/**
 * Every failed API call becomes an ApiError: `status` 0 means the server was not reached.
 * The UI translates by `code` (RFC 9457 problem JSON, docs/API-CONTRACT.md), never by `detail`.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: FieldError[];
  readonly detail: string | undefined;
  /** A state machine's refusal (RMA_GUARD_FAILED): the guard that failed, translated by the UI. */
  readonly guard: string | undefined;

  constructor(status: number, code: string, errors: FieldError[] = [], detail?: string, guard?: string) {
    super(detail ?? code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.errors = errors;
    this.detail = detail;
    this.guard = guard;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

function fallbackCode(status: number): string {
  if (status === 401) return 'AUTH_REQUIRED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 413) return 'ATTACHMENT_TOO_LARGE';
  if (status === 429) return 'AUTH_RATE_LIMITED';
  if (status >= 500) return 'INTERNAL';
  return 'UNKNOWN';
}

/** Builds the ApiError from a response status and its parsed body (problem JSON or anything else). */
export function problemToError(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object') {
    const p = body as Record<string, unknown>;
    const code = typeof p.code === 'string' && p.code ? p.code : fallbackCode(status);
    const errors: FieldError[] = Array.isArray(p.errors)
      ? p.errors
          .filter((e): e is Record<string, unknown> => !!e && typeof e === 'object')
          .map((e) => ({
            field: typeof e.field === 'string' ? e.field : '',
            code: typeof e.code === 'string' ? e.code : 'invalid_value',
            message: typeof e.message === 'string' ? e.message : undefined,
          }))
      : [];
    const detail = typeof p.detail === 'string' ? p.detail : typeof p.title === 'string' ? p.title : undefined;
    return new ApiError(status, code, errors, detail, typeof p.guard === 'string' ? p.guard : undefined);
  }
  return new ApiError(status, fallbackCode(status));
}

/**
 * Splits field errors by the form field they belong to. Standard ticket fields come as
 * `subject`, `serialNumbers.2`…, intake-form fields as `customFields.<key>`; both are keyed by
 * the first two segments for custom fields and by the first segment otherwise.
 */
export function fieldErrorsByPath(errors: readonly FieldError[]): Record<string, FieldError> {
  const out: Record<string, FieldError> = {};
  for (const e of errors) {
    const parts = e.field.split('.');
    const key = parts[0] === 'customFields' && parts.length > 1 ? `customFields.${parts[1]}` : (parts[0] ?? '');
    if (!(key in out)) out[key] = e;
  }
  return out;
}
