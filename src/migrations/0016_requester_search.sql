-- Search by the requester's name and organisation (issue 14, item 4): "ionescu" finds
-- "Maria Ionescu", "Francois" finds "François". Accents and case are folded by one immutable
-- function, so expression trigram indexes can serve `search_fold(name) like '%…%'`.
-- unaccent() itself is only STABLE (its dictionary could change), hence the wrapper naming the
-- dictionary explicitly; both PostgreSQL 15 and PGlite (PostgreSQL 18) ship unaccent.
create extension if not exists unaccent;

create function search_fold(text) returns text
  language sql immutable parallel safe strict
  as $$ select lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

create index app_user_name_fold_trgm on app_user using gin (search_fold(name) gin_trgm_ops);
create index organisation_name_fold_trgm on organisation using gin (search_fold(name) gin_trgm_ops);
