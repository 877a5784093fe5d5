import { PRIORITY } from './eventQueue';
import type { ExpiryIndex } from './expiryIndex';
import type { Ledger } from './ledger';
import { EV, type Sim } from './sim';

/**
 * Keeps exactly one live sweep event for an owner's expiry index, at its earliest deadline.
 * Older sweep events stay in the heap but are ignored: the owner runs a sweep only when the
 * event's time equals `index.scheduledAt` (see `sweepDue`).
 */
export function ensureSweep(sim: Sim, owner: number, index: ExpiryIndex): void {
  if (index.size === 0) return;
  const at = Math.max(sim.now, Math.round(index.peekAt()));
  if (index.scheduledAt >= 0 && index.scheduledAt <= at) return;
  index.scheduledAt = at;
  sim.at(at, PRIORITY.timer, EV.expirySweep, owner, 0);
}

/** True when the sweep event firing now is the owner's current one (and consumes it). */
export function sweepDue(sim: Sim, index: ExpiryIndex): boolean {
  if (index.scheduledAt !== sim.now) return false;
  index.scheduledAt = -1;
  return true;
}

/**
 * Drops entries at the head of `index` whose units settled already, so the owner's next sweep
 * is set for a unit that can still expire (most units settle long before their deadline).
 */
export function trimSettled(index: ExpiryIndex, ledger: Ledger): void {
  while (index.size > 0 && ledger.byRef(index.peekSlot(), index.peekId()) === null) index.pop();
}
