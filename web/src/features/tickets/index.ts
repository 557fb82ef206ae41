/** What other parts of the web app use of the tickets feature: enter it here, never through its files (STYLE.md). */
export type { ComposerKind } from './Composer';
export { EMPTY_REQUESTER, RequesterFields, validateRequester } from './RequesterFields';
export type { RequesterDraft } from './RequesterFields';
export { SerialBadges, TicketDetails } from './TicketDetails';
export { TicketFields } from './TicketFields';
export { TicketFormFooter } from './TicketFormFooter';
export { TicketMailsPanel } from './TicketMailsPanel';
export { MergedBanner, TicketHeader, TicketPageState, TicketThread, useTicketPage } from './TicketPageParts';
export { TicketTable } from './TicketTable';
export type { TicketColumn, TicketSelection } from './TicketTable';
export { CHANNEL_ICON, ChannelLabel, DateTime, PRIORITY_COLOR, PriorityBadge, STATUS_COLOR, StatusBadge } from './badges';
export { creationMailNotice, isPending } from './ticket-mails';
export { lookupTicket, uploadAttachment, useHistory, useMergeTicket, useTicketList, useTicketSearch, useUpdateTicket } from './tickets.api';
export type { QueueFilters } from './tickets.api';
export { useTicketForm } from './useTicketForm';
