-- Issue 15: a mail being sent is claimed first. The job that takes a queued message sets a lease
-- (sending_until) in the same statement that reads it; another run of the same job (a job that
-- outlived its expiry and was fetched again, or a second process) finds the lease and waits for
-- a retry instead of sending the mail a second time. A lease left by a process that died mid-send
-- expires, and the job's next retry sends the mail. Every outcome (sent, failed attempt, outbox,
-- held) clears it.
alter table outbound_message add column sending_until timestamptz;
