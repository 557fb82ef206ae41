import type { Db } from '../../platform/db/database.ts';
import { withTransaction } from '../../platform/db/database.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors/app-error.ts';
import { type Actor, assertAdmin } from '../auth/index.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { PolicyInput } from './sla.schemas.ts';
import { SlaRecomputeJob } from './sla-jobs.ts';
import { toPolicy } from './sla-policy.ts';

export async function listPolicies(db: Db, actor: Actor, brandId?: string) {
  assertAdmin(actor, 'Only an administrator manages service levels');
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
export async function savePolicy(db: Db, jobs: JobQueue, actor: Actor, id: string | null, input: PolicyInput, now: Date) {
  assertAdmin(actor, 'Only an administrator manages service levels');
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
          .set((eb) => ({ ...columns(input), version: eb('version', '+', 1), updated_at: now }))
          .where('id', '=', id)
          .returning('id')
          .executeTakeFirstOrThrow()
      : await trx.insertInto('sla_policy').values({ ...columns(input), created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    await jobs.enqueue(trx, SlaRecomputeJob, { brandId: input.brandId, reason: 'policy' });
    return (await listPolicies(trx, actor, input.brandId)).find((p) => p.id === row.id)!;
  });
}
