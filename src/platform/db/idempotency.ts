import crypto from 'node:crypto';
import { type Db, withTransaction } from './database.ts';
import { AppError } from '../errors/app-error.ts';

export interface IdempotentResult<T> {
  status: number;
  body: T;
  replayed: boolean;
}

/**
 * Runs `create` once per (user, Idempotency-Key). The key row is inserted first in the same
 * transaction as the work: a concurrent duplicate waits on the unique key, then finds the stored
 * response; a failed attempt rolls back with its key, so a retry can succeed.
 */
export async function idempotent<T>(
  db: Db,
  opts: { userId: string; key: string | undefined; route: string; request: unknown; status: number },
  create: (trx: Db) => Promise<T>,
): Promise<IdempotentResult<T>> {
  if (!opts.key) {
    const body = await withTransaction(db, create);
    return { status: opts.status, body, replayed: false };
  }
  if (opts.key.length > 200) {
    throw new AppError('VALIDATION_FAILED', 400, 'Idempotency-Key is too long', {
      errors: [{ field: 'Idempotency-Key', code: 'too_big', message: 'must be at most 200 characters' }],
    });
  }
  const requestHash = crypto.createHash('sha256').update(JSON.stringify(opts.request ?? null)).digest('hex');
  return withTransaction(db, async (trx) => {
    const inserted = await trx
      .insertInto('idempotency_key')
      .values({
        user_id: opts.userId,
        key: opts.key!,
        route: opts.route,
        request_hash: requestHash,
        response_status: 0,
        response_body: JSON.stringify(null),
      })
      .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!inserted) {
      const prior = await trx
        .selectFrom('idempotency_key')
        .selectAll()
        .where('user_id', '=', opts.userId)
        .where('key', '=', opts.key!)
        .executeTakeFirstOrThrow();
      if (prior.route !== opts.route || prior.request_hash !== requestHash) {
        throw new AppError('IDEMPOTENCY_KEY_REUSED', 409, 'This Idempotency-Key was already used for a different request');
      }
      return { status: prior.response_status, body: prior.response_body as T, replayed: true };
    }
    const body = await create(trx);
    await trx
      .updateTable('idempotency_key')
      .set({ response_status: opts.status, response_body: JSON.stringify(body) })
      .where('user_id', '=', opts.userId)
      .where('key', '=', opts.key!)
      .execute();
    return { status: opts.status, body, replayed: false };
  });
}
