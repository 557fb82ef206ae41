-- Issue 14, item 6: brands administered in the app.
-- A brand's logo, shown on its portal and public pages. Kept in the database (at most 256 KiB,
-- a raster image whose type was read from its bytes, never SVG) so that every app process serves
-- the same bytes without a shared disk.
create table brand_logo (
  brand_id uuid primary key references brand(id) on delete cascade,
  content_type text not null check (content_type in ('image/png', 'image/jpeg', 'image/gif', 'image/webp')),
  content bytea not null,
  size_bytes integer not null check (size_bytes > 0 and size_bytes <= 262144),
  sha256 text not null,
  updated_at timestamptz not null,
  updated_by uuid references app_user(id) on delete set null
);

-- A brand's wording of one customer mail in one language, in place of the default text of the
-- server's catalogue (src/platform/i18n/locales); deleting the row is "reset to the default".
create table mail_template (
  brand_id uuid not null references brand(id) on delete cascade,
  template text not null check (template ~ '^[a-z_]{2,40}$'),
  locale text not null check (locale in ('fr', 'en', 'ro', 'ru', 'sv')),
  subject text not null check (length(subject) between 1 and 300),
  body text not null check (length(body) between 1 and 20000),
  updated_at timestamptz not null,
  updated_by uuid references app_user(id) on delete set null,
  primary key (brand_id, template, locale)
);
