-- Login throttling (issue 9, finding 3): one row per key (an account, an account from one address,
-- an address). A login takes its slot under the row lock before the password is checked, so
-- parallel guesses are counted one by one; past the limit each key waits an exponentially growing
-- time (capped), rather than locking the real owner out for good.
create table login_throttle (
  key text primary key,
  attempts integer not null,
  window_start timestamptz not null,
  blocked_until timestamptz
);
