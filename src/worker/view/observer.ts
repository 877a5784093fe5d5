/**
 * Watches the session's simulation for the view: every unit birth (through the kernel's tap)
 * and every fact (drained from the trace ring often enough that none is lost), feeding the
 * inspector's index, the per-consumer timelines and the chart sampler. The session steps the
 * simulation returned here, so all of this stays in step with what the main thread is shown.
 */
import type { Simulation } from '../../engine/index';
import { observeUnits } from '../../engine/kernel/inspect';
import type { Ledger } from '../../engine/kernel/ledger';
import { buildTopology, type Topology } from '../../engine/kernel/topology';
import type { Scenario } from '../../model/types';
import { dlqNodes } from './dlqNodes';
import { RootIndex } from './rootIndex';
import { Sampler } from './sampler';
import { Timelines } from './timeline';

/** Drain when this many facts are waiting (the ring keeps 10,000). */
const DRAIN_AT = 4_000;

/** The view's state of one run. */
export class SimObserver {
  readonly topo: Topology;
  readonly roots = new RootIndex();
  readonly timelines: Timelines;
  readonly sampler: Sampler;
  /** The observed simulation: step this one. */
  readonly sim: Simulation;
  private readonly ledger: () => Ledger | null;
  private drained = 0;

  constructor(
    readonly scenario: Scenario,
    readonly seed: number,
  ) {
    this.topo = buildTopology(scenario);
    const esmTargets = new Map<string, string>();
    for (const e of scenario.edges) if (e.kind === 'eventSourceMapping') esmTargets.set(e.id, e.target);
    const dlqs = dlqNodes(scenario);
    this.timelines = new Timelines((edgeId) => esmTargets.get(edgeId));
    this.sampler = new Sampler(
      scenario.nodes.map((n) => ({ id: n.id, kind: n.kind, isDlq: dlqs.has(n.id) })),
      scenario.settings.durationMs,
      (edgeId) => {
        const t = esmTargets.get(edgeId);
        return t === undefined ? undefined : this.topo.nodeIndex.get(t);
      },
    );
    const observed = observeUnits(scenario, seed, { traceMode: 'ring' }, (b) => this.roots.birth(b));
    this.ledger = observed.ledger;
    // Stepping goes through the observer: chart samples are taken at interval boundaries,
    // before any later event runs; facts are drained before the ring can overflow.
    const inner = observed.sim;
    const step = (): boolean => {
      const next = inner.nextEventTime();
      if (next > this.sampler.nextAt && next !== Infinity) {
        this.drain();
        this.sampler.closeUntil(next, this.ledger());
      }
      const ok = inner.step();
      if (inner.traceCount() - this.drained >= DRAIN_AT) this.drain();
      return ok;
    };
    this.sim = {
      ...inner,
      get now() {
        return inner.now;
      },
      get eventsProcessed() {
        return inner.eventsProcessed;
      },
      get status() {
        return inner.status;
      },
      get statusMessage() {
        return inner.statusMessage;
      },
      step,
      runUntil: (timeMs: number): number => {
        const start = inner.eventsProcessed;
        while (inner.nextEventTime() <= timeMs && step());
        inner.runUntil(timeMs);
        this.drain();
        this.sampler.closeUntil(inner.now, this.ledger(), true);
        return inner.eventsProcessed - start;
      },
    };
  }

  /** Reads every fact not read yet into the index, timelines and sampler. */
  drain(): void {
    const total = this.sim.traceCount();
    if (total === this.drained) return;
    const facts = this.sim.traceSince(this.drained);
    if (facts.length < total - this.drained) this.roots.gap();
    for (const f of facts) {
      this.roots.fact(f);
      this.timelines.fact(f);
      this.sampler.fact(f);
    }
    this.drained = total;
  }

  /** Out-of-order arrival seqs at or after `fromSeq`. */
  outOfOrderSince(fromSeq: number): number[] {
    const all = this.timelines.outOfOrder;
    let i = all.length;
    while (i > 0 && all[i - 1] >= fromSeq) i--;
    return all.slice(i);
  }
}
