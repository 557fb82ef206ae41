import type { Db } from '../../platform/db/database.ts';

/**
 * What other modules do when tickets change, called explicitly inside the transaction of the
 * change (so their jobs commit with it). The e-mail module implements it; the composition root
 * wires it. Tickets do not import e-mail.
 */
export interface TicketEvents {
  /** A ticket was opened on any channel: acknowledge it to the requester. `at` is the instant of the change. */
  ticketCreated(trx: Db, ticketId: string, at: Date): Promise<void>;
  /** An agent replied: send the reply to the requester. */
  agentReplied(trx: Db, ticketId: string, entryId: string, at: Date): Promise<void>;
}

export const NO_TICKET_EVENTS: TicketEvents = {
  ticketCreated: async () => {},
  agentReplied: async () => {},
};
