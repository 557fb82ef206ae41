-- On-site interventions (issue 13 item 10, seed 000): "en cas d'échec du dépannage téléphonique,
-- le technicien pourra intervenir sur site selon les conditions de garantie ou de contrat".
-- A visit is scheduled from a ticket for one of its units; the rule that allowed it and whether it
-- is billable are kept as decided at scheduling time (visit-rules.ts), with the facts behind them.
create table onsite_visit (
  id uuid primary key default apres_uuid7(),
  ticket_id uuid not null references ticket(id),
  brand_id uuid not null references brand(id),
  unit_id uuid not null references unit(id),
  technician_id uuid not null references app_user(id),
  address text not null check (length(address) between 1 and 500),
  window_start timestamptz not null,
  window_end timestamptz not null,
  state text not null default 'scheduled' check (state in ('scheduled', 'in_progress', 'done', 'cancelled')),
  billable boolean not null,
  -- The rule of visit-rules.ts that allowed the visit and decided whether it is billable.
  rule text not null check (rule ~ '^[a-z_]{1,60}$'),
  -- The facts it weighed: warranty outcome and coverage, contract level, the model's on-site levels.
  facts jsonb not null default '{}',
  customer_accepts_charges boolean not null default false,
  scheduled_by uuid not null references app_user(id),
  created_at timestamptz not null,
  -- The technician's report.
  work_done text check (length(work_done) <= 5000),
  outcome text check (outcome in ('resolved', 'needs_workshop', 'needs_parts')),
  time_spent_minutes integer check (time_spent_minutes between 0 and 1440),
  customer_signature_name text check (length(customer_signature_name) <= 200),
  started_at timestamptz,
  completed_at timestamptz,
  cancelled_reason text check (length(cancelled_reason) <= 2000),
  check (window_end > window_start),
  check (state <> 'done' or (completed_at is not null and outcome is not null and work_done is not null and time_spent_minutes is not null))
);
create index onsite_visit_ticket_idx on onsite_visit (ticket_id, window_start);
-- A technician's agenda: overlap checks and the calendar feed.
create index onsite_visit_technician_idx on onsite_visit (technician_id, window_start) where state <> 'cancelled';

-- A technician's calendar feed, subscribed to from a phone without a session: only a hash of the
-- secret in the URL is kept; issuing a new one replaces (revokes) the old.
create table onsite_calendar_feed (
  technician_id uuid primary key references app_user(id),
  token_hash text not null unique,
  created_at timestamptz not null
);
