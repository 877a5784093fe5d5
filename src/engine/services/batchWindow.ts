/**
 * MaximumBatchingWindowInSeconds on a queue poller (an SQS event source mapping, a pipe): while
 * fewer messages than a full batch are visible, the poller waits until the window that the first
 * of them opened ends, then takes what there is.
 */
import { PRIORITY } from '../kernel/eventQueue';
import type { Sim } from '../kernel/sim';

/** A poller's batching window. */
export interface BatchWindow {
  windowMs: number;
  batchSize: number;
  /** End of the open window, or -1. */
  windowEnd: number;
  /** Time of the pending poll at the window's end, or -1. */
  windowPollAt: number;
}

/**
 * True when the poller must wait for its window (a poll event `kind(edge)` is then planned at
 * the window's end, once); false when it should receive now (the window is closed).
 */
export function waitForWindow(sim: Sim, w: BatchWindow, visible: number, kind: number, edge: number): boolean {
  if (w.windowMs > 0 && visible < w.batchSize) {
    if (w.windowEnd < 0) w.windowEnd = sim.now + w.windowMs;
    if (sim.now < w.windowEnd) {
      if (w.windowPollAt !== w.windowEnd) {
        w.windowPollAt = w.windowEnd;
        sim.at(w.windowEnd, PRIORITY.poll, kind, edge, 0);
      }
      return true;
    }
  }
  w.windowEnd = -1;
  return false;
}

/** True while an open window is still gathering a batch that is not full (a poke then waits). */
export function windowGathering(sim: Sim, w: BatchWindow, visible: number): boolean {
  return w.windowEnd > sim.now && visible < w.batchSize;
}
