-- A redelivered message (the same Message-ID with the same sender, date and subject) is kept once;
-- each redelivery is counted on the row it repeats, so an admin sees it happened. A different
-- message that reuses an earlier Message-ID (broken mailers and list software do) is a new row:
-- its dedupe key carries a digest of those headers (inbound.service.ts).
alter table inbound_message add column redeliveries integer not null default 0;
alter table inbound_message add column last_redelivered_at timestamptz;
