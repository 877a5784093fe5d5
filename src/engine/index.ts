/**
 * The engine's public API: build a simulation from a scenario and a seed, run it, read its
 * ledger, counters and trace. Pure: no DOM, no wall clock, no unseeded randomness.
 */
export { createSimulation, type Simulation, type SimulationOptions, type SimulationStatus, type UnitView } from './kernel/simulation';
export type { LedgerSummary, NodeStats, SimStats } from './kernel/stats';
export type { ShardStats, StreamStats } from './services/kinesisStream';
export type { StreamBatchInfo, StreamFailureRecord } from './services/streamFailure';
export { UNIT_STATES, type UnitState } from './kernel/ledger';
export { COUNTERS, type CounterName } from './kernel/sim';
export { TRACE_KINDS, REASONS, type TraceFact, type TraceKind, type TraceMode, type Reason } from './trace';
export { findCycles, buildTopology } from './kernel/topology';
