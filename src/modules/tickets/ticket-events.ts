import type { Db } from '../../platform/db/database.ts';

/**
 * What other modules do when tickets change, called explicitly inside the transaction of the
 * change (so their jobs commit with it). The e-mail module implements it; the composition root
 * wires it. Tickets do not import e-mail.
 */
export interface TicketEvents {
  /** A ticket was opened on any channel: acknowledge it to the requester. */
  ticketCreated(trx: Db, ticketId: string): Promise<void>;
  /** An agent replied: send the reply to the requester. */
  agentReplied(trx: Db, ticketId: string, entryId: string): Promise<void>;
}

export const NO_TICKET_EVENTS: TicketEvents = {
  ticketCreated: async () => {},
  agentReplied: async () => {},
};
