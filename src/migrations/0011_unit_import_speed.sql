-- Issue 11, import throughput: ids that grow with time (the layout of UUID version 7, RFC 9562:
-- 48 bits of milliseconds, then 74 random bits), so that a million new rows append to the right
-- edge of their primary-key index instead of touching a random page each. Measured on the
-- benchmark machine: COPY of a million units, 22.8 s with random ids, 11.5 s with these.
-- PostgreSQL 18 has uuidv7() built in; the server store is 15, hence our own.
create function apres_uuid7() returns uuid
language sql volatile parallel safe
as $$
  select encode(
    set_bit(set_bit(
      overlay(uuid_send(gen_random_uuid()) placing substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6),
      52, 1), 53, 1),
    'hex')::uuid
$$;

-- The tables a bulk import fills.
alter table app_user alter column id set default apres_uuid7();
alter table customer_order alter column id set default apres_uuid7();
alter table order_line alter column id set default apres_uuid7();
alter table unit alter column id set default apres_uuid7();

-- A unit is known by its model and its serial or licence key, whatever their case (the import,
-- the registration and the desk already compare them so): one unique index says it, and serves
-- every lookup by serial. It replaces two unique constraints and a brand-wide index, so a unit
-- costs two index entries fewer to write.
alter table unit drop constraint unit_model_id_serial_key, drop constraint unit_model_id_licence_key_key;
drop index unit_serial_idx;
create unique index unit_identity_key on unit (model_id, upper(coalesce(serial, licence_key)));
-- An order's units (the portal's "My orders", the invoice), and the proofs waiting for the desk.
create index unit_order_line_idx on unit (order_line_id);
create index unit_proof_uploaded_idx on unit (created_at) where proof_status = 'uploaded';
