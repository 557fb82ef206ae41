import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { validationFailed } from '../../platform/errors/app-error.ts';
import type { Actor } from '../auth/index.ts';
import { getBrandFor } from '../brands/index.ts';
import { resolveTicketNumber } from '../tickets/index.ts';
import { listReturnRows } from './rma.queries.ts';
import type { RmaState } from './rma-machine.ts';
import { getReturn } from './rma.service.ts';

/** The receiving desk's lookup: a scanned or typed number (its check digit catches a typo) to its return. */
export async function lookupReturn(db: Db, actor: Actor, number: string) {
  return getReturn(db, actor, await resolveTicketNumber(db, actor, number));
}

/**
 * The desk's returns queue: returns in these states, optionally only those whose last change is
 * older than a date (awaiting the parcel for more than N days) or since one (received today).
 */
export async function listReturns(db: Db, actor: Actor, q: { state: RmaState[]; changedBefore?: string; changedSince?: string; limit?: number }) {
  const rows = await listReturnRows(db, actor, {
    states: q.state,
    changedBefore: q.changedBefore ? new Date(q.changedBefore) : undefined,
    changedSince: q.changedSince ? new Date(q.changedSince) : undefined,
    limit: q.limit ?? 100,
  });
  return {
    items: rows.map((r) => ({
      ticketId: r.ticket_id,
      number: r.number,
      subject: r.subject,
      state: r.state as RmaState,
      stateChangedAt: r.state_changed_at.toISOString(),
      channelRoute: r.channel_route,
      brandName: r.brand_name,
      timeZone: r.time_zone,
      requesterName: r.requester_name,
      units: Number(r.units),
    })),
  };
}

/**
 * A parcel with no return behind it (no number, or one the counter cannot match): recorded with
 * what could be read, for a brand the receiver works for, so nothing a customer sent is lost.
 */
export async function recordUnexpectedParcel(
  db: Db,
  actor: Actor,
  input: { brandId: string; labelText?: string; sender?: string; carrier?: string; trackingNumber?: string; note?: string },
  now: Date,
) {
  // A brand the receiver works for, and that exists (an admin's unknown id too is not found).
  await getBrandFor(db, actor, input.brandId);
  const clean = (v?: string) => v?.trim() || null;
  if (![input.labelText, input.sender, input.carrier, input.trackingNumber, input.note].some((v) => v?.trim())) {
    throw validationFailed([{ field: 'sender', code: 'required', message: 'write what can be read on the parcel: a number, the sender, the carrier' }]);
  }
  const row = await db
    .insertInto('unexpected_parcel')
    .values({ brand_id: input.brandId, received_at: now, recorded_by: actor.userId, label_text: clean(input.labelText), sender: clean(input.sender), carrier: clean(input.carrier), tracking_number: clean(input.trackingNumber), note: clean(input.note) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await listUnexpectedParcels(db, actor)).items.find((p) => p.id === row.id)!;
}

/** The unexpected parcels not yet linked to a ticket, in the reader's brands, oldest first. */
export async function listUnexpectedParcels(db: Db, actor: Actor) {
  const rows = await db
    .selectFrom('unexpected_parcel as p')
    .innerJoin('brand as b', 'b.id', 'p.brand_id')
    .innerJoin('app_user as u', 'u.id', 'p.recorded_by')
    .select(['p.id', 'p.brand_id', 'b.name as brand_name', 'p.received_at', 'u.name as recorded_by', 'p.label_text', 'p.sender', 'p.carrier', 'p.tracking_number', 'p.note'])
    .where('p.ticket_id', 'is', null)
    .$if(actor.role !== 'admin', (q) => (actor.brandIds.length ? q.where('p.brand_id', 'in', actor.brandIds) : q.where(sql<boolean>`false`)))
    .orderBy('p.received_at')
    .limit(200)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      brandId: r.brand_id,
      brandName: r.brand_name,
      receivedAt: r.received_at.toISOString(),
      recordedBy: r.recorded_by,
      labelText: r.label_text,
      sender: r.sender,
      carrier: r.carrier,
      trackingNumber: r.tracking_number,
      note: r.note,
    })),
  };
}
