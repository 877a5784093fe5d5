/**
 * Read-only taps for the simulation view (message inspector, charts): what the ledger knows
 * but `createSimulation`'s API does not hand out, because it is only needed to *watch* a run.
 *
 * - Unit births: every unit as it is created (node, edge, parent, time and the payload it
 *   carries). Settled units give their records back to the pool, so this is the only moment
 *   a hop's payload can be seen; the inspector shows it "as each hop receives it".
 * - The ledger itself, for gauges the counters do not carry (age of the oldest message).
 *
 * How: `createSimulation`'s `onUnitCreated` option; simulations built without it (the CLI,
 * the benchmarks) pay one null check per unit. Observing changes nothing a run does: the trace
 * hash is unaffected (`inspect.test.ts`).
 */
import { ST, type Ledger, type Payload } from './ledger';
import { createSimulation, type Simulation, type SimulationOptions } from './simulation';
import type { Scenario } from '../../model/types';

/** A unit as it was created. */
export interface UnitBirth {
  id: number;
  root: number;
  /** -1 for a published event. */
  parent: number;
  /** Node and edge indices (topology order, as `buildTopology` numbers them). */
  node: number;
  edge: number;
  timeMs: number;
  /** Immutable and possibly shared with the parent: never mutate it. */
  payload: Payload;
}

/** A simulation whose unit births are reported, and whose ledger can be read. */
export interface ObservedSimulation {
  readonly sim: Simulation;
  /** The run's ledger, once the first unit exists. Read only. */
  ledger(): Ledger | null;
}

/** Builds a simulation that reports every unit it creates to `onBirth` (synchronously, in order). */
export function observeUnits(scenario: Scenario, seed: number, options: SimulationOptions, onBirth: (b: UnitBirth) => void): ObservedSimulation {
  let seen: Ledger | null = null;
  const sim = createSimulation(scenario, seed, {
    ...options,
    onUnitCreated: (ledger, u, payload, timeMs) => {
      seen = ledger;
      onBirth({ id: u.id, root: u.root, parent: u.parent, node: u.node, edge: u.edge, timeMs, payload });
    },
  });
  return { sim, ledger: () => seen };
}

/**
 * Per node, the reference time (ms) of the oldest message still held there (delayed, visible
 * or in flight): SQS's ApproximateAgeOfOldestMessage counts from it. Infinity when none.
 * One pass over the live records.
 */
export function oldestAgeFrom(ledger: Ledger, nodeCount: number, out: Float64Array = new Float64Array(nodeCount)): Float64Array {
  out.fill(Infinity);
  for (const u of ledger.units) {
    if (u.id < 0 || u.state < ST.delayed || u.state > ST.inFlight) continue;
    if (u.ageFrom < out[u.node]) out[u.node] = u.ageFrom;
  }
  return out;
}

/** Live units of `node` in ledger state `state` (a `ST` code). */
export function unitsIn(ledger: Ledger, node: number, state: number): number {
  return ledger.nodeCounts[node * 10 + state];
}
