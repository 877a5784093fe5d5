/**
 * `createSimulation(scenario, seed)`: wires the service models into a Sim and exposes the
 * run as step / runUntil plus read-only views (stats, trace, audit). Pure and synchronous:
 * the worker and the CLI decide when and how far to run.
 */
import type { Scenario } from '../../model/types';
import { acceptAt } from '../services/routing';
import { initBus } from '../services/eventBus';
import { initEsm, onEsmBatchDone, onEsmPoll, onEsmRamp, onEsmRetryInvoke } from '../services/esm';
import { initStream, onStreamSweep, type StreamRt } from '../services/kinesisStream';
import { sequenceNumberOf } from '../services/shardHash';
import { onSnsAttempt } from '../services/snsDelivery';
import { initStreamEsm, onStreamBatchDone, onStreamPoll, onStreamRetryDue } from '../services/streamEsm';
import { initLambda } from '../services/lambdaFunction';
import { onAsyncDone, onAsyncRetryDue, onLambdaSweep } from '../services/lambdaAsync';
import { initProducer, onProducerEmit } from '../services/producer';
import { onTargetAttempt } from '../services/ruleTarget';
import { initQueue, onQueueSweep, onSqsVisible, type QueueRt } from '../services/sqsQueue';
import { onVisibilitySweep } from '../services/sqsReceive';
import { initTopic } from '../services/snsTopic';
import { initSchedules, onScheduleFire } from '../services/scheduler';
import { initPipe, onPipePoll } from '../services/pipe';
import { initArchives, onReplayMinute } from '../services/archive';
import { RS, TK, type TraceFact, type TraceMode } from '../trace';
import { ST, UNIT_STATES, type Ledger, type Payload, type Unit, type UnitState } from './ledger';
import { PRIORITY } from './eventQueue';
import { EV, Sim } from './sim';
import { summarize, type SimStats } from './stats';
import { buildTopology } from './topology';

/** Hops one step may chain synchronously before the next one is deferred to an event. */
export const MAX_SYNC_HOPS = 16;

/** Where a run stands. */
export type SimulationStatus = 'running' | 'idle' | 'budgetExhausted';

/** Options of a run. */
export interface SimulationOptions {
  /** 'ring' keeps recent facts for the UI; 'hash' (default) keeps only the trace hash. */
  traceMode?: TraceMode;
  /** Overrides settings.eventBudget. */
  eventBudget?: number;
  /** Called as each unit is created (read-only observers such as the message inspector). */
  onUnitCreated?: (ledger: Ledger, u: Unit, payload: Payload, now: number) => void;
}

/** A running simulation. */
export interface Simulation {
  readonly seed: number;
  /** Problems found at load: cycles, ignored edges, invalid patterns. */
  readonly warnings: readonly string[];
  /** Virtual time, ms. */
  readonly now: number;
  readonly eventsProcessed: number;
  readonly status: SimulationStatus;
  /** Human-readable status, e.g. why the run stopped. */
  readonly statusMessage: string;
  /** Processes the next engine event; false when there is none or the budget is spent. */
  step(): boolean;
  /** Processes every event at or before `timeMs`, then sets the clock to `timeMs`. Returns events processed. */
  runUntil(timeMs: number): number;
  /** Time of the next engine event; Infinity when none. */
  nextEventTime(): number;
  stats(): SimStats;
  /** Hash of the whole trace so far (16 hex chars). */
  traceHash(): string;
  /** Facts emitted so far. */
  traceCount(): number;
  /** Kept facts from `seq` on (ring mode only). */
  traceSince(seq: number): TraceFact[];
  /** Ledger and bookkeeping checks; empty when the books balance. */
  audit(): string[];
  /** Live units at a node (e.g. the messages in a queue), oldest first, at most `limit`. */
  unitsAt(nodeId: string, limit?: number): UnitView[];
}

/** A live unit as the UI and tests inspect it. */
export interface UnitView {
  id: number;
  rootId: number;
  parentId: number;
  state: UnitState;
  /** Attempts at this hop (receive count for an SQS message). */
  attempts: number;
  /** Reference time of its age or retention limit, ms. */
  ageFromMs: number;
  body: unknown;
  eventId: string;
  groupId?: string;
  attributes?: Record<string, string>;
  /** SNS message attributes, as published. */
  messageAttributes?: Record<string, { Type: string; Value: string }>;
  /** Stream records: the partition key, shard and sequence number. */
  partitionKey?: string;
  shardId?: string;
  sequenceNumber?: string;
}

/** Builds a simulation of `scenario` with `seed` (default: settings.seed). */
export function createSimulation(scenario: Scenario, seed: number = scenario.settings.seed, options: SimulationOptions = {}): Simulation {
  const topo = buildTopology(scenario);
  const sim = new Sim(scenario, topo, seed >>> 0, options.traceMode ?? 'hash');
  if (options.onUnitCreated) sim.ledger.onCreate = options.onUnitCreated;
  const warnings = topo.warnings;
  const budgetSetting = options.eventBudget ?? scenario.settings.eventBudget;
  const budget = budgetSetting > 0 ? budgetSetting : Infinity;
  // Hops that complete within one step (SNS fan-out, a function failing at once to its
  // destination) can chain; past MAX_SYNC_HOPS the next hop becomes its own engine event, so a
  // synchronous loop is still counted against the event budget instead of overflowing the stack.
  let depth = 0;
  sim.accept = (u, node) => {
    if (depth >= MAX_SYNC_HOPS) {
      sim.at(sim.now, PRIORITY.arrival, EV.deferredAccept, u.slot, u.version);
      return;
    }
    depth++;
    acceptAt(sim, u, node);
    depth--;
  };
  const h = sim.handlers;
  h[EV.producerEmit] = (a, b) => onProducerEmit(sim, a, b);
  h[EV.targetAttempt] = (a, b) => onTargetAttempt(sim, a, b);
  h[EV.sqsVisible] = (a, b) => onSqsVisible(sim, a, b);
  h[EV.visibilitySweep] = (a) => onVisibilitySweep(sim, a);
  h[EV.esmPoll] = (a) => onEsmPoll(sim, a);
  h[EV.esmBatchDone] = (a) => onEsmBatchDone(sim, a);
  h[EV.asyncRetryDue] = (a, b) => onAsyncRetryDue(sim, a, b);
  h[EV.asyncDone] = (a) => onAsyncDone(sim, a);
  h[EV.deferredAccept] = (a, b) => {
    const u = sim.ledger.at(a, b);
    if (u !== null) sim.accept(u, u.node);
  };
  h[EV.snsAttempt] = (a, b) => onSnsAttempt(sim, a, b);
  h[EV.streamPoll] = (a) => onStreamPoll(sim, a);
  h[EV.streamBatchDone] = (a) => onStreamBatchDone(sim, a);
  h[EV.streamRetryDue] = (a, b) => onStreamRetryDue(sim, a, b);
  h[EV.esmRetryInvoke] = (a) => onEsmRetryInvoke(sim, a);
  h[EV.esmRamp] = (a) => onEsmRamp(sim, a);
  h[EV.scheduleFire] = (a) => onScheduleFire(sim, a);
  h[EV.pipePoll] = (a) => onPipePoll(sim, a);
  h[EV.replayMinute] = (a, b) => onReplayMinute(sim, a, b);
  h[EV.expirySweep] = (a) => {
    const kind = topo.nodes[a].kind;
    if (kind === 'sqsQueue') onQueueSweep(sim, a);
    else if (kind === 'kinesisStream') onStreamSweep(sim, a);
    else onLambdaSweep(sim, a);
  };

  // Order matters: queues and functions first (mappings and targets hook into them), then
  // buses and topics, mappings, and producers and schedules last (they plan the first events).
  const byKind = (k: string) => topo.nodes.flatMap((n, i) => (n.kind === k ? [i] : []));
  for (const i of byKind('sqsQueue')) initQueue(sim, i);
  for (const i of byKind('kinesisStream')) initStream(sim, i);
  for (const i of byKind('lambdaFunction')) initLambda(sim, i, warnings);
  for (const i of byKind('eventBus')) initBus(sim, i, warnings);
  initArchives(sim, warnings);
  for (const i of byKind('snsTopic')) initTopic(sim, i, warnings);
  topo.edges.forEach((e, i) => {
    if (e.kind !== 'eventSourceMapping' || !topo.nodeIndex.has(e.source) || !topo.nodeIndex.has(e.target)) return;
    if (topo.nodes[topo.nodeIndex.get(e.source)!].kind === 'kinesisStream') initStreamEsm(sim, i, warnings);
    else initEsm(sim, i, warnings);
  });
  for (const i of byKind('pipe')) initPipe(sim, i, warnings);
  for (const i of byKind('producer')) initProducer(sim, i);
  initSchedules(sim, warnings);

  let statusMessage = '';
  const exhaustBudget = (): void => {
    sim.status = 'budgetExhausted';
    const cycles = warnings.filter((w) => w.startsWith('Cycle:'));
    statusMessage = `Stopped after ${sim.processed} engine events: settings.eventBudget reached.${cycles.length > 0 ? ` ${cycles.join(' ')}` : ' The scenario may loop or be larger than the budget.'}`;
    sim.trace.emit(sim.now, TK.budgetExhausted, -1, -1, 0, 0, -1, -1, -1, sim.processed, RS.EventBudgetExhausted);
  };

  const step = (): boolean => {
    if (sim.status === 'budgetExhausted') return false;
    const q = sim.queue;
    if (q.size === 0) return false;
    if (sim.processed >= budget) {
      exhaustBudget();
      return false;
    }
    q.pop();
    sim.now = q.topTime;
    sim.processed++;
    sim.handlers[q.topKind](q.topA, q.topB);
    return true;
  };

  return {
    seed: sim.seed,
    warnings,
    get now() {
      return sim.now;
    },
    get eventsProcessed() {
      return sim.processed;
    },
    get status(): SimulationStatus {
      if (sim.status === 'budgetExhausted') return 'budgetExhausted';
      return sim.queue.size === 0 ? 'idle' : 'running';
    },
    get statusMessage() {
      if (sim.status === 'budgetExhausted') return statusMessage;
      return sim.queue.size === 0 ? 'Idle: no more scheduled events.' : 'Running.';
    },
    step,
    runUntil(timeMs: number): number {
      const start = sim.processed;
      const q = sim.queue;
      while (q.size > 0 && q.peekTime() <= timeMs) if (!step()) break;
      if (sim.status !== 'budgetExhausted' && timeMs > sim.now) sim.now = Math.floor(timeMs);
      return sim.processed - start;
    },
    nextEventTime: () => sim.queue.peekTime(),
    stats: () => summarize(sim, sim.status === 'budgetExhausted' ? 'budgetExhausted' : sim.queue.size === 0 ? 'idle' : 'running'),
    traceHash: () => sim.trace.digest(),
    traceCount: () => sim.trace.count,
    traceSince: (seq) => sim.trace.since(seq),
    audit: () => auditSim(sim),
    unitsAt: (nodeId, limit = 100) => unitsAt(sim, nodeId, limit),
  };
}

function auditSim(sim: Sim): string[] {
  const problems = sim.ledger.audit();
  const nc = sim.ledger.nodeCounts;
  sim.topo.nodes.forEach((n, i) => {
    if (n.kind !== 'sqsQueue') return;
    const q = sim.rt[i] as QueueRt;
    if (q.visible !== nc[i * 10 + ST.queued]) problems.push(`queue ${n.id}: ${q.visible} visible, books say ${nc[i * 10 + ST.queued]} queued`);
  });
  if (sim.queue.size === 0) {
    for (const s of [ST.pending, ST.delayed, ST.inFlight, ST.retryWait]) {
      if (sim.ledger.counts[s] > 0) problems.push(`no events scheduled, yet ${sim.ledger.counts[s]} units are stuck in state #${s}`);
    }
  }
  return problems;
}

function unitsAt(sim: Sim, nodeId: string, limit: number): UnitView[] {
  const node = sim.topo.nodeIndex.get(nodeId);
  if (node === undefined) return [];
  const live = sim.ledger.units.filter((u) => u.id >= 0 && u.node === node).sort((a, b) => a.id - b.id);
  return live.slice(0, limit).map((u) => {
    const p = u.payload!;
    const v: UnitView = { id: u.id, rootId: u.root, parentId: u.parent, state: UNIT_STATES[u.state], attempts: u.attempts, ageFromMs: u.ageFrom, body: p.body, eventId: p.eventId };
    if (p.groupId !== undefined) v.groupId = p.groupId;
    if (p.attributes !== undefined) v.attributes = p.attributes;
    if (p.messageAttributes !== undefined) v.messageAttributes = p.messageAttributes;
    if (sim.topo.nodes[node].kind === 'kinesisStream') {
      const s = sim.rt[node] as StreamRt;
      v.partitionKey = p.partitionKey ?? p.eventId;
      v.shardId = s.shardIds[u.flags];
      v.sequenceNumber = sequenceNumberOf(u.flags, u.aux, s.dynamodb);
    }
    return v;
  });
}
