import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, T | string, T | string>;

export type { Locale, Role } from '../../shared/vocabulary.ts';
import type { Locale, Role } from '../../shared/vocabulary.ts';
export type OrganisationKind = 'customer' | 'reseller' | 'distributor';

export interface BrandTable {
  id: Generated<string>;
  slug: string;
  name: string;
  country: string;
  time_zone: string;
  default_locale: Locale;
  locales: string[];
  support_email: string | null;
  phone: string | null;
  ticket_number_format: string;
  settings: Json<Record<string, unknown>>;
  created_at: Generated<Date>;
}

export interface OrganisationTable {
  id: Generated<string>;
  name: string;
  kind: OrganisationKind;
  parent_id: string | null;
  contract_level: Generated<string>;
  created_at: Generated<Date>;
}

export interface AppUserTable {
  id: Generated<string>;
  email: string;
  name: string;
  role: Role;
  locale: Generated<Locale>;
  phone: string | null;
  organisation_id: string | null;
  password_hash: string | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  email_bounced_at: Date | null;
  email_bounce_reason: string | null;
  /** Migration 0021: when an admin switched the account off. */
  deactivated_at: Date | null;
}

export interface UserBrandTable {
  user_id: string;
  brand_id: string;
}

export interface AgentGroupTable {
  id: Generated<string>;
  brand_id: string;
  name: string;
  lead_id: Generated<string | null>;
}

export interface GroupMemberTable {
  group_id: string;
  user_id: string;
}

export interface TicketTable {
  id: Generated<string>;
  brand_id: string;
  number: string;
  channel: string;
  requester_id: string;
  organisation_id: string | null;
  reseller_id: string | null;
  subject: string;
  description: string;
  custom_fields: Json<Record<string, unknown>>;
  priority: Generated<string>;
  status: Generated<string>;
  group_id: string | null;
  assignee_id: string | null;
  merged_into_id: string | null;
  created_by_id: string | null;
  search_config: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  accepted_at: Date | null;
  resolved_at: Date | null;
  closed_at: Date | null;
  confirmation_requested_at: Date | null;
  confirmed_at: Date | null;
  contract_level: Generated<string>;
  sla_policy_id: Generated<string | null>;
  sla_due_at: Generated<Date | null>;
  planned_resolution_at: Generated<Date | null>;
}

export interface TicketSerialTable {
  ticket_id: string;
  position: number;
  serial: string;
}

/** One search document per ticket, written only by the triggers of migration 0024. */
export interface TicketSearchTable {
  ticket_id: string;
  brand_id: string;
  created_at: Timestamp;
  bucket: number;
  doc_bytes: number;
  doc: ColumnType<string, never, never>;
}

export interface TicketEntryTable {
  id: Generated<string>;
  ticket_id: string;
  kind: string;
  body: string;
  author_id: string | null;
  search_config: string;
  created_at: Timestamp;
  html_body: string | null;
  from_address: string | null;
  inbound_message_id: string | null;
  outbound_message_id: string | null;
  auto_submitted: Generated<boolean>;
}

export interface MailboxTable {
  id: Generated<string>;
  brand_id: string;
  address: string;
  display_name: string | null;
  imap: Json<MailServerSettings> | null;
  smtp: Json<MailServerSettings> | null;
  enabled: Generated<boolean>;
  imap_uidvalidity: number | null;
  imap_last_uid: Generated<number>;
  /** Without an SMTP server, outgoing mail goes to the built-in outbox instead of being held (issue 14). */
  outbox: Generated<boolean>;
  last_checked_at: Date | null;
  last_error: string | null;
  created_at: Generated<Date>;
}

export interface MailServerSettings {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
  folder?: string;
}

export interface PasswordResetTable {
  token_hash: string;
  user_id: string;
  requested_ip: string;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
  /** Migration 0021: an admin's invitation sets the first password through the same link. */
  purpose: Generated<'reset' | 'invitation'>;
}

export interface LoginThrottleTable {
  key: string;
  attempts: number;
  window_start: Date;
  blocked_until: Date | null;
}

export interface InboundMessageTable {
  id: Generated<string>;
  mailbox_id: string | null;
  brand_id: string | null;
  source: 'smtp' | 'imap' | 'api';
  dedupe_key: string;
  message_id: string | null;
  raw_storage_key: string;
  raw_size_bytes: number;
  envelope_from: string | null;
  envelope_to: Generated<string[]>;
  status: Generated<'received' | 'processed' | 'quarantined' | 'discarded'>;
  classification: 'normal' | 'auto_reply' | 'bounce' | 'loop' | 'bulk' | null;
  reason: string | null;
  detail: string | null;
  attempts: Generated<number>;
  ticket_id: string | null;
  entry_id: string | null;
  received_at: Generated<Date>;
  processed_at: Date | null;
  redeliveries: Generated<number>;
  last_redelivered_at: Date | null;
  /** From the header block at acceptance (migration 0008), for the admin's list. */
  subject: string | null;
  from_address: string | null;
  summary_read: Generated<boolean>;
}

export interface OutboundMessageTable {
  id: Generated<string>;
  brand_id: string;
  ticket_id: string | null;
  entry_id: string | null;
  kind: 'reply' | 'acknowledgment' | 'confirmation_request' | 'notification';
  automatic: boolean;
  to_address: string;
  cc: Generated<string[]>;
  subject: string;
  body_text: string;
  body_html: string | null;
  message_id: string;
  in_reply_to: string | null;
  references: Generated<string[]>;
  attachment_ids: Generated<string[]>;
  status: Generated<'queued' | 'sent' | 'failed' | 'held' | 'suppressed' | 'outbox'>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: Generated<Date>;
  sent_at: Date | null;
  /** While a job's run sends it: no other run sends it before this instant (migration 0029)… */
  sending_until: Date | null;
  /** …and only the run holding this token writes the outcome. */
  sending_token: string | null;
  /** How many runs claimed it, across jobs (a limit fails it). */
  sending_runs: Generated<number>;
}

export interface MailMessageRefTable {
  message_id: string;
  ticket_id: string;
  direction: 'in' | 'out';
  created_at: Generated<Date>;
}

export interface AttachmentTable {
  id: Generated<string>;
  ticket_id: string | null;
  entry_id: string | null;
  uploaded_by_id: string | null;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  created_at: Generated<Date>;
  content_id: string | null;
  inline: Generated<boolean>;
}

export interface TicketAuditTable {
  id: Generated<number>;
  ticket_id: string;
  /** The ticket's brand (never changes), so reports read a brand's rows by index (0027). */
  brand_id: string;
  /** The ticket's current group, kept current by a trigger (0027): agents' reports filter on it. */
  group_id: string | null;
  actor_id: string | null;
  at: Timestamp;
  field: string;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  /** A status change: since when the ticket was in the status it leaves (0027). */
  before_since: Timestamp | null;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Date;
}

export interface ApiTokenTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: Generated<Date>;
  last_used_at: Date | null;
  revoked_at: Date | null;
  /** Migration 0021: who made it, until when, and what it may do for its user. */
  created_by_id: string | null;
  expires_at: Date | null;
  role: Role | null;
  brand_ids: string[] | null;
  scope: Generated<'read' | 'write'>;
  prefix: Generated<string>;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  email: string;
  ip: string;
  success: boolean;
  at: Generated<Date>;
}

export interface IdempotencyKeyTable {
  user_id: string;
  key: string;
  route: string;
  request_hash: string;
  response_status: number;
  response_body: Json<unknown>;
  created_at: Generated<Date>;
}

type Localised = Record<string, string>;

export interface ProductFamilyTable {
  id: Generated<string>;
  brand_id: string;
  code: string;
  name: Json<Localised>;
}

export interface ProductModelTable {
  id: Generated<string>;
  brand_id: string;
  family_id: string | null;
  code: string;
  name: Json<Localised>;
  identified_by: Generated<'serial' | 'licence_key'>;
  serial_patterns: Generated<string[]>;
  lifecycle: Generated<'active' | 'end_of_life'>;
  end_of_life_on: NullableDate;
  commercial_warranty_months: number | null;
  onsite_contract_levels: Generated<string[]>;
  accessories: Json<{ key: string; name: Localised }[]>;
  created_at: Timestamp;
}

export interface SparePartTable {
  id: Generated<string>;
  brand_id: string;
  reference: string;
  name: Json<Localised>;
  price_cents: ColumnType<number, number | bigint, number | bigint>;
  currency: string;
  stock_on_hand: Generated<number>;
  reorder_lead_days: Generated<number>;
}

export interface SparePartModelTable {
  part_id: string;
  model_id: string;
}

/** A brand's service centre (issue 13, item 11; migration 0014). */
export interface ServiceCentreTable {
  id: Generated<string>;
  brand_id: string;
  name: string;
  address_lines: Generated<string[]>;
  postcode: string;
  city: string;
  country: string;
  latitude: number;
  longitude: number;
  phone: string | null;
  email: string | null;
  calendar_id: string | null;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A product family or model a centre serves (none: all the brand's products). */
export interface ServiceCentreProductTable {
  id: Generated<string>;
  centre_id: string;
  family_id: string | null;
  model_id: string | null;
}

/** A `date` column, read as YYYY-MM-DD (the pg driver is told so in database.ts). */
type DateColumn = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

export interface CustomerOrderTable {
  id: Generated<string>;
  brand_id: string;
  external_id: string;
  customer_id: string;
  seller_organisation_id: string | null;
  ordered_on: DateColumn;
  country_of_sale: string;
  buyer: Generated<'consumer' | 'business'>;
  currency: string;
  total_cents: ColumnType<number, number | bigint, number | bigint>;
  payment_provider: string | null;
  paid_on: NullableDate;
  dispute_opened_on: NullableDate;
  dispute_closed_on: NullableDate;
  invoice_number: Generated<string | null>;
  invoice_attachment_id: Generated<string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrderLineTable {
  id: Generated<string>;
  order_id: string;
  external_id: string;
  model_id: string;
  quantity: number;
  unit_price_cents: ColumnType<number, number | bigint, number | bigint>;
}

export type UnitCondition = 'new' | 'refurbished' | 'second_hand';

export interface UnitTable {
  id: Generated<string>;
  brand_id: string;
  model_id: string;
  serial: string | null;
  licence_key: string | null;
  order_line_id: string | null;
  owner_id: string | null;
  seller_organisation_id: string | null;
  purchased_on: NullableDate;
  delivered_on: NullableDate;
  condition: Generated<UnitCondition>;
  country_of_sale: string;
  buyer: Generated<'consumer' | 'business'>;
  proof_status: Generated<'none' | 'uploaded' | 'validated' | 'rejected'>;
  proof_attachment_id: string | null;
  misuse_recorded_on: NullableDate;
  created_at: Timestamp;
}

export interface UnitEventTable {
  id: Generated<string>;
  unit_id: string;
  at: Timestamp;
  kind: 'registered' | 'imported' | 'proof_uploaded' | 'proof_validated' | 'proof_rejected' | 'repaired' | 'replaced' | 'extended' | 'misuse_recorded' | 'recycled' | 'replacement_for';
  actor_id: string | null;
  data: Json<Record<string, unknown>>;
}

export interface DB {
  desk_bulk_operation: DeskBulkOperationTable;
  desk_bulk_item: DeskBulkItemTable;
  desk_macro: DeskMacroTable;
  desk_saved_view: DeskSavedViewTable;
  ticket_seen: TicketSeenTable;
  notification: NotificationTable;
  notification_preference: NotificationPreferenceTable;
  ticket_presence: TicketPresenceTable;
  product_family: ProductFamilyTable;
  product_model: ProductModelTable;
  spare_part: SparePartTable;
  spare_part_model: SparePartModelTable;
  customer_order: CustomerOrderTable;
  order_line: OrderLineTable;
  unit: UnitTable;
  unit_event: UnitEventTable;
  service_centre: ServiceCentreTable;
  service_centre_product: ServiceCentreProductTable;
  brand: BrandTable;
  organisation: OrganisationTable;
  app_user: AppUserTable;
  user_brand: UserBrandTable;
  agent_group: AgentGroupTable;
  group_member: GroupMemberTable;
  ticket: TicketTable;
  ticket_serial: TicketSerialTable;
  ticket_entry: TicketEntryTable;
  ticket_search: TicketSearchTable;
  attachment: AttachmentTable;
  ticket_audit: TicketAuditTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  login_attempt: LoginAttemptTable;
  idempotency_key: IdempotencyKeyTable;
  mailbox: MailboxTable;
  inbound_message: InboundMessageTable;
  login_throttle: LoginThrottleTable;
  password_reset: PasswordResetTable;
  outbound_message: OutboundMessageTable;
  mail_message_ref: MailMessageRefTable;
  business_calendar: BusinessCalendarTable;
  sla_policy: SlaPolicyTable;
  ticket_sla_timer: TicketSlaTimerTable;
  ticket_schedule_change: TicketScheduleChangeTable;
  webhook_endpoint: WebhookEndpointTable;
  webhook_delivery: WebhookDeliveryTable;
  rma: RmaTable;
  rma_line: RmaLineTable;
  rma_event: RmaEventTable;
  rma_shipment: RmaShipmentTable;
  unexpected_parcel: UnexpectedParcelTable;
  repair: RepairTable;
  repair_event: RepairEventTable;
  purchase_order: PurchaseOrderTable;
  repair_part: RepairPartTable;
  stock_move: StockMoveTable;
  quote: QuoteTable;
  quote_line: QuoteLineTable;
  workshop_invoice: WorkshopInvoiceTable;
  workshop_counter: WorkshopCounterTable;
  signing_key: SigningKeyTable;
  web_form_submission: WebFormSubmissionTable;
  onsite_visit: OnsiteVisitTable;
  onsite_calendar_feed: OnsiteCalendarFeedTable;
  brand_logo: BrandLogoTable;
  mail_template: MailTemplateTable;
}

/** An on-site intervention (src/modules/field, migration 0015). */
export interface OnsiteVisitTable {
  id: Generated<string>;
  ticket_id: string;
  brand_id: string;
  unit_id: string;
  technician_id: string;
  address: string;
  window_start: Timestamp;
  window_end: Timestamp;
  state: Generated<'scheduled' | 'in_progress' | 'done' | 'cancelled'>;
  billable: boolean;
  rule: string;
  facts: Json<Record<string, unknown>>;
  customer_accepts_charges: Generated<boolean>;
  scheduled_by: string;
  created_at: Timestamp;
  work_done: string | null;
  outcome: 'resolved' | 'needs_workshop' | 'needs_parts' | null;
  time_spent_minutes: number | null;
  customer_signature_name: string | null;
  started_at: Timestamp | null;
  completed_at: Timestamp | null;
  cancelled_reason: string | null;
}

export interface OnsiteCalendarFeedTable {
  technician_id: string;
  token_hash: string;
  created_at: Timestamp;
}

export interface UnexpectedParcelTable {
  id: Generated<string>;
  brand_id: string;
  received_at: Timestamp;
  recorded_by: string;
  label_text: string | null;
  sender: string | null;
  carrier: string | null;
  tracking_number: string | null;
  note: string | null;
  ticket_id: string | null;
}

export interface RmaTable {
  id: Generated<string>;
  ticket_id: string;
  brand_id: string;
  state: string;
  channel_route: boolean;
  reseller_id: string | null;
  distributor_id: string | null;
  customer_accepts_charges: Generated<boolean>;
  inbound_mode: 'drop_off' | 'courier' | 'pickup' | null;
  reason: string | null;
  requested_by: string;
  created_at: Timestamp;
  state_changed_at: Timestamp;
}

export interface RmaLineTable {
  id: Generated<string>;
  rma_id: string;
  unit_id: string;
  open: Generated<boolean>;
  warranty_outcome: string;
  accessories_expected: Json<string[]>;
  accessories_received: Json<string[]>;
  condition_note: string | null;
}

export interface RmaEventTable {
  id: Generated<string>;
  rma_id: string;
  at: Timestamp;
  actor_id: string | null;
  event: string;
  from_state: string | null;
  to_state: string;
  data: Json<Record<string, unknown>>;
}

export interface RmaShipmentTable {
  id: Generated<string>;
  rma_id: string;
  direction: 'in' | 'out';
  mode: 'drop_off' | 'courier' | 'pickup' | 'carrier';
  carrier: string | null;
  tracking_number: string | null;
  paid_by: 'customer' | 'brand';
  cash_on_delivery: Generated<boolean>;
  refused_reason: string | null;
  created_at: Timestamp;
  handled_at: Timestamp | null;
  picked_up_at: Timestamp | null;
}

export interface BusinessCalendarTable {
  id: Generated<string>;
  brand_id: string;
  name: string;
  definition: Json<Record<string, unknown>>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SlaPolicyTable {
  id: Generated<string>;
  brand_id: string;
  name: string;
  calendar_id: string;
  contract_level: string | null;
  priority: string | null;
  first_response_minutes: number | null;
  next_update_minutes: number | null;
  resolution_minutes: number | null;
  callback_minutes: number | null;
  clock_start: Generated<'created' | 'accepted'>;
  pause_statuses: Generated<string[]>;
  warning_minutes: Generated<number>;
  raise_priority_on_breach: Generated<boolean>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type SlaTimerKind = 'first_response' | 'next_update' | 'resolution' | 'callback';
export type SlaTimerState = 'pending' | 'running' | 'paused' | 'met' | 'breached';

export interface TicketSlaTimerTable {
  ticket_id: string;
  /** The ticket's brand (never changes), so reports read a brand's rows by index (0027). */
  brand_id: string;
  kind: SlaTimerKind;
  policy_id: string | null;
  target_minutes: number;
  state: SlaTimerState;
  started_at: Date | null;
  due_at: Date | null;
  warn_at: Date | null;
  stopped_at: Date | null;
  consumed_minutes: number;
  explanation: Json<Record<string, unknown>>;
  computed_at: Date;
  warned_due_at: Date | null;
  breached_due_at: Date | null;
  next_action_at: Date | null;
}

export interface TicketScheduleChangeTable {
  id: Generated<string>;
  ticket_id: string;
  reason: string;
  previous_due_at: Date | null;
  planned_resolution_at: Date;
  note: string | null;
  created_by_id: string | null;
  outbound_message_id: string | null;
  created_at: Generated<Date>;
}

export interface WebhookEndpointTable {
  id: Generated<string>;
  brand_id: string;
  url: string;
  secret: string;
  events: string[];
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface WebhookDeliveryTable {
  id: Generated<string>;
  endpoint_id: string;
  event: string;
  payload: Json<Record<string, unknown>>;
  status: Generated<'queued' | 'delivered' | 'failed'>;
  attempts: Generated<number>;
  response_status: number | null;
  last_error: string | null;
  created_at: Generated<Date>;
  delivered_at: Date | null;
}

export type BrandRow = Selectable<BrandTable>;
export type AppUserRow = Selectable<AppUserTable>;
export type TicketRow = Selectable<TicketTable>;
export type NewTicketRow = Insertable<TicketTable>;
export type TicketEntryRow = Selectable<TicketEntryTable>;
export type AttachmentRow = Selectable<AttachmentTable>;

export interface RepairTable {
  id: Generated<string>;
  rma_line_id: string;
  rma_id: string;
  ticket_id: string;
  brand_id: string;
  unit_id: string;
  state: string;
  technician_id: string | null;
  findings: string | null;
  fault_code: string | null;
  repairable: boolean | null;
  customer_damage: boolean | null;
  labour_minutes: number | null;
  diagnosed_at: Timestamp | null;
  remedy: string | null;
  remedy_decision: Json<Record<string, unknown>> | null;
  customer_choice: 'repair' | 'replacement' | null;
  refurbished_consent: Generated<boolean>;
  estimate_min_days: number | null;
  estimate_max_days: number | null;
  estimate_basis: Json<Record<string, unknown>> | null;
  work_done: string | null;
  tests_passed: Json<string[]>;
  replacement_unit_id: string | null;
  created_at: Timestamp;
  state_changed_at: Timestamp;
  completed_at: Timestamp | null;
}

export interface RepairEventTable {
  id: Generated<string>;
  repair_id: string;
  at: Timestamp;
  actor_id: string | null;
  event: string;
  from_state: string | null;
  to_state: string;
  data: Json<Record<string, unknown>>;
}

export interface PurchaseOrderTable {
  id: Generated<string>;
  brand_id: string;
  part_id: string;
  quantity: number;
  supplier: string;
  expected_on: string;
  state: Generated<'ordered' | 'received' | 'cancelled'>;
  repair_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  received_at: Timestamp | null;
}

export interface RepairPartTable {
  id: Generated<string>;
  repair_id: string;
  part_id: string;
  quantity: number;
  status: 'needed' | 'reserved' | 'ordered' | 'consumed' | 'released';
  purchase_order_id: string | null;
}

export interface StockMoveTable {
  id: Generated<string>;
  part_id: string;
  at: Timestamp;
  delta: number;
  reason: 'reserved' | 'released' | 'received' | 'adjusted';
  repair_id: string | null;
  purchase_order_id: string | null;
  actor_id: string | null;
}

export interface QuoteTable {
  id: Generated<string>;
  repair_id: string;
  ticket_id: string;
  brand_id: string;
  customer_id: string;
  kind: 'repair' | 'offer';
  number: string;
  currency: string;
  tax_rate_bp: number;
  net_cents: ColumnType<number, number | bigint, number | bigint>;
  tax_cents: ColumnType<number, number | bigint, number | bigint>;
  total_cents: ColumnType<number, number | bigint, number | bigint>;
  valid_until: string;
  offered_condition: 'new' | 'refurbished' | 'second_hand' | null;
  offered_model_id: string | null;
  refusal_fee_cents: ColumnType<number | null, number | bigint | null, number | bigint | null>;
  state: 'sent' | 'accepted' | 'refused' | 'expired' | 'withdrawn';
  link_nonce: string;
  answered_at: Timestamp | null;
  answered_by: string | null;
  answered_via: 'portal' | 'link' | 'email' | 'desk' | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface QuoteLineTable {
  id: Generated<string>;
  quote_id: string;
  position: number;
  kind: 'part' | 'labour' | 'transport' | 'fee' | 'unit';
  part_id: string | null;
  description: Json<Record<string, string>>;
  quantity: number;
  unit_cents: ColumnType<number, number | bigint, number | bigint>;
  net_cents: ColumnType<number, number | bigint, number | bigint>;
}

export interface WorkshopInvoiceTable {
  id: Generated<string>;
  brand_id: string;
  ticket_id: string;
  repair_id: string;
  customer_id: string;
  kind: 'diagnostic_fee';
  number: string;
  currency: string;
  tax_rate_bp: number;
  net_cents: ColumnType<number, number | bigint, number | bigint>;
  tax_cents: ColumnType<number, number | bigint, number | bigint>;
  total_cents: ColumnType<number, number | bigint, number | bigint>;
  issued_at: Timestamp;
}

export interface WorkshopCounterTable {
  brand_id: string;
  kind: 'quote' | 'invoice';
  year: number;
  next_value: number;
}

export interface SigningKeyTable {
  purpose: string;
  secret: string;
  created_at: Timestamp;
}

/** An accepted public web-form submission (src/modules/web-forms, migration 0020). */
export interface WebFormSubmissionTable {
  nonce: string;
  brand_id: string;
  ticket_id: string | null;
  ip: string;
  address: string;
  response: Json<unknown> | null;
  created_at: Timestamp;
}

/** A brand's logo (src/modules/brands, migration 0022): raster bytes whose type was sniffed. */
export interface BrandLogoTable {
  brand_id: string;
  content_type: 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';
  content: Buffer;
  size_bytes: number;
  sha256: string;
  updated_at: Timestamp;
  updated_by: string | null;
}

/** A brand's wording of one customer mail in one language (src/modules/email, migration 0022). */
export interface MailTemplateTable {
  brand_id: string;
  template: string;
  locale: Locale;
  subject: string;
  body: string;
  updated_at: Timestamp;
  updated_by: string | null;
}

/** An agent's last look at a ticket (src/modules/notifications, migration 0018). */
export interface TicketSeenTable {
  user_id: string;
  ticket_id: string;
  seen_at: Timestamp;
}

export type NotificationKind = 'assigned' | 'customer_replied' | 'mention' | 'sla_warning' | 'sla_breach';

/** One line of an agent's notification centre (src/modules/notifications, migration 0018). */
export interface NotificationTable {
  id: Generated<number>;
  user_id: string;
  kind: NotificationKind;
  ticket_id: string | null;
  actor_id: string | null;
  source: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

export interface NotificationPreferenceTable {
  user_id: string;
  kind: NotificationKind;
  email: boolean;
}

/** A reply being written: the writer's latest heartbeat (migration 0018). */
export interface TicketPresenceTable {
  ticket_id: string;
  user_id: string;
  heartbeat_at: Timestamp;
}

/** The desk's bulk operations, macros and saved views (src/modules/desk, migration 0019). */
export interface DeskBulkOperationTable {
  id: Generated<string>;
  actor_id: string;
  action: Json<Record<string, unknown>>;
  undoable: boolean;
  created_at: Timestamp;
  undone_at: Timestamp | null;
}
export interface DeskBulkItemTable {
  operation_id: string;
  ticket_id: string;
  before: Json<Record<string, unknown>>;
  after_updated_at: Timestamp;
}
export interface DeskMacroTable {
  id: Generated<string>;
  brand_id: string;
  owner_id: string | null;
  name: string;
  actions: Json<Record<string, unknown>>;
  reply: Json<Partial<Record<Locale, string>>>;
  reply_kind: Generated<'agent_reply' | 'internal_note'>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface DeskSavedViewTable {
  id: Generated<string>;
  owner_id: string | null;
  group_id: string | null;
  created_by: string | null;
  name: string;
  filters: Json<Record<string, unknown>>;
  columns: string[];
  sort: string;
  created_at: Timestamp;
}
