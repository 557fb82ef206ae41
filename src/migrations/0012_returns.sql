-- Issue 12: the return (RMA) of a ticket. Its number is the ticket's number (seed 002); one return
-- per ticket, one line per unit sent back (seed 002's mail with two serials).
create table rma (
  id uuid primary key default apres_uuid7(),
  ticket_id uuid not null unique references ticket(id),
  brand_id uuid not null references brand(id),
  state text not null check (state in ('requested', 'endorsed', 'approved', 'authorised', 'awaiting_parcel', 'received', 'on_hold', 'in_workshop', 'shipped_back', 'closed', 'refused', 'cancelled')),
  -- Returns of a unit sold by a reseller go through it and its distributor (the brand's rule, decided at request time).
  channel_route boolean not null,
  reseller_id uuid references organisation(id),
  distributor_id uuid references organisation(id),
  customer_accepts_charges boolean not null default false,
  inbound_mode text check (inbound_mode in ('drop_off', 'courier', 'pickup')),
  -- A refusal or cancellation's written reason, shown to the customer.
  reason text check (length(reason) between 1 and 2000),
  requested_by uuid not null references app_user(id),
  created_at timestamptz not null,
  state_changed_at timestamptz not null,
  check (not channel_route or reseller_id is not null)
);
create index rma_brand_state_idx on rma (brand_id, state, state_changed_at);
create index rma_reseller_idx on rma (reseller_id) where reseller_id is not null;
create index rma_distributor_idx on rma (distributor_id) where distributor_id is not null;

create table rma_line (
  id uuid primary key default apres_uuid7(),
  rma_id uuid not null references rma(id),
  unit_id uuid not null references unit(id),
  -- While the return is open the unit is in no other one ("a second RMA for a unit already in one").
  open boolean not null default true,
  -- The warranty decision's outcome when the return was requested, kept as it was then.
  warranty_outcome text not null,
  accessories_expected jsonb not null default '[]',
  accessories_received jsonb not null default '[]',
  condition_note text check (length(condition_note) <= 2000),
  unique (rma_id, unit_id)
);
create unique index rma_line_open_unit_key on rma_line (unit_id) where open;

-- Every transition, as the audit trail of the return (the ticket's history gets a line too).
create table rma_event (
  id bigint generated always as identity primary key,
  rma_id uuid not null references rma(id),
  at timestamptz not null,
  actor_id uuid references app_user(id),
  event text not null,
  from_state text,
  to_state text not null,
  data jsonb not null default '{}'
);
create index rma_event_rma_idx on rma_event (rma_id, at);

-- Parcels in and out: drop-off, courier at the customer's cost, pickup booked by the brand.
create table rma_shipment (
  id uuid primary key default apres_uuid7(),
  rma_id uuid not null references rma(id),
  direction text not null check (direction in ('in', 'out')),
  mode text not null check (mode in ('drop_off', 'courier', 'pickup', 'carrier')),
  carrier text check (length(carrier) <= 100),
  tracking_number text check (length(tracking_number) <= 100),
  paid_by text not null check (paid_by in ('customer', 'brand')),
  cash_on_delivery boolean not null default false,
  -- A parcel refused at the counter (cash on delivery) is recorded with its reason, never lost.
  refused_reason text check (length(refused_reason) <= 2000),
  created_at timestamptz not null,
  handled_at timestamptz
);
create index rma_shipment_rma_idx on rma_shipment (rma_id);

-- A parcel that came with no return behind it (no number, a wrong one): recorded at the counter,
-- never lost, until the desk links it to a ticket.
create table unexpected_parcel (
  id uuid primary key default apres_uuid7(),
  brand_id uuid not null references brand(id),
  received_at timestamptz not null,
  recorded_by uuid not null references app_user(id),
  -- What the counter could read: a number on the box, the sender, the carrier and its tracking number.
  label_text text check (length(label_text) <= 200),
  sender text check (length(sender) <= 500),
  carrier text check (length(carrier) <= 100),
  tracking_number text check (length(tracking_number) <= 100),
  note text check (length(note) <= 2000),
  ticket_id uuid references ticket(id)
);
create index unexpected_parcel_open_idx on unexpected_parcel (brand_id, received_at) where ticket_id is null;
