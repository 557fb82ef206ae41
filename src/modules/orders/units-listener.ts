import type { TicketListener } from '../tickets/index.ts';
import { addSerialNumbers } from '../tickets/index.ts';
import { findSerials } from './serial-finder.ts';

/**
 * Links the units a ticket names without being asked (issue 11, item 7): on every ticket change,
 * in the changing transaction, the brand's model patterns read the subject, the description and the
 * customer's messages of that instant; serials they find join the ticket's serials (the units panel
 * then shows each, known or not). Wired at the composition root, like service levels.
 */
export const unitsTicketListener: TicketListener = {
  name: 'units',
  async ticketsChanged(trx, ticketIds, at) {
    const tickets = await trx.selectFrom('ticket').select(['id', 'brand_id', 'subject', 'description']).where('id', 'in', ticketIds).execute();
    if (!tickets.length) return;
    const brands = [...new Set(tickets.map((t) => t.brand_id))];
    const models = await trx.selectFrom('product_model').select(['brand_id', 'serial_patterns']).where('brand_id', 'in', brands).execute();
    // A brand without a catalog pays one query more per change, not three.
    if (!models.some((m) => m.serial_patterns.length)) return;
    const messages = await trx
      .selectFrom('ticket_entry')
      .select(['ticket_id', 'body'])
      .where('ticket_id', 'in', ticketIds)
      .where('kind', '=', 'customer_message')
      .where('created_at', '=', at)
      .execute();
    for (const t of tickets) {
      const patterns = models.filter((m) => m.brand_id === t.brand_id).flatMap((m) => m.serial_patterns);
      if (!patterns.length) continue;
      const text = [t.subject, t.description, ...messages.filter((m) => m.ticket_id === t.id).map((m) => m.body)].join('\n');
      await addSerialNumbers(trx, t.id, findSerials(text, patterns));
    }
  },
};
