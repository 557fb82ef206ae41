import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';

import { SLA_BADGE_STATES, TIMER_KINDS } from '../../shared/vocabulary.ts';

export { TIMER_KINDS };

/** The nearest due time of a ticket, as the desk's queue shows it. */
export const SlaBadge = z.object({
  kind: z.enum(TIMER_KINDS),
  dueAt: z.string(),
  state: z.enum(SLA_BADGE_STATES),
  workingMinutesLeft: z.number(),
});
export type SlaBadgeType = z.infer<typeof SlaBadge>;

/**
 * Who follows ticket changes without the tickets module knowing them (STYLE.md: tickets tells
 * listeners; it never calls sla, returns or the workshop). Listeners are wired once, at the
 * composition root (`src/app/services.ts`), and run inside the changing transaction: a ticket and
 * what follows from it (its due times) are written together or not at all.
 */
export interface TicketListener {
  /** One listener per name: wiring twice replaces, never doubles. */
  readonly name: string;
  /**
   * These tickets changed in a way that can move what the listener keeps: opened, a message
   * appended, a status or priority changed, merged, the first answer sent. `change` is 'opened'
   * when they were just created and hold nothing but their opening (no entry, quote or
   * assignment yet), so a listener can skip what only later changes need.
   */
  ticketsChanged(trx: Db, ticketIds: string[], at: Date, change: TicketChange): Promise<void>;
  /** Badges for the desk's queue, by ticket id (only the listener that keeps due times answers). */
  queueBadges?(db: Db, ticketIds: string[], now: Date): Promise<Map<string, SlaBadgeType>>;
}

export type TicketChange = 'opened' | 'changed';

const listeners = new Map<string, TicketListener>();

export function useTicketListener(listener: TicketListener): void {
  listeners.set(listener.name, listener);
}

/** Tells every listener, in the caller's transaction. Every ticket write ends here. */
export async function ticketsChanged(trx: Db, ticketIds: string | string[], at: Date, change: TicketChange = 'changed'): Promise<void> {
  const ids = Array.isArray(ticketIds) ? ticketIds : [ticketIds];
  if (ids.length === 0) return;
  for (const l of listeners.values()) await l.ticketsChanged(trx, ids, at, change);
}

export async function queueBadges(db: Db, ticketIds: string[], now: Date): Promise<Map<string, SlaBadgeType>> {
  const out = new Map<string, SlaBadgeType>();
  if (ticketIds.length === 0) return out;
  for (const l of listeners.values()) {
    if (!l.queueBadges) continue;
    for (const [id, badge] of await l.queueBadges(db, ticketIds, now)) if (!out.has(id)) out.set(id, badge);
  }
  return out;
}
