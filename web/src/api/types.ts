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

export const INBOUND_REASONS = ['unparseable', 'too_large', 'processing_failed', 'no_mailbox', 'no_sender'] as const;
export type InboundReason = (typeof INBOUND_REASONS)[number];

export interface InboundMessage {
  id: string;
  receivedAt: string;
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
