import type { Db } from '../../platform/db/database.ts';

/** A change of a return that concerns the customer, told in their language (issue 12, item 5). */
export interface ReturnChange {
  ticketId: string;
  /** The state reached, or `parcel_refused` for a parcel refused at the counter. */
  what: 'authorised' | 'refused' | 'on_hold' | 'received' | 'shipped_back' | 'cancelled' | 'parcel_refused';
  reason?: string;
  /** What did not come with each unit (on hold), with the model's names for it. */
  missing?: { serial: string; accessories: { key: string; name: Record<string, string> }[] }[];
  outbound?: { carrier: string; trackingNumber: string | null };
  at: Date;
}

/**
 * What the returns module asks of whoever tells customers, called inside the transaction of the
 * change so the mail commits with it. The e-mail module implements it; the composition root wires
 * it. Returns do not import e-mail.
 */
export interface ReturnNotifier {
  changed(trx: Db, change: ReturnChange): Promise<void>;
}

export const NO_RETURN_NOTIFIER: ReturnNotifier = { changed: async () => {} };

/** The changes a customer is told of; the channel's own steps (endorse, approve) are the desk's business. */
export const TOLD: readonly string[] = ['authorised', 'refused', 'on_hold', 'received', 'shipped_back', 'cancelled', 'parcel_refused'];
