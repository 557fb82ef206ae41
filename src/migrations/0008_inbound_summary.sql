-- The admin's inbound list shows each message's subject and sender without reading every raw copy
-- again (issue 10): both are read from the header block once, at acceptance. Rows accepted before
-- this migration (summary_read false) are read once when first listed, and kept.
alter table inbound_message add column subject text;
alter table inbound_message add column from_address text;
alter table inbound_message add column summary_read boolean not null default false;
