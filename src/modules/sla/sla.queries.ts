import { type Kysely, type Selectable, sql } from 'kysely';
import type { DB, SlaPolicyTable } from '../../platform/db/schema.ts';
import { type SlaPolicy, toPolicy } from './sla-policy.ts';
import type { TicketStatus } from '../tickets/index.ts';
import type { SlaFacts } from './sla-timers.ts';

type Q = Kysely<DB>;

export interface SlaTicketRow {
  id: string;
  brand_id: string;
  priority: string;
  contract_level: string;
  status: string;
  merged_into_id: string | null;
  sla_policy_id: string | null;
  created_at: Date;
  accepted_at: Date | null;
}

type Ms = number;
interface SlaInputRow extends SlaTicketRow {
  audits: { at: Ms; before: string; after: string }[];
  answers: { kind: string; at: Ms }[];
  plan: { at: Ms; reason: string; previous: Ms | null } | null;
  policies: (Selectable<SlaPolicyTable> & { calendar_version: number })[];
}

const ms = (column: string) => sql.raw(`(extract(epoch from ${column}) * 1000)::float8`);

/**
 * The tickets as far as choosing their policy goes, with everything their timers depend on — their
 * status changes (from the audit trail), the desk's public answers and calls, the latest schedule
 * change — and their brands' active policies, in one statement whatever their number: a refresh runs in the transaction of every
 * change to a ticket, where each round trip counts (issue 15).
 */
export async function loadSlaInputs(
  db: Q,
  ticketIds: string[],
): Promise<{ tickets: SlaTicketRow[]; facts: Map<string, SlaFacts>; policies: (SlaPolicy & { calendarVersion: number })[] }> {
  const facts = new Map<string, SlaFacts>();
  const policies = new Map<string, SlaPolicy & { calendarVersion: number }>();
  if (ticketIds.length === 0) return { tickets: [], facts, policies: [] };
  const rows = await db
    .selectFrom('ticket as t')
    .select(['t.id', 't.brand_id', 't.priority', 't.contract_level', 't.status', 't.merged_into_id', 't.sla_policy_id', 't.created_at', 't.accepted_at'])
    .select([
      sql<SlaInputRow['audits']>`(select coalesce(json_agg(json_build_object('at', ${ms('a.at')}, 'before', a.before, 'after', a.after) order by a.id), '[]')
        from ticket_audit a where a.ticket_id = t.id and a.field = 'status')`.as('audits'),
      sql<SlaInputRow['answers']>`(select coalesce(json_agg(json_build_object('kind', e.kind, 'at', ${ms('e.created_at')}) order by e.created_at), '[]')
        from ticket_entry e join app_user u on u.id = e.author_id
        where e.ticket_id = t.id and e.kind in ('agent_reply', 'phone_note') and u.role in ('agent', 'technician', 'admin'))`.as('answers'),
      sql<SlaInputRow['plan']>`(select json_build_object('at', ${ms('c.planned_resolution_at')}, 'reason', c.reason, 'previous', ${ms('c.previous_due_at')})
        from ticket_schedule_change c where c.ticket_id = t.id order by c.created_at desc limit 1)`.as('plan'),
      // The brand's active policies, each with its calendar's version (a process holding that
      // version reads no definition): a handful of rows, repeated on each ticket of a batch.
      sql<SlaInputRow['policies']>`(select coalesce(json_agg(to_jsonb(p) || jsonb_build_object('calendar_version', cal.version)), '[]')
        from sla_policy p join business_calendar cal on cal.id = p.calendar_id where p.brand_id = t.brand_id and p.active)`.as('policies'),
    ])
    .where('t.id', 'in', ticketIds)
    .execute();
  const tickets: SlaTicketRow[] = [];
  for (const { audits, answers, plan, policies: brandPolicies, ...t } of rows) {
    tickets.push(t);
    for (const p of brandPolicies) if (!policies.has(p.id)) policies.set(p.id, { ...toPolicy(p), calendarVersion: p.calendar_version });
    const f: SlaFacts = { createdAt: t.created_at, acceptedAt: t.accepted_at, statusTimeline: [], responses: [], calls: [], plannedResolution: null };
    for (const a of audits) {
      if (f.statusTimeline.length === 0) f.statusTimeline.push({ at: f.createdAt, status: a.before as TicketStatus });
      f.statusTimeline.push({ at: new Date(a.at), status: a.after as TicketStatus });
    }
    if (f.statusTimeline.length === 0) f.statusTimeline.push({ at: f.createdAt, status: t.status as TicketStatus });
    for (const e of answers) {
      f.responses.push(new Date(e.at));
      if (e.kind === 'phone_note') f.calls.push(new Date(e.at));
    }
    if (plan) f.plannedResolution = { at: new Date(plan.at), reason: plan.reason, previousDueAt: plan.previous === null ? null : new Date(plan.previous) };
    facts.set(t.id, f);
  }
  return { tickets, facts, policies: [...policies.values()] };
}

/** Ids of a brand's open tickets (not resolved, closed or merged), in id order for keyset batches. */
export function openTicketIds(db: Q, scope: { brandId: string }) {
  return db
    .selectFrom('ticket')
    .select('id')
    .where('brand_id', '=', scope.brandId)
    .where('status', 'not in', ['resolved', 'closed'])
    .where('merged_into_id', 'is', null)
    .orderBy('id');
}

/**
 * When the sweeper must look at a timer next: its warning, unless already given for this due
 * time; its breach, unless already escalated for it; never for stopped or paused timers. `from`
 * names where the timer's computed columns are read (`excluded` in an upsert); the markers are
 * always the stored row's.
 */
export function nextActionAt(from: 'excluded' | 'ticket_sla_timer') {
  const c = (column: string) => sql.ref(`${from}.${column}`);
  return sql<Date | null>`case when ${c('state')} in ('running', 'breached') and ${c('stopped_at')} is null and ${c('due_at')} is not null then
    least(case when ticket_sla_timer.warned_due_at is distinct from ${c('due_at')} and ${c('warn_at')} is not null then ${c('warn_at')} end,
          case when ticket_sla_timer.breached_due_at is distinct from ${c('due_at')} then ${c('due_at')} end) end`;
}

export async function updateNextActions(db: Q, ticketIds: string[]): Promise<void> {
  if (ticketIds.length === 0) return;
  await db.updateTable('ticket_sla_timer').set({ next_action_at: nextActionAt('ticket_sla_timer') }).where('ticket_id', 'in', ticketIds).execute();
}
