/**
 * The SQS event source mapping (aws-semantics 5.3): polls a queue when messages are visible
 * and concurrency allows, assembles batches (BatchSize, MaximumBatchingWindowInSeconds),
 * filters (non-matching messages are deleted), invokes the function synchronously and applies
 * the SQS failure rules: without ReportBatchItemFailures any error leaves the whole batch to
 * reappear after the visibility timeout; with it only the reported records do, and a
 * malformed response fails the whole batch.
 *
 * [D] No poller scale-up ramp (5 batches, +300/min): concurrency is limited by
 * ScalingConfig.MaximumConcurrency (else 1,000 concurrent batches: [U] Lambda's docs say
 * 1,000, Pipes' 1,250; the Lambda figure is used), reserved concurrency and the account pool.
 * A throttled batch is not retried inside its visibility timeout; its messages return when
 * it ends. [U] whether an empty or unknown itemIdentifier fails the whole SQS batch; [D] yes:
 * that is what the function's malformedResponseRate models. [U] whether BatchSize > 10 needs
 * a batching window of at least 1 s: not enforced here (lint's business).
 */

/** Concurrent batches of one mapping without ScalingConfig.MaximumConcurrency. */
export const DEFAULT_ESM_MAX_CONCURRENCY = 1000;
import type { EdgeOf } from '../../model/types';
import { PRIORITY } from '../kernel/eventQueue';
import { ST } from '../kernel/ledger';
import { C, EV, type Sim } from '../kernel/sim';
import { sourceOf, targetOf } from '../kernel/topology';
import { TK } from '../trace';
import { failureReason, finishRun, planRun, recordSucceeded } from './consumer';
import { OUTCOME, type Invocation } from './invocation';
import { capacity, endRun, runThrottled, startRun, world, type LambdaRt } from './lambdaFunction';
import { pumpLambda } from './lambdaAsync';
import { compileMatcher, type Matcher } from './patternMatch';
import { deleteMessage, discardFiltered, type QueueRt } from './sqsQueue';
import { receive } from './sqsReceive';

/** Runtime of one SQS event source mapping edge. */
export interface EsmRt {
  edge: number;
  queue: number;
  fn: number;
  enabled: boolean;
  batchSize: number;
  windowMs: number;
  perItem: boolean;
  maxConcurrency: number;
  filters: Matcher[] | null;
  active: number;
  pollScheduled: boolean;
  windowEnd: number;
}

/** Builds the mapping on edge `edge` (an SQS queue to a function); pushes problems to `warnings`. */
export function initEsm(sim: Sim, edge: number, warnings: string[]): void {
  const e = sim.topo.edges[edge] as EdgeOf<'eventSourceMapping'>;
  const queue = sourceOf(sim.topo, edge);
  const fn = targetOf(sim.topo, edge);
  const qn = sim.topo.nodes[queue];
  if (qn.kind !== 'sqsQueue' || sim.topo.nodes[fn].kind !== 'lambdaFunction') return;
  const p = e.props;
  const fifo = qn.props.FifoQueue;
  const filters: Matcher[] = [];
  for (const f of p.FilterCriteria?.Filters ?? []) {
    const c = compileMatcher(f.Pattern);
    if (c === null) continue;
    if (c.ok) filters.push(c.match);
    else warnings.push(`Event source mapping ${e.id} filter: ${c.message}`);
  }
  const rt: EsmRt = {
    edge,
    queue,
    fn,
    enabled: p.Enabled !== false,
    batchSize: Math.max(1, Math.min(fifo ? 10 : 10000, Math.floor(p.BatchSize ?? 10))),
    // Batching windows are not supported for FIFO sources.
    windowMs: fifo ? 0 : Math.max(0, Math.min(300, p.MaximumBatchingWindowInSeconds ?? 0)) * 1000,
    perItem: (p.FunctionResponseTypes ?? []).includes('ReportBatchItemFailures'),
    maxConcurrency: p.ScalingConfig?.MaximumConcurrency ?? DEFAULT_ESM_MAX_CONCURRENCY,
    filters: filters.length > 0 ? filters : null,
    active: 0,
    pollScheduled: false,
    windowEnd: -1,
  };
  sim.edgeRt[edge] = rt;
  const poke = (x: number) => pokeEsm(sim, x);
  (sim.rt[queue] as QueueRt).poke = poke;
  (sim.rt[fn] as LambdaRt).pokeEsm = poke;
}

/** Wakes mapping `edge`: a poll runs after the arrivals of this millisecond. */
export function pokeEsm(sim: Sim, edge: number): void {
  const esm = sim.edgeRt[edge] as EsmRt | undefined;
  if (esm === undefined || !esm.enabled) return;
  const q = sim.rt[esm.queue] as QueueRt;
  const fullEarly = esm.windowEnd > sim.now && q.visible >= esm.batchSize;
  if (esm.pollScheduled && !fullEarly) return;
  esm.pollScheduled = true;
  sim.at(sim.now, PRIORITY.poll, EV.esmPoll, edge, 0);
}

/** Engine event: mapping `edge` polls its queue. */
export function onEsmPoll(sim: Sim, edge: number): void {
  const esm = sim.edgeRt[edge] as EsmRt;
  esm.pollScheduled = false;
  const q = sim.rt[esm.queue] as QueueRt;
  const fn = sim.rt[esm.fn] as LambdaRt;
  const pool = world(sim).pool;
  for (;;) {
    if (q.visible <= 0) {
      esm.windowEnd = -1;
      return;
    }
    if (capacity(sim, fn) <= 0 || esm.active >= esm.maxConcurrency) return;
    if (esm.windowMs > 0 && q.visible < esm.batchSize) {
      if (esm.windowEnd < 0) esm.windowEnd = sim.now + esm.windowMs;
      if (sim.now < esm.windowEnd) {
        esm.pollScheduled = true;
        sim.at(esm.windowEnd, PRIORITY.poll, EV.esmPoll, edge, 0);
        return;
      }
    }
    esm.windowEnd = -1;
    const inv = pool.acquire(fn.node, edge);
    const visibleBefore = q.visible;
    const n = receive(sim, q, esm.batchSize, edge, { take: (u, dup) => inv.add(u, dup) });
    if (n > 0 && esm.filters !== null) applyFilters(sim, esm, inv);
    if (inv.n === 0) {
      pool.release(inv);
      // Nothing handed out: go on only if the receive made progress (redrives, filtering);
      // visible FIFO messages may all sit in locked groups.
      if (q.visible < visibleBefore) continue;
      return;
    }
    startBatch(sim, esm, q, fn, inv);
  }
}

function applyFilters(sim: Sim, esm: EsmRt, inv: Invocation): void {
  let k = 0;
  for (let i = 0; i < inv.n; i++) {
    const u = sim.ledger.units[inv.slots[i]];
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

function startBatch(sim: Sim, esm: EsmRt, q: QueueRt, fn: LambdaRt, inv: Invocation): void {
  const first = sim.ledger.units[inv.slots[0]];
  sim.count(fn.node, C.received, inv.n);
  if (runThrottled(sim, fn)) {
    // The messages stay in flight and reappear when their visibility timeout ends.
    sim.fact(TK.throttled, fn.node, esm.edge, first, first.attempts, -1, sim.now + q.visibilityMs, inv.n);
    world(sim).pool.release(inv);
    return;
  }
  planRun(sim, fn, inv, { perItem: esm.perItem, fifo: q.fifo });
  inv.visibleAt = sim.now + q.visibilityMs;
  startRun(sim, fn);
  esm.active++;
  sim.count(fn.node, C.invocations);
  sim.fact(TK.invoked, fn.node, esm.edge, first, first.attempts, -1, sim.now + inv.durationMs, inv.n);
  sim.at(sim.now + inv.durationMs, PRIORITY.completion, EV.esmBatchDone, inv.idx, 0);
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
  for (let i = 0; i < inv.n; i++) {
    if (inv.dup[i]) continue;
    // The receipt is valid only if the message was not received again (or expired) meanwhile.
    const u = sim.ledger.at(inv.slots[i], inv.versions[i]);
    if (recordSucceeded(inv, i)) {
      if (deleteMessage(sim, u, esm.edge)) okRecords++;
    } else if (u !== null) {
      const max = q.maxReceiveCount === Infinity ? -1 : q.maxReceiveCount;
      sim.fact(TK.failed, fn.node, esm.edge, u, u.attempts, max, inv.visibleAt, -1, failureReason(inv, i));
    }
  }
  if (inv.outcome === OUTCOME.ok) {
    sim.count(fn.node, C.succeeded);
    sim.factRef(TK.succeeded, fn.node, esm.edge, inv.ids[0], inv.roots[0], -1, -1, -1, okRecords);
  } else sim.count(fn.node, C.failed);
  pool.release(inv);
  pumpLambda(sim, fn);
}
