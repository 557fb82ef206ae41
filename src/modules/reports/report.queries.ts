import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

/**
 * The reports' SQL. Every query reads tickets (aliased `t`) of one brand through the caller's
 * visibility predicate and the optional group, and buckets days and weeks in the brand's time zone
 * (`date_trunc('week')` is the ISO week: Monday). Reads only: the tables belong to tickets, sla,
 * orders and catalog.
 */
export interface ReportScope {
  brandId: string;
  timeZone: string;
  /** Local dates, inclusive, `YYYY-MM-DD`. */
  from: string;
  to: string;
  /** The instants the local dates start and end at (`to`'s next midnight). */
  startAt: Date;
  endAt: Date;
  groupId: string | null;
  /** `ticketVisibleTo(actor)` over `t`. */
  visible: Expression<SqlBool>;
  /**
   * The groups whose tickets the person sees, besides the tickets in no group (an agent in some of
   * the brand's groups); null when they see the whole brand (an administrator, or an agent in all
   * of its groups).
   */
  visibleGroups: string[] | null;
  now: Date;
}

/** Statuses that take a ticket out of the backlog. */
const DONE = sql`('resolved', 'closed')`;

/**
 * A status change into or out of the backlog (resolved/closed on one side only): written exactly as
 * the predicate of the partial index of such changes (migration 0027), so the planner uses it. A
 * ticket's other changes (accepted, in progress, resolved to closed…) move no backlog count.
 */
const CROSSES_DONE = sql`((a.before #>> '{}') in ('resolved', 'closed')) is distinct from ((a.after #>> '{}') in ('resolved', 'closed'))`;

function ticketScope(s: ReportScope): RawBuilder<unknown> {
  return sql`t.brand_id = ${s.brandId} and ${s.visible}${s.groupId ? sql` and t.group_id = ${s.groupId}` : sql``}`;
}

/** Every ticket of the brand is counted: no group chosen, and the person sees the whole brand. */
const wholeBrand = (s: ReportScope) => !s.groupId && s.visibleGroups === null;

/**
 * The brand's status changes (`a`) the scope counts, filtered further by `where` (over `a`), read by
 * the brand's index alone: the rows carry their ticket's brand and current group (0027), so the
 * group chosen and the person's visibility (their groups, or none) apply without the tickets.
 */
function statusChanges(s: ReportScope, where: RawBuilder<unknown>): RawBuilder<unknown> {
  const groups: RawBuilder<unknown>[] = [];
  if (s.groupId) groups.push(sql`a.group_id = ${s.groupId}`);
  if (s.visibleGroups) {
    groups.push(s.visibleGroups.length ? sql`(a.group_id is null or a.group_id in (${sql.join(s.visibleGroups)}))` : sql`a.group_id is null`);
  }
  return sql`select a.* from ticket_audit a where a.brand_id = ${s.brandId} and a.field = 'status' and ${where}${groups.length ? sql` and ${sql.join(groups, sql` and `)}` : sql``}`;
}

export interface BacklogRow { day: string; open: number }

/**
 * Open tickets at the end of each local day. Counted backwards from today's open tickets, so only
 * the events since the range's start are read, however long the history: a creation adds one, a
 * status change into resolved/closed takes one away, a reopening adds it back. Tickets are born
 * open, and every status change is in the audit (tickets' `transitionStatus` and merge write it).
 */
export async function backlogByDay(db: Db, s: ReportScope): Promise<BacklogRow[]> {
  const { rows } = await sql<BacklogRow>`
    with events as (
      select t.created_at as at, 1 as delta from ticket t
      where ${ticketScope(s)} and t.created_at >= ${s.startAt}
      union all
      select a.at,
        (case when a.after #>> '{}' in ${DONE} then 0 else 1 end) - (case when a.before #>> '{}' in ${DONE} then 0 else 1 end)
      from (${statusChanges(s, sql`a.at >= ${s.startAt} and ${CROSSES_DONE}`)}) a
    ),
    by_day as (
      select (at at time zone ${s.timeZone})::date as day, sum(delta)::int as delta from events group by 1
    ),
    open_now as (select count(*)::int as n from ticket t where ${ticketScope(s)} and t.status not in ${DONE}),
    after_all as (select coalesce(sum(delta), 0)::int as n from by_day),
    days as (select d::date as day from generate_series(${s.from}::date, ${s.to}::date, interval '1 day') d)
    select to_char(days.day, 'YYYY-MM-DD') as day,
      ((select n from open_now) - (select n from after_all)
        + coalesce(sum(coalesce(b.delta, 0)) over (order by days.day), 0))::int as open
    from days left join by_day b on b.day = days.day
    order by days.day`.execute(db);
  // backlog(d) = open now − every event after d = open now − all events since the start + those up to d.
  return rows;
}

export interface SlaWeekRow { week: string; kind: 'first_response' | 'resolution'; met: number; breached: number }

/**
 * First-response and resolution promises that fell due in each local week: met (answered or
 * resolved in time) or breached (late, or still running past the due time now).
 */
export async function slaByWeek(db: Db, s: ReportScope): Promise<SlaWeekRow[]> {
  const { rows } = await sql<SlaWeekRow>`
    with weeks as (
      select w::date as week from generate_series(date_trunc('week', ${s.from}::date), ${s.to}::date, interval '1 week') w
    ),
    kinds as (select unnest(array['first_response', 'resolution']) as kind),
    decided as (
      select date_trunc('week', s.due_at at time zone ${s.timeZone})::date as week, s.kind,
        count(*) filter (where s.state = 'met')::int as met,
        count(*) filter (where s.state <> 'met')::int as breached
      from ticket_sla_timer s
      where s.brand_id = ${s.brandId} and s.kind in ('first_response', 'resolution') and s.due_at >= ${s.startAt} and s.due_at < ${s.endAt}
        and (s.state in ('met', 'breached') or (s.state = 'running' and s.due_at <= ${s.now}))
        ${wholeBrand(s) ? sql`` : sql`and exists (select 1 from ticket t where t.id = s.ticket_id and ${ticketScope(s)})`}
      group by 1, 2
    )
    select to_char(weeks.week, 'YYYY-MM-DD') as week, kinds.kind, coalesce(d.met, 0)::int as met, coalesce(d.breached, 0)::int as breached
    from weeks cross join kinds left join decided d on d.week = weeks.week and d.kind = kinds.kind
    order by weeks.week, kinds.kind`.execute(db);
  return rows;
}

export interface ChannelRow { channel: string; tickets: number }

/** Tickets opened in the range, per channel (every channel listed, zeros included). */
export async function ticketsByChannel(db: Db, s: ReportScope, channels: readonly string[]): Promise<ChannelRow[]> {
  const { rows } = await sql<ChannelRow>`
    with counted as (
      select t.channel, count(*)::int as tickets from ticket t
      where ${ticketScope(s)} and t.created_at >= ${s.startAt} and t.created_at < ${s.endAt}
      group by 1
    )
    select c.channel, coalesce(counted.tickets, 0)::int as tickets
    from unnest(${sql.val(channels as string[])}::text[]) with ordinality as c(channel, position)
    left join counted on counted.channel = c.channel
    order by tickets desc, c.position`.execute(db);
  return rows;
}

export interface ProductRow { modelId: string | null; modelCode: string | null; modelName: Record<string, string> | null; tickets: number }

/**
 * Tickets opened in the range per product model: the ticket's serial numbers found among the
 * brand's units (ticket_serial → unit → product_model). A ticket naming units of two models counts
 * for each; a ticket with no known unit counts once under "no known product" (model null).
 */
export async function ticketsByProduct(db: Db, s: ReportScope): Promise<ProductRow[]> {
  const { rows } = await sql<ProductRow>`
    with tk as (
      select t.id from ticket t where ${ticketScope(s)} and t.created_at >= ${s.startAt} and t.created_at < ${s.endAt}
    ),
    tm as (
      select distinct tk.id, u.model_id from tk
      join ticket_serial ts on ts.ticket_id = tk.id
      join unit u on u.brand_id = ${s.brandId} and upper(u.serial) = upper(ts.serial)
    ),
    counted as (
      select model_id, count(*)::int as tickets from tm group by 1
      union all
      select null, count(*)::int from tk where not exists (select 1 from tm where tm.id = tk.id)
    )
    select m.id as "modelId", m.code as "modelCode", m.name as "modelName", c.tickets
    from counted c left join product_model m on m.id = c.model_id
    where c.tickets > 0
    order by c.tickets desc, m.code nulls last`.execute(db);
  return rows;
}

export interface StatusTimeRow { status: string; stays: number; averageHours: number; medianHours: number }

/**
 * Every stay in a status that ended in the range (a status change), and how long it lasted (the
 * change records since when the ticket was in the status it left): per status, how many stays, and
 * their mean and median length. A ticket that comes back to a status counts once per stay. `closed`
 * is an end, not a stay, and is left out (leaving it is a reopening).
 */
export async function timeInStatus(db: Db, s: ReportScope): Promise<StatusTimeRow[]> {
  const { rows } = await sql<StatusTimeRow>`
    with stays as (
      select a.before #>> '{}' as status, greatest(extract(epoch from (a.at - a.before_since)), 0) / 3600.0 as hours
      from (${statusChanges(s, sql`a.at >= ${s.startAt} and a.at < ${s.endAt} and a.before_since is not null`)}) a
    )
    select status, count(*)::int as stays,
      round(avg(hours)::numeric, 2)::float8 as "averageHours",
      round((percentile_cont(0.5) within group (order by hours))::numeric, 2)::float8 as "medianHours"
    from stays where status <> 'closed' group by status`.execute(db);
  return rows;
}

export interface WorkloadRow { agentId: string; agentName: string; openTickets: number; handled: number }
export interface HandledWeekRow { week: string; agentId: string; agentName: string; handled: number }

/**
 * Handled = a person moved the ticket from an open status to resolved or closed (the audit's
 * actor), in the range; a ticket resolved then closed counts once.
 */
function handledSql(s: ReportScope) {
  return sql`
    select a.actor_id, a.at from (${statusChanges(s, sql`a.at >= ${s.startAt} and a.at < ${s.endAt} and ${CROSSES_DONE} and a.actor_id is not null
      and a.after #>> '{}' in ${DONE} and a.before #>> '{}' not in ${DONE}`)}) a`;
}

/** Per person: tickets assigned to them that are open now, and tickets they handled in the range. */
export async function workloadByAgent(db: Db, s: ReportScope): Promise<WorkloadRow[]> {
  const { rows } = await sql<WorkloadRow>`
    with open_now as (
      select t.assignee_id as agent_id, count(*)::int as n from ticket t
      where ${ticketScope(s)} and t.status not in ${DONE} and t.assignee_id is not null group by 1
    ),
    handled as (select actor_id as agent_id, count(*)::int as n from (${handledSql(s)}) h group by 1),
    agents as (select agent_id from open_now union select agent_id from handled)
    select u.id as "agentId", u.name as "agentName", coalesce(o.n, 0)::int as "openTickets", coalesce(h.n, 0)::int as handled
    from agents a join app_user u on u.id = a.agent_id
    left join open_now o on o.agent_id = a.agent_id left join handled h on h.agent_id = a.agent_id
    order by "openTickets" desc, handled desc, u.name`.execute(db);
  return rows;
}

/** Tickets each person handled, per local week of the range (weeks with none are left out). */
export async function handledByWeek(db: Db, s: ReportScope): Promise<HandledWeekRow[]> {
  const { rows } = await sql<HandledWeekRow>`
    with h as (${handledSql(s)})
    select to_char(date_trunc('week', h.at at time zone ${s.timeZone}), 'YYYY-MM-DD') as week,
      u.id as "agentId", u.name as "agentName", count(*)::int as handled
    from h join app_user u on u.id = h.actor_id
    group by 1, 2, 3 order by 1, u.name`.execute(db);
  return rows;
}
