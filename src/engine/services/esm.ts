/**
 * The SQS event source mapping (aws-semantics 5.3): pollers receive batches while messages
 * are visible (BatchSize, MaximumBatchingWindowInSeconds; how many batches at once scales as
 * in sqsPollers.ts), filter them (non-matching messages are deleted), invoke the function
 * synchronously and apply the SQS failure rules: without ReportBatchItemFailures any error
 * leaves the whole batch to reappear after the visibility timeout; with it only the reported
 * records do, and a malformed response fails the whole batch.
 *
 * Throttles (aws-semantics 5.5): a poller invokes whether or not the function has free
 * concurrency; a 429 (no free concurrency, or an injected throttle) is retried with back-off
 * while the messages are still invisible, and the mapping backs off its concurrency. When the
 * visibility timeout ends first, the messages reappear with a higher receive count and may be
 * dead-lettered.
 *
 * [U] Lambda's docs give 1,000 concurrent batches per mapping, Pipes' 1,250: the Lambda figure
 * is used. [U] whether an empty or unknown itemIdentifier fails the whole SQS batch; [D] yes:
 * that is what the function's malformedResponseRate models. [U] whether BatchSize > 10 needs
 * a batching window of at least 1 s: not enforced here (lint's business).
 */
import type { EdgeOf } from '../../model/types';
import { PRIORITY } from '../kernel/eventQueue';
import { ST, type Unit } from '../kernel/ledger';
import { C, EV, type Sim } from '../kernel/sim';
import { sourceOf, targetOf } from '../kernel/topology';
import { TK } from '../trace';
import { failureReason, finishRun, planRun, recordSucceeded } from './consumer';
import { OUTCOME, type Invocation } from './invocation';
import { endRun, startRun, throttleReason, world, type LambdaRt } from './lambdaFunction';
import { compileFilters, type Matcher } from './patternMatch';
import { deleteMessage, discardFiltered, NO_POKE, type QueueRt } from './sqsQueue';
import { backOffPollers, esmRetryDelay, initialLimit, rampStep, resetPollers, wantMorePollers, type PollerState } from './sqsPollers';
import { receive, type ReceiveSink } from './sqsReceive';
import { waitForWindow, windowGathering, type BatchWindow } from './batchWindow';

/** Concurrent batches of one mapping without ScalingConfig.MaximumConcurrency. */
export const DEFAULT_ESM_MAX_CONCURRENCY = 1000;

/** Runtime of one SQS event source mapping edge. */
export interface EsmRt extends PollerState, BatchWindow {
  kind: 'sqs';
  queue: number;
  /** The pipe node this mapping runs for, or -1. */
  via: number;
  enabled: boolean;
  perItem: boolean;
  filters: Matcher[] | null;
  /** Time of the pending immediate poll (pokes in that millisecond add none), or -1. */
  pollNow: number;
  /** Receives into the batch being assembled (one object per mapping, not one per poll). */
  sink: BatchSink;
}

/** Hands received messages to the invocation being assembled. */
class BatchSink implements ReceiveSink {
  inv: Invocation | null = null;
  take(u: Unit, duplicate: boolean): void {
    this.inv!.add(u, duplicate);
  }
}

/** Settings of an event source mapping (what a pipe with a Lambda target also supplies). */
export type EsmProps = EdgeOf<'eventSourceMapping'>['props'];

/**
 * How a mapping is wired when it is not an eventSourceMapping edge: a pipe from `source` to the
 * function `fn`, on the pipe's source edge, counted at the pipe node `via` too.
 */
export interface EsmWiring {
  source: number;
  fn: number;
  via: number;
  props: EsmProps;
  /** The pipe's compiled filter (its props carry no FilterCriteria). */
  filters: Matcher[] | null;
}

/**
 * Builds the mapping on edge `edge` (an SQS queue to a function, or a pipe's source edge with
 * `wiring`); pushes problems to `warnings`.
 */
export function initEsm(sim: Sim, edge: number, warnings: string[], wiring?: EsmWiring): void {
  const e = sim.topo.edges[edge];
  const queue = wiring?.source ?? sourceOf(sim.topo, edge);
  const fn = wiring?.fn ?? targetOf(sim.topo, edge);
  const qn = sim.topo.nodes[queue];
  if (qn.kind !== 'sqsQueue' || sim.topo.nodes[fn].kind !== 'lambdaFunction') return;
  const p = wiring?.props ?? (e as EdgeOf<'eventSourceMapping'>).props;
  const fifo = qn.props.FifoQueue;
  const filters = wiring ? wiring.filters : compileFilters((p.FilterCriteria?.Filters ?? []).map((f) => f.Pattern), `Event source mapping ${e.id}`, warnings);
  const cap = Math.max(1, Math.floor(p.ScalingConfig?.MaximumConcurrency ?? DEFAULT_ESM_MAX_CONCURRENCY));
  const rt: EsmRt = {
    kind: 'sqs',
    edge,
    queue,
    fn,
    via: wiring?.via ?? -1,
    enabled: p.Enabled !== false,
    batchSize: Math.max(1, Math.min(fifo ? 10 : 10000, Math.floor(p.BatchSize ?? 10))),
    // Batching windows are not supported for FIFO sources.
    windowMs: fifo ? 0 : Math.max(0, Math.min(300, p.MaximumBatchingWindowInSeconds ?? 0)) * 1000,
    perItem: (p.FunctionResponseTypes ?? []).includes('ReportBatchItemFailures'),
    cap,
    limit: initialLimit(cap),
    filters,
    active: 0,
    pollNow: -1,
    windowPollAt: -1,
    rampScheduled: false,
    throttledSinceStep: false,
    windowEnd: -1,
    sink: new BatchSink(),
  };
  sim.edgeRt[edge] = rt;
  const q = sim.rt[queue] as QueueRt;
  // A pipe may have wired a poke that serves mappings and pipes alike; keep it.
  if (q.poke === NO_POKE) q.poke = (x: number) => pokeEsm(sim, x);
  if (!q.consumers.includes(edge)) q.consumers.push(edge);
}

/**
 * Wakes mapping `edge`: a poll runs after the arrivals of this millisecond, unless every
 * poller is busy (a finishing batch or a scale-up step pokes again) or a batching window is
 * gathering a batch that is not full yet (its end polls).
 */
export function pokeEsm(sim: Sim, edge: number): void {
  const esm = sim.edgeRt[edge] as EsmRt | undefined;
  if (esm === undefined || esm.kind !== 'sqs' || !esm.enabled) return;
  if (esm.active >= esm.limit || esm.pollNow === sim.now) return;
  if (windowGathering(sim, esm, (sim.rt[esm.queue] as QueueRt).visible)) return;
  esm.pollNow = sim.now;
  sim.at(sim.now, PRIORITY.poll, EV.esmPoll, edge, 0);
}

/** Engine event: mapping `edge` polls its queue. */
export function onEsmPoll(sim: Sim, edge: number): void {
  const esm = sim.edgeRt[edge] as EsmRt;
  if (esm.pollNow === sim.now) esm.pollNow = -1;
  if (esm.windowPollAt === sim.now) esm.windowPollAt = -1;
  const q = sim.rt[esm.queue] as QueueRt;
  const fn = sim.rt[esm.fn] as LambdaRt;
  const pool = world(sim).pool;
  for (;;) {
    if (q.visible <= 0) {
      esm.windowEnd = -1;
      if (esm.active === 0) resetPollers(sim, esm);
      return;
    }
    if (esm.active >= esm.limit) {
      wantMorePollers(sim, esm);
      return;
    }
    if (waitForWindow(sim, esm, q.visible, EV.esmPoll, edge)) return;
    const inv = pool.acquire(fn.node, edge);
    const visibleBefore = q.visible;
    esm.sink.inv = inv;
    const n = receive(sim, q, esm.batchSize, edge, esm.sink);
    if (n > 0 && esm.filters !== null) applyFilters(sim, esm, inv);
    if (inv.n === 0) {
      pool.release(inv);
      // Nothing handed out: go on only if the receive made progress (redrives, filtering);
      // visible FIFO messages may all sit in locked groups.
      if (q.visible < visibleBefore) continue;
      return;
    }
    sim.count(fn.node, C.received, inv.n);
    if (esm.via >= 0) sim.count(esm.via, C.received, inv.n);
    inv.visibleAt = sim.now + q.visibilityMs;
    esm.active++;
    tryInvoke(sim, esm, q, fn, inv);
  }
}

/** Engine event: a scale-up step of mapping `edge` is due. */
export function onEsmRamp(sim: Sim, edge: number): void {
  const esm = sim.edgeRt[edge] as EsmRt;
  rampStep(sim, esm, (sim.rt[esm.queue] as QueueRt).visible);
  pokeEsm(sim, edge);
}

function applyFilters(sim: Sim, esm: EsmRt, inv: Invocation): void {
  let k = 0;
  for (let i = 0; i < inv.n; i++) {
    const u = sim.ledger.units[inv.slots[i]];
    // A duplicate copy of a message the filter already deleted goes with it.
    if (u.id !== inv.ids[i]) continue;
    const record = { messageId: u.payload!.eventId, body: u.payload!.body, eventSource: 'aws:sqs' };
    if (esm.filters!.some((m) => m(record))) {
      inv.slots[k] = inv.slots[i];
      inv.versions[k] = inv.versions[i];
      inv.ids[k] = inv.ids[i];
      inv.roots[k] = inv.roots[i];
      inv.dup[k] = inv.dup[i];
      k++;
    } else if (!inv.dup[i] && u.state === ST.inFlight) discardFiltered(sim, u, esm.edge);
  }
  inv.n = k;
}

/** Invokes the function with the batch, or handles the 429. */
function tryInvoke(sim: Sim, esm: EsmRt, q: QueueRt, fn: LambdaRt, inv: Invocation): void {
  const first = sim.ledger.units[inv.slots[0]];
  const throttled = throttleReason(sim, fn);
  if (throttled !== 0) {
    inv.tries++;
    backOffPollers(sim, esm);
    const next = sim.now + esmRetryDelay(inv.tries);
    if (next < inv.visibleAt) {
      sim.fact(TK.throttled, fn.node, esm.edge, first, first.attempts, -1, next, inv.n, throttled);
      sim.at(next, PRIORITY.timer, EV.esmRetryInvoke, inv.idx, 0);
      return;
    }
    // Out of time: the messages stay in flight and reappear when their visibility timeout ends.
    sim.fact(TK.throttled, fn.node, esm.edge, first, first.attempts, -1, inv.visibleAt, inv.n, throttled);
    world(sim).pool.release(inv);
    esm.active--;
    pokeEsm(sim, esm.edge);
    return;
  }
  planRun(sim, fn, inv, { perItem: esm.perItem, fifo: q.fifo });
  startRun(sim, fn);
  sim.count(fn.node, C.invocations);
  sim.fact(TK.invoked, fn.node, esm.edge, first, first.attempts, -1, sim.now + inv.durationMs, inv.n);
  sim.at(sim.now + inv.durationMs, PRIORITY.completion, EV.esmBatchDone, inv.idx, 0);
}

/** Engine event: a throttled batch tries to invoke again (if its messages are still its own). */
export function onEsmRetryInvoke(sim: Sim, idx: number): void {
  const pool = world(sim).pool;
  const inv = pool.all[idx];
  const esm = sim.edgeRt[inv.esm] as EsmRt;
  inv.keepValid(sim.ledger);
  if (inv.n === 0) {
    pool.release(inv);
    esm.active--;
    pokeEsm(sim, esm.edge);
    return;
  }
  tryInvoke(sim, esm, sim.rt[esm.queue] as QueueRt, sim.rt[esm.fn] as LambdaRt, inv);
}

/** Engine event: batch run `idx` ended; delete what succeeded, leave the rest to reappear. */
export function onEsmBatchDone(sim: Sim, idx: number): void {
  const pool = world(sim).pool;
  const inv = pool.all[idx];
  const fn = sim.rt[inv.fn] as LambdaRt;
  const esm = sim.edgeRt[inv.esm] as EsmRt;
  const q = sim.rt[esm.queue] as QueueRt;
  endRun(sim, fn);
  esm.active--;
  finishRun(sim, fn, inv);
  let okRecords = 0;
  let failedRecords = 0;
  for (let i = 0; i < inv.n; i++) {
    if (inv.dup[i]) continue;
    // The receipt is valid only if the message was not received again (or expired) meanwhile.
    const u = sim.ledger.at(inv.slots[i], inv.versions[i]);
    if (recordSucceeded(inv, i)) {
      if (deleteMessage(sim, u, esm.edge)) okRecords++;
    } else if (u !== null) {
      failedRecords++;
      const max = q.maxReceiveCount === Infinity ? -1 : q.maxReceiveCount;
      sim.fact(TK.failed, fn.node, esm.edge, u, u.attempts, max, inv.visibleAt, -1, failureReason(inv, i));
    }
  }
  // A batch that returned batchItemFailures is a clean invocation to CloudWatch (no Errors),
  // but the simulator counts it as failed: a class should see that work came back.
  if (inv.outcome === OUTCOME.ok && failedRecords === 0) {
    sim.count(fn.node, C.succeeded);
    sim.factRef(TK.succeeded, fn.node, esm.edge, inv.ids[0], inv.roots[0], -1, -1, -1, okRecords);
  } else sim.count(fn.node, C.failed);
  pool.release(inv);
  pokeEsm(sim, esm.edge);
}
