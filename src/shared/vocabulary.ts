/**
 * The words server and web share, written once (issue 10): the API's enums are built from these,
 * and the web imports the same lists for its menus, filters and translations. No imports, no
 * rules — a module's rules (which status may follow which) stay in the module.
 */

/** The five languages of every user-facing string (SPEC: FR, EN, RO, RU, SV). */
export const LOCALES = ['fr', 'en', 'ro', 'ru', 'sv'] as const;
export type Locale = (typeof LOCALES)[number];

export const ROLES = ['customer', 'reseller', 'distributor', 'agent', 'technician', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES = ['agent', 'technician', 'admin'] as const satisfies readonly Role[];
export const PORTAL_ROLES = ['customer', 'reseller', 'distributor'] as const satisfies readonly Role[];

export const TICKET_STATUSES = ['new', 'accepted', 'in_progress', 'waiting_customer', 'waiting_parts', 'waiting_third_party', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export const TICKET_CHANNELS = ['email', 'portal', 'web_form', 'phone', 'fax', 'postal', 'onsite'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

/** The desk queue's columns and orders a saved view keeps (issue 14, item 3). */
export const QUEUE_COLUMNS = ['number', 'subject', 'requester', 'brand', 'status', 'priority', 'sla', 'assignee', 'created', 'updated'] as const;
export type QueueColumn = (typeof QUEUE_COLUMNS)[number];
export const TICKET_SORTS = ['due', 'newest', 'oldest'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];
export const ENTRY_KINDS = ['customer_message', 'agent_reply', 'internal_note', 'phone_note', 'system'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** Days of the week in the order people read them (ISO: Monday first) — never Sunday-first. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** The same days by JavaScript's `getDay()` index (0 = Sunday), for date arithmetic only. */
export const WEEKDAYS_BY_JS_DAY = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const satisfies readonly Weekday[];

export const HOLIDAY_TYPES = ['public', 'bank', 'school', 'optional', 'observance'] as const;
export type HolidayType = (typeof HOLIDAY_TYPES)[number];

/** Service-level timers, their states, the queue badge's states and why a day did not count. */
export const TIMER_KINDS = ['first_response', 'next_update', 'resolution', 'callback'] as const;
export type TimerKind = (typeof TIMER_KINDS)[number];
export const TIMER_STATES = ['pending', 'running', 'paused', 'met', 'breached'] as const;
export const SLA_BADGE_STATES = ['ok', 'warning', 'breached', 'paused'] as const;
export const SKIP_REASONS = ['weekend', 'holiday', 'closure', 'closed'] as const;
/** Seed 003's reasons for a new planned resolution date; the customer is told in their language. */
export const SCHEDULE_CHANGE_REASONS = ['cannot_reproduce', 'information_missing', 'deeper_diagnosis', 'poorly_described', 'repair_estimate', 'waiting_for_parts'] as const;
/** Statuses a policy may pause its clock in (resolved and closed always stop it). */
export const PAUSABLE_STATUSES = ['new', 'accepted', 'in_progress', 'waiting_customer', 'waiting_parts', 'waiting_third_party'] as const satisfies readonly TicketStatus[];

/** What became of an outgoing mail, and why an inbound one was set aside. */
export const DELIVERY_STATUSES = ['queued', 'sent', 'failed', 'held', 'suppressed', 'outbox'] as const;
export const INBOUND_REASONS = ['unparseable', 'too_large', 'processing_failed', 'no_mailbox', 'no_sender', 'duplicate'] as const;

/** A return's states, the events that move it, and the guards that may refuse one (src/modules/returns/rma-machine.ts). */
export const RMA_STATES = ['requested', 'endorsed', 'approved', 'authorised', 'awaiting_parcel', 'received', 'on_hold', 'in_workshop', 'shipped_back', 'closed', 'refused', 'cancelled'] as const;
export const RMA_EVENTS = ['endorse', 'approve', 'authorise', 'refuse', 'arrange_shipment', 'receive', 'complete_accessories', 'start_workshop', 'ship_back', 'close', 'cancel'] as const;
export const RMA_GUARDS = [
  'actor_not_allowed',
  'channel_route_not_used',
  'no_units',
  'channel_approval_missing',
  'warranty_needs_information',
  'direct_service_blocked',
  'proof_of_purchase_missing',
  'charges_not_accepted',
  'reason_missing',
  'inbound_mode_missing',
  'accessories_still_missing',
  'outbound_not_recorded',
] as const;

/** The workshop (issue 13): a repair's states and events, the remedies and their rules. */
export const REPAIR_STATES = ['diagnosing', 'awaiting_customer', 'awaiting_parts', 'repairing', 'testing', 'replacing', 'ready_to_ship', 'returning_unrepaired', 'done'] as const;
export const REPAIR_EVENTS = ['start_repair', 'wait_parts', 'start_replacement', 'propose', 'return_unrepaired', 'parts_arrived', 'repaired', 'test_failed', 'test_passed', 'replacement_shipped', 'shipped'] as const;
export const QUOTE_STATES = ['sent', 'accepted', 'refused', 'expired', 'withdrawn'] as const;

/** On-site visits (src/modules/field): states, the technician's outcomes, and the rules that allow or bill one. */
export const VISIT_STATES = ['scheduled', 'in_progress', 'done', 'cancelled'] as const;
export const VISIT_OUTCOMES = ['resolved', 'needs_workshop', 'needs_parts'] as const;
export const VISIT_RULES = ['direct_service_blocked', 'covered_onsite_contract', 'onsite_not_in_contract', 'out_of_coverage', 'coverage_unknown'] as const;
