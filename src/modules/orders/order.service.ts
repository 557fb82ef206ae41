import type { Db } from '../../platform/db/database.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import type { Actor } from '../auth/index.ts';
import { orderVisibleTo, unitVisibleTo } from './unit-visibility.ts';
import { warrantiesFor } from './unit.service.ts';

/**
 * Orders the actor may see, newest first (the portal's "My orders", seed 001), a page at a time,
 * each with its lines and the units they delivered — and each unit's warranty today in short.
 */
export async function listOrders(db: Db, actor: Actor, q: { cursor?: string | undefined; limit: number }, now: Date) {
  let query = db
    .selectFrom('customer_order as o')
    .innerJoin('brand as b', 'b.id', 'o.brand_id')
    .leftJoin('organisation as s', 's.id', 'o.seller_organisation_id')
    .select([
      'o.id',
      'o.external_id',
      'o.brand_id',
      'b.name as brand_name',
      'o.ordered_on',
      'o.created_at',
      'o.paid_on',
      'o.payment_provider',
      'o.dispute_opened_on',
      'o.dispute_closed_on',
      'o.currency',
      'o.total_cents',
      's.name as seller_name',
      'o.invoice_number',
      'o.invoice_attachment_id',
    ])
    .where(orderVisibleTo(actor));
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    const day = c.at.slice(0, 10);
    query = query.where((eb) => eb.or([eb('o.ordered_on', '<', day), eb.and([eb('o.ordered_on', '=', day), eb('o.id', '<', c.id)])]));
  }
  const rows = await query.orderBy('o.ordered_on', 'desc').orderBy('o.id', 'desc').limit(q.limit + 1).execute();
  const page = rows.slice(0, q.limit);
  const ids = page.map((o) => o.id);
  const lines = ids.length
    ? await db
        .selectFrom('order_line as l')
        .innerJoin('product_model as m', 'm.id', 'l.model_id')
        .select(['l.id', 'l.order_id', 'l.external_id', 'l.quantity', 'l.unit_price_cents', 'm.code as model_code', 'm.name as model_name'])
        .where('l.order_id', 'in', ids)
        .orderBy('l.external_id')
        .execute()
    : [];
  const units = lines.length
    ? await db
        .selectFrom('unit as u')
        .select(['u.id', 'u.order_line_id', 'u.serial', 'u.licence_key'])
        .where('u.order_line_id', 'in', lines.map((l) => l.id))
        .where(unitVisibleTo(actor))
        .orderBy('u.serial')
        .execute()
    : [];
  const warranties = await warrantiesFor(db, actor, units.map((u) => u.id), now);
  const last = page.at(-1);
  return {
    items: page.map((o) => ({
      id: o.id,
      number: o.external_id,
      brandId: o.brand_id,
      brandName: o.brand_name,
      orderedOn: o.ordered_on,
      paidOn: o.paid_on,
      paymentProvider: o.payment_provider,
      dispute: o.dispute_opened_on ? { openedOn: o.dispute_opened_on, closedOn: o.dispute_closed_on } : null,
      currency: o.currency,
      totalCents: o.total_cents,
      seller: o.seller_name,
      invoice: o.invoice_attachment_id ? { number: o.invoice_number } : null,
      lines: lines
        .filter((l) => l.order_id === o.id)
        .map((l) => ({
          id: l.id,
          model: { code: l.model_code, name: l.model_name },
          quantity: l.quantity,
          unitPriceCents: l.unit_price_cents,
          units: units
            .filter((u) => u.order_line_id === l.id)
            .map((u) => {
              const w = warranties.get(u.id)!.warranty;
              return { id: u.id, serial: u.serial ?? u.licence_key ?? '', warranty: { outcome: w.outcome, endsOn: w.coverage?.endsOn ?? null, blockedUntil: w.blockedUntil, rule: w.rule } };
            }),
        })),
    })),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ at: `${last.ordered_on}T00:00:00.000Z`, id: last.id }) : null,
  };
}
