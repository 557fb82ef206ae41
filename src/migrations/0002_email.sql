-- E-mail channel: mailboxes per brand address, every inbound message kept raw exactly once,
-- outbound messages queued with the write that caused them, Message-IDs for threading.

create table mailbox (
  id uuid primary key default gen_random_uuid(),
  brand_id uuid not null references brand(id) on delete cascade,
  address text not null,
  display_name text,
  -- {host, port, secure, user, password, folder}; null: no IMAP fetching for this address.
  imap jsonb,
  -- {host, port, secure, user, password}; null: outgoing mail is held, not sent.
  smtp jsonb,
  enabled boolean not null default true,
  imap_uidvalidity bigint,
  imap_last_uid bigint not null default 0,
  last_checked_at timestamptz,
  last_error text,
  created_at timestamptz not null default now()
);
create unique index mailbox_address_key on mailbox (lower(address));

create table inbound_message (
  id uuid primary key default gen_random_uuid(),
  mailbox_id uuid references mailbox(id) on delete set null,
  brand_id uuid references brand(id),
  source text not null check (source in ('smtp', 'imap', 'api')),
  -- 'mid:<Message-ID>' or, without one, 'sha256:<hash of the raw message>'.
  dedupe_key text not null,
  message_id text,
  raw_storage_key text not null,
  raw_size_bytes bigint not null,
  envelope_from text,
  envelope_to text[] not null default '{}',
  status text not null default 'received' check (status in ('received', 'processed', 'quarantined', 'discarded')),
  classification text check (classification in ('normal', 'auto_reply', 'bounce', 'loop', 'bulk')),
  reason text,
  detail text,
  attempts int not null default 0,
  ticket_id uuid references ticket(id) on delete set null,
  entry_id uuid references ticket_entry(id) on delete set null,
  received_at timestamptz not null default now(),
  processed_at timestamptz
);
create unique index inbound_message_dedupe_key on inbound_message (dedupe_key);
create index inbound_message_status_idx on inbound_message (status, received_at);
create index inbound_message_ticket_idx on inbound_message (ticket_id) where ticket_id is not null;

create table outbound_message (
  id uuid primary key default gen_random_uuid(),
  brand_id uuid not null references brand(id),
  ticket_id uuid references ticket(id) on delete cascade,
  entry_id uuid references ticket_entry(id) on delete set null,
  kind text not null check (kind in ('reply', 'acknowledgment', 'confirmation_request', 'notification')),
  automatic boolean not null,
  to_address text not null,
  cc text[] not null default '{}',
  subject text not null,
  body_text text not null,
  body_html text,
  message_id text not null unique,
  in_reply_to text,
  "references" text[] not null default '{}',
  attachment_ids uuid[] not null default '{}',
  status text not null default 'queued' check (status in ('queued', 'sent', 'failed', 'held', 'suppressed')),
  attempts int not null default 0,
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index outbound_message_ticket_idx on outbound_message (ticket_id, created_at);
create index outbound_message_recipient_idx on outbound_message (lower(to_address), created_at) where automatic;

-- Every Message-ID Apres received or sent, with its ticket: In-Reply-To / References resolve here.
create table mail_message_ref (
  message_id text primary key,
  ticket_id uuid not null references ticket(id) on delete cascade,
  direction text not null check (direction in ('in', 'out')),
  created_at timestamptz not null default now()
);
create index mail_message_ref_ticket_idx on mail_message_ref (ticket_id);

alter table ticket_entry
  add column html_body text,
  add column from_address text,
  add column inbound_message_id uuid references inbound_message(id) on delete set null,
  add column outbound_message_id uuid references outbound_message(id) on delete set null,
  add column auto_submitted boolean not null default false;

-- Inline images of a mail keep their Content-ID so the HTML's cid: links resolve.
alter table attachment
  add column content_id text,
  add column inline boolean not null default false;

alter table ticket
  add column confirmation_requested_at timestamptz,
  add column confirmed_at timestamptz;

-- A delivery report against an address: further automatic mail to it is suppressed.
alter table app_user
  add column email_bounced_at timestamptz,
  add column email_bounce_reason text;
