/** Shapes of the /api/v1 requests and responses the web app uses, generated from the server. */
import type { paths } from './schema';
import type { INBOUND_REASONS, Role } from '../../../src/shared/vocabulary';

// The words server and web share, written once (src/shared/vocabulary.ts).
export {
  DELIVERY_STATUSES,
  ENTRY_KINDS,
  HOLIDAY_TYPES,
  INBOUND_REASONS,
  LOCALES,
  PAUSABLE_STATUSES,
  QUEUE_COLUMNS,
  REPAIR_STATES,
  RMA_EVENTS,
  RMA_GUARDS,
  RMA_STATES,
  ROLES,
  SCHEDULE_CHANGE_REASONS,
  SKIP_REASONS,
  SLA_BADGE_STATES,
  STAFF_ROLES,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_SORTS,
  TICKET_STATUSES,
  TIMER_KINDS,
  TIMER_STATES,
  VISIT_OUTCOMES,
  VISIT_RULES,
  VISIT_STATES,
  WEEKDAYS,
} from '../../../src/shared/vocabulary';
export type { EntryKind, Locale, QueueColumn, Role, TicketChannel, TicketPriority, TicketSort, TicketStatus } from '../../../src/shared/vocabulary';
import { STAFF_ROLES } from '../../../src/shared/vocabulary';

/** Channels an agent may log on behalf of a customer. */
export const STAFF_CHANNELS = ['phone', 'fax', 'postal', 'onsite', 'email'] as const;

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

// --- Shapes generated from the server's OpenAPI document (schema.d.ts, `npm run api:types`) ---
// Never written by hand: a server change the web does not follow fails the web's type check.

type Op<P extends keyof paths, M extends keyof paths[P]> = paths[P][M];
type JsonContent<R> = R extends { content: { 'application/json': infer J } } ? J : never;
/** The JSON a route answers with the given status. */
export type ResponseOf<P extends keyof paths, M extends keyof paths[P], S extends number = 200> =
  Op<P, M> extends { responses: infer Rs } ? (S extends keyof Rs ? JsonContent<Rs[S]> : never) : never;
/** The JSON body a route takes. */
export type BodyOf<P extends keyof paths, M extends keyof paths[P]> = Op<P, M> extends { requestBody?: infer B } ? JsonContent<NonNullable<B>> : never;

export type Session = ResponseOf<'/api/v1/auth/me', 'get'>;
export type User = Session['user'];

export type Brand = ResponseOf<'/api/v1/brands', 'get'>['items'][number];
export type IntakeForm = Brand['intakeForm'];

export type TicketPage = ResponseOf<'/api/v1/tickets', 'get'>;
export type TicketSummary = TicketPage['items'][number];
export type Ticket = ResponseOf<'/api/v1/tickets/{id}', 'get'>;
export type PersonRef = NonNullable<Ticket['assignee']>;
export type SearchHit = ResponseOf<'/api/v1/search', 'get'>['items'][number];
export type Entry = ResponseOf<'/api/v1/tickets/{id}/entries', 'get'>['items'][number];
/** A file on a ticket or entry (an e-mail's parts carry their Content-ID). */
export type Attachment = Entry['attachments'][number];
/** The e-mail that carried an agent reply to the customer. */
export type Delivery = NonNullable<Entry['delivery']>;
export type DeliveryStatus = Delivery['status'];
export type HistoryItem = ResponseOf<'/api/v1/tickets/{id}/history', 'get'>['items'][number];
export type Group = ResponseOf<'/api/v1/groups', 'get'>['items'][number];
export type StaffUser = ResponseOf<'/api/v1/users', 'get'>['items'][number];
export type CreateTicketBody = BodyOf<'/api/v1/tickets', 'post'>;
export type UpdateTicketBody = BodyOf<'/api/v1/tickets/{id}', 'patch'>;

export interface Items<T> {
  items: T[];
}

// --- Administration of the e-mail channel (admins only) ---

export type InboundPage = ResponseOf<'/api/v1/admin/inbound', 'get'>;
export type InboundMessage = InboundPage['items'][number];
/** A reason this app knows (a newer server may send others, shown as sent). */
export type InboundReason = (typeof INBOUND_REASONS)[number];
export type Mailbox = ResponseOf<'/api/v1/admin/mailboxes', 'get'>['items'][number];
export type ImapSettings = NonNullable<Mailbox['imap']>;
export type SmtpSettings = NonNullable<Mailbox['smtp']>;
export type MailboxInput = BodyOf<'/api/v1/admin/mailboxes', 'post'>;
export type OutboxMail = ResponseOf<'/api/v1/admin/outbox', 'get'>['items'][number];
/** A mail recorded on a ticket (automatic ones too) with its delivery state (staff only). */
export type TicketMail = ResponseOf<'/api/v1/tickets/{id}/mails', 'get'>['items'][number];
export type MailKind = TicketMail['kind'];
export type ImapSettingsInput = NonNullable<MailboxInput['imap']>;
export type SmtpSettingsInput = NonNullable<MailboxInput['smtp']>;
export type ConnectionTestResult = ResponseOf<'/api/v1/admin/mailboxes/{id}/test', 'post'>;
export type MailSettings = ResponseOf<'/api/v1/admin/mail-settings', 'get'>;

export function isStaff(role: Role | undefined): boolean {
  return role !== undefined && (STAFF_ROLES as readonly Role[]).includes(role);
}

/** Resellers and distributors open cases for their own customers (SPEC §1). */
export function isPartner(role: Role | undefined): boolean {
  return role === 'reseller' || role === 'distributor';
}

// --- Service levels (src/modules/sla) ---

export type TicketSla = ResponseOf<'/api/v1/tickets/{id}/sla', 'get'>;
export type SlaTimer = TicketSla['timers'][number];
export type TimerKind = SlaTimer['kind'];
export type TimerState = SlaTimer['state'];
export type TimerExplanation = SlaTimer['explanation'];
/** Closed local days, first to last (YYYY-MM-DD in the calendar's zone), grouped by reason and name. */
export type SkippedRange = TimerExplanation['skipped'][number];
export type SkipReason = SkippedRange['reason'];
export type ScheduleChange = TicketSla['scheduleChanges'][number];
export type ScheduleChangeBody = BodyOf<'/api/v1/tickets/{id}/schedule-changes', 'post'>;
export type ScheduleChangeReason = ScheduleChangeBody['reason'];
/** The queue's one-line view of a ticket's nearest timer. */
export type SlaBadgeInfo = NonNullable<TicketSummary['sla']>;
export type SlaBadgeState = SlaBadgeInfo['state'];

export type BusinessCalendar = ResponseOf<'/api/v1/admin/calendars/{id}', 'get'>;
export type CalendarDefinition = BusinessCalendar['definition'];
export type Weekday = keyof CalendarDefinition['week'];
/** Local wall time 'HH:MM'; an end may be '24:00' (open until midnight). */
export type OpeningInterval = CalendarDefinition['week'][Weekday][number];
export type HolidayType = NonNullable<NonNullable<CalendarDefinition['holidays']>['types']>[number];
export type CalendarInput = BodyOf<'/api/v1/admin/calendars', 'post'>;
export type CalendarHolidays = ResponseOf<'/api/v1/admin/calendars/{id}/holidays', 'get'>;
export type HolidayRow = CalendarHolidays['items'][number];
export type DuePreview = ResponseOf<'/api/v1/admin/calendars/{id}/preview', 'get'>;
export type SlaPolicyInput = BodyOf<'/api/v1/admin/sla-policies', 'post'>;
export type SlaPolicy = ResponseOf<'/api/v1/admin/sla-policies', 'get'>['items'][number];
export type PausableStatus = SlaPolicy['pauseStatuses'][number];
