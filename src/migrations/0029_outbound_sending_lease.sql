-- Issue 15: a mail being sent is claimed first. The run of a `mail.send` job that takes a queued
-- message sets a claim (a token and a lease, renewed while the send lasts) in the statement that
-- reads it; another run of the same job (one fetched again after its expiry, or in a second
-- process) finds the claim and comes back after it instead of sending the mail a second time. The
-- outcome (sent, failed attempt, outbox, held) is written only by the run holding the claim, and
-- ends it. A claim left by a process that died expires within two minutes. `sending_runs` counts
-- the runs that claimed the message, whatever job they belonged to: past a limit it is failed, so
-- that neither a process dying on it again and again nor a chain of jobs can try it forever.
alter table outbound_message
  add column sending_until timestamptz,
  add column sending_token uuid,
  add column sending_runs integer not null default 0;

-- The sweep for queued mail whose job is gone (`recoverStalledOutbound`, every minute in every
-- process) reads only the queued messages, a handful, not the million sent ones.
create index outbound_message_queued_idx on outbound_message (created_at) where status = 'queued';
