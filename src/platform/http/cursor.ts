import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';

// `due`: the desk queue's first sort key (null: no due time, sorted last).
const CursorSchema = z.object({ at: z.iso.datetime(), id: z.uuid(), due: z.iso.datetime().nullable().optional() });
export type Cursor = z.infer<typeof CursorSchema>;

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

export function decodeCursor(raw: string): Cursor {
  try {
    return CursorSchema.parse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
  } catch {
    throw new AppError('VALIDATION_FAILED', 400, 'cursor: invalid', {
      errors: [{ field: 'cursor', code: 'invalid_format', message: 'is not a cursor this API returned' }],
    });
  }
}
