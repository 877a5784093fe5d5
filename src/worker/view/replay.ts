/**
 * Rebuilds one message's record by replaying the run from its seed (runs are deterministic):
 * used when the live index forgot the message or lost some of its facts. Costs one run up to
 * the current event; the worker answers other messages after it.
 */
import { observeUnits } from '../../engine/kernel/inspect';
import type { Scenario } from '../../model/types';
import { RootIndex, type RootRecord } from './rootIndex';

/** Facts read per drain: well under the trace ring's 10,000, so none are lost. */
const DRAIN_EVERY = 2_000;

/** The record of message `root` after `events` engine events of (scenario, seed). */
export function replayRoot(scenario: Scenario, seed: number, events: number, root: number): RootRecord | null {
  const index = new RootIndex(1, Infinity, root);
  const { sim } = observeUnits(scenario, seed, { traceMode: 'ring' }, (b) => index.birth(b));
  let drained = 0;
  const drain = () => {
    for (const f of sim.traceSince(drained)) index.fact(f);
    drained = sim.traceCount();
  };
  while (sim.eventsProcessed < events && sim.step()) {
    if (sim.traceCount() - drained >= DRAIN_EVERY) drain();
  }
  drain();
  return index.get(root);
}
