import type { Db } from '../../platform/db/database.ts';
import { withTransaction } from '../../platform/db/database.ts';
import { AppError, forbidden, notFound, validationFailed } from '../../platform/errors/app-error.ts';
import { type Actor, isAdmin } from '../auth/actor.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { TicketPriority } from '../tickets/ticket-status.ts';
import type { PAUSABLE_STATUSES, PolicyInput } from './sla.schemas.ts';
import { SlaRecomputeJob } from './sla-jobs.ts';

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

type PolicyRow = {
  id: string;
  brand_id: string;
  name: string;
  calendar_id: string;
  contract_level: string | null;
  priority: string | null;
  first_response_minutes: number | null;
  next_update_minutes: number | null;
  resolution_minutes: number | null;
  callback_minutes: number | null;
  clock_start: 'created' | 'accepted';
  pause_statuses: string[];
  warning_minutes: number;
  raise_priority_on_breach: boolean;
};

function toPolicy(r: PolicyRow): SlaPolicy {
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

export async function listActivePolicies(db: Db, brandIds: string[]): Promise<SlaPolicy[]> {
  if (brandIds.length === 0) return [];
  const rows = await db.selectFrom('sla_policy').selectAll().where('brand_id', 'in', brandIds).where('active', '=', true).execute();
  return rows.map(toPolicy);
}

/**
 * The policy for a ticket: among the brand's active policies whose contract level and priority
 * match (null matches any), the most specific — contract level weighs more than priority, since
 * the contract is what the customer bought. No policy: the ticket is served first come first served.
 */
export function pickPolicy(policies: SlaPolicy[], t: { brand_id: string; contract_level: string; priority: string }): SlaPolicy | undefined {
  let best: SlaPolicy | undefined;
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

function requireAdmin(actor: Actor) {
  if (!isAdmin(actor)) throw forbidden('Only an administrator manages service levels');
}

export async function listPolicies(db: Db, actor: Actor, brandId?: string) {
  requireAdmin(actor);
  let q = db
    .selectFrom('sla_policy as p')
    .innerJoin('business_calendar as c', 'c.id', 'p.calendar_id')
    .selectAll('p')
    .select('c.name as calendar_name');
  if (brandId) q = q.where('p.brand_id', '=', brandId);
  const rows = await q.orderBy('p.brand_id').orderBy('p.contract_level').orderBy('p.priority').execute();
  return rows.map((r) => ({ ...toPolicy(r), active: r.active, calendarName: r.calendar_name, version: r.version, updatedAt: r.updated_at.toISOString() }));
}

async function checkPolicy(trx: Db, input: PolicyInput, selfId: string | null) {
  const calendar = await trx.selectFrom('business_calendar').select(['id', 'brand_id']).where('id', '=', input.calendarId).executeTakeFirst();
  if (!calendar || calendar.brand_id !== input.brandId) {
    throw validationFailed([{ field: 'calendarId', code: 'invalid_value', message: 'no such calendar in this brand' }]);
  }
  if (!input.firstResponseMinutes && !input.nextUpdateMinutes && !input.resolutionMinutes && !input.callbackMinutes) {
    throw validationFailed([{ field: 'firstResponseMinutes', code: 'required', message: 'a policy needs at least one target' }]);
  }
  if (input.active) {
    let clash = trx
      .selectFrom('sla_policy')
      .select('name')
      .where('brand_id', '=', input.brandId)
      .where('active', '=', true)
      .where((eb) => (input.contractLevel === null ? eb('contract_level', 'is', null) : eb('contract_level', '=', input.contractLevel)))
      .where((eb) => (input.priority === null ? eb('priority', 'is', null) : eb('priority', '=', input.priority)));
    if (selfId) clash = clash.where('id', '<>', selfId);
    const other = await clash.executeTakeFirst();
    if (other) {
      throw new AppError('SLA_POLICY_CONFLICT', 409, `The active policy "${other.name}" already covers this contract level and priority`, {
        errors: [{ field: 'priority', code: 'conflict', message: `already covered by "${other.name}"` }],
      });
    }
  }
}

function columns(input: PolicyInput) {
  return {
    brand_id: input.brandId,
    name: input.name,
    calendar_id: input.calendarId,
    contract_level: input.contractLevel,
    priority: input.priority,
    first_response_minutes: input.firstResponseMinutes,
    next_update_minutes: input.nextUpdateMinutes,
    resolution_minutes: input.resolutionMinutes,
    callback_minutes: input.callbackMinutes,
    clock_start: input.clockStart,
    pause_statuses: input.pauseStatuses,
    warning_minutes: input.warningMinutes,
    raise_priority_on_breach: input.raisePriorityOnBreach,
    active: input.active,
  };
}

/** Creates or changes a policy; the brand's open tickets are recomputed by a job committed with it. */
export async function savePolicy(db: Db, jobs: JobQueue, actor: Actor, id: string | null, input: PolicyInput) {
  requireAdmin(actor);
  return withTransaction(db, async (trx) => {
    if (id) {
      const old = await trx.selectFrom('sla_policy').select(['id', 'brand_id']).where('id', '=', id).forUpdate().executeTakeFirst();
      if (!old) throw notFound('SLA_POLICY_NOT_FOUND', 'Service-level policy');
      if (old.brand_id !== input.brandId) throw validationFailed([{ field: 'brandId', code: 'invalid_value', message: 'a policy cannot move to another brand' }]);
    }
    await checkPolicy(trx, input, id);
    const row = id
      ? await trx
          .updateTable('sla_policy')
          .set((eb) => ({ ...columns(input), version: eb('version', '+', 1), updated_at: new Date() }))
          .where('id', '=', id)
          .returning('id')
          .executeTakeFirstOrThrow()
      : await trx.insertInto('sla_policy').values(columns(input)).returning('id').executeTakeFirstOrThrow();
    await jobs.enqueue(trx, SlaRecomputeJob, { brandId: input.brandId, reason: 'policy' });
    return (await listPolicies(trx, actor, input.brandId)).find((p) => p.id === row.id)!;
  });
}
