-- Issue 14, item 6 (first half): people and access administered in the app.

-- An invitation is a password link like a reset (migration 0007), sent by an admin and valid longer;
-- the hourly reset limits count resets only.
alter table password_reset add column purpose text not null default 'reset' check (purpose in ('reset', 'invitation'));

-- API tokens: who made one, when it stops working, and what it may do on behalf of its user —
-- a narrower role (an admin's token acting as an agent), a subset of the user's brands, read only.
alter table api_token add column created_by_id uuid references app_user(id) on delete set null;
alter table api_token add column expires_at timestamptz;
alter table api_token add column role text check (role in ('customer', 'reseller', 'distributor', 'agent', 'technician', 'admin'));
alter table api_token add column brand_ids uuid[];
alter table api_token add column scope text not null default 'write' check (scope in ('read', 'write'));
-- The first characters of the secret, to recognise a token in the list (the rest is never shown again).
alter table api_token add column prefix text not null default '';
create index api_token_user_idx on api_token(user_id);

-- When an account was switched off, for the admin's list (active stays the one switch).
alter table app_user add column deactivated_at timestamptz;
