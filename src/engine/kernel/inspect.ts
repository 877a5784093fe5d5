/**
 * Read-only taps for the simulation view (message inspector, charts): what the ledger knows
 * but `createSimulation`'s API does not hand out, because it is only needed to *watch* a run.
 *
 * - Unit births: every unit as it is created (node, edge, parent, time and the payload it
 *   carries). Settled units give their records back to the pool, so this is the only moment
 *   a hop's payload can be seen; the inspector shows it "as each hop receives it".
 * - The ledger itself, for gauges the counters do not carry (age of the oldest message).
 *
 * How: `Ledger.prototype.create` is wrapped once, and reports only while an observed
 * simulation's `step`/`runUntil` is on the stack (runs are synchronous, so a birth during that
 * call belongs to that simulation). Unobserved simulations, the CLI and the benchmarks pay one
 * null check per unit. Nothing here changes what a run does: the trace hash is unaffected
 * (`inspect.test.ts`). A `createSimulation` option would replace the wrap if the kernel ever
 * exposes births itself.
 */
import { Ledger, ST, type Payload, type Unit } from './ledger';
import type { Simulation } from './simulation';

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

interface Tap {
  onBirth: (b: UnitBirth) => void;
  ledger: Ledger | null;
}

let active: Tap | null = null;
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  const create = Ledger.prototype.create;
  Ledger.prototype.create = function (this: Ledger, ...args: Parameters<Ledger['create']>): Unit {
    const u = create.apply(this, args);
    const tap = active;
    if (tap !== null) {
      tap.ledger = this;
      tap.onBirth({ id: u.id, root: u.root, parent: u.parent, node: u.node, edge: u.edge, timeMs: args[5], payload: args[3] });
    }
    return u;
  };
}

/** A simulation whose unit births are reported, and whose ledger can be read. */
export interface ObservedSimulation {
  /** The same simulation; `step` and `runUntil` report births while they run. */
  readonly sim: Simulation;
  /** The run's ledger, once the first unit exists. Read only. */
  ledger(): Ledger | null;
}

/** Wraps `sim` so every unit it creates is reported to `onBirth` (synchronously, in order). */
export function observeUnits(sim: Simulation, onBirth: (b: UnitBirth) => void): ObservedSimulation {
  install();
  const tap: Tap = { onBirth, ledger: null };
  const within = <T>(run: () => T): T => {
    const outer = active;
    active = tap;
    try {
      return run();
    } finally {
      active = outer;
    }
  };
  const observed: Simulation = {
    seed: sim.seed,
    warnings: sim.warnings,
    get now() {
      return sim.now;
    },
    get eventsProcessed() {
      return sim.eventsProcessed;
    },
    get status() {
      return sim.status;
    },
    get statusMessage() {
      return sim.statusMessage;
    },
    step: () => within(() => sim.step()),
    runUntil: (t) => within(() => sim.runUntil(t)),
    nextEventTime: () => sim.nextEventTime(),
    stats: () => sim.stats(),
    traceHash: () => sim.traceHash(),
    traceCount: () => sim.traceCount(),
    traceSince: (seq) => sim.traceSince(seq),
    audit: () => sim.audit(),
    unitsAt: (nodeId, limit) => sim.unitsAt(nodeId, limit),
  };
  return { sim: observed, ledger: () => tap.ledger };
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
