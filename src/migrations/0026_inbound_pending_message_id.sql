-- Issue 15: several workers process inbound mail at once on PostgreSQL. A message that answers one
-- still waiting to be processed lets that one go first (threading needs its ticket), found by the
-- Message-IDs it references among the messages still waiting: a small partial index.
create index inbound_message_pending_message_id_idx on inbound_message (message_id) where status = 'received';
