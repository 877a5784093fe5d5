/**
 * Amazon SQS queues, standard and FIFO (aws-semantics 2.1-2.4): SendMessage with FIFO dedup
 * and DelaySeconds; ReceiveMessage with receive counts, the visibility timeout and redrive to
 * the DLQ at maxReceiveCount; DeleteMessage with receipt checks; retention expiry.
 */
import type { EdgeOf, NodeOf } from '../../model/types';
import { DeadlineRing } from '../kernel/deadlineRing';
import { ExpiryIndex } from '../kernel/expiryIndex';
import { PRIORITY } from '../kernel/eventQueue';
import { hashString32, hex32 } from '../kernel/hash';
import { ST, type Unit } from '../kernel/ledger';
import type { Rng } from '../kernel/rng';
import { C, EV, type Sim } from '../kernel/sim';
import { ensureSweep, sweepDue, trimSettled } from '../kernel/sweep';
import { outEdges, targetOf } from '../kernel/topology';
import { RS, TK } from '../trace';
import { FifoGroup, FifoStore, StandardStore } from './sqsStore';

/** FIFO deduplication window (aws-semantics 2.1). */
export const FIFO_DEDUP_WINDOW_MS = 5 * 60_000;

/** A queue's `poke` until a consumer wires one in. */
export const NO_POKE = (_edge: number): void => {};

/** Runtime state of one queue. */
export interface QueueRt {
  node: number;
  fifo: boolean;
  contentDedup: boolean;
  visibilityMs: number;
  retentionMs: number;
  delayMs: number;
  duplicateRate: number;
  reorderRate: number;
  /** Redrive target and limit, from the queue's outgoing `redrive` edge. */
  dlq: number;
  redriveEdge: number;
  maxReceiveCount: number;
  /** Event source mappings polling this queue (edge indices). */
  consumers: number[];
  /** Wakes consumer `edge` (set by the ESM service). */
  poke: (edge: number) => void;
  /** Which consumer `wakeConsumers` wakes first next time. */
  pokeTurn: number;
  standard: StandardStore | null;
  fifoStore: FifoStore | null;
  /** Visible messages (the store may also hold stale references). */
  visible: number;
  expiry: ExpiryIndex;
  /** In-flight receipts by visibility deadline (constant timeout: deadlines arrive in order). */
  inflight: DeadlineRing;
  dedup: Map<string, number>;
  seq: number;
  orderRng: Rng;
  dupRng: Rng;
}

const num = (x: number | undefined, d: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.floor(x ?? d)));

/** Builds a queue's runtime. */
export function initQueue(sim: Sim, node: number): void {
  const n = sim.topo.nodes[node] as NodeOf<'sqsQueue'>;
  const p = n.props;
  const redrive = outEdges(sim.topo, node, 'redrive')[0];
  const fifo = p.FifoQueue === true;
  const rt: QueueRt = {
    node,
    fifo,
    contentDedup: p.ContentBasedDeduplication === true,
    visibilityMs: num(p.VisibilityTimeout, 30, 0, 43200) * 1000,
    retentionMs: num(p.MessageRetentionPeriod, 345600, 60, 1209600) * 1000,
    delayMs: num(p.DelaySeconds, 0, 0, 900) * 1000,
    duplicateRate: fifo ? 0 : (n.behavior?.duplicateRate ?? 0),
    reorderRate: fifo ? 0 : (n.behavior?.reorderRate ?? 0),
    dlq: redrive === undefined ? -1 : targetOf(sim.topo, redrive),
    redriveEdge: redrive ?? -1,
    maxReceiveCount: redrive === undefined ? Infinity : num((sim.topo.edges[redrive] as EdgeOf<'redrive'>).props.maxReceiveCount, 10, 1, 1000),
    consumers: outEdges(sim.topo, node, 'eventSourceMapping'),
    poke: NO_POKE,
    pokeTurn: 0,
    standard: fifo ? null : new StandardStore(),
    fifoStore: fifo ? new FifoStore() : null,
    visible: 0,
    expiry: new ExpiryIndex(),
    inflight: new DeadlineRing(),
    dedup: new Map(),
    seq: 0,
    orderRng: sim.rng(node, 'order'),
    dupRng: sim.rng(node, 'duplicates'),
  };
  sim.rt[node] = rt;
}

/** SendMessage: unit `u` (already created at this queue) arrives. */
export function acceptAtQueue(sim: Sim, u: Unit, node: number): void {
  const q = sim.rt[node] as QueueRt;
  const p = u.payload!;
  if (q.fifo) {
    if (p.groupId === undefined || p.groupId === '') return reject(sim, q, u, RS.MissingMessageGroupId);
    const key = p.dedupId ?? (q.contentDedup ? contentKey(p.body) : undefined);
    if (key === undefined) return reject(sim, q, u, RS.MissingDeduplicationId);
    purgeDedup(q, sim.now);
    const until = q.dedup.get(key);
    // A duplicate send succeeds for the sender and is silently discarded (aws-semantics 2.1).
    if (until !== undefined && until > sim.now) return reject(sim, q, u, RS.DedupWindow);
    q.dedup.set(key, sim.now + FIFO_DEDUP_WINDOW_MS);
    u.aux = ++q.seq;
  }
  sim.fact(TK.enqueued, node, u.edge, u);
  sim.count(node, C.sent);
  q.expiry.push(u.ageFrom + q.retentionMs, u.slot, u.id);
  ensureSweep(sim, node, q.expiry);
  if (q.delayMs > 0) {
    sim.ledger.move(u, ST.delayed);
    sim.fact(TK.delayed, node, -1, u, -1, -1, sim.now + q.delayMs);
    sim.at(sim.now + q.delayMs, PRIORITY.timer, EV.sqsVisible, u.slot, u.version);
    return;
  }
  makeVisible(sim, q, u);
}

function reject(sim: Sim, q: QueueRt, u: Unit, reason: number): void {
  sim.fact(TK.dropped, q.node, u.edge, u, -1, -1, -1, -1, reason);
  sim.ledger.settle(u, ST.dropped, reason);
}

// Content-based dedup uses SHA-256 of the body in AWS; any collision-free-in-practice key
// gives the same behaviour, so the simulator uses two 32-bit hashes of the JSON text.
function contentKey(body: unknown): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return hex32(hashString32(text, 1)) + hex32(hashString32(text, 2)) + text.length;
}

function purgeDedup(q: QueueRt, now: number): void {
  // Insertion order is expiry order (constant window), so expired keys are at the front.
  for (const [k, until] of q.dedup) {
    if (until > now) break;
    q.dedup.delete(k);
  }
}

/** The message joins the visible messages; consumers are woken. */
export function makeVisible(sim: Sim, q: QueueRt, u: Unit): void {
  sim.ledger.move(u, ST.queued);
  if (q.fifo) u.meta = q.fifoStore!.push(u, u.payload!.groupId!);
  else q.standard!.refs.push(u.slot, u.id);
  q.visible++;
  wakeConsumers(q);
}

/**
 * Wakes every consumer of the queue, starting with a different one each time: competing
 * consumers (two mappings or pipes on one queue) share the messages instead of the first-wired
 * one taking them all (in AWS whichever long poll is waiting gets a message).
 */
export function wakeConsumers(q: QueueRt): void {
  const c = q.consumers;
  if (c.length === 1) return q.poke(c[0]);
  const start = q.pokeTurn++ % Math.max(1, c.length);
  for (let i = 0; i < c.length; i++) q.poke(c[(start + i) % c.length]);
}

/** Engine event: a delayed message becomes visible. */
export function onSqsVisible(sim: Sim, slot: number, version: number): void {
  const u = sim.ledger.at(slot, version);
  if (u === null) return;
  const q = sim.rt[u.node] as QueueRt;
  sim.fact(TK.visible, q.node, -1, u);
  makeVisible(sim, q, u);
}

/**
 * DeleteMessage with the receipt of receive `version`. [U] stale receipt handles on standard
 * queues (aws-semantics 2.3); [D] a stale receipt (the message was received again since, or
 * expired) deletes nothing on either queue type, so the newer receive still counts.
 */
export function deleteMessage(sim: Sim, u: Unit | null, esmEdge: number): boolean {
  if (u === null || u.state !== ST.inFlight) return false;
  const q = sim.rt[u.node] as QueueRt;
  sim.fact(TK.delivered, q.node, esmEdge, u, u.attempts);
  if (q.fifo) q.fifoStore!.released(u.meta as FifoGroup);
  sim.ledger.settle(u, ST.delivered, 0);
  return true;
}

/** Engine event: retention sweep of queue `node`. */
export function onQueueSweep(sim: Sim, node: number): void {
  const q = sim.rt[node] as QueueRt;
  if (!sweepDue(sim, q.expiry)) return;
  const ix = q.expiry;
  while (ix.size > 0 && ix.peekAt() <= sim.now) {
    const u = sim.ledger.byRef(ix.peekSlot(), ix.peekId());
    ix.pop();
    if (u === null) continue;
    if (u.state === ST.queued) q.visible--;
    if (q.fifo && u.state === ST.inFlight) q.fifoStore!.released(u.meta as FifoGroup);
    sim.fact(TK.expired, node, -1, u, u.attempts, -1, -1, -1, RS.RetentionExpired);
    sim.ledger.settle(u, ST.expired, RS.RetentionExpired);
  }
  trimSettled(ix, sim.ledger);
  ensureSweep(sim, node, ix);
}

/** An ESM filter rejected an in-flight message: it is deleted (aws-semantics 5.3). */
export function discardFiltered(sim: Sim, u: Unit, esmEdge: number): void {
  const q = sim.rt[u.node] as QueueRt;
  sim.fact(TK.filteredOut, q.node, esmEdge, u, u.attempts, -1, -1, -1, RS.FilterNoMatch);
  if (q.fifo) q.fifoStore!.released(u.meta as FifoGroup);
  sim.ledger.settle(u, ST.filteredOut, RS.FilterNoMatch);
}
