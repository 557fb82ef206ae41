import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
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

/** The tickets as far as choosing their policy goes. */
export async function loadSlaTickets(db: Q, ticketIds: string[]): Promise<SlaTicketRow[]> {
  if (ticketIds.length === 0) return [];
  return db
    .selectFrom('ticket')
    .select(['id', 'brand_id', 'priority', 'contract_level', 'status', 'merged_into_id', 'sla_policy_id', 'created_at', 'accepted_at'])
    .where('id', 'in', ticketIds)
    .execute();
}

/**
 * Everything the timers of these tickets depend on, in three queries whatever their number:
 * their status changes (from the audit trail), the desk's public answers and calls, and the
 * latest schedule change.
 */
export async function loadSlaFacts(db: Q, tickets: SlaTicketRow[]): Promise<Map<string, SlaFacts>> {
  if (tickets.length === 0) return new Map();
  const ticketIds = tickets.map((t) => t.id);
  const [audits, answers, plans] = await Promise.all([
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
    if (f.statusTimeline.length === 0) f.statusTimeline.push({ at: f.createdAt, status: a.before as TicketStatus });
    f.statusTimeline.push({ at: a.at, status: a.after as TicketStatus });
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
  return facts;
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
