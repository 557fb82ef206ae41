import { describe, expect, it } from 'vitest';
import { fieldErrorsByPath, problemToError } from './errors';
import { buildQuery } from './client';

describe('problemToError', () => {
  it('keeps the code and the field errors of a problem JSON', () => {
    const e = problemToError(400, {
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: 'Validation failed',
      errors: [{ field: 'customFields.productVersion', code: 'required', message: 'is required' }],
    });
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.errors).toEqual([{ field: 'customFields.productVersion', code: 'required', message: 'is required' }]);
  });

  it('derives a code from the status when the body is not problem JSON', () => {
    expect(problemToError(404, undefined).code).toBe('NOT_FOUND');
    expect(problemToError(502, 'Bad gateway').code).toBe('INTERNAL');
  });
});

describe('fieldErrorsByPath', () => {
  it('groups array items under their field and keeps the first error', () => {
    const map = fieldErrorsByPath([
      { field: 'serialNumbers.1', code: 'invalid_format' },
      { field: 'serialNumbers.2', code: 'too_big' },
      { field: 'customFields.version.major', code: 'required' },
    ]);
    expect(map).toEqual({
      serialNumbers: { field: 'serialNumbers.1', code: 'invalid_format' },
      'customFields.version': { field: 'customFields.version.major', code: 'required' },
    });
  });
});

describe('buildQuery', () => {
  it('repeats array parameters and skips empty ones', () => {
    expect(buildQuery({ status: ['new', 'accepted'], brandId: undefined, q: '', limit: 25 })).toBe('?status=new&status=accepted&limit=25');
  });
});
