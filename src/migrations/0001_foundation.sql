-- Foundation: brands, people, organisations, groups, tickets, conversation, audit, auth.
-- Identical on PostgreSQL 15 and PGlite (PostgreSQL 18): nothing newer than 15 is used.
create extension if not exists pg_trgm;

create table brand (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9-]{2,40}$'),
  name text not null,
  country text not null check (country ~ '^[A-Z]{2}$'),
  time_zone text not null,
  default_locale text not null,
  locales text[] not null,
  support_email text,
  phone text,
  -- Tokens: {YYYY} {YY} {SEQ:n} {CHECK}; the check digit guards the whole number (Damm).
  ticket_number_format text not null,
  -- Addresses, intake form, portal rules, reopen window: data, not code (SPEC §2).
  settings jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);

create table ticket_number_counter (
  brand_id uuid not null references brand(id) on delete cascade,
  scope text not null,
  last_value bigint not null,
  primary key (brand_id, scope)
);

create table organisation (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  kind text not null check (kind in ('customer', 'reseller', 'distributor')),
  -- customer organisation → its reseller; reseller → its distributor.
  parent_id uuid references organisation(id),
  created_at timestamptz not null default now(),
  check (parent_id is null or parent_id <> id)
);
create index organisation_parent_idx on organisation(parent_id);

create table app_user (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  name text not null,
  role text not null check (role in ('customer', 'reseller', 'distributor', 'agent', 'technician', 'admin')),
  locale text not null default 'en' check (locale in ('fr', 'en', 'ro', 'ru', 'sv')),
  phone text,
  organisation_id uuid references organisation(id),
  password_hash text,
  active boolean not null default true,
  created_at timestamptz not null default now()
);
create unique index app_user_email_key on app_user (lower(email));
create index app_user_email_trgm on app_user using gin (lower(email) gin_trgm_ops);
create index app_user_org_idx on app_user(organisation_id);

-- Which brands a person works for (staff) or is a customer of (portal users).
create table user_brand (
  user_id uuid not null references app_user(id) on delete cascade,
  brand_id uuid not null references brand(id) on delete cascade,
  primary key (user_id, brand_id)
);
create index user_brand_brand_idx on user_brand(brand_id);

create table agent_group (
  id uuid primary key default gen_random_uuid(),
  brand_id uuid not null references brand(id) on delete cascade,
  name text not null,
  unique (brand_id, name)
);

create table group_member (
  group_id uuid not null references agent_group(id) on delete cascade,
  user_id uuid not null references app_user(id) on delete cascade,
  primary key (group_id, user_id)
);
create index group_member_user_idx on group_member(user_id);

create table ticket (
  id uuid primary key default gen_random_uuid(),
  brand_id uuid not null references brand(id),
  number text not null unique,
  channel text not null check (channel in ('email', 'portal', 'web_form', 'phone', 'fax', 'postal', 'onsite')),
  requester_id uuid not null references app_user(id),
  organisation_id uuid references organisation(id),
  -- The reseller through which the case flows (SPEC §1: resellers see their customers' cases).
  reseller_id uuid references organisation(id),
  subject text not null,
  description text not null,
  custom_fields jsonb not null default '{}'::jsonb,
  priority text not null default 'normal' check (priority in ('low', 'normal', 'high', 'urgent')),
  status text not null default 'new'
    check (status in ('new', 'accepted', 'in_progress', 'waiting_customer', 'waiting_parts',
                      'waiting_third_party', 'resolved', 'closed')),
  group_id uuid references agent_group(id),
  assignee_id uuid references app_user(id),
  merged_into_id uuid references ticket(id),
  created_by_id uuid references app_user(id),
  search_config regconfig not null default 'simple',
  search_vector tsvector generated always as (
    setweight(to_tsvector(search_config, subject), 'A') || setweight(to_tsvector(search_config, description), 'B')
  ) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  accepted_at timestamptz,
  resolved_at timestamptz,
  closed_at timestamptz
);
-- Queue: first come first served within brand and status.
create index ticket_queue_idx on ticket (brand_id, status, created_at, id);
create index ticket_created_idx on ticket (created_at, id);
create index ticket_requester_idx on ticket (requester_id, created_at desc);
create index ticket_org_idx on ticket (organisation_id) where organisation_id is not null;
create index ticket_reseller_idx on ticket (reseller_id) where reseller_id is not null;
create index ticket_assignee_idx on ticket (assignee_id) where assignee_id is not null;
create index ticket_group_idx on ticket (group_id) where group_id is not null;
create index ticket_search_idx on ticket using gin (search_vector);
create index ticket_number_trgm on ticket using gin (number gin_trgm_ops);

create table ticket_serial (
  ticket_id uuid not null references ticket(id) on delete cascade,
  position int not null,
  serial text not null,
  primary key (ticket_id, position)
);
create index ticket_serial_trgm on ticket_serial using gin (upper(serial) gin_trgm_ops);

create table ticket_entry (
  id uuid primary key default gen_random_uuid(),
  ticket_id uuid not null references ticket(id) on delete cascade,
  kind text not null check (kind in ('customer_message', 'agent_reply', 'internal_note', 'phone_note', 'system')),
  body text not null,
  author_id uuid references app_user(id),
  search_config regconfig not null default 'simple',
  search_vector tsvector generated always as (to_tsvector(search_config, body)) stored,
  created_at timestamptz not null default now()
);
create index ticket_entry_ticket_idx on ticket_entry (ticket_id, created_at);
create index ticket_entry_search_idx on ticket_entry using gin (search_vector);

create table attachment (
  id uuid primary key default gen_random_uuid(),
  ticket_id uuid references ticket(id) on delete cascade,
  entry_id uuid references ticket_entry(id) on delete cascade,
  uploaded_by_id uuid references app_user(id),
  filename text not null,
  content_type text not null,
  size_bytes bigint not null,
  sha256 text not null,
  storage_key text not null,
  created_at timestamptz not null default now()
);
create index attachment_ticket_idx on attachment(ticket_id);
create index attachment_entry_idx on attachment(entry_id);

create table ticket_audit (
  id bigserial primary key,
  ticket_id uuid not null references ticket(id) on delete cascade,
  actor_id uuid references app_user(id),
  at timestamptz not null default now(),
  field text not null,
  before jsonb,
  after jsonb
);
create index ticket_audit_ticket_idx on ticket_audit(ticket_id, id);

create table session (
  token_hash text primary key,
  user_id uuid not null references app_user(id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index session_user_idx on session(user_id);

create table api_token (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references app_user(id) on delete cascade,
  name text not null,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

create table login_attempt (
  id bigserial primary key,
  email text not null,
  ip text not null,
  success boolean not null,
  at timestamptz not null default now()
);
create index login_attempt_email_idx on login_attempt(lower(email), at);
create index login_attempt_ip_idx on login_attempt(ip, at);

create table idempotency_key (
  user_id uuid not null references app_user(id) on delete cascade,
  key text not null,
  route text not null,
  request_hash text not null,
  response_status int not null,
  response_body jsonb not null,
  created_at timestamptz not null default now(),
  primary key (user_id, key)
);
