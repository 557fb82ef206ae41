-- One search document per ticket (issue 15): its subject (weight A), description (B) and every
-- conversation entry but internal notes (C), each stemmed in its own language, in one tsvector.
-- Search then reads one index with the brand inside it (btree_gin), and can stop early: at a
-- million tickets a common word matched 60 000 tickets and 160 000 entries, all read and ranked
-- before visibility and the limit applied (1.2 s at the median, a minute at worst).
--
-- Kept current by triggers in the writing transaction, so no path (reply, mail, merge, edit,
-- import) can forget it. Inserts are set-based (statement triggers over transition tables): a
-- batch of entries costs one update per ticket, not one per entry. The per-row search vectors of
-- ticket and ticket_entry, and their indexes, go: nothing reads them any more, and every write
-- paid for them.
--
-- A tsvector holds at most 1 MB of lexemes and positions. A ticket's document takes its parts
-- while their vectors add up to at most 1 000 000 bytes (subject and description first, then the
-- entries oldest first): what a very long thread says beyond that is kept but not searched. Each
-- text counts its first 200 000 characters, so that no single vector can pass the limit (a huge
-- mail body failed to store before).
create extension if not exists btree_gin;

create aggregate ticket_search_concat(tsvector) (sfunc = tsvector_concat, stype = tsvector, initcond = '');

create function ticket_search_head(cfg regconfig, subject text, description text) returns tsvector
  language sql immutable parallel safe
  as $$ select setweight(to_tsvector(cfg, left(subject, 2000)), 'A') || setweight(to_tsvector(cfg, left(description, 200000)), 'B') $$;

create function ticket_search_entry(cfg regconfig, body text) returns tsvector
  language sql immutable parallel safe
  as $$ select setweight(to_tsvector(cfg, left(body, 200000)), 'C') $$;

-- The 30-day period a ticket was opened in: the index holds it, so "the newest matches of a
-- common word" is read period by period, newest first, instead of gathering every match.
create function ticket_search_bucket(at timestamptz) returns integer
  language sql immutable parallel safe
  as $$ select floor(extract(epoch from at) / 2592000)::integer $$;

create table ticket_search (
  ticket_id uuid primary key references ticket(id) on delete cascade,
  brand_id uuid not null,
  created_at timestamptz not null,
  bucket integer not null,
  -- The sizes of the vectors the document joins (an upper bound of its own), against the cap.
  doc_bytes integer not null,
  doc tsvector not null
);
-- Matches within a brand (and a span of periods) in one index scan; the admin's search leaves the
-- brand out, a query for every match the periods.
create index ticket_search_doc_idx on ticket_search using gin (brand_id, bucket, doc);

-- The document of these tickets, from scratch: text in order while under the cap.
create function ticket_search_rebuild(ids uuid[]) returns void
  language sql
  as $$
    with head as (
      select t.id, t.brand_id, t.created_at, ticket_search_head(t.search_config, t.subject, t.description) as v
      from ticket t where t.id = any(ids)
    ),
    part as (
      select e.ticket_id, e.created_at, e.id, ticket_search_entry(e.search_config, e.body) as v
      from ticket_entry e where e.ticket_id = any(ids) and e.kind <> 'internal_note'
    ),
    running as (
      select p.*, sum(pg_column_size(p.v)) over (partition by p.ticket_id order by p.created_at, p.id) as upto from part p
    ),
    fits as (
      select r.ticket_id, ticket_search_concat(r.v order by r.created_at, r.id) as doc, max(r.upto) as bytes
      from running r join head h on h.id = r.ticket_id
      where pg_column_size(h.v) + r.upto <= 1000000
      group by r.ticket_id
    )
    insert into ticket_search (ticket_id, brand_id, created_at, bucket, doc_bytes, doc)
    select h.id, h.brand_id, h.created_at, ticket_search_bucket(h.created_at),
           pg_column_size(h.v) + coalesce(f.bytes, 0), h.v || coalesce(f.doc, ''::tsvector)
    from head h left join fits f on f.ticket_id = h.id
    on conflict (ticket_id) do update set brand_id = excluded.brand_id, created_at = excluded.created_at, bucket = excluded.bucket, doc_bytes = excluded.doc_bytes, doc = excluded.doc
  $$;

create function ticket_search_on_ticket_insert() returns trigger
  language plpgsql
  as $$
  begin
    insert into ticket_search (ticket_id, brand_id, created_at, bucket, doc_bytes, doc)
    select n.id, n.brand_id, n.created_at, ticket_search_bucket(n.created_at), pg_column_size(h.v), h.v
    from new_rows n cross join lateral (select ticket_search_head(n.search_config, n.subject, n.description) as v) h;
    return null;
  end $$;

create trigger ticket_search_insert after insert on ticket
  referencing new table as new_rows for each statement execute function ticket_search_on_ticket_insert();

create function ticket_search_on_ticket_update() returns trigger
  language plpgsql
  as $$
  begin
    perform ticket_search_rebuild(array[new.id]);
    return null;
  end $$;

-- Only an edit of the indexed text (or a ticket moved to another brand) rebuilds the document;
-- status changes and the like never reach the function.
create trigger ticket_search_update after update of subject, description, search_config, brand_id on ticket
  for each row
  when (old.subject is distinct from new.subject or old.description is distinct from new.description
        or old.search_config is distinct from new.search_config or old.brand_id is distinct from new.brand_id)
  execute function ticket_search_on_ticket_update();

create function ticket_search_on_entry_insert() returns trigger
  language plpgsql
  as $$
  begin
    update ticket_search s
    set doc = s.doc || a.doc, doc_bytes = s.doc_bytes + a.bytes
    from (
      select r.ticket_id, ticket_search_concat(r.v order by r.created_at, r.id) as doc, max(r.upto)::integer as bytes
      from (
        select n.ticket_id, n.created_at, n.id, e.v, sum(pg_column_size(e.v)) over (partition by n.ticket_id order by n.created_at, n.id) as upto
        from new_rows n cross join lateral (select ticket_search_entry(n.search_config, n.body) as v) e
        where n.kind <> 'internal_note'
      ) r
      join ticket_search h on h.ticket_id = r.ticket_id
      where h.doc_bytes + r.upto <= 1000000
      group by r.ticket_id
    ) a
    where s.ticket_id = a.ticket_id;
    return null;
  end $$;

create trigger ticket_search_entry_insert after insert on ticket_entry
  referencing new table as new_rows for each statement execute function ticket_search_on_entry_insert();

-- An entry edited, moved (a merge moves them all in one statement) or deleted: the documents of
-- the tickets it left and joined are rebuilt once per statement.
create function ticket_search_on_entry_update() returns trigger
  language plpgsql
  as $$
  declare
    touched uuid[];
  begin
    select array_agg(distinct x) into touched from (
      select o.ticket_id as x from old_rows o join new_rows n on n.id = o.id
      where o.ticket_id is distinct from n.ticket_id or o.body is distinct from n.body or o.kind is distinct from n.kind or o.search_config is distinct from n.search_config
      union all
      select n.ticket_id from old_rows o join new_rows n on n.id = o.id
      where o.ticket_id is distinct from n.ticket_id or o.body is distinct from n.body or o.kind is distinct from n.kind or o.search_config is distinct from n.search_config
    ) c;
    if touched is not null then
      perform ticket_search_rebuild(touched);
    end if;
    return null;
  end $$;

create trigger ticket_search_entry_update after update on ticket_entry
  referencing old table as old_rows new table as new_rows for each statement execute function ticket_search_on_entry_update();

create function ticket_search_on_entry_delete() returns trigger
  language plpgsql
  as $$
  declare
    touched uuid[];
  begin
    select array_agg(distinct o.ticket_id) into touched from old_rows o where o.kind <> 'internal_note';
    if touched is not null then
      perform ticket_search_rebuild(touched);
    end if;
    return null;
  end $$;

create trigger ticket_search_entry_delete after delete on ticket_entry
  referencing old table as old_rows for each statement execute function ticket_search_on_entry_delete();

-- The documents of the tickets there are (minutes at a million tickets: every text is stemmed
-- once), in two set-based statements with the same cap as the triggers. They repeat the insert
-- triggers' statements over the whole tables: a trigger's transition table cannot be handed to a
-- function, and ticket_search_rebuild reads by id, which at a million tickets is the slow way.
insert into ticket_search (ticket_id, brand_id, created_at, bucket, doc_bytes, doc)
select t.id, t.brand_id, t.created_at, ticket_search_bucket(t.created_at), pg_column_size(h.v), h.v
from ticket t cross join lateral (select ticket_search_head(t.search_config, t.subject, t.description) as v) h;

update ticket_search s
set doc = s.doc || a.doc, doc_bytes = s.doc_bytes + a.bytes
from (
  select r.ticket_id, ticket_search_concat(r.v order by r.created_at, r.id) as doc, max(r.upto)::integer as bytes
  from (
    select e.ticket_id, e.created_at, e.id, p.v, sum(pg_column_size(p.v)) over (partition by e.ticket_id order by e.created_at, e.id) as upto
    from ticket_entry e cross join lateral (select ticket_search_entry(e.search_config, e.body) as v) p
    where e.kind <> 'internal_note'
  ) r
  join ticket_search h on h.ticket_id = r.ticket_id
  where h.doc_bytes + r.upto <= 1000000
  group by r.ticket_id
) a
where s.ticket_id = a.ticket_id;

drop index ticket_search_idx;
drop index ticket_entry_search_idx;
alter table ticket drop column search_vector;
alter table ticket_entry drop column search_vector;
