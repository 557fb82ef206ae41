-- Issue 14, item 3 (desk basics): bulk operations with an undo, macros with replies per language,
-- and saved views of the queue. Owned by src/modules/desk; tickets are changed only through the
-- tickets module's operations, so these tables hold the desk's own records, never ticket state.

-- One bulk operation of an agent, kept for the undo window (and as a trace afterwards).
create table desk_bulk_operation (
  id uuid primary key default gen_random_uuid(),
  actor_id uuid not null references app_user(id) on delete cascade,
  -- The action as the agent asked for it: {"type": "status", "status": "resolved"}, …
  action jsonb not null,
  -- A merge cannot be taken back (the tickets module has no unmerge).
  undoable boolean not null,
  created_at timestamptz not null,
  undone_at timestamptz
);
create index desk_bulk_operation_actor_idx on desk_bulk_operation (actor_id, created_at desc);

-- Each ticket the operation changed: the values before, and the ticket's stamp right after, so an
-- undo leaves alone a ticket somebody (or a customer's mail) changed since.
create table desk_bulk_item (
  operation_id uuid not null references desk_bulk_operation(id) on delete cascade,
  ticket_id uuid not null references ticket(id) on delete cascade,
  before jsonb not null,
  after_updated_at timestamptz not null,
  primary key (operation_id, ticket_id)
);

-- A macro: a named set of ticket changes plus a reply whose text exists per language.
-- Shared with the whole brand (owner_id null) or personal to its owner.
create table desk_macro (
  id uuid primary key default gen_random_uuid(),
  brand_id uuid not null references brand(id) on delete cascade,
  owner_id uuid references app_user(id) on delete cascade,
  name text not null check (length(name) between 1 and 120),
  -- {"status": "waiting_customer", "priority": "high", "assigneeId": "…", "groupId": "…"}
  actions jsonb not null default '{}'::jsonb,
  -- {"fr": "Bonjour {{customer.name}}, …", "en": "…"}; empty when the macro writes nothing.
  reply jsonb not null default '{}'::jsonb,
  reply_kind text not null default 'agent_reply' check (reply_kind in ('agent_reply', 'internal_note')),
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index desk_macro_brand_idx on desk_macro (brand_id, name);
create unique index desk_macro_shared_name on desk_macro (brand_id, lower(name)) where owner_id is null;
create unique index desk_macro_personal_name on desk_macro (brand_id, owner_id, lower(name)) where owner_id is not null;

-- A saved view of the queue: personal to an agent, or shared with a group's members.
create table desk_saved_view (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid references app_user(id) on delete cascade,
  group_id uuid references agent_group(id) on delete cascade,
  created_by uuid references app_user(id) on delete set null,
  name text not null check (length(name) between 1 and 120),
  -- The queue's URL filters ({"status": ["new"], "assignee": "me", …}), columns and sort.
  filters jsonb not null default '{}'::jsonb,
  columns text[] not null,
  sort text not null,
  created_at timestamptz not null,
  check ((owner_id is null) <> (group_id is null))
);
create index desk_saved_view_owner_idx on desk_saved_view (owner_id) where owner_id is not null;
create index desk_saved_view_group_idx on desk_saved_view (group_id) where group_id is not null;
