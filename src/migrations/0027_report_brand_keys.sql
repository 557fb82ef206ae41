-- Reports at a million tickets (issue 14). A report reads one brand's status changes and service-
-- level timers over a range of days. Without the brand on those rows, every report joined them to
-- the brand's whole ticket table (half a million rows hashed for a 30-day chart). The brand a ticket
-- belongs to never changes, so its rows carry it, written by their owners (tickets, sla) with the
-- row (no foreign key: the ticket's own keeps it honest, and a create pays no extra check), and the
-- indexes start with it: a chart over the whole brand reads only its own rows.
--
-- They also carry the ticket's current group, kept current by a trigger when the ticket changes
-- group: an agent's report (the tickets of their groups, or of none) then reads the changes by
-- index too, without the join.
--
-- A status change also records since when the ticket had been in the status it leaves (its
-- creation, or the change before): the time spent in each status is then read off the changes
-- themselves, with no window over every ticket's history.
alter table ticket_audit add column brand_id uuid, add column group_id uuid references agent_group (id) on delete set null,
  add column before_since timestamptz;
update ticket_audit a set brand_id = x.brand_id, group_id = x.group_id, before_since = x.since
from (
  select a2.id, t.brand_id, t.group_id,
    case when a2.field = 'status'
      then coalesce(lag(a2.at) over (partition by a2.ticket_id, a2.field = 'status' order by a2.id), t.created_at) end as since
  from ticket_audit a2 join ticket t on t.id = a2.ticket_id
) x
where x.id = a.id;
alter table ticket_audit alter column brand_id set not null;
drop index ticket_audit_status_at_idx;
create index ticket_audit_brand_status_at_idx on ticket_audit (brand_id, at) include (ticket_id, group_id, actor_id, before, after, before_since) where field = 'status';
-- The changes into or out of the backlog alone (about one in three: the backlog and who handled what).
create index ticket_audit_brand_done_at_idx on ticket_audit (brand_id, at) include (ticket_id, group_id, actor_id, before, after)
  where field = 'status' and ((before #>> '{}') in ('resolved', 'closed')) is distinct from ((after #>> '{}') in ('resolved', 'closed'));

create function ticket_audit_follow_ticket() returns trigger
  language plpgsql
  as $$
  begin
    update ticket_audit set brand_id = new.brand_id, group_id = new.group_id where ticket_id = new.id;
    return null;
  end $$;
create trigger ticket_audit_follow_ticket after update of group_id, brand_id on ticket
  for each row
  when (old.group_id is distinct from new.group_id or old.brand_id is distinct from new.brand_id)
  execute function ticket_audit_follow_ticket();

alter table ticket_sla_timer add column brand_id uuid;
update ticket_sla_timer s set brand_id = t.brand_id from ticket t where t.id = s.ticket_id;

alter table ticket_sla_timer alter column brand_id set not null;
drop index ticket_sla_timer_due_idx;
create index ticket_sla_timer_brand_due_idx on ticket_sla_timer (brand_id, due_at) include (ticket_id, kind, state) where kind in ('first_response', 'resolution');
