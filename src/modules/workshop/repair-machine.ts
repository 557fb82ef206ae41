/**
 * A repair's states as a transition table (STYLE.md: one table, one function that checks it; the
 * service stamps times, audits and tells). Pure.
 *
 * diagnosing → repairing | awaiting_parts (repair) · replacing (replace) · awaiting_customer (a quote,
 * an offer, an exchange proposed) · returning_unrepaired; awaiting_customer → the same once answered;
 * awaiting_parts → repairing → testing → ready_to_ship (or back to repairing when a test fails);
 * replacing → done once the replacement ships (never before the defective unit was collected);
 * ready_to_ship | returning_unrepaired → done when the parcel leaves.
 */
import { REPAIR_EVENTS, REPAIR_STATES } from '../../shared/vocabulary.ts';

export { REPAIR_EVENTS, REPAIR_STATES };
export type RepairState = (typeof REPAIR_STATES)[number];
export type RepairEvent = (typeof REPAIR_EVENTS)[number];

const TABLE: Record<RepairEvent, { from: readonly RepairState[]; to: RepairState }> = {
  start_repair: { from: ['diagnosing', 'awaiting_customer', 'awaiting_parts'], to: 'repairing' },
  wait_parts: { from: ['diagnosing', 'awaiting_customer'], to: 'awaiting_parts' },
  start_replacement: { from: ['diagnosing', 'awaiting_customer'], to: 'replacing' },
  propose: { from: ['diagnosing'], to: 'awaiting_customer' },
  return_unrepaired: { from: ['diagnosing', 'awaiting_customer'], to: 'returning_unrepaired' },
  parts_arrived: { from: ['awaiting_parts'], to: 'repairing' },
  repaired: { from: ['repairing'], to: 'testing' },
  test_failed: { from: ['testing'], to: 'repairing' },
  test_passed: { from: ['testing'], to: 'ready_to_ship' },
  replacement_shipped: { from: ['replacing'], to: 'done' },
  shipped: { from: ['ready_to_ship', 'returning_unrepaired'], to: 'done' },
};

export type RepairTransition = { ok: true; to: RepairState } | { ok: false; state: RepairState; event: RepairEvent };

export function repairTransition(state: RepairState, event: RepairEvent): RepairTransition {
  const row = TABLE[event];
  return row.from.includes(state) ? { ok: true, to: row.to } : { ok: false, state, event };
}

/** The events a repair in this state may take, for the pages' buttons. */
export function repairEventsFrom(state: RepairState): RepairEvent[] {
  return REPAIR_EVENTS.filter((e) => TABLE[e].from.includes(state));
}
