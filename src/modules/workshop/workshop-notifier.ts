import type { Db } from '../../platform/db/database.ts';

/** What the customer is told of their repair, in their language (issue 13, items 2, 3, 5, 7, 9). */
export interface WorkshopChange {
  ticketId: string;
  what: 'remedy' | 'quote' | 'offer' | 'quote_accepted' | 'quote_refused' | 'replacement_shipped' | 'repaired';
  serial: string;
  /** The remedy decided and its rule (worded by the mail), for `remedy`. */
  remedy?: { remedy: string; rule: string; article: string | null; replacementCondition: string | null };
  /** A quote or an offer: its number, total, validity, and the signed links that answer it. */
  quote?: { number: string; totalCents: number; currency: string; validUntil: string; refusalFeeCents: number | null; acceptUrl: string; refuseUrl: string };
  /** The diagnostic fee invoiced after a refusal. */
  fee?: { number: string; totalCents: number; currency: string };
  at: Date;
}

/**
 * What the workshop asks of whoever tells customers, called inside the transaction of the change
 * so the mail commits with it. The e-mail module implements it; the composition root wires it.
 */
export interface WorkshopNotifier {
  changed(trx: Db, change: WorkshopChange): Promise<void>;
}

export const NO_WORKSHOP_NOTIFIER: WorkshopNotifier = { changed: async () => {} };
