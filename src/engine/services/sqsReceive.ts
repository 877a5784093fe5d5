/**
 * SQS ReceiveMessage and the visibility timeout (aws-semantics 2.3, 2.4): hand out visible
 * messages (FIFO: from unlocked groups, as many as possible per group), count receives, move a
 * message that reached maxReceiveCount to the redrive DLQ instead of handing it out, inject
 * seeded duplicates and reordering on standard queues, and return expired receipts.
 */
import { PRIORITY } from '../kernel/eventQueue';
import { ST, type Unit } from '../kernel/ledger';
import { C, EV, type Sim } from '../kernel/sim';
import { RS, TK } from '../trace';
import type { FifoGroup } from './sqsStore';
import { wakeConsumers, type QueueRt } from './sqsQueue';

/** A received message as the consumer holds it. */
export interface ReceiveSink {
  /** Called once per handed-out message; `duplicate` for an injected extra copy. */
  take(u: Unit, duplicate: boolean): void;
}

/**
 * ReceiveMessage for up to `max` messages. A message already received maxReceiveCount times
 * moves to the DLQ instead of being handed out. Returns how many were handed out.
 */
export function receive(sim: Sim, q: QueueRt, max: number, esmEdge: number, sink: ReceiveSink): number {
  let n = 0;
  if (q.fifo) {
    const store = q.fifoStore!;
    while (n < max) {
      const g = store.nextReadyGroup();
      if (g === null) break;
      // A receive returns as many messages as it can from one group, then tries others.
      while (n < max) {
        const u = store.front(g, sim.ledger);
        if (u === null) break;
        store.shift(g);
        q.visible--;
        if (u.attempts >= q.maxReceiveCount) {
          redrive(sim, q, u);
          continue;
        }
        g.inFlight++;
        handOut(sim, q, u, esmEdge, sink);
        n++;
      }
      store.afterTake(g);
    }
    return n;
  }
  const refs = q.standard!.refs;
  while (n < max && refs.length > 0) {
    // Best-effort order: sometimes the oldest visible message is skipped for now.
    if (refs.length > 1 && q.orderRng.chance(q.reorderRate)) refs.swapFront();
    const u = sim.ledger.byRef(refs.slotAt(0), refs.idAt(0));
    refs.shift();
    if (u === null || u.state !== ST.queued) continue;
    q.visible--;
    if (u.attempts >= q.maxReceiveCount) {
      redrive(sim, q, u);
      continue;
    }
    handOut(sim, q, u, esmEdge, sink);
    n++;
    if (n < max && q.dupRng.chance(q.duplicateRate)) {
      // A stored replica answers too: the same unit is handed out again (an attempt, not a unit).
      sim.fact(TK.duplicateDelivered, q.node, esmEdge, u, u.attempts);
      sim.count(q.node, C.duplicates);
      sink.take(u, true);
      n++;
    }
  }
  return n;
}

function handOut(sim: Sim, q: QueueRt, u: Unit, esmEdge: number, sink: ReceiveSink): void {
  u.attempts++;
  sim.ledger.move(u, ST.inFlight);
  const visibleAt = sim.now + q.visibilityMs;
  sim.fact(TK.received, q.node, esmEdge, u, u.attempts, q.maxReceiveCount === Infinity ? -1 : q.maxReceiveCount, visibleAt);
  sim.count(q.node, C.received);
  if (u.attempts > 1) sim.count(q.node, C.retries);
  q.inflight.push(visibleAt, u.slot, u.version);
  if (q.inflight.scheduledAt < 0) {
    q.inflight.scheduledAt = visibleAt;
    sim.at(visibleAt, PRIORITY.timer, EV.visibilitySweep, q.node, 0);
  }
  sink.take(u, false);
}

/** Moves a message to the redrive DLQ. Standard DLQs keep the original enqueue time. */
function redrive(sim: Sim, q: QueueRt, u: Unit): void {
  sim.fact(TK.movedToDlq, q.dlq, q.redriveEdge, u, u.attempts, q.maxReceiveCount, -1, -1, RS.maxReceiveCount);
  const dlq = sim.topo.nodes[q.dlq];
  const keepAge = dlq.kind === 'sqsQueue' && !dlq.props.FifoQueue;
  sim.handOff(u, q.dlq, q.redriveEdge, u.payload!, 0, keepAge ? u.ageFrom : sim.now);
  sim.ledger.settle(u, ST.inDlq, RS.maxReceiveCount);
}

/** Engine event: visibility deadlines of queue `node` are due; expired receipts return. */
export function onVisibilitySweep(sim: Sim, node: number): void {
  const q = sim.rt[node] as QueueRt;
  const ring = q.inflight;
  ring.scheduledAt = -1;
  while (ring.length > 0 && ring.peekAt() <= sim.now) {
    const u = sim.ledger.at(ring.peekSlot(), ring.peekVersion());
    ring.shift();
    // Deleted, expired or received again since: the receipt is stale.
    if (u !== null) visibilityExpired(sim, q, u);
  }
  if (ring.length > 0) {
    ring.scheduledAt = ring.peekAt();
    sim.at(ring.scheduledAt, PRIORITY.timer, EV.visibilitySweep, node, 0);
  }
}

function visibilityExpired(sim: Sim, q: QueueRt, u: Unit): void {
  sim.ledger.move(u, ST.queued);
  sim.fact(TK.visibilityExpired, q.node, -1, u, u.attempts, q.maxReceiveCount === Infinity ? -1 : q.maxReceiveCount);
  if (q.fifo) q.fifoStore!.returnMessage(u, u.meta as FifoGroup);
  else q.standard!.refs.push(u.slot, u.id);
  q.visible++;
  wakeConsumers(q);
}

