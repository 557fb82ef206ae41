-- Issue 13, item 11 (seed 001): the brand's directory of service centres ("centres SAV") near the
-- customer: address, coordinates for the nearest-centre search, opening hours as one of the brand's
-- business calendars, and the products each centre serves. A centre that works for several brands
-- is listed in each brand's directory: every brand keeps its own row, hours and product list.
create table service_centre (
  id uuid primary key default apres_uuid7(),
  brand_id uuid not null references brand(id) on delete cascade,
  name text not null check (length(name) between 1 and 200),
  address_lines text[] not null default '{}' check (cardinality(address_lines) <= 4),
  postcode text not null check (length(postcode) between 1 and 20),
  city text not null check (length(city) between 1 and 100),
  country text not null check (country ~ '^[A-Z]{2}$'),
  -- WGS 84 degrees; the nearest-centre search measures great-circle distances from them.
  latitude double precision not null check (latitude between -90 and 90),
  longitude double precision not null check (longitude between -180 and 180),
  phone text check (length(phone) <= 40),
  email text check (length(email) <= 254),
  -- Opening hours: a calendar of the same brand (checked by the service); null = hours not published.
  calendar_id uuid references business_calendar(id),
  active boolean not null default true,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (brand_id, name)
);
create index service_centre_brand_active_idx on service_centre (brand_id) where active;
create index service_centre_calendar_idx on service_centre (calendar_id) where calendar_id is not null;

-- What a centre serves: whole product families or single models of its brand. A centre with no
-- row serves every product of the brand.
create table service_centre_product (
  id bigint generated always as identity primary key,
  centre_id uuid not null references service_centre(id) on delete cascade,
  family_id uuid references product_family(id) on delete cascade,
  model_id uuid references product_model(id) on delete cascade,
  check ((family_id is null) <> (model_id is null))
);
create unique index service_centre_product_family_key on service_centre_product (centre_id, family_id) where family_id is not null;
create unique index service_centre_product_model_key on service_centre_product (centre_id, model_id) where model_id is not null;
create index service_centre_product_model_idx on service_centre_product (model_id) where model_id is not null;
create index service_centre_product_family_idx on service_centre_product (family_id) where family_id is not null;
