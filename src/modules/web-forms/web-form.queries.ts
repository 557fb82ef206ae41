import type { Db } from '../../platform/db/database.ts';

/** Accepted submissions from this IP, and for this e-mail address, since a given instant. */
/** (`exceptNonce`: the submission being made, already claimed in this transaction, does not count.) */
export async function countRecentSubmissions(trx: Db, who: { ip: string; address: string; exceptNonce?: string }, since: Date): Promise<{ byIp: number; byAddress: number }> {
  const row = await trx
    .selectFrom('web_form_submission')
    .select((eb) => [
      eb.fn.count<string>('nonce').filterWhere('ip', '=', who.ip).as('by_ip'),
      eb.fn.count<string>('nonce').filterWhere('address', '=', who.address).as('by_address'),
    ])
    .where('created_at', '>', since)
    .where('nonce', '!=', who.exceptNonce ?? '')
    .where((eb) => eb.or([eb('ip', '=', who.ip), eb('address', '=', who.address)]))
    .executeTakeFirstOrThrow();
  return { byIp: Number(row.by_ip), byAddress: Number(row.by_address) };
}

/** The answer already given to a form's submission, if it was accepted. */
export async function findSubmission(db: Db, nonce: string): Promise<unknown> {
  const row = await db.selectFrom('web_form_submission').select('response').where('nonce', '=', nonce).where('response', 'is not', null).executeTakeFirst();
  return row?.response ?? undefined;
}

/**
 * Claims a form's nonce in the caller's transaction: false when it was taken (by a submission that
 * committed, or one that a concurrent duplicate waits on the unique key for).
 */
export async function claimNonce(trx: Db, s: { nonce: string; brandId: string; ip: string; address: string; at: Date }): Promise<boolean> {
  const row = await trx
    .insertInto('web_form_submission')
    .values({ nonce: s.nonce, brand_id: s.brandId, ip: s.ip, address: s.address, created_at: s.at, ticket_id: null, response: null })
    .onConflict((oc) => oc.column('nonce').doNothing())
    .returning('nonce')
    .executeTakeFirst();
  return row !== undefined;
}

export async function recordAnswer(trx: Db, nonce: string, ticketId: string, response: unknown): Promise<void> {
  await trx.updateTable('web_form_submission').set({ ticket_id: ticketId, response: JSON.stringify(response) }).where('nonce', '=', nonce).execute();
}

/** A brand by the slug in its form's address, with its logo's content hash if it has one (its look). */
export async function findBrandRowBySlug(db: Db, slug: string) {
  return db.selectFrom('brand').leftJoin('brand_logo as l', 'l.brand_id', 'brand.id').selectAll('brand').select('l.sha256 as logo_sha256').where('brand.slug', '=', slug).executeTakeFirst();
}

/** Whether the account may already sign in (it has a password): then its link opens the portal, else it sets one. */
export async function hasPassword(trx: Db, userId: string): Promise<boolean> {
  const row = await trx.selectFrom('app_user').select('id').where('id', '=', userId).where('password_hash', 'is not', null).where('active', '=', true).executeTakeFirst();
  return row !== undefined;
}
