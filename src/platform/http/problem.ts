import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from '../errors/app-error.ts';

function slug(code: string): string {
  return code.toLowerCase().replace(/_/g, '-');
}

function titleOf(code: string): string {
  const s = code.toLowerCase().replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function sendProblem(reply: FastifyReply, err: AppError): FastifyReply {
  const { errors, ...extra } = err.details ?? {};
  if (err.httpStatus === 429 && typeof extra.retryAfterSeconds === 'number') reply.header('retry-after', String(extra.retryAfterSeconds));
  return reply
    .status(err.httpStatus)
    .type('application/problem+json')
    .send({
      type: `https://apres.dev/problems/${slug(err.code)}`,
      title: titleOf(err.code),
      status: err.httpStatus,
      code: err.code,
      detail: err.message,
      ...(errors ? { errors } : {}),
      ...extra,
    });
}

const LOCATION: Record<string, string> = { body: '', querystring: '', params: '', headers: 'header.' };

/** zod issues from the type provider, as field errors with stable codes. */
function fieldErrorsFromValidation(error: FastifyError & { validation: { instancePath: string; keyword: string; message?: string; params: Record<string, unknown> }[] }, context: string): FieldError[] {
  return error.validation.flatMap((v) => {
    const base = (LOCATION[context] ?? '') + v.instancePath.replace(/^\//, '').replace(/\//g, '.');
    if (v.keyword === 'unrecognized_keys') {
      const keys = (v.params.keys as string[] | undefined) ?? [];
      return keys.map((k) => ({ field: base ? `${base}.${k}` : k, code: 'unknown_field', message: 'is not a known field' }));
    }
    const message = v.message ?? 'is invalid';
    // A custom refinement carries its own stable code (e.g. end_before_start, unknown_country).
    const custom = v.keyword === 'custom' ? (v.params.params as { code?: unknown } | undefined)?.code : undefined;
    const code = typeof custom === 'string' ? custom : v.keyword === 'invalid_type' && /received undefined/.test(message) ? 'required' : v.keyword;
    return [{ field: base || context, code, message: code === 'required' ? 'is required' : message }];
  });
}

/**
 * The single place errors become HTTP: RFC 9457 problem JSON with a stable code, the field at
 * fault where there is one, and never a stack trace.
 */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) return sendProblem(reply, error);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = fieldErrorsFromValidation(error as never, (error as { validationContext?: string }).validationContext ?? 'body');
    return sendProblem(reply, new AppError('VALIDATION_FAILED', 400, errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors }));
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error, url: request.url }, 'response failed its schema');
    return sendProblem(reply, new AppError('INTERNAL', 500, 'Internal error'));
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code =
      error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'UNSUPPORTED_MEDIA_TYPE'
      : error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.code === 'FST_REQ_FILE_TOO_LARGE' ? 'PAYLOAD_TOO_LARGE'
      : status === 404 ? 'NOT_FOUND'
      : status === 429 ? 'RATE_LIMITED'
      : 'BAD_REQUEST';
    return sendProblem(reply, new AppError(code, status, error.message));
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, new AppError('INTERNAL', 500, 'Internal error'));
}
