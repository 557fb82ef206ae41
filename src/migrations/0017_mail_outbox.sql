-- Issue 14: the built-in outbox, a mail catcher inside Apres. A mailbox with `outbox` and no SMTP
-- server delivers its outgoing mail there (status 'outbox', readable under Admin → Outbox) instead
-- of holding it; an SMTP server, once set, always wins. Explicit per mailbox, so an install that
-- holds mail until its server is configured keeps doing so.
alter table mailbox add column outbox boolean not null default false;

-- A `.example` address (RFC 2606) can never receive real mail: such a mailbox without a server is
-- a demo one, and the outbox is where its mail belongs.
update mailbox set outbox = true where smtp is null and lower(address) like '%.example';

alter table outbound_message drop constraint outbound_message_status_check;
alter table outbound_message add constraint outbound_message_status_check
  check (status in ('queued', 'sent', 'failed', 'held', 'suppressed', 'outbox'));

-- Admin → Outbox, newest first.
create index outbound_message_outbox_idx on outbound_message (sent_at desc, id desc) where status = 'outbox';
