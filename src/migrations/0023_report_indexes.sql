-- Reports (issue 14), measured with `npm run bench:reports` at a million tickets. Each covers what
-- its queries read, so they are answered from the index (once vacuum has marked the pages visible):
-- a brand's tickets by creation time (channels, products, time in status, the backlog's creations;
-- id and group for the joins and the visibility predicate)…
create index ticket_brand_created_idx on ticket (brand_id, created_at) include (id, channel, group_id, status);
-- …its open tickets (the backlog's starting point, the workload; a tenth of the table or less)…
create index ticket_open_brand_idx on ticket (brand_id) include (group_id, assignee_id) where status not in ('resolved', 'closed');
-- …status changes by time (the backlog's events, who handled what)…
create index ticket_audit_status_at_idx on ticket_audit (at) include (ticket_id, actor_id, before, after) where field = 'status';
-- …and the first-response and resolution timers by due time (service levels per week).
create index ticket_sla_timer_due_idx on ticket_sla_timer (due_at) include (ticket_id, kind, state) where kind in ('first_response', 'resolution');
