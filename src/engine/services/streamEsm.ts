/**
 * Event source mappings on Kinesis and DynamoDB streams (aws-semantics 5.4): one lane per shard
 * (ParallelizationFactor lanes per shard, by partition key), each running one batch at a time
 * in sequence order (BatchSize, MaximumBatchingWindowInSeconds). A failing batch blocks its
 * lane until it succeeds, is bisected, runs out of retries (MaximumRetryAttempts) or grows too
 * old (MaximumRecordAgeInSeconds), or its records expire; streamFailure.ts decides which.
 * Throttles (no free concurrency, or injected) retry the same batch with back-off and never
 * count as retries (aws-semantics 5.5): the lane stays blocked until the records age out.
 */
import type { EdgeOf } from '../../model/types';
import { PRIORITY } from '../kernel/eventQueue';
import { ST, type Unit } from '../kernel/ledger';
import { C, EV, type Sim } from '../kernel/sim';
import { sourceOf, targetOf } from '../kernel/topology';
import { TK } from '../trace';
import { planRun } from './consumer';
import { endRun, startRun, throttleReason, world, type LambdaRt } from './lambdaFunction';
import type { StreamRt } from './kinesisStream';
import { compileFilters, type Matcher } from './patternMatch';
import { laneOfKey, sequenceNumberOf } from './shardHash';
import { afterRun, discard } from './streamFailure';
import { esmRetryDelay } from './sqsPollers';
import { Lane } from './streamLane';
import type { EsmWiring } from './esm';

/** Runtime of one stream event source mapping edge. */
export interface StreamEsmRt {
  kind: 'stream';
  edge: number;
  stream: number;
  fn: number;
  /** The pipe node this mapping runs for, or -1. */
  via: number;
  enabled: boolean;
  batchSize: number;
  windowMs: number;
  parallel: number;
  /** MaximumRetryAttempts; Infinity for -1. */
  maxRetries: number;
  /** MaximumRecordAgeInSeconds in ms; Infinity for -1. */
  maxAgeMs: number;
  bisect: boolean;
  perItem: boolean;
  filters: Matcher[] | null;
  /** OnFailure destination node, or -1. */
  onFailure: number;
  /** Lanes by shard x ParallelizationFactor + lane of key. */
  lanes: Lane[];
}

/** Every stream lane of the run, by index (timers carry the index). */
export function lanesOf(sim: Sim): Lane[] {
  let l = sim.shared.lanes as Lane[] | undefined;
  if (l === undefined) sim.shared.lanes = l = [];
  return l;
}

const clampInt = (x: number | undefined, d: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.floor(x ?? d)));

/**
 * Builds the mapping on edge `edge` (a stream to a function, or a pipe's source edge with
 * `wiring`); pushes problems to `warnings`.
 */
export function initStreamEsm(sim: Sim, edge: number, warnings: string[], wiring?: EsmWiring): void {
  const e = sim.topo.edges[edge];
  const stream = wiring?.source ?? sourceOf(sim.topo, edge);
  const fn = wiring?.fn ?? targetOf(sim.topo, edge);
  if (sim.topo.nodes[stream].kind !== 'kinesisStream' || sim.topo.nodes[fn].kind !== 'lambdaFunction') return;
  const p = wiring?.props ?? (e as EdgeOf<'eventSourceMapping'>).props;
  const filters = wiring ? wiring.filters : compileFilters((p.FilterCriteria?.Filters ?? []).map((f) => f.Pattern), `Event source mapping ${e.id}`, warnings);
  const dest = p.DestinationConfig?.OnFailure?.Destination;
  const onFailure = dest === undefined ? -1 : (sim.topo.nodeIndex.get(dest) ?? -1);
  if (dest !== undefined && onFailure < 0) warnings.push(`Event source mapping ${e.id}: OnFailure destination ${dest} does not exist; discarded batches are dropped.`);
  const s = sim.rt[stream] as StreamRt;
  const parallel = clampInt(p.ParallelizationFactor, 1, 1, 10);
  const retries = Math.floor(p.MaximumRetryAttempts ?? -1);
  const age = Math.floor(p.MaximumRecordAgeInSeconds ?? -1);
  const rt: StreamEsmRt = {
    kind: 'stream',
    edge,
    stream,
    fn,
    via: wiring?.via ?? -1,
    enabled: p.Enabled !== false,
    batchSize: clampInt(p.BatchSize, 100, 1, 10000),
    windowMs: clampInt(p.MaximumBatchingWindowInSeconds, 0, 0, 300) * 1000,
    parallel,
    maxRetries: retries < 0 ? Infinity : Math.min(10000, retries),
    maxAgeMs: age < 0 ? Infinity : Math.min(604800, Math.max(60, age)) * 1000,
    bisect: p.BisectBatchOnFunctionError === true,
    perItem: (p.FunctionResponseTypes ?? []).includes('ReportBatchItemFailures'),
    filters,
    onFailure,
    lanes: [],
  };
  const all = lanesOf(sim);
  for (let i = 0; i < s.shardIds.length * parallel; i++) {
    const lane = new Lane(all.length, edge, Math.floor(i / parallel));
    all.push(lane);
    rt.lanes.push(lane);
  }
  sim.edgeRt[edge] = rt;
  // A disabled mapping still holds its copies: they wait (and expire) unread.
  s.consumers.push(edge);
}

/** What a FilterCriteria pattern sees of a record (the Lambda record's filterable fields). */
export function recordView(s: StreamRt, u: Unit, ddbEvent: string | undefined): unknown {
  const p = u.payload!;
  const body = typeof p.body === 'string' ? parseOr(p.body) : p.body;
  if (!s.dynamodb) return { partitionKey: p.partitionKey ?? p.eventId, sequenceNumber: sequenceNumberOf(u.flags, u.aux, false), data: body };
  return { eventName: ddbEvent, eventSource: 'aws:dynamodb', dynamodb: { Keys: { key: p.partitionKey ?? p.eventId }, NewImage: body, SequenceNumber: sequenceNumberOf(u.flags, u.aux, true) } };
}

function parseOr(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A record copy joins its lane of `shard`; the lane is woken. */
export function enqueueRecord(sim: Sim, esm: StreamEsmRt, shard: number, key: string, u: Unit): void {
  const lane = esm.lanes[shard * esm.parallel + laneOfKey(key, esm.parallel)];
  lane.records.push(u.slot, u.id);
  if (esm.enabled) pokeLane(sim, esm, lane);
}

/**
 * Wakes an idle lane: it polls after the arrivals of this millisecond, unless its batching
 * window is still gathering a batch that is not full (the window's end polls).
 */
function pokeLane(sim: Sim, esm: StreamEsmRt, lane: Lane): void {
  if (lane.busy || lane.pollNow === sim.now) return;
  if (lane.windowEnd > sim.now && lane.records.length < esm.batchSize) return;
  lane.pollNow = sim.now;
  sim.at(sim.now, PRIORITY.poll, EV.streamPoll, lane.idx, 0);
}

/** Engine event: lane `idx` polls. */
export function onStreamPoll(sim: Sim, idx: number): void {
  const lane = lanesOf(sim)[idx];
  if (lane.pollNow === sim.now) lane.pollNow = -1;
  if (lane.windowPollAt === sim.now) lane.windowPollAt = -1;
  if (!lane.busy) runLane(sim, lane);
}

/** Engine event: the back-off of lane `idx` is over (if `version` is still current). */
export function onStreamRetryDue(sim: Sim, idx: number, version: number): void {
  const lane = lanesOf(sim)[idx];
  if (lane.version !== version) return;
  lane.busy = false;
  runLane(sim, lane);
}

/** Starts the lane's next batch (or tries its pending one again), if it has records. */
export function runLane(sim: Sim, lane: Lane): void {
  const esm = sim.edgeRt[lane.esm] as StreamEsmRt;
  for (;;) {
    lane.dropStale(sim.ledger);
    const n = lane.records.length;
    if (n === 0) {
      lane.windowEnd = -1;
      lane.batchLen = 0;
      return;
    }
    if (lane.batchLen === 0) {
      if (lane.splits.length > 0) lane.newBatch(Math.min(n, lane.splits.pop()!));
      else {
        if (esm.windowMs > 0 && n < esm.batchSize) {
          if (lane.windowEnd < 0) lane.windowEnd = sim.now + esm.windowMs;
          if (sim.now < lane.windowEnd) {
            if (lane.windowPollAt !== lane.windowEnd) {
              lane.windowPollAt = lane.windowEnd;
              sim.at(lane.windowEnd, PRIORITY.poll, EV.streamPoll, lane.idx, 0);
            }
            return;
          }
        }
        lane.windowEnd = -1;
        lane.newBatch(Math.min(n, esm.batchSize));
      }
    }
    if (esm.maxAgeMs !== Infinity) {
      const old = tooOld(sim, esm, lane);
      if (old > 0) {
        discard(sim, esm, lane, old, 'RecordAgeExceeded');
        continue;
      }
    }
    if (invoke(sim, esm, lane)) return;
  }
}

/** Entries at the front of the batch whose records are older than MaximumRecordAgeInSeconds. */
function tooOld(sim: Sim, esm: StreamEsmRt, lane: Lane): number {
  let k = 0;
  for (let i = 0; i < lane.batchLen; i++) {
    const u = lane.unitAt(sim.ledger, i);
    if (u === null) continue;
    if (sim.now - u.ageFrom <= esm.maxAgeMs) break;
    k = i + 1;
  }
  return k;
}

/** Invokes the function with the lane's batch; false when the batch held no live record. */
function invoke(sim: Sim, esm: StreamEsmRt, lane: Lane): boolean {
  let first: Unit | null = null;
  let live = 0;
  for (let i = 0; i < lane.batchLen; i++) {
    const u = lane.unitAt(sim.ledger, i);
    if (u === null) continue;
    first ??= u;
    live++;
  }
  if (first === null) {
    while (lane.batchLen > 0) lane.shift();
    return false;
  }
  const fn = sim.rt[esm.fn] as LambdaRt;
  const throttled = throttleReason(sim, fn);
  if (throttled !== 0) {
    lane.throttles++;
    const next = sim.now + esmRetryDelay(lane.throttles);
    for (let i = 0; i < lane.batchLen; i++) {
      const u = lane.unitAt(sim.ledger, i);
      if (u !== null && u.state !== ST.retryWait) sim.ledger.move(u, ST.retryWait);
    }
    sim.fact(TK.throttled, fn.node, esm.edge, first, lane.retries + 1, -1, next, live, throttled);
    return wait(sim, lane, next);
  }
  const inv = world(sim).pool.acquire(fn.node, esm.edge);
  inv.lane = lane.idx;
  for (let i = 0; i < lane.batchLen; i++) {
    const u = lane.unitAt(sim.ledger, i);
    if (u === null) continue;
    u.attempts++;
    sim.ledger.move(u, ST.inFlight);
    inv.add(u, false);
  }
  lane.invokes++;
  planRun(sim, fn, inv, { perItem: esm.perItem, fifo: false });
  startRun(sim, fn);
  lane.busy = true;
  sim.count(fn.node, C.invocations);
  sim.count(fn.node, C.received, live);
  sim.count(esm.stream, C.received, live);
  if (esm.via >= 0) sim.count(esm.via, C.received, live);
  if (lane.invokes > 1) {
    // The same records again (a retry, or the rest after a partial failure).
    sim.count(fn.node, C.retries);
    sim.count(esm.stream, C.retries, live);
  }
  const max = esm.maxRetries === Infinity ? -1 : esm.maxRetries + 1;
  sim.fact(TK.invoked, fn.node, esm.edge, first, lane.retries + 1, max, sim.now + inv.durationMs, live);
  sim.at(sim.now + inv.durationMs, PRIORITY.completion, EV.streamBatchDone, inv.idx, 0);
  return true;
}

/** The lane waits until `at` (a retry or throttle back-off). Returns true. */
export function wait(sim: Sim, lane: Lane, at: number): boolean {
  lane.busy = true;
  lane.version++;
  sim.at(at, PRIORITY.timer, EV.streamRetryDue, lane.idx, lane.version);
  return true;
}

/** Engine event: stream batch run `idx` ended. */
export function onStreamBatchDone(sim: Sim, idx: number): void {
  const pool = world(sim).pool;
  const inv = pool.all[idx];
  const lane = lanesOf(sim)[inv.lane];
  const esm = sim.edgeRt[lane.esm] as StreamEsmRt;
  endRun(sim, sim.rt[esm.fn] as LambdaRt);
  lane.busy = false;
  const waiting = afterRun(sim, esm, lane, inv);
  pool.release(inv);
  if (!waiting) runLane(sim, lane);
}
