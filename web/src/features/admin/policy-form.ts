import type { PausableStatus, SlaPolicy, SlaPolicyInput, TicketPriority } from '../../api/types';

/** The policy editor's state: "any" contract level or priority is the empty string. */
export interface PolicyFormValues {
  brandId: string;
  name: string;
  calendarId: string;
  contractLevel: string;
  priority: TicketPriority | '';
  firstResponseMinutes: number | null;
  nextUpdateMinutes: number | null;
  resolutionMinutes: number | null;
  callbackMinutes: number | null;
  clockStart: 'created' | 'accepted';
  pauseStatuses: PausableStatus[];
  warningMinutes: number | null;
  raisePriorityOnBreach: boolean;
  active: boolean;
}

export const TARGET_FIELDS = ['firstResponseMinutes', 'callbackMinutes', 'nextUpdateMinutes', 'resolutionMinutes'] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];

export function initialPolicyValues(policy: SlaPolicy | null, brandId: string | null): PolicyFormValues {
  return {
    brandId: policy?.brandId ?? brandId ?? '',
    name: policy?.name ?? '',
    calendarId: policy?.calendarId ?? '',
    contractLevel: policy?.contractLevel ?? '',
    priority: policy?.priority ?? '',
    firstResponseMinutes: policy?.firstResponseMinutes ?? null,
    nextUpdateMinutes: policy?.nextUpdateMinutes ?? null,
    resolutionMinutes: policy?.resolutionMinutes ?? null,
    callbackMinutes: policy?.callbackMinutes ?? null,
    clockStart: policy?.clockStart ?? 'created',
    pauseStatuses: policy ? [...policy.pauseStatuses] : ['waiting_customer'],
    warningMinutes: policy?.warningMinutes ?? 60,
    raisePriorityOnBreach: policy?.raisePriorityOnBreach ?? true,
    active: policy?.active ?? true,
  };
}

const CONTRACT_LEVEL = /^[a-z0-9_-]{1,40}$/;
const MAX_MINUTES = 60 * 24 * 366;

/** Field error codes by the server's field names, checked before sending. */
export function validatePolicy(v: PolicyFormValues): Record<string, string> {
  const out: Record<string, string> = {};
  if (!v.brandId) out.brandId = 'required';
  if (!v.name.trim()) out.name = 'required';
  if (!v.calendarId) out.calendarId = 'required';
  if (v.contractLevel.trim() && !CONTRACT_LEVEL.test(v.contractLevel.trim())) out.contractLevel = 'contract_level_format';
  for (const f of TARGET_FIELDS) {
    const m = v[f];
    if (m === null) continue;
    if (m < 1) out[f] = 'too_small';
    else if (m > MAX_MINUTES) out[f] = 'too_big';
  }
  if (TARGET_FIELDS.every((f) => v[f] === null)) out.firstResponseMinutes = 'one_target';
  if (v.warningMinutes === null) out.warningMinutes = 'required';
  else if (v.warningMinutes > 60 * 24 * 30) out.warningMinutes = 'too_big';
  return out;
}

export function toPolicyInput(v: PolicyFormValues): SlaPolicyInput {
  return {
    brandId: v.brandId,
    name: v.name.trim(),
    calendarId: v.calendarId,
    contractLevel: v.contractLevel.trim() || null,
    priority: v.priority || null,
    firstResponseMinutes: v.firstResponseMinutes,
    nextUpdateMinutes: v.nextUpdateMinutes,
    resolutionMinutes: v.resolutionMinutes,
    callbackMinutes: v.callbackMinutes,
    clockStart: v.clockStart,
    pauseStatuses: v.pauseStatuses,
    warningMinutes: v.warningMinutes ?? 0,
    raisePriorityOnBreach: v.raisePriorityOnBreach,
    active: v.active,
  };
}

/** The other active policy of the brand that covers the same contract level and priority, if any. */
export function conflictingPolicy(v: PolicyFormValues, policies: readonly SlaPolicy[], selfId: string | null): SlaPolicy | undefined {
  if (!v.active) return undefined;
  const level = v.contractLevel.trim() || null;
  const priority = v.priority || null;
  return policies.find((p) => p.id !== selfId && p.active && p.brandId === v.brandId && p.contractLevel === level && p.priority === priority);
}
