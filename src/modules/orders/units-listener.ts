import { sql } from 'kysely';
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
    // One statement: each ticket with its brand's patterns and the customer's messages of this instant.
    const tickets = await trx
      .selectFrom('ticket as t')
      .select([
        't.id',
        't.subject',
        't.description',
        sql<string[]>`array(select p from product_model m, unnest(m.serial_patterns) p where m.brand_id = t.brand_id)`.as('patterns'),
        sql<string[]>`array(select e.body from ticket_entry e where e.ticket_id = t.id and e.kind = 'customer_message' and e.created_at = ${at}::timestamptz)`.as('messages'),
      ])
      .where('t.id', 'in', ticketIds)
      .execute();
    for (const t of tickets) {
      if (!t.patterns.length) continue;
      const text = [t.subject, t.description, ...t.messages].join('\n');
      await addSerialNumbers(trx, t.id, findSerials(text, t.patterns));
    }
  },
};
