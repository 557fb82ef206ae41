-- Issue 14, item 2: signals of new activity for the desk (src/modules/notifications).

-- When an agent last looked at a ticket: activity by someone else after it is unread.
create table ticket_seen (
  user_id uuid not null references app_user(id) on delete cascade,
  ticket_id uuid not null references ticket(id) on delete cascade,
  seen_at timestamptz not null,
  primary key (user_id, ticket_id)
);

-- The in-app notification centre. `source` names what caused it (an audit line, a due time), so
-- a change told twice, or a sweep run by two processes, notifies once.
create table notification (
  id bigint generated always as identity primary key,
  user_id uuid not null references app_user(id) on delete cascade,
  kind text not null check (kind in ('assigned', 'customer_replied', 'mention', 'sla_warning', 'sla_breach')),
  ticket_id uuid references ticket(id) on delete cascade,
  actor_id uuid references app_user(id) on delete set null,
  source text not null,
  created_at timestamptz not null,
  read_at timestamptz,
  unique (user_id, kind, source)
);
create index notification_user_created on notification (user_id, created_at desc, id desc);
create index notification_user_unread on notification (user_id) where read_at is null;

-- Per agent and kind: told in the app only, or by e-mail too. No row: the kind's default.
create table notification_preference (
  user_id uuid not null references app_user(id) on delete cascade,
  kind text not null check (kind in ('assigned', 'customer_replied', 'mention', 'sla_warning', 'sla_breach')),
  email boolean not null,
  primary key (user_id, kind)
);

-- Who is writing a reply on which ticket, by heartbeat; a row older than 30 seconds is stale.
create table ticket_presence (
  ticket_id uuid not null references ticket(id) on delete cascade,
  user_id uuid not null references app_user(id) on delete cascade,
  heartbeat_at timestamptz not null,
  primary key (ticket_id, user_id)
);
