import type { Selectable } from 'kysely';
import type { SlaPolicyTable } from '../../platform/db/schema.ts';
import type { TicketPriority } from '../tickets/index.ts';
import type { PAUSABLE_STATUSES } from './sla.schemas.ts';

/** A service-level policy as the timers use it, and how a ticket finds its own. */
export interface SlaPolicy {
  id: string;
  brandId: string;
  name: string;
  calendarId: string;
  contractLevel: string | null;
  priority: TicketPriority | null;
  firstResponseMinutes: number | null;
  nextUpdateMinutes: number | null;
  resolutionMinutes: number | null;
  callbackMinutes: number | null;
  clockStart: 'created' | 'accepted';
  pauseStatuses: (typeof PAUSABLE_STATUSES)[number][];
  warningMinutes: number;
  raisePriorityOnBreach: boolean;
}

export function toPolicy(r: Selectable<SlaPolicyTable>): SlaPolicy {
  return {
    id: r.id,
    brandId: r.brand_id,
    name: r.name,
    calendarId: r.calendar_id,
    contractLevel: r.contract_level,
    priority: r.priority as TicketPriority | null,
    firstResponseMinutes: r.first_response_minutes,
    nextUpdateMinutes: r.next_update_minutes,
    resolutionMinutes: r.resolution_minutes,
    callbackMinutes: r.callback_minutes,
    clockStart: r.clock_start,
    pauseStatuses: r.pause_statuses as SlaPolicy['pauseStatuses'],
    warningMinutes: r.warning_minutes,
    raisePriorityOnBreach: r.raise_priority_on_breach,
  };
}

/**
 * The policy for a ticket: among the brand's active policies whose contract level and priority
 * match (null matches any), the most specific — contract level weighs more than priority, since
 * the contract is what the customer bought. No policy: the ticket is served first come first served.
 */
export function pickPolicy<P extends SlaPolicy>(policies: P[], t: { brand_id: string; contract_level: string; priority: string }): P | undefined {
  let best: P | undefined;
  let bestScore = -1;
  for (const p of policies) {
    if (p.brandId !== t.brand_id) continue;
    if (p.contractLevel !== null && p.contractLevel !== t.contract_level) continue;
    if (p.priority !== null && p.priority !== t.priority) continue;
    const score = (p.contractLevel !== null ? 2 : 0) + (p.priority !== null ? 1 : 0);
    if (score > bestScore) [best, bestScore] = [p, score];
  }
  return best;
}
