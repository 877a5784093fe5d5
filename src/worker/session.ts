/**
 * The worker's simulation session: the loaded scenario, the running simulation, play and
 * run-until pacing in bounded chunks, step back by replay, and the snapshot + fact batches
 * sent to the main thread. Pure (no worker globals): the worker file feeds it wall time.
 */
import type { Simulation, TraceFact } from '../engine/index';
import type { Scenario } from '../model/types';
import type { FromWorker, RunMode, SimSnapshot } from './protocol';
import { SimObserver } from './view/observer';

/** Most engine events one message or tick may process, so the worker answers within ~50 ms. */
export const MAX_EVENTS_PER_CHUNK = 20_000;
/** Most facts per reply; older ones of the batch are counted in `factsSkipped`. */
export const MAX_FACTS_PER_REPLY = 1_000;
/** Facts kept by the worker's simulation (ring mode). */
export const TRACE_RING_CAPACITY = 10_000;

/** The loaded simulation and how it is being driven. */
export interface SimSession {
  scenario: Scenario;
  seed: number;
  /** The observed simulation (`observer.sim`): stepping it keeps the view's records current. */
  sim: Simulation;
  /** The view's records of this run: inspector index, timelines, chart series. */
  observer: SimObserver;
  mode: RunMode;
  speed: number;
  /** run-until target, ms. */
  target: number;
  /** Trace seq of the next fact to send. */
  sentFacts: number;
  factsReset: boolean;
}

/** Starts a session at time 0. */
export function openSession(scenario: Scenario, seed: number): SimSession {
  const observer = new SimObserver(scenario, seed);
  return { scenario, seed, sim: observer.sim, observer, mode: 'paused', speed: 1, target: 0, sentFacts: 0, factsReset: true };
}

/** Restarts the session at time 0 (same scenario), e.g. for reset or setSeed. */
export function restart(s: SimSession, seed: number): void {
  s.seed = seed;
  s.observer = new SimObserver(s.scenario, seed);
  s.sim = s.observer.sim;
  s.mode = 'paused';
  s.sentFacts = 0;
  s.factsReset = true;
}

/** Processes up to `count` events (bounded by the chunk cap). */
export function stepEvents(s: SimSession, count: number): void {
  const n = Math.min(Math.max(1, Math.floor(count)), MAX_EVENTS_PER_CHUNK);
  for (let i = 0; i < n && s.sim.step(); i++);
}

/** Replays from the seed to `count` events before the current one. */
export function stepBack(s: SimSession, count: number): void {
  const targetEvents = Math.max(0, s.sim.eventsProcessed - Math.max(1, Math.floor(count)));
  restart(s, s.seed);
  // Replay is bounded by the event budget, and runs without the chunk cap: the user asked
  // for an exact earlier state.
  while (s.sim.eventsProcessed < targetEvents && s.sim.step());
}

/**
 * Advances a playing or running session by one chunk: playing moves simulated time by
 * `wallMs * speed`; running heads for its target. At most MAX_EVENTS_PER_CHUNK events. Returns
 * whether the session still wants ticks.
 */
export function advance(s: SimSession, wallMs: number): boolean {
  if (s.mode === 'paused') return false;
  const sim = s.sim;
  const goal = s.mode === 'running' ? s.target : Math.min(sim.now + Math.max(0, wallMs) * s.speed, s.scenario.settings.durationMs);
  let n = 0;
  while (n < MAX_EVENTS_PER_CHUNK && sim.nextEventTime() <= goal && sim.step()) n++;
  const reached = sim.nextEventTime() > goal || sim.status === 'budgetExhausted';
  if (reached && sim.status !== 'budgetExhausted') sim.runUntil(goal);
  const done = sim.status === 'budgetExhausted' || (s.mode === 'running' && reached) || (s.mode === 'playing' && reached && goal >= s.scenario.settings.durationMs);
  if (done) s.mode = 'paused';
  return !done;
}

/** The snapshot of the session now. */
export function snapshot(s: SimSession): SimSnapshot {
  const st = s.sim.stats();
  const next = s.sim.nextEventTime();
  return {
    seed: s.seed,
    simTimeMs: st.simTimeMs,
    eventsProcessed: st.eventsProcessed,
    status: s.sim.status,
    statusMessage: s.sim.statusMessage,
    mode: s.mode,
    speed: s.speed,
    nextEventMs: Number.isFinite(next) ? next : null,
    ledger: st.ledger,
    reasons: st.reasons,
    nodes: st.nodes,
    traceHash: st.traceHash,
    traceCount: st.traceCount,
  };
}

/** Facts not sent yet (at most MAX_FACTS_PER_REPLY, the newest), and how many were skipped. */
export function takeFacts(s: SimSession): { facts: TraceFact[]; factsSkipped: number; factsReset: boolean } {
  const total = s.sim.traceCount();
  const from = Math.max(s.sentFacts, total - MAX_FACTS_PER_REPLY);
  const facts = s.sim.traceSince(from);
  const factsSkipped = from - s.sentFacts;
  const factsReset = s.factsReset;
  s.sentFacts = total;
  s.factsReset = false;
  return { facts, factsSkipped, factsReset };
}

/** A progress reply for `requestId` (0: unsolicited). */
export function progress(s: SimSession, requestId: number): FromWorker {
  s.observer.drain();
  const facts = takeFacts(s);
  // Marks only for the facts this report carries (the oldest of a large batch are skipped).
  const from = facts.facts[0]?.seq ?? s.sentFacts;
  return { type: 'progress', requestId, snapshot: snapshot(s), ...facts, view: { outOfOrder: s.observer.outOfOrderSince(from) } };
}
