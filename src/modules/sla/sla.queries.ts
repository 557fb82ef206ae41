import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { TicketStatus } from '../tickets/ticket-status.ts';
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
}

// jsonb arrives parsed: a status is a JSON string, hence a JS string.
const parseJson = (v: unknown): unknown => v;

/**
 * Everything the timers of these tickets depend on, in four queries whatever their number: the
 * tickets, their status changes (from the audit trail), the desk's public answers and calls, and
 * the latest schedule change.
 */
export async function loadSlaFacts(db: Q, ticketIds: string[]): Promise<{ tickets: SlaTicketRow[]; facts: Map<string, SlaFacts> }> {
  if (ticketIds.length === 0) return { tickets: [], facts: new Map() };
  const [tickets, audits, answers, plans] = await Promise.all([
    db
      .selectFrom('ticket')
      .select(['id', 'brand_id', 'priority', 'contract_level', 'status', 'merged_into_id', 'sla_policy_id', 'created_at', 'accepted_at'])
      .where('id', 'in', ticketIds)
      .execute(),
    db.selectFrom('ticket_audit').select(['ticket_id', 'at', 'before', 'after']).where('ticket_id', 'in', ticketIds).where('field', '=', 'status').orderBy('id').execute(),
    db
      .selectFrom('ticket_entry as e')
      .innerJoin('app_user as u', 'u.id', 'e.author_id')
      .select(['e.ticket_id', 'e.kind', 'e.created_at'])
      .where('e.ticket_id', 'in', ticketIds)
      .where('e.kind', 'in', ['agent_reply', 'phone_note'])
      .where('u.role', 'in', ['agent', 'technician', 'admin'])
      .orderBy('e.created_at')
      .execute(),
    db
      .selectFrom('ticket_schedule_change')
      .select(['ticket_id', 'planned_resolution_at', 'reason', 'previous_due_at'])
      .distinctOn('ticket_id')
      .where('ticket_id', 'in', ticketIds)
      .orderBy('ticket_id')
      .orderBy('created_at', 'desc')
      .execute(),
  ]);
  const facts = new Map<string, SlaFacts>();
  for (const t of tickets) {
    facts.set(t.id, { createdAt: t.created_at, acceptedAt: t.accepted_at, statusTimeline: [], responses: [], calls: [], plannedResolution: null });
  }
  for (const a of audits) {
    const f = facts.get(a.ticket_id)!;
    if (f.statusTimeline.length === 0) f.statusTimeline.push({ at: f.createdAt, status: parseJson(a.before) as TicketStatus });
    f.statusTimeline.push({ at: a.at, status: parseJson(a.after) as TicketStatus });
  }
  for (const t of tickets) {
    const f = facts.get(t.id)!;
    if (f.statusTimeline.length === 0) f.statusTimeline.push({ at: f.createdAt, status: t.status as TicketStatus });
  }
  for (const e of answers) {
    const f = facts.get(e.ticket_id)!;
    f.responses.push(e.created_at);
    if (e.kind === 'phone_note') f.calls.push(e.created_at);
  }
  for (const p of plans) {
    facts.get(p.ticket_id)!.plannedResolution = { at: p.planned_resolution_at, reason: p.reason, previousDueAt: p.previous_due_at };
  }
  return { tickets, facts };
}

/** Ids of open tickets (not resolved, closed or merged) governed by any of these policies or brands. */
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
 * When the sweeper must look at each timer next: the warning, unless already given for this due
 * time; the breach, unless already escalated for it. Nothing for stopped or paused timers.
 */
export async function updateNextActions(db: Q, ticketIds: string[]): Promise<void> {
  if (ticketIds.length === 0) return;
  await db
    .updateTable('ticket_sla_timer')
    .set({
      next_action_at: sql<Date | null>`case when state in ('running', 'breached') and stopped_at is null and due_at is not null then
        least(case when warned_due_at is distinct from due_at and warn_at is not null then warn_at end,
              case when breached_due_at is distinct from due_at then due_at end) end`,
    })
    .where('ticket_id', 'in', ticketIds)
    .execute();
}
