-- Business calendars, service-level policies, per-ticket timers, schedule changes and webhooks
-- (SPEC §4). A calendar's definition is data validated by CalendarDefinitionSchema; holidays are
-- computed from date-holidays at run time, never stored as a typed list.

create table business_calendar (
  id uuid primary key default gen_random_uuid(),
  brand_id uuid not null references brand(id) on delete cascade,
  name text not null,
  definition jsonb not null,
  -- Bumped on every change: cached engines and computed timers say which version they used.
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (brand_id, name)
);

-- Contract level: what the customer bought (seed 000: callback deadline by contract).
alter table organisation add column contract_level text not null default 'standard'
  check (contract_level ~ '^[a-z0-9_-]{1,40}$');

create table sla_policy (
  id uuid primary key default gen_random_uuid(),
  brand_id uuid not null references brand(id) on delete cascade,
  name text not null,
  calendar_id uuid not null references business_calendar(id),
  -- null: any contract level / any priority. The most specific active policy applies.
  contract_level text check (contract_level ~ '^[a-z0-9_-]{1,40}$'),
  priority text check (priority in ('low', 'normal', 'high', 'urgent')),
  first_response_minutes int check (first_response_minutes > 0),
  next_update_minutes int check (next_update_minutes > 0),
  resolution_minutes int check (resolution_minutes > 0),
  callback_minutes int check (callback_minutes > 0),
  -- Seed 003: a request counts from its acceptance (the confirmation e-mail), not its arrival.
  clock_start text not null default 'created' check (clock_start in ('created', 'accepted')),
  pause_statuses text[] not null default '{waiting_customer}',
  -- Working minutes before the due time at which the warning goes out.
  warning_minutes int not null default 60 check (warning_minutes >= 0),
  raise_priority_on_breach boolean not null default true,
  active boolean not null default true,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index sla_policy_scope_key on sla_policy (brand_id, coalesce(contract_level, ''), coalesce(priority, '')) where active;

alter table ticket
  add column contract_level text not null default 'standard',
  add column sla_policy_id uuid references sla_policy(id) on delete set null,
  -- Nearest due time among the running timers: the desk queue's order where a policy applies.
  add column sla_due_at timestamptz,
  -- Set by a recorded schedule change (seed 003): replaces the computed resolution due time.
  add column planned_resolution_at timestamptz;
create index ticket_sla_queue_idx on ticket (coalesce(sla_due_at, 'infinity'::timestamptz), created_at, id);

-- Who is told when a ticket of the group breaches its service level.
alter table agent_group add column lead_id uuid references app_user(id) on delete set null;

create table ticket_sla_timer (
  ticket_id uuid not null references ticket(id) on delete cascade,
  kind text not null check (kind in ('first_response', 'next_update', 'resolution', 'callback')),
  policy_id uuid references sla_policy(id) on delete set null,
  target_minutes int not null,
  state text not null check (state in ('pending', 'running', 'paused', 'met', 'breached')),
  started_at timestamptz,
  due_at timestamptz,
  warn_at timestamptz,
  stopped_at timestamptz,
  -- Working minutes used when the timer last stopped or paused (running timers: at started/resumed).
  consumed_minutes double precision not null default 0,
  explanation jsonb not null,
  computed_at timestamptz not null,
  -- The due time a warning / an escalation was already done for: a new due time re-arms them.
  warned_due_at timestamptz,
  breached_due_at timestamptz,
  -- When the sweeper must look at this timer next (warning or breach), null when nothing is pending.
  next_action_at timestamptz,
  primary key (ticket_id, kind)
);
create index ticket_sla_timer_action_idx on ticket_sla_timer (next_action_at) where next_action_at is not null;

create table ticket_schedule_change (
  id uuid primary key default gen_random_uuid(),
  ticket_id uuid not null references ticket(id) on delete cascade,
  -- Seed 003's four reasons for a changed resolution time.
  reason text not null check (reason in ('cannot_reproduce', 'information_missing', 'deeper_diagnosis', 'poorly_described')),
  previous_due_at timestamptz,
  planned_resolution_at timestamptz not null,
  note text,
  created_by_id uuid references app_user(id),
  outbound_message_id uuid references outbound_message(id) on delete set null,
  created_at timestamptz not null default now()
);
create index ticket_schedule_change_ticket_idx on ticket_schedule_change (ticket_id, created_at);

create table webhook_endpoint (
  id uuid primary key default gen_random_uuid(),
  brand_id uuid not null references brand(id) on delete cascade,
  url text not null check (url ~ '^https?://'),
  -- HMAC-SHA256 key for the X-Apres-Signature header.
  secret text not null,
  events text[] not null,
  active boolean not null default true,
  created_at timestamptz not null default now()
);
create index webhook_endpoint_brand_idx on webhook_endpoint (brand_id) where active;

create table webhook_delivery (
  id uuid primary key default gen_random_uuid(),
  endpoint_id uuid not null references webhook_endpoint(id) on delete cascade,
  event text not null,
  payload jsonb not null,
  status text not null default 'queued' check (status in ('queued', 'delivered', 'failed')),
  attempts int not null default 0,
  response_status int,
  last_error text,
  created_at timestamptz not null default now(),
  delivered_at timestamptz
);
create index webhook_delivery_endpoint_idx on webhook_delivery (endpoint_id, created_at);
