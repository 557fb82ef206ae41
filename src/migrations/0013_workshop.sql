-- Issue 13: the repair workshop. A repair is the bench work on one unit of a return (one rma_line):
-- diagnosis, the remedy decided and why, quotes and offers the customer answers once, parts
-- reserved or ordered, the replacement unit, and the documents (quote, fee invoice, repair report,
-- recycling certificate) drawn from these rows.

create table repair (
  id uuid primary key default apres_uuid7(),
  rma_line_id uuid not null unique references rma_line(id),
  rma_id uuid not null references rma(id),
  ticket_id uuid not null references ticket(id),
  brand_id uuid not null references brand(id),
  unit_id uuid not null references unit(id),
  state text not null check (state in ('diagnosing', 'awaiting_customer', 'awaiting_parts', 'repairing', 'testing', 'replacing', 'ready_to_ship', 'returning_unrepaired', 'recycled', 'done')),
  technician_id uuid references app_user(id),
  -- The diagnosis.
  findings text check (length(findings) <= 4000),
  fault_code text check (length(fault_code) <= 40),
  repairable boolean,
  customer_damage boolean,
  labour_minutes int check (labour_minutes between 0 and 10000),
  diagnosed_at timestamptz,
  -- The remedy decided, the rule that decided it and its parameters (worded by the pages and mails).
  remedy text check (remedy in ('repair', 'replace', 'exchange_offer', 'quote', 'end_of_life_offer', 'price_reduction_or_refund')),
  remedy_decision jsonb,
  -- Under the legal guarantee the consumer chooses (Dir. 2019/771 art. 13(2)); a refurbished unit only with consent.
  customer_choice text check (customer_choice in ('repair', 'replacement')),
  refurbished_consent boolean not null default false,
  -- The expected duration told to the customer, and how it was estimated.
  estimate_min_days int check (estimate_min_days >= 0),
  estimate_max_days int check (estimate_max_days >= estimate_min_days),
  estimate_basis jsonb,
  -- The repair report: what was done, the tests passed.
  work_done text check (length(work_done) <= 4000),
  tests_passed jsonb not null default '[]',
  replacement_unit_id uuid references unit(id),
  created_at timestamptz not null,
  state_changed_at timestamptz not null,
  completed_at timestamptz
);
create index repair_board_idx on repair (brand_id, state, state_changed_at);
create index repair_ticket_idx on repair (ticket_id);

-- Every move of a repair, as its audit trail.
create table repair_event (
  id bigint generated always as identity primary key,
  repair_id uuid not null references repair(id),
  at timestamptz not null,
  actor_id uuid references app_user(id),
  event text not null,
  from_state text,
  to_state text not null,
  data jsonb not null default '{}'
);
create index repair_event_repair_idx on repair_event (repair_id, at);

-- A supplier order for a part that was not in stock: placed only once the customer accepted the
-- quote (seed 004), or at once when the repair is covered.
create table purchase_order (
  id uuid primary key default apres_uuid7(),
  brand_id uuid not null references brand(id),
  part_id uuid not null references spare_part(id),
  quantity int not null check (quantity > 0),
  supplier text not null check (length(supplier) between 1 and 200),
  expected_on date not null,
  state text not null default 'ordered' check (state in ('ordered', 'received', 'cancelled')),
  repair_id uuid references repair(id),
  created_by uuid references app_user(id),
  created_at timestamptz not null,
  received_at timestamptz
);
create index purchase_order_open_idx on purchase_order (brand_id, expected_on) where state = 'ordered';

-- The parts a repair needs: reserved from stock, or waiting for a purchase order.
create table repair_part (
  id uuid primary key default apres_uuid7(),
  repair_id uuid not null references repair(id),
  part_id uuid not null references spare_part(id),
  quantity int not null check (quantity > 0),
  status text not null check (status in ('needed', 'reserved', 'ordered', 'consumed', 'released')),
  purchase_order_id uuid references purchase_order(id),
  unique (repair_id, part_id)
);

-- Every change of a part's stock on hand, with why.
create table stock_move (
  id bigint generated always as identity primary key,
  part_id uuid not null references spare_part(id),
  at timestamptz not null,
  delta int not null check (delta <> 0),
  reason text not null check (reason in ('reserved', 'released', 'received', 'adjusted')),
  repair_id uuid references repair(id),
  purchase_order_id uuid references purchase_order(id),
  actor_id uuid references app_user(id)
);
create index stock_move_part_idx on stock_move (part_id, at);

-- A quote (out of coverage) or an offer (a new or second-hand unit instead of an unrepairable or
-- end-of-life one): answered once, by whom, when and how.
create table quote (
  id uuid primary key default apres_uuid7(),
  repair_id uuid not null references repair(id),
  ticket_id uuid not null references ticket(id),
  brand_id uuid not null references brand(id),
  customer_id uuid not null references app_user(id),
  kind text not null check (kind in ('repair', 'offer')),
  number text not null check (length(number) between 1 and 40),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  tax_rate_bp int not null check (tax_rate_bp between 0 and 10000),
  net_cents bigint not null check (net_cents >= 0),
  tax_cents bigint not null check (tax_cents >= 0),
  total_cents bigint not null check (total_cents = net_cents + tax_cents),
  valid_until date not null,
  -- An offer: the unit offered and its condition.
  offered_condition text check (offered_condition in ('new', 'refurbished', 'second_hand')),
  offered_model_id uuid references product_model(id),
  -- The diagnostic fee a refusal costs, announced with the quote (seed 004: 20 EUR); null: none.
  refusal_fee_cents bigint check (refusal_fee_cents > 0),
  state text not null check (state in ('sent', 'accepted', 'refused', 'expired', 'withdrawn')),
  -- What the signed links carry; a new quote gets a new one, so an old link cannot answer it.
  link_nonce text not null,
  answered_at timestamptz,
  answered_by uuid references app_user(id),
  answered_via text check (answered_via in ('portal', 'link', 'email', 'desk')),
  created_by uuid references app_user(id),
  created_at timestamptz not null,
  unique (brand_id, number),
  check ((state in ('accepted', 'refused')) = (answered_at is not null))
);
create index quote_repair_idx on quote (repair_id);
create unique index quote_one_open_per_repair on quote (repair_id) where state = 'sent';
-- Every customer message asks whether its ticket has a quote waiting (a reply may answer it).
create index quote_open_ticket_idx on quote (ticket_id) where state = 'sent';

create table quote_line (
  id uuid primary key default apres_uuid7(),
  quote_id uuid not null references quote(id),
  position int not null,
  kind text not null check (kind in ('part', 'labour', 'transport', 'fee', 'unit')),
  part_id uuid references spare_part(id),
  -- Localised: {"ro": "…", "en": "…"}; the quote's PDF picks the customer's language.
  description jsonb not null,
  quantity int not null check (quantity > 0),
  unit_cents bigint not null check (unit_cents >= 0),
  net_cents bigint not null check (net_cents = quantity * unit_cents),
  unique (quote_id, position)
);

-- The workshop's invoices (the diagnostic fee after a refused quote, seed 004): numbered without a
-- gap per brand and year, issued once, drawn again identically from this row.
create table workshop_invoice (
  id uuid primary key default apres_uuid7(),
  brand_id uuid not null references brand(id),
  ticket_id uuid not null references ticket(id),
  repair_id uuid not null references repair(id),
  customer_id uuid not null references app_user(id),
  kind text not null check (kind in ('diagnostic_fee')),
  number text not null,
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  tax_rate_bp int not null check (tax_rate_bp between 0 and 10000),
  net_cents bigint not null check (net_cents >= 0),
  tax_cents bigint not null check (tax_cents >= 0),
  total_cents bigint not null check (total_cents = net_cents + tax_cents),
  issued_at timestamptz not null,
  unique (brand_id, number),
  unique (repair_id, kind)
);

-- Gapless numbers per brand, kind and year (quotes Q-2026-000001, invoices F-2026-000001).
create table workshop_counter (
  brand_id uuid not null references brand(id),
  kind text not null check (kind in ('quote', 'invoice')),
  year int not null,
  next_value int not null,
  primary key (brand_id, kind, year)
);

-- The courier's pickup of the defective unit (seed 001: no replacement ships before it).
alter table rma_shipment add column picked_up_at timestamptz;

-- Keys for signed links (quote answers by e-mail): made once, shared by every app process.
create table signing_key (
  purpose text primary key,
  secret text not null,
  created_at timestamptz not null
);

-- A unit's history also tells its recycling, and a replacement unit points back at the one it replaced.
alter table unit_event drop constraint unit_event_kind_check;
alter table unit_event add constraint unit_event_kind_check
  check (kind in ('registered', 'imported', 'proof_uploaded', 'proof_validated', 'proof_rejected', 'repaired', 'replaced', 'extended', 'misuse_recorded', 'recycled', 'replacement_for'));

-- The workshop's expected duration moves the planned date through the same mechanism (and mail) as the desk's.
alter table ticket_schedule_change drop constraint ticket_schedule_change_reason_check;
alter table ticket_schedule_change add constraint ticket_schedule_change_reason_check
  check (reason in ('cannot_reproduce', 'information_missing', 'deeper_diagnosis', 'poorly_described', 'repair_estimate', 'waiting_for_parts'));
