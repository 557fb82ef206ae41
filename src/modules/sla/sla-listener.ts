import type { TicketListener } from '../tickets/index.ts';
import { refreshTicketSla } from './sla-refresh.ts';
import { slaBadges } from './sla.service.ts';

/**
 * How service levels follow the desk: wired at the composition root, it recomputes the timers of
 * every changed ticket in the changing transaction and gives the queue its badges.
 */
export const slaTicketListener: TicketListener = {
  name: 'sla',
  ticketsChanged: (trx, ticketIds, at) => refreshTicketSla(trx, ticketIds, at),
  queueBadges: (db, ticketIds, now) => slaBadges(db, ticketIds, now),
};
