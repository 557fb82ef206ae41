import type { TicketStatus } from '../../shared/vocabulary.ts';

export { TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES, type TicketChannel, type TicketPriority, type TicketStatus } from '../../shared/vocabulary.ts';

/**
 * SPEC §3: new → accepted (acknowledged) → in progress ↔ waiting for customer / parts / third
 * party → resolved → closed; a resolved or closed ticket is reopened (back to in progress).
 * Work may start straight from `new` (acceptance is then implied).
 */
const TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['accepted', 'in_progress', 'waiting_customer', 'resolved', 'closed'],
  accepted: ['in_progress', 'waiting_customer', 'waiting_parts', 'waiting_third_party', 'resolved', 'closed'],
  in_progress: ['waiting_customer', 'waiting_parts', 'waiting_third_party', 'resolved'],
  waiting_customer: ['in_progress', 'resolved'],
  waiting_parts: ['in_progress', 'resolved'],
  waiting_third_party: ['in_progress', 'resolved'],
  resolved: ['closed', 'in_progress'],
  closed: ['in_progress'],
};

export function allowedTransitions(from: TicketStatus): readonly TicketStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export const WAITING_STATUSES: readonly TicketStatus[] = ['waiting_customer', 'waiting_parts', 'waiting_third_party'];
