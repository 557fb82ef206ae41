export { createTicket } from './ticket-create.service.ts';
export { mergeTicket } from './ticket-merge.service.ts';
export { restoreTicket, snapshotTicket, type TicketSnapshot } from './ticket-restore.service.ts';
export { getTicket, listTickets, lockVisibleTicket, lookupTicketByNumber, resolveTicketNumber, updateTicket } from './ticket.service.ts';
export { addEntry, listEntries, listHistory } from './entry.service.ts';
export { searchTickets } from './ticket-search.service.ts';
export { ticketVisibleTo } from './ticket-visibility.ts';
export { ticketRoutes } from './ticket.routes.ts';
export * from './ticket-status.ts';
export { CreateTicketBody } from './ticket.schemas.ts';
export type { TicketEvents } from './ticket-events.ts';
export { SlaBadge, type SlaBadgeType, TIMER_KINDS, type TicketChange, type TicketListener, useTicketListener, ticketsChanged } from './ticket-listeners.ts';
export { getVisibleTicket, ticketAttachmentAccess } from './ticket-visibility.ts';
export {
  acceptsCustomerMessage,
  addSerialNumbers,
  appendCustomerMessage,
  changePriority,
  linkEntryToOutbound,
  messageSent,
  openTicketFromMessage,
  openTicketFromWebForm,
  recordTicketEvent,
  setPlannedResolution,
  setQueueDueTimes,
  transitionStatus,
} from './ticket-operations.ts';
export { searchConfigFor } from './search-config.ts';
export { ensureCustomers, ensureCustomersFrom, findOrCreateCustomerByAddress } from './requester.ts';
