/**
 * Lambda asynchronous invocation (aws-semantics 5.2): the internal queue, function-error
 * retries (MaximumRetryAttempts 0-2, ~1 min then ~2 min), throttle back-off, the maximum
 * event age, and OnSuccess / OnFailure destinations.
 */
import { PRIORITY } from '../kernel/eventQueue';
import { ST, type Unit } from '../kernel/ledger';
import { C, EV, type Sim } from '../kernel/sim';
import { ensureSweep, sweepDue, trimSettled } from '../kernel/sweep';
import { targetOf } from '../kernel/topology';
import { RS, TK } from '../trace';
import { lambdaAsyncRetryDelay, lambdaThrottleDelay } from './backoff';
import { failureReason, finishRun, planRun, recordSucceeded } from './consumer';
import { sendToDestinations } from './destinations';
import { OUTCOME } from './invocation';
import { endRun, startRun, throttleReason, world, type LambdaRt } from './lambdaFunction';

/** Invoke (InvocationType Event) accepted: the unit joins the function's internal queue. */
export function acceptAtLambda(sim: Sim, u: Unit, node: number): void {
  const fn = sim.rt[node] as LambdaRt;
  sim.fact(TK.accepted, node, u.edge, u);
  sim.count(node, C.received);
  // [U: public docs] AWS-recorded snapshots show reserved concurrency 0 failing async events
  // at once with condition ZeroReservedConcurrency (record without responseContext); [D] so.
  if (fn.reserved === 0) return giveUp(sim, fn, u, 'ZeroReservedConcurrency', null);
  fn.expiry.push(u.ageFrom + fn.maxAgeMs, u.slot, u.id);
  ensureSweep(sim, node, fn.expiry);
  sim.ledger.move(u, ST.queued);
  fn.asyncQueue.push(u.slot, u.id);
  pumpLambda(sim, fn);
}

/**
 * Starts the queued async events. An event that finds the function at its concurrency limit
 * (reserved, or the account's unreserved pool) is throttled like an injected 429: it goes back
 * to the queue with a back-off (aws-semantics 5.5), it does not wait in line.
 */
export function pumpLambda(sim: Sim, fn: LambdaRt): void {
  const q = fn.asyncQueue;
  while (q.length > 0) {
    const u = sim.ledger.byRef(q.slotAt(0), q.idAt(0));
    q.shift();
    if (u === null || u.state !== ST.queued) continue;
    start(sim, fn, u);
  }
}

function start(sim: Sim, fn: LambdaRt, u: Unit): void {
  // [U] whether throttle retries consume MaximumRetryAttempts; [D] they do not (aws-semantics
  // 5.2 describes a separate loop bounded by the maximum event age): u.aux counts throttles.
  const throttled = throttleReason(sim, fn);
  if (throttled !== 0) {
    u.aux++;
    const next = sim.now + lambdaThrottleDelay(u.aux, fn.throttleRng);
    sim.ledger.move(u, ST.retryWait);
    sim.fact(TK.throttled, fn.node, -1, u, u.attempts + 1, fn.maxRetries + 1, next, -1, throttled);
    sim.at(next, PRIORITY.timer, EV.asyncRetryDue, u.slot, u.version);
    return;
  }
  u.attempts++;
  sim.ledger.move(u, ST.inFlight);
  const inv = world(sim).pool.acquire(fn.node, -1);
  inv.add(u, false);
  planRun(sim, fn, inv, { perItem: false, fifo: false });
  startRun(sim, fn);
  sim.count(fn.node, C.invocations);
  if (u.attempts > 1) sim.count(fn.node, C.retries);
  sim.fact(TK.invoked, fn.node, -1, u, u.attempts, fn.maxRetries + 1, sim.now + inv.durationMs, 1);
  sim.at(sim.now + inv.durationMs, PRIORITY.completion, EV.asyncDone, inv.idx, 0);
}

/** Engine event: async run `idx` ended. */
export function onAsyncDone(sim: Sim, idx: number): void {
  const w = world(sim);
  const inv = w.pool.all[idx];
  const fn = sim.rt[inv.fn] as LambdaRt;
  endRun(sim, fn);
  finishRun(sim, fn, inv);
  const u = sim.ledger.at(inv.slots[0], inv.versions[0]);
  const ok = recordSucceeded(inv, 0);
  const reason = failureReason(inv, 0);
  const timedOut = inv.outcome === OUTCOME.timeout;
  w.pool.release(inv);
  if (u !== null) settleRun(sim, fn, u, ok, reason, timedOut);
  pumpLambda(sim, fn);
}

function settleRun(sim: Sim, fn: LambdaRt, u: Unit, ok: boolean, reason: number, timedOut: boolean): void {
  if (ok) {
    sim.count(fn.node, C.succeeded);
    sim.fact(TK.succeeded, fn.node, -1, u, u.attempts, fn.maxRetries + 1);
    if (fn.onSuccess.length > 0) sendToDestinations(sim, fn, u, fn.onSuccess, 'Success', null);
    sim.fact(TK.delivered, fn.node, -1, u, u.attempts, -1, -1, fn.onSuccess.length);
    sim.ledger.settle(u, ST.delivered, 0);
    return;
  }
  sim.count(fn.node, C.failed);
  const error = timedOut ? { type: 'Sandbox.Timedout', message: `Task timed out after ${(fn.timeoutMs / 1000).toFixed(2)} seconds` } : { type: 'Error', message: 'Function error (simulated)' };
  if (sim.now - u.ageFrom >= fn.maxAgeMs) {
    sim.fact(TK.failed, fn.node, -1, u, u.attempts, fn.maxRetries + 1, -1, -1, reason);
    return giveUp(sim, fn, u, 'EventAgeExceeded', error);
  }
  if (u.attempts > fn.maxRetries) {
    sim.fact(TK.failed, fn.node, -1, u, u.attempts, fn.maxRetries + 1, -1, -1, reason);
    return giveUp(sim, fn, u, 'RetriesExhausted', error);
  }
  const next = sim.now + lambdaAsyncRetryDelay(u.attempts);
  sim.fact(TK.failed, fn.node, -1, u, u.attempts, fn.maxRetries + 1, next, -1, reason);
  sim.ledger.move(u, ST.retryWait);
  sim.fact(TK.retryScheduled, fn.node, -1, u, u.attempts + 1, fn.maxRetries + 1, next);
  // The sweep skipped this unit while it ran; its age deadline is registered again.
  fn.expiry.push(u.ageFrom + fn.maxAgeMs, u.slot, u.id);
  ensureSweep(sim, fn.node, fn.expiry);
  sim.at(next, PRIORITY.timer, EV.asyncRetryDue, u.slot, u.version);
}

/** Engine event: a retry or throttle back-off of async event (slot, version) is due. */
export function onAsyncRetryDue(sim: Sim, slot: number, version: number): void {
  const u = sim.ledger.at(slot, version);
  if (u === null) return;
  const fn = sim.rt[u.node] as LambdaRt;
  sim.ledger.move(u, ST.queued);
  fn.asyncQueue.push(u.slot, u.id);
  pumpLambda(sim, fn);
}

/** Engine event: maximum-event-age sweep of function `node`. */
export function onLambdaSweep(sim: Sim, node: number): void {
  const fn = sim.rt[node] as LambdaRt;
  if (!sweepDue(sim, fn.expiry)) return;
  const ix = fn.expiry;
  while (ix.size > 0 && ix.peekAt() <= sim.now) {
    const u = sim.ledger.byRef(ix.peekSlot(), ix.peekId());
    ix.pop();
    // A running event is judged when its run ends (settleRun checks the age).
    if (u === null || u.state === ST.inFlight) continue;
    giveUp(sim, fn, u, 'EventAgeExceeded', { type: 'EventAgeExceeded', message: 'Event age exceeded MaximumEventAgeInSeconds' });
  }
  trimSettled(ix, sim.ledger);
  ensureSweep(sim, node, ix);
}

/**
 * The event leaves the async queue unprocessed: to the OnFailure destinations, or else
 * dropped (retries exhausted) / expired (too old), per aws-semantics 8.3.
 */
function giveUp(sim: Sim, fn: LambdaRt, u: Unit, condition: 'RetriesExhausted' | 'EventAgeExceeded' | 'ZeroReservedConcurrency', error: { type: string; message: string } | null): void {
  const reason = RS[condition];
  if (fn.onFailure.length > 0) {
    sim.fact(TK.movedToDlq, targetOf(sim.topo, fn.onFailure[0]), fn.onFailure[0], u, u.attempts, fn.maxRetries + 1, -1, fn.onFailure.length, reason);
    sendToDestinations(sim, fn, u, fn.onFailure, condition, error);
    sim.ledger.settle(u, ST.inDlq, reason);
    return;
  }
  const state = condition === 'EventAgeExceeded' ? ST.expired : ST.dropped;
  sim.fact(state === ST.dropped ? TK.dropped : TK.expired, fn.node, -1, u, u.attempts, fn.maxRetries + 1, -1, -1, reason);
  sim.ledger.settle(u, state, reason);
}
