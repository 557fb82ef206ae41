-- A way back for a locked-out or forgetful user (issue 9, finding 3): a single-use link by e-mail,
-- stored hashed, expiring, rate-limited per account and per address.
create table password_reset (
  token_hash text primary key,
  user_id uuid not null references app_user(id) on delete cascade,
  requested_ip text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz
);
create index password_reset_user_idx on password_reset (user_id, created_at);
create index password_reset_ip_idx on password_reset (requested_ip, created_at);
