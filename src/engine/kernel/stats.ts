/** Read-only summaries of a run: ledger totals and per-node counters, as plain JSON. */
import { streamStats, type StreamStats } from '../services/kinesisStream';
import { REASONS } from '../trace';
import { UNIT_STATES, type UnitState } from './ledger';
import { COUNTERS, N_COUNTERS, type CounterName, type Sim } from './sim';

/** Ledger totals. `copies` (units) = the sum of the seven buckets below it. */
export interface LedgerSummary {
  published: number;
  copies: number;
  delivered: number;
  inFlight: number;
  /** pending + delayed + queued + retryWait. */
  waiting: number;
  filteredOut: number;
  inDlq: number;
  expired: number;
  dropped: number;
  /** Every state separately. */
  states: Record<UnitState, number>;
}

/** Counters and unit states of one node; streams add per-shard figures (iterator age). */
export type NodeStats = Record<CounterName, number> & { units: Record<UnitState, number>; stream?: StreamStats };

/** A snapshot of a run. */
export interface SimStats {
  simTimeMs: number;
  eventsProcessed: number;
  status: 'running' | 'idle' | 'budgetExhausted';
  ledger: LedgerSummary;
  /** Settled units per reason code (dropped, expired, filteredOut, inDlq). */
  reasons: Record<string, number>;
  nodes: Record<string, NodeStats>;
  traceHash: string;
  traceCount: number;
}

/** Builds the snapshot. */
export function summarize(sim: Sim, status: SimStats['status']): SimStats {
  const l = sim.ledger;
  const states = {} as Record<UnitState, number>;
  UNIT_STATES.forEach((s, i) => (states[s] = l.counts[i]));
  const ledger: LedgerSummary = {
    published: l.published,
    copies: l.created,
    delivered: states.delivered,
    inFlight: states.inFlight,
    waiting: states.pending + states.delayed + states.queued + states.retryWait,
    filteredOut: states.filteredOut,
    inDlq: states.inDlq,
    expired: states.expired,
    dropped: states.dropped,
    states,
  };
  const reasons: Record<string, number> = {};
  REASONS.forEach((r, i) => {
    if (i > 0 && l.reasonCounts[i] > 0) reasons[r] = l.reasonCounts[i];
  });
  const nodes: Record<string, NodeStats> = {};
  sim.topo.nodes.forEach((n, i) => {
    const s = {} as NodeStats;
    COUNTERS.forEach((c, k) => (s[c] = sim.counters[i * N_COUNTERS + k]));
    const units = {} as Record<UnitState, number>;
    UNIT_STATES.forEach((st, k) => (units[st] = l.nodeCounts[i * 10 + k]));
    s.units = units;
    if (n.kind === 'kinesisStream') s.stream = streamStats(sim, i);
    nodes[n.id] = s;
  });
  return { simTimeMs: sim.now, eventsProcessed: sim.processed, status, ledger, reasons, nodes, traceHash: sim.trace.digest(), traceCount: sim.trace.count };
}
