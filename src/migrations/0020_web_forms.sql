-- Issue 14, item 7: public web forms (seeds 003 and 004 ask a request before any account exists).
-- One row per accepted submission, keyed by the nonce of the signed form token it carried: a second
-- submit of the same form finds the first row and answers its ticket instead of opening another.
-- The rows are also the spam guard's memory, shared by every app process: submissions from one
-- address (IP) or for one e-mail address within the last hour are counted here.
create table web_form_submission (
  nonce text primary key,
  brand_id uuid not null references brand(id) on delete cascade,
  ticket_id uuid references ticket(id) on delete cascade,
  ip text not null,
  address text not null,
  response jsonb,
  created_at timestamptz not null
);
create index web_form_submission_ip_idx on web_form_submission (ip, created_at);
create index web_form_submission_address_idx on web_form_submission (address, created_at);
