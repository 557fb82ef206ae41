import type { Db } from '../../../platform/db/database.ts';

type InboundStatus = 'received' | 'processed' | 'quarantined' | 'discarded';

/** A page of inbound messages in one status, newest first, after a cursor (received_at, id). */
export function inboundPage(db: Db, q: { status: InboundStatus; after: { at: string; id: string } | undefined; limit: number }) {
  let query = db
    .selectFrom('inbound_message as i')
    .leftJoin('brand as b', 'b.id', 'i.brand_id')
    .select([
      'i.id',
      'i.received_at',
      'i.source',
      'i.envelope_from',
      'i.envelope_to',
      'i.message_id',
      'i.raw_size_bytes',
      'i.status',
      'i.reason',
      'i.detail',
      'i.raw_storage_key',
      'i.redeliveries',
      'i.last_redelivered_at',
      'i.subject',
      'i.from_address',
      'i.summary_read',
      'b.name as brand_name',
    ])
    .where('i.status', '=', q.status);
  const after = q.after;
  if (after) {
    const at = new Date(after.at);
    query = query.where((eb) => eb.or([eb('i.received_at', '<', at), eb.and([eb('i.received_at', '=', at), eb('i.id', '<', after.id)])]));
  }
  return query.orderBy('i.received_at', 'desc').orderBy('i.id', 'desc').limit(q.limit).execute();
}

/** Subject and sender of a message accepted before migration 0008, read once and kept. */
export async function storeInboundSummary(db: Db, id: string, summary: { subject: string | null; from_address: string | null }): Promise<void> {
  await db.updateTable('inbound_message').set({ ...summary, summary_read: true }).where('id', '=', id).execute();
}

export function mailboxesWithBrand(db: Db) {
  return db.selectFrom('mailbox as m').innerJoin('brand as b', 'b.id', 'm.brand_id').selectAll('m').select('b.name as brand_name').orderBy('b.name').orderBy('m.address').execute();
}
