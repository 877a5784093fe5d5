/**
 * How many batches an SQS event source mapping runs at once (aws-semantics 5.3, "Poller
 * scaling"): it starts with 5 concurrent batches when messages appear, adds up to 300 a minute
 * while messages keep waiting, up to ScalingConfig.MaximumConcurrency (else 1,000), backs off
 * when invokes are throttled (and does not grow in a step that saw a throttle), and drops back
 * to 5 when the queue is drained.
 *
 * [D] The ramp is +5 concurrent batches each second the mapping is saturated (all its batches
 * busy and messages still visible): 300 a minute, in even steps. [D] A throttled invoke halves
 * the limit (never below the starting 5): AWS says only that Lambda "backs off". [D] The limit
 * returns to 5 when a poll finds no visible message and no batch running (AWS: "as low as 2"
 * with no MaximumConcurrency; the simulator keeps the documented starting figure).
 */
import { PRIORITY } from '../kernel/eventQueue';
import { EV, type Sim } from '../kernel/sim';
import { TK } from '../trace';

/** Poller scaling constants. */
export const SQS_POLLERS = {
  /** Concurrent batches when messages first appear. */
  initial: 5,
  /** Added per step while saturated (5 a second = 300 a minute). */
  step: 5,
  stepMs: 1000,
} as const;

/** The part of an SQS mapping's runtime the scaling reads and writes. */
export interface PollerState {
  edge: number;
  fn: number;
  /** Most concurrent batches (ScalingConfig.MaximumConcurrency, else 1,000). */
  cap: number;
  /** Concurrent batches allowed now. */
  limit: number;
  /** Batches received and not finished (running or retrying a throttled invoke). */
  active: number;
  rampScheduled: boolean;
  /** An invoke was throttled since the last scale-up step: the next step adds nothing. */
  throttledSinceStep: boolean;
}

/** The starting limit of a mapping with cap `cap`. */
export function initialLimit(cap: number): number {
  return Math.min(cap, SQS_POLLERS.initial);
}

function setLimit(sim: Sim, p: PollerState, limit: number): void {
  if (limit === p.limit) return;
  p.limit = limit;
  sim.factRef(TK.pollersScaled, p.fn, p.edge, 0, 0, -1, -1, -1, limit);
}

/** The mapping is saturated with messages waiting: schedule the next scale-up step. */
export function wantMorePollers(sim: Sim, p: PollerState): void {
  if (p.limit >= p.cap || p.rampScheduled) return;
  p.rampScheduled = true;
  sim.at(sim.now + SQS_POLLERS.stepMs, PRIORITY.poll, EV.esmRamp, p.edge, 0);
}

/**
 * A scale-up step is due (it was asked for when the mapping was saturated): add pollers if
 * messages still wait.
 */
export function rampStep(sim: Sim, p: PollerState, visible: number): void {
  p.rampScheduled = false;
  if (visible > 0 && !p.throttledSinceStep) setLimit(sim, p, Math.min(p.cap, p.limit + SQS_POLLERS.step));
  p.throttledSinceStep = false;
}

/** An invoke was throttled: Lambda backs off the mapping's concurrency. */
export function backOffPollers(sim: Sim, p: PollerState): void {
  p.throttledSinceStep = true;
  setLimit(sim, p, Math.max(initialLimit(p.cap), Math.floor(p.limit / 2)));
}

/** The queue is drained and nothing runs: back to the starting limit. */
export function resetPollers(sim: Sim, p: PollerState): void {
  setLimit(sim, p, initialLimit(p.cap));
}

/**
 * Delay before the `n`-th retry (1-based) of a throttled ESM invoke. [D] 1 s doubling, at
 * most 60 s, no jitter: AWS documents back-off without figures. An SQS batch retries only
 * while its messages are still invisible; a stream batch until its records age out.
 */
export function esmRetryDelay(n: number): number {
  return Math.min(60_000, 1000 * 2 ** Math.min(16, n - 1));
}
