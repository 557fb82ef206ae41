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

export interface Entry {
  id: string;
  kind: EntryKind;
  body: string;
  author: { id: string; name: string; role: string } | null;
  createdAt: string;
  attachments: Attachment[];
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

export function isStaff(role: Role | undefined): boolean {
  return role !== undefined && STAFF_ROLES.includes(role);
}

/** Resellers and distributors open cases for their own customers (SPEC §1). */
export function isPartner(role: Role | undefined): boolean {
  return role === 'reseller' || role === 'distributor';
}
