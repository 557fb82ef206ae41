-- What customers bought (issue 11): the brand's catalog (families, models, spare parts), the orders
-- and their lines from the shop or ERP, and the units — one physical item with its serial plate, or
-- one licence of software that has none (Eiler) — with their history.

create table product_family (
  id uuid primary key default gen_random_uuid(),
  brand_id uuid not null references brand(id),
  code text not null check (code ~ '^[A-Za-z0-9._-]{1,60}$'),
  name jsonb not null,
  unique (brand_id, code)
);

create table product_model (
  id uuid primary key default gen_random_uuid(),
  brand_id uuid not null references brand(id),
  family_id uuid references product_family(id),
  code text not null check (code ~ '^[A-Za-z0-9._-]{1,60}$'),
  -- Localised: {"fr": "…", "en": "…"}.
  name jsonb not null,
  -- A unit of this model is told apart by its serial plate, or (software) by its licence key.
  identified_by text not null default 'serial' check (identified_by in ('serial', 'licence_key')),
  -- Regular expressions that find this model's serials in text (a ticket, a form, a mail).
  serial_patterns text[] not null default '{}',
  lifecycle text not null default 'active' check (lifecycle in ('active', 'end_of_life')),
  end_of_life_on date,
  -- The brand's commercial warranty; null: none beyond the law.
  commercial_warranty_months int check (commercial_warranty_months between 1 and 240),
  -- Contract levels entitled to an on-site visit for this model.
  onsite_contract_levels text[] not null default '{}',
  -- What must travel with a return: [{"key": "battery", "name": {"ro": "…"}}].
  accessories jsonb not null default '[]',
  created_at timestamptz not null,
  unique (brand_id, code),
  check (lifecycle = 'active' or end_of_life_on is not null)
);

create table spare_part (
  id uuid primary key default gen_random_uuid(),
  brand_id uuid not null references brand(id),
  reference text not null check (reference ~ '^[A-Za-z0-9._/-]{1,60}$'),
  name jsonb not null,
  price_cents bigint not null check (price_cents >= 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  stock_on_hand int not null default 0 check (stock_on_hand >= 0),
  reorder_lead_days int not null default 0 check (reorder_lead_days >= 0),
  unique (brand_id, reference)
);

create table spare_part_model (
  part_id uuid not null references spare_part(id) on delete cascade,
  model_id uuid not null references product_model(id) on delete cascade,
  primary key (part_id, model_id)
);

create table customer_order (
  id uuid primary key default gen_random_uuid(),
  brand_id uuid not null references brand(id),
  -- The shop's own order number: re-importing the same order updates it, never duplicates it.
  external_id text not null check (length(external_id) between 1 and 100),
  customer_id uuid not null references app_user(id),
  -- The reseller it was sold through; null: the brand's own shop.
  seller_organisation_id uuid references organisation(id),
  ordered_on date not null,
  country_of_sale text not null check (country_of_sale ~ '^[A-Z]{2}$'),
  buyer text not null default 'consumer' check (buyer in ('consumer', 'business')),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  total_cents bigint not null check (total_cents >= 0),
  payment_provider text,
  paid_on date,
  dispute_opened_on date,
  dispute_closed_on date,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (brand_id, external_id),
  check (dispute_closed_on is null or dispute_opened_on is not null)
);
create index customer_order_customer_idx on customer_order (customer_id, ordered_on desc, id desc);

create table order_line (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references customer_order(id) on delete cascade,
  external_id text not null check (length(external_id) between 1 and 100),
  model_id uuid not null references product_model(id),
  quantity int not null check (quantity > 0),
  unit_price_cents bigint not null check (unit_price_cents >= 0),
  unique (order_id, external_id)
);

create table unit (
  id uuid primary key default gen_random_uuid(),
  brand_id uuid not null references brand(id),
  model_id uuid not null references product_model(id),
  serial text check (length(serial) between 1 and 100),
  licence_key text check (length(licence_key) between 1 and 200),
  order_line_id uuid references order_line(id),
  owner_id uuid references app_user(id),
  seller_organisation_id uuid references organisation(id),
  purchased_on date,
  delivered_on date,
  condition text not null default 'new' check (condition in ('new', 'refurbished', 'second_hand')),
  country_of_sale text not null check (country_of_sale ~ '^[A-Z]{2}$'),
  buyer text not null default 'consumer' check (buyer in ('consumer', 'business')),
  -- An order from the brand's own shop is its own proof; a unit registered from the portal waits
  -- for an agent to validate the uploaded invoice.
  proof_status text not null default 'none' check (proof_status in ('none', 'uploaded', 'validated', 'rejected')),
  proof_attachment_id uuid references attachment(id),
  -- Only a technician's finding of misuse or accidental damage excludes a defect.
  misuse_recorded_on date,
  created_at timestamptz not null,
  unique (model_id, serial),
  unique (model_id, licence_key),
  check (serial is not null or licence_key is not null)
);
create index unit_owner_idx on unit (owner_id);
create index unit_serial_idx on unit (brand_id, upper(serial));

-- A unit's life as an audit trail: registered, proof uploaded or validated, repaired (under which
-- cover), replaced, warranty extended, misuse recorded.
create table unit_event (
  id bigint generated always as identity primary key,
  unit_id uuid not null references unit(id) on delete cascade,
  at timestamptz not null,
  kind text not null check (kind in ('registered', 'imported', 'proof_uploaded', 'proof_validated', 'proof_rejected', 'repaired', 'replaced', 'extended', 'misuse_recorded')),
  actor_id uuid references app_user(id),
  data jsonb not null default '{}'
);
create index unit_event_unit_idx on unit_event (unit_id, at);
