import type { ErrorCode } from '../../shared/error-codes.ts';

export interface FieldError {
  /** Dotted path of the field at fault, e.g. `customFields.productVersion`. */
  field: string;
  /** Stable machine code the web app translates: required, invalid_type, too_big, … */
  code: string;
  message: string;
}

/** The one error type of the application; serialised once, by the HTTP error handler, as RFC 9457. */
export class AppError extends Error {
  constructor(
    /** One of the listed codes (src/shared/error-codes.ts): the web translates each. */
    readonly code: ErrorCode,
    readonly httpStatus: number,
    message: string,
    readonly details?: { errors?: FieldError[]; [key: string]: unknown },
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (code: ErrorCode, what: string) => new AppError(code, 404, `${what} not found`);

export const validationFailed = (errors: FieldError[]) =>
  new AppError('VALIDATION_FAILED', 400, errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });

export const forbidden = (message = 'Not allowed') => new AppError('FORBIDDEN', 403, message);
