import { describe, expect, it } from 'vitest';
import type { SlaPolicy } from '../../api/types';
import { conflictingPolicy, initialPolicyValues, toPolicyInput, validatePolicy } from './policy-form';

const premium: SlaPolicy = {
  id: 'p1',
  brandId: 'b1',
  name: 'Contrat Premium',
  calendarId: 'c1',
  calendarName: 'Hotline',
  contractLevel: 'premium',
  priority: null,
  firstResponseMinutes: 60,
  nextUpdateMinutes: 525,
  resolutionMinutes: 1050,
  callbackMinutes: 120,
  clockStart: 'created',
  pauseStatuses: ['waiting_customer'],
  warningMinutes: 30,
  raisePriorityOnBreach: true,
  active: true,
  version: 1,
  updatedAt: '2026-11-01T00:00:00Z',
};

describe('the policy form', () => {
  it('round-trips a policy, "any" being null', () => {
    const v = initialPolicyValues({ ...premium, contractLevel: null }, null);
    expect(v.contractLevel).toBe('');
    const { id: _id, calendarName: _c, version: _v, updatedAt: _u, ...input } = { ...premium, contractLevel: null };
    expect(toPolicyInput(v)).toEqual(input);
  });

  it('needs at least one target and a well-formed contract level', () => {
    const v = initialPolicyValues(premium, null);
    v.firstResponseMinutes = v.nextUpdateMinutes = v.resolutionMinutes = v.callbackMinutes = null;
    v.contractLevel = 'Premium Plus';
    expect(validatePolicy(v)).toEqual({ firstResponseMinutes: 'one_target', contractLevel: 'contract_level_format' });
  });

  it('finds the other active policy a save would clash with', () => {
    const v = initialPolicyValues(null, 'b1');
    v.contractLevel = 'premium';
    expect(conflictingPolicy(v, [premium], null)?.name).toBe('Contrat Premium');
    expect(conflictingPolicy(v, [premium], 'p1')).toBeUndefined();
    v.active = false;
    expect(conflictingPolicy(v, [premium], null)).toBeUndefined();
  });
});
