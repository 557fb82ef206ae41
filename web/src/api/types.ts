/** Shapes of the /api/v1 responses the web app uses (docs/API-CONTRACT.md). */

export const LOCALES = ['fr', 'en', 'ro', 'ru', 'sv'] as const;
export type Locale = (typeof LOCALES)[number];

export const ROLES = ['customer', 'reseller', 'distributor', 'agent', 'technician', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES: readonly Role[] = ['agent', 'technician', 'admin'];

export const TICKET_STATUSES = [
  'new',
  'accepted',
  'in_progress',
  'waiting_customer',
  'waiting_parts',
  'waiting_third_party',
  'resolved',
  'closed',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export const TICKET_CHANNELS = ['email', 'portal', 'web_form', 'phone', 'fax', 'postal', 'onsite'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];
/** Channels an agent may log on behalf of a customer. */
export const STAFF_CHANNELS = ['phone', 'fax', 'postal', 'onsite', 'email'] as const satisfies readonly TicketChannel[];

export const ENTRY_KINDS = ['customer_message', 'agent_reply', 'internal_note', 'phone_note', 'system'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  organisationId: string | null;
  brandIds: string[];
}

export interface Session {
  user: User;
  csrfToken: string;
}

export type Localised = Record<string, string>;

export type IntakeFieldType = 'text' | 'textarea' | 'number' | 'select' | 'date' | 'email' | 'phone' | 'serials';

export interface IntakeField {
  key: string;
  type: IntakeFieldType;
  required: boolean;
  label: Localised;
  help?: Localised;
  options?: { value: string; label: Localised }[];
  maxLength?: number;
}

export interface IntakeForm {
  serialsRequired?: boolean;
  fields: IntakeField[];
}

export interface Brand {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  defaultLocale: string;
  locales: string[];
  phone: string | null;
  supportEmail: string | null;
  ticketNumberExample: string;
  intakeForm: IntakeForm;
}

export interface PersonRef {
  id: string;
  name: string;
}

export interface TicketSummary {
  id: string;
  number: string;
  brandId: string;
  brandName: string;
  /** The brand's time zone; the contract guarantees it on Ticket, the server also sends it on summaries. */
  timeZone?: string;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  channel: TicketChannel;
  requester: { id: string; name: string; email: string };
  assignee: PersonRef | null;
  group: PersonRef | null;
  createdAt: string;
  updatedAt: string;
  /** The nearest running service-level timer (agent queue only); null: no policy or nothing running. */
  sla?: SlaBadgeInfo | null;
}

export interface Attachment {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  /** Content-ID of an e-mail part: the HTML body refers to it as `cid:<contentId>`. */
  contentId?: string | null;
  /** An inline part of an e-mail (typically an image shown in the HTML body). */
  inline?: boolean;
}

export interface Ticket extends TicketSummary {
  description: string;
  serialNumbers: string[];
  customFields: Record<string, unknown>;
  organisation: PersonRef | null;
  mergedInto: { id: string; number: string } | null;
  allowedTransitions: TicketStatus[];
  timeZone: string;
  acceptedAt?: string | null;
  /** When the "is your problem solved?" e-mail went out, and when the customer answered yes. */
  confirmationRequestedAt?: string | null;
  confirmedAt?: string | null;
  resolvedAt?: string | null;
  closedAt?: string | null;
  attachments?: Attachment[];
}

export interface TicketPage {
  items: TicketSummary[];
  nextCursor: string | null;
}

export interface SearchHit extends TicketSummary {
  rank: number;
  headline: string;
}

export const DELIVERY_STATUSES = ['queued', 'sent', 'failed', 'held', 'suppressed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The e-mail that carried an agent reply to the customer. */
export interface Delivery {
  status: DeliveryStatus;
  error: string | null;
  sentAt: string | null;
  to: string;
}

export interface Entry {
  id: string;
  kind: EntryKind;
  body: string;
  author: { id: string; name: string; role: string } | null;
  createdAt: string;
  attachments: Attachment[];
  /** The e-mail channel fields; absent on servers before the e-mail channel. */
  channel?: 'email' | null;
  fromAddress?: string | null;
  /** Sanitised by the server (no scripts, images only from cid: and data:). */
  htmlBody?: string | null;
  /** An auto-reply or a delivery report rather than a message written by someone. */
  autoSubmitted?: boolean;
  delivery?: Delivery | null;
}

export interface HistoryItem {
  id: number | string;
  actor: PersonRef | null;
  at: string;
  field: string;
  before: unknown;
  after: unknown;
}

export interface Group {
  id: string;
  brandId: string;
  name: string;
}

export interface StaffUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

export interface Items<T> {
  items: T[];
}

export interface CreateTicketBody {
  brandId: string;
  subject: string;
  description: string;
  serialNumbers?: string[];
  customFields?: Record<string, unknown>;
  priority?: TicketPriority;
  channel?: TicketChannel;
  requesterId?: string;
  requesterEmail?: string;
  requesterName?: string;
  /** Language of a customer created by this request (server schema; not yet in the contract). */
  requesterLocale?: Locale;
  attachmentIds?: string[];
}

export interface UpdateTicketBody {
  status?: TicketStatus;
  priority?: TicketPriority;
  groupId?: string | null;
  assigneeId?: string | null;
  subject?: string;
}

// --- Administration of the e-mail channel (admins only) ---

export const INBOUND_REASONS = ['unparseable', 'too_large', 'processing_failed', 'no_mailbox', 'no_sender', 'duplicate'] as const;
export type InboundReason = (typeof INBOUND_REASONS)[number];

export interface InboundMessage {
  id: string;
  receivedAt: string;
  /** How often the same message was delivered again (kept once, counted here). */
  redeliveries: number;
  lastRedeliveredAt: string | null;
  source: 'smtp' | 'imap' | 'api';
  envelopeFrom: string | null;
  envelopeTo: string[];
  messageId: string | null;
  subject: string | null;
  from: string | null;
  sizeBytes: number;
  status: string;
  /** One of INBOUND_REASONS, or a code a newer server added. */
  reason: string | null;
  detail: string | null;
  brandName: string | null;
}

export interface InboundPage {
  items: InboundMessage[];
  nextCursor: string | null;
}

export interface ImapSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  folder: string | null;
  hasPassword: boolean;
}

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  hasPassword: boolean;
}

export interface Mailbox {
  id: string;
  brandId: string;
  brandName: string;
  address: string;
  displayName: string | null;
  enabled: boolean;
  imap: ImapSettings | null;
  smtp: SmtpSettings | null;
  lastCheckedAt: string | null;
  lastError: string | null;
}

export interface ImapSettingsInput {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  /** Omitted: the stored password is kept. */
  password?: string;
  folder?: string;
}

export interface SmtpSettingsInput {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
}

export interface MailboxInput {
  brandId: string;
  address: string;
  displayName?: string | null;
  enabled: boolean;
  imap?: ImapSettingsInput | null;
  smtp?: SmtpSettingsInput | null;
}

export interface ConnectionTestResult {
  ok: boolean;
  error: string | null;
  detail: string | null;
}

export interface MailSettings {
  smtpReceiver: { enabled: boolean; port: number };
}

export function isStaff(role: Role | undefined): boolean {
  return role !== undefined && STAFF_ROLES.includes(role);
}

/** Resellers and distributors open cases for their own customers (SPEC §1). */
export function isPartner(role: Role | undefined): boolean {
  return role === 'reseller' || role === 'distributor';
}

// --- Service levels (docs/API-CONTRACT.md; src/modules/sla) ---

export const TIMER_KINDS = ['first_response', 'next_update', 'resolution', 'callback'] as const;
export type TimerKind = (typeof TIMER_KINDS)[number];

export const TIMER_STATES = ['pending', 'running', 'paused', 'met', 'breached'] as const;
export type TimerState = (typeof TIMER_STATES)[number];

/** Seed 003's reasons for a new planned resolution date; the customer is told in their language. */
export const SCHEDULE_CHANGE_REASONS = ['cannot_reproduce', 'information_missing', 'deeper_diagnosis', 'poorly_described'] as const;
export type ScheduleChangeReason = (typeof SCHEDULE_CHANGE_REASONS)[number];

export const SKIP_REASONS = ['weekend', 'holiday', 'closure', 'closed'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** Closed local days, first to last (YYYY-MM-DD in the calendar's zone), grouped by reason and name. */
export interface SkippedRange {
  from: string;
  to: string;
  /** One of SKIP_REASONS, or a reason a newer server added. */
  reason: string;
  /** The holiday's name (library holidays: in the country's language) or the closure's reason. */
  name?: string;
  /** A weekend cut short by the start or end of the counted time (only some of its days skipped). */
  partial?: true;
}

export interface TimerExplanation {
  policyName: string;
  calendarName: string;
  timeZone: string;
  clockStart: 'created' | 'accepted';
  targetMinutes: number;
  startedAt: string | null;
  skipped: SkippedRange[];
  pauses: { from: string; to: string | null; status: string }[];
  rescheduled: { reason: string; previousDueAt: string | null } | null;
}

export interface SlaTimer {
  kind: TimerKind;
  state: TimerState;
  /** Running and within the policy's warning window. */
  warning: boolean;
  targetMinutes: number;
  startedAt: string | null;
  /** Null while paused or pending, and for a timer met before its due time. */
  dueAt: string | null;
  stoppedAt: string | null;
  /** Working minutes until the due time (negative once breached); null when not running. */
  workingMinutesLeft: number | null;
  explanation: TimerExplanation;
}

export interface ScheduleChange {
  id: string;
  reason: ScheduleChangeReason;
  previousDueAt: string | null;
  plannedResolutionAt: string;
  /** The desk's internal note: always null for customers. */
  note: string | null;
  createdAt: string;
  createdBy: PersonRef | null;
  /** The e-mail that told the customer (its delivery status), when one was sent. */
  notification: { status: string; to: string } | null;
}

export interface TicketSla {
  policy: PersonRef | null;
  plannedResolutionAt: string | null;
  timers: SlaTimer[];
  scheduleChanges: ScheduleChange[];
}

export interface ScheduleChangeBody {
  reason: ScheduleChangeReason;
  /** ISO instant with its offset. */
  plannedResolutionAt: string;
  note?: string;
}

export const SLA_BADGE_STATES = ['ok', 'warning', 'breached', 'paused'] as const;
export type SlaBadgeState = (typeof SLA_BADGE_STATES)[number];

/** The queue's one-line view of a ticket's nearest timer. */
export interface SlaBadgeInfo {
  kind: TimerKind;
  dueAt: string;
  state: SlaBadgeState;
  workingMinutesLeft: number;
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const HOLIDAY_TYPES = ['public', 'bank', 'school', 'optional', 'observance'] as const;
export type HolidayType = (typeof HOLIDAY_TYPES)[number];

/** Local wall time 'HH:MM'; an end may be '24:00' (open until midnight). */
export interface OpeningInterval {
  start: string;
  end: string;
}

export interface CalendarDefinition {
  timeZone: string;
  week: Record<Weekday, OpeningInterval[]>;
  holidays: { country: string; region?: string; types?: HolidayType[] } | null;
  holidayAdditions: { date: string; name: string }[];
  holidayRemovals: { date: string; note?: string }[];
  /** One-off closures: ISO instants with their offset. */
  closures: { start: string; end: string; reason: string }[];
}

export interface BusinessCalendar {
  id: string;
  brandId: string;
  brandName: string;
  name: string;
  version: number;
  definition: CalendarDefinition;
  updatedAt: string;
}

export interface CalendarInput {
  brandId: string;
  name: string;
  definition: CalendarDefinition;
}

export interface HolidayRow {
  date: string;
  name: string;
  source: 'library' | 'added';
  /** A library holiday the brand works on. */
  removed: boolean;
}

export interface CalendarHolidays {
  year: number;
  timeZone: string;
  items: HolidayRow[];
}

export interface DuePreview {
  from: string;
  minutes: number;
  dueAt: string;
  timeZone: string;
  skipped: SkippedRange[];
}

/** Statuses a policy may pause its clock in (resolved and closed always stop it). */
export const PAUSABLE_STATUSES = ['new', 'accepted', 'in_progress', 'waiting_customer', 'waiting_parts', 'waiting_third_party'] as const;
export type PausableStatus = (typeof PAUSABLE_STATUSES)[number];

export interface SlaPolicyInput {
  brandId: string;
  name: string;
  calendarId: string;
  /** Null: any contract level. */
  contractLevel: string | null;
  /** Null: any priority. */
  priority: TicketPriority | null;
  firstResponseMinutes: number | null;
  nextUpdateMinutes: number | null;
  resolutionMinutes: number | null;
  callbackMinutes: number | null;
  clockStart: 'created' | 'accepted';
  pauseStatuses: PausableStatus[];
  warningMinutes: number;
  raisePriorityOnBreach: boolean;
  active: boolean;
}

export interface SlaPolicy extends SlaPolicyInput {
  id: string;
  calendarName: string;
  version: number;
  updatedAt: string;
}
