/**
 * The return (RMA) of one ticket as an explicit state machine: which event may happen in which
 * state, and the guards that carry the seeds' rules and the law (SPEC §6, research/rma.md). Pure:
 * no database, no clock; the service gathers the facts, asks `transition`, and writes what it
 * answers. A refusal names the current state and the guard that failed, as a stable code.
 *
 *   requested ──(brand routes returns through its channel)── endorsed (reseller) ── approved (distributor)
 *       │                                                                               │
 *       └────────────── authorised (the case verified) ◄────────────────────────────────┘
 *                           │ arrange shipment (drop-off, courier at the customer's cost, pickup)
 *                       awaiting_parcel ──receive── received ──► in_workshop (issue 13) ──► shipped_back ──► closed
 *                           │              └─ an accessory missing ─► on_hold ──complete──► received
 *   refused: before authorisation, with its reason. cancelled: until the parcel is received.
 */

import { RMA_EVENTS, type RMA_GUARDS, RMA_STATES } from '../../shared/vocabulary.ts';

export { RMA_EVENTS, RMA_STATES };
export type RmaState = (typeof RMA_STATES)[number];

export type RmaEvent = (typeof RMA_EVENTS)[number];

/** Who acts: the desk (agent, admin), the workshop (technician), the channel (reseller, distributor), the customer, or the system. */
export type RmaActor = 'agent' | 'admin' | 'technician' | 'reseller' | 'distributor' | 'customer' | 'system';

/** The coverage of one unit on the return, from its warranty decision (the warranty module). */
export type LineCoverage = 'covered' | 'not_covered' | 'blocked' | 'needs_information';

export interface RmaLineFacts {
  serial: string;
  coverage: LineCoverage;
  /** Proof of purchase: an order of the brand's own shop, or an uploaded invoice the desk validated. */
  proofOfPurchase: boolean;
  /** Accessories of the unit's model that must travel with it, and those ticked at receiving. */
  accessories: readonly string[];
  accessoriesReceived: readonly string[];
}

/** The facts an event is judged on; the service gathers them from the store. */
export interface RmaFacts {
  /** The brand routes returns of units sold by a reseller through the reseller and its distributor. */
  channelRoute: boolean;
  lines: readonly RmaLineFacts[];
  /** A unit out of coverage goes in only when the customer agreed to pay (a quote, a diagnostic fee). */
  customerAcceptsCharges: boolean;
  /** A written reason (refusal, cancellation by the desk). */
  reason?: string;
  /** How the parcel travels in, once chosen. */
  inboundMode?: 'drop_off' | 'courier' | 'pickup';
  /** The outbound shipment is recorded (carrier, tracking or hand-over). */
  outboundRecorded?: boolean;
}

export type RmaGuard = (typeof RMA_GUARDS)[number];

export type TransitionResult =
  | { ok: true; from: RmaState; to: RmaState }
  | { ok: false; code: 'RMA_TRANSITION_NOT_ALLOWED'; state: RmaState; event: RmaEvent }
  | { ok: false; code: 'RMA_GUARD_FAILED'; state: RmaState; event: RmaEvent; guard: RmaGuard; serials?: string[] };

const DESK: readonly RmaActor[] = ['agent', 'admin'];

interface Rule {
  from: readonly RmaState[];
  actors: readonly RmaActor[];
  /** The target, which may depend on the facts (receiving with an accessory missing). */
  to: (facts: RmaFacts) => RmaState;
  /** The guards in the order they are checked; the first that fails is reported. */
  guards?: (facts: RmaFacts, state: RmaState) => { guard: RmaGuard; serials?: string[] } | null;
}

/** The accessories of each line that did not arrive. */
export function missingAccessories(lines: readonly RmaLineFacts[]): { serial: string; missing: string[] }[] {
  return lines.map((l) => ({ serial: l.serial, missing: l.accessories.filter((a) => !l.accessoriesReceived.includes(a)) })).filter((l) => l.missing.length > 0);
}

const serialsWhere = (facts: RmaFacts, pred: (l: RmaLineFacts) => boolean) => facts.lines.filter(pred).map((l) => l.serial);

/** The verification before authorisation (SPEC §6): warranty decision, proof of purchase, channel rule. */
function verified(facts: RmaFacts, state: RmaState): { guard: RmaGuard; serials?: string[] } | null {
  if (facts.lines.length === 0) return { guard: 'no_units' };
  if (facts.channelRoute && state !== 'approved') return { guard: 'channel_approval_missing' };
  const needs = serialsWhere(facts, (l) => l.coverage === 'needs_information');
  if (needs.length) return { guard: 'warranty_needs_information', serials: needs };
  // A payment dispute closes the direct channel (seed 001), never the legal guarantee: the
  // customer goes through the seller's process, which the channel route is.
  const blocked = serialsWhere(facts, (l) => l.coverage === 'blocked');
  if (blocked.length && !facts.channelRoute) return { guard: 'direct_service_blocked', serials: blocked };
  const noProof = serialsWhere(facts, (l) => !l.proofOfPurchase);
  if (noProof.length) return { guard: 'proof_of_purchase_missing', serials: noProof };
  const charged = serialsWhere(facts, (l) => l.coverage === 'not_covered');
  if (charged.length && !facts.customerAcceptsCharges) return { guard: 'charges_not_accepted', serials: charged };
  return null;
}

const RULES: Record<RmaEvent, Rule> = {
  endorse: { from: ['requested'], actors: ['reseller', ...DESK], to: () => 'endorsed', guards: (f) => (f.channelRoute ? null : { guard: 'channel_route_not_used' }) },
  approve: { from: ['endorsed'], actors: ['distributor', ...DESK], to: () => 'approved', guards: (f) => (f.channelRoute ? null : { guard: 'channel_route_not_used' }) },
  authorise: { from: ['requested', 'approved'], actors: DESK, to: () => 'authorised', guards: verified },
  refuse: {
    from: ['requested', 'endorsed', 'approved'],
    actors: ['reseller', 'distributor', ...DESK],
    to: () => 'refused',
    guards: (f) => (f.reason?.trim() ? null : { guard: 'reason_missing' }),
  },
  arrange_shipment: { from: ['authorised'], actors: ['customer', 'reseller', ...DESK], to: () => 'awaiting_parcel', guards: (f) => (f.inboundMode ? null : { guard: 'inbound_mode_missing' }) },
  receive: { from: ['awaiting_parcel'], actors: ['technician', ...DESK], to: (f) => (missingAccessories(f.lines).length ? 'on_hold' : 'received') },
  complete_accessories: {
    from: ['on_hold'],
    actors: ['technician', ...DESK],
    to: () => 'received',
    guards: (f) => {
      const missing = missingAccessories(f.lines);
      return missing.length ? { guard: 'accessories_still_missing', serials: missing.map((m) => m.serial) } : null;
    },
  },
  start_workshop: { from: ['received'], actors: ['technician', ...DESK], to: () => 'in_workshop' },
  ship_back: { from: ['received', 'in_workshop', 'on_hold'], actors: ['technician', ...DESK], to: () => 'shipped_back', guards: (f) => (f.outboundRecorded ? null : { guard: 'outbound_not_recorded' }) },
  close: { from: ['shipped_back'], actors: [...DESK, 'system'], to: () => 'closed' },
  cancel: {
    from: ['requested', 'endorsed', 'approved', 'authorised', 'awaiting_parcel'],
    actors: ['customer', 'reseller', ...DESK],
    to: () => 'cancelled',
    guards: (f) => (f.reason?.trim() ? null : { guard: 'reason_missing' }),
  },
};

/** The events that may happen in a state (whatever the guards say), for the UI's buttons. */
export function eventsFrom(state: RmaState): RmaEvent[] {
  return RMA_EVENTS.filter((e) => RULES[e].from.includes(state));
}

/** Whether this actor may ever send this event (the authorization matrix's part of the machine). */
export function actorMay(event: RmaEvent, actor: RmaActor): boolean {
  return RULES[event].actors.includes(actor);
}

/** Judges one event in one state on these facts; writes nothing. */
export function transition(state: RmaState, event: RmaEvent, actor: RmaActor, facts: RmaFacts): TransitionResult {
  const rule = RULES[event];
  if (!rule.from.includes(state)) return { ok: false, code: 'RMA_TRANSITION_NOT_ALLOWED', state, event };
  if (!rule.actors.includes(actor)) return { ok: false, code: 'RMA_GUARD_FAILED', state, event, guard: 'actor_not_allowed' };
  const failed = rule.guards?.(facts, state);
  if (failed) return { ok: false, code: 'RMA_GUARD_FAILED', state, event, ...failed };
  return { ok: true, from: state, to: rule.to(facts) };
}

/** States that end the return. */
export const FINAL_STATES: readonly RmaState[] = ['closed', 'refused', 'cancelled'];
