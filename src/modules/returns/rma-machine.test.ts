import { describe, expect, it } from 'vitest';
import { actorMay, eventsFrom, RMA_EVENTS, RMA_STATES, type RmaEvent, type RmaFacts, type RmaState, transition } from './rma-machine.ts';

/** The machine as issue 12 describes it, written out independently of rma-machine.ts: [event, from, to]. */
const EXPECTED: [RmaEvent, RmaState, RmaState][] = [
  ['endorse', 'requested', 'endorsed'],
  ['approve', 'endorsed', 'approved'],
  ['authorise', 'requested', 'authorised'],
  ['authorise', 'approved', 'authorised'],
  ['refuse', 'requested', 'refused'],
  ['refuse', 'endorsed', 'refused'],
  ['refuse', 'approved', 'refused'],
  ['arrange_shipment', 'authorised', 'awaiting_parcel'],
  ['receive', 'awaiting_parcel', 'received'],
  ['complete_accessories', 'on_hold', 'received'],
  ['start_workshop', 'received', 'in_workshop'],
  ['ship_back', 'received', 'shipped_back'],
  ['ship_back', 'in_workshop', 'shipped_back'],
  ['ship_back', 'on_hold', 'shipped_back'],
  ['close', 'shipped_back', 'closed'],
  ['cancel', 'requested', 'cancelled'],
  ['cancel', 'endorsed', 'cancelled'],
  ['cancel', 'approved', 'cancelled'],
  ['cancel', 'authorised', 'cancelled'],
  ['cancel', 'awaiting_parcel', 'cancelled'],
];

const line = (serial: string, over: Partial<RmaFacts['lines'][number]> = {}) => ({ serial, coverage: 'covered' as const, proofOfPurchase: true, accessories: ['battery', 'cradle'], accessoriesReceived: ['battery', 'cradle'], ...over });

/** Facts under which every guard passes (the channel route where the event belongs to it). */
function passing(event: RmaEvent, state: RmaState): RmaFacts {
  const channel = event === 'endorse' || event === 'approve' || state === 'endorsed' || state === 'approved';
  return { channelRoute: channel, lines: [line('SN-1'), line('SN-2')], customerAcceptsCharges: false, reason: 'the customer found the fault', inboundMode: 'courier', outboundRecorded: true };
}

describe('RMA state machine', () => {
  it('answers every state × every event: the expected transition, or not allowed naming the state', () => {
    let allowed = 0;
    for (const state of RMA_STATES) {
      for (const event of RMA_EVENTS) {
        const expected = EXPECTED.find(([e, from]) => e === event && from === state);
        const result = transition(state, event, 'admin', passing(event, state));
        if (expected) {
          allowed++;
          expect(result, `${event} in ${state}`).toEqual({ ok: true, from: state, to: expected[2] });
        } else {
          expect(result, `${event} in ${state}`).toEqual({ ok: false, code: 'RMA_TRANSITION_NOT_ALLOWED', state, event });
        }
      }
    }
    expect(allowed).toBe(EXPECTED.length);
    // The final states accept nothing.
    for (const state of ['closed', 'refused', 'cancelled'] as const) expect(eventsFrom(state)).toEqual([]);
  });

  it('lets each role send only its events', () => {
    expect(actorMay('endorse', 'reseller')).toBe(true);
    expect(actorMay('approve', 'reseller')).toBe(false);
    expect(actorMay('approve', 'distributor')).toBe(true);
    expect(actorMay('authorise', 'reseller')).toBe(false);
    expect(actorMay('authorise', 'distributor')).toBe(false);
    expect(actorMay('authorise', 'customer')).toBe(false);
    expect(actorMay('receive', 'technician')).toBe(true);
    expect(actorMay('receive', 'customer')).toBe(false);
    expect(actorMay('cancel', 'customer')).toBe(true);
    expect(transition('requested', 'authorise', 'customer', passing('authorise', 'requested'))).toEqual({ ok: false, code: 'RMA_GUARD_FAILED', state: 'requested', event: 'authorise', guard: 'actor_not_allowed' });
  });

  describe('authorisation only after the case is verified', () => {
    const facts = (over: Partial<RmaFacts>): RmaFacts => ({ channelRoute: false, lines: [line('SN-1')], customerAcceptsCharges: false, ...over });
    const refusedBy = (state: RmaState, f: RmaFacts) => {
      const r = transition(state, 'authorise', 'agent', f);
      return r.ok ? null : r.code === 'RMA_GUARD_FAILED' ? [r.guard, r.serials ?? []] : r.code;
    };

    it('refuses an empty return and a channel return the distributor has not approved', () => {
      expect(refusedBy('requested', facts({ lines: [] }))).toEqual(['no_units', []]);
      expect(refusedBy('requested', facts({ channelRoute: true }))).toEqual(['channel_approval_missing', []]);
      expect(refusedBy('approved', facts({ channelRoute: true }))).toBeNull();
    });

    it('names the units whose warranty needs information or whose proof is missing (seeds 002, 004)', () => {
      expect(refusedBy('requested', facts({ lines: [line('SN-1'), line('SN-2', { coverage: 'needs_information' })] }))).toEqual(['warranty_needs_information', ['SN-2']]);
      expect(refusedBy('requested', facts({ lines: [line('SN-1', { proofOfPurchase: false }), line('SN-2')] }))).toEqual(['proof_of_purchase_missing', ['SN-1']]);
    });

    it('closes the direct channel under an open payment dispute, never the channel route (seed 001)', () => {
      expect(refusedBy('requested', facts({ lines: [line('SN-1', { coverage: 'blocked' })] }))).toEqual(['direct_service_blocked', ['SN-1']]);
      expect(refusedBy('approved', facts({ channelRoute: true, lines: [line('SN-1', { coverage: 'blocked' })] }))).toBeNull();
    });

    it('takes a unit out of coverage in only when the customer agreed to pay', () => {
      expect(refusedBy('requested', facts({ lines: [line('SN-1', { coverage: 'not_covered' })] }))).toEqual(['charges_not_accepted', ['SN-1']]);
      expect(refusedBy('requested', facts({ lines: [line('SN-1', { coverage: 'not_covered' })], customerAcceptsCharges: true }))).toBeNull();
    });
  });

  it('needs a written reason to refuse or cancel, and the channel route to endorse or approve', () => {
    const base: RmaFacts = { channelRoute: false, lines: [line('SN-1')], customerAcceptsCharges: false };
    expect(transition('requested', 'refuse', 'agent', { ...base, reason: '  ' })).toMatchObject({ ok: false, guard: 'reason_missing' });
    expect(transition('authorised', 'cancel', 'customer', base)).toMatchObject({ ok: false, guard: 'reason_missing' });
    expect(transition('requested', 'endorse', 'reseller', base)).toMatchObject({ ok: false, guard: 'channel_route_not_used' });
    expect(transition('authorised', 'arrange_shipment', 'customer', base)).toMatchObject({ ok: false, guard: 'inbound_mode_missing' });
    expect(transition('received', 'ship_back', 'technician', base)).toMatchObject({ ok: false, guard: 'outbound_not_recorded' });
  });

  it('puts a parcel with a missing accessory on hold until it comes (seed 004)', () => {
    const missingBattery: RmaFacts = { channelRoute: false, customerAcceptsCharges: false, lines: [line('SN-1'), line('SN-2', { accessoriesReceived: ['cradle'] })] };
    expect(transition('awaiting_parcel', 'receive', 'technician', missingBattery)).toEqual({ ok: true, from: 'awaiting_parcel', to: 'on_hold' });
    expect(transition('on_hold', 'complete_accessories', 'technician', missingBattery)).toEqual({ ok: false, code: 'RMA_GUARD_FAILED', state: 'on_hold', event: 'complete_accessories', guard: 'accessories_still_missing', serials: ['SN-2'] });
    const complete = { ...missingBattery, lines: [line('SN-1'), line('SN-2')] };
    expect(transition('on_hold', 'complete_accessories', 'technician', complete)).toEqual({ ok: true, from: 'on_hold', to: 'received' });
  });
});
