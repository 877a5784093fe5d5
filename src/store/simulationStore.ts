import { create } from 'zustand';
import type { TraceFact, TraceKind } from '../engine/index';
import type { Scenario } from '../model/types';
import type { FromWorker, Request, SimSnapshot } from '../worker/protocol';
import type { SimulationClient } from '../worker/simulationClient';
import { useScenarioStore } from './scenarioStore';

/** Speeds offered (simulated ms per wall ms). */
export const SPEEDS = [0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300] as const;
/** Facts kept for the log. */
export const LOG_SIZE = 300;
/** Progress reports while playing are shown at most this often (ms); direct replies at once. */
export const COMMIT_MS = 100;
/** Wait after the last edit before the edited scenario is loaded. */
export const RELOAD_MS = 300;

/** New facts as they arrive, for the canvas's moving tokens (outside React). */
export type FactListener = (facts: readonly TraceFact[], outOfOrder: ReadonlySet<number>, reset: boolean) => void;

/**
 * The simulation as the main thread sees it: a projection of the worker's replies (snapshot,
 * recent facts) plus view choices (speed, the inspected message). Never undoable: running a
 * simulation never changes the document.
 */
export interface SimulationState {
  phase: 'waiting' | 'loading' | 'ready' | 'failed';
  snapshot: SimSnapshot | null;
  warnings: string[];
  error: string | null;
  /** The most recent facts, oldest first. */
  log: TraceFact[];
  /** Seqs of out-of-order arrivals among `log`. */
  outOfOrder: ReadonlySet<number>;
  /** Speed used by play. */
  speed: number;
  /** Why the run went back to 0 without being asked (the scenario was edited). */
  restartedBecause: string | null;
  /** The message (published event) shown in the inspector, and the hop of interest. */
  inspected: { rootId: number; unitId?: number } | null;
  attach(client: SimulationClient): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  step(count?: number): void;
  stepBack(count?: number): void;
  stepUntil(kinds: TraceKind[]): void;
  runTo(timeMs: number): void;
  seek(timeMs: number): void;
  setSpeed(speed: number): void;
  setSeed(seed: number): void;
  reset(): void;
  inspect(rootId: number | null, unitId?: number): void;
  /** A read-only view request (inspectUnit, timeline, series, liveUnits); null without a worker. */
  query(req: Request): Promise<FromWorker | null>;
}

let client: SimulationClient | null = null;
let loaded: Scenario | null = null;
let pending: Extract<FromWorker, { type: 'progress' }>[] = [];
let commitTimer: ReturnType<typeof setTimeout> | null = null;
let reloadTimer: ReturnType<typeof setTimeout> | null = null;
/** The seed the user picked, and the document's seed at that moment (see `seedFor`). */
let chosen: { seed: number; docSeed: number } | null = null;

/** The user's seed while the document keeps the seed it had then; else the document's own. */
const seedFor = (doc: Scenario) => (chosen !== null && chosen.docSeed === doc.settings.seed ? chosen.seed : doc.settings.seed);
const listeners = new Set<FactListener>();

/** Calls `l` with every batch of new facts; returns the unsubscribe function. */
export function subscribeFacts(l: FactListener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

const send = (req: Request) => void client?.request(req);

/** The simulation store. */
export const useSimulationStore = create<SimulationState>((set, get) => {
  /** Sends a control, loading the current document first if the worker has another one. */
  const control = (req: Request) => {
    if (!client) return;
    if (get().restartedBecause !== null) set({ restartedBecause: null });
    ensureLoaded(false);
    send(req);
  };
  /** Loads the document if the worker has another one; `edited`: say why the run restarted. */
  const ensureLoaded = (edited: boolean) => {
    const doc = useScenarioStore.getState().scenario;
    if (doc === loaded) return;
    if (reloadTimer !== null) clearTimeout(reloadTimer);
    reloadTimer = null;
    const restarted = edited && loaded !== null && (get().snapshot?.eventsProcessed ?? 0) > 0;
    loaded = doc;
    set({ phase: 'loading', restartedBecause: restarted ? 'The scenario changed, so the run started again at 0.' : null });
    // The seed the user chose carries over to an edited scenario.
    send({ type: 'load', scenario: doc, seed: seedFor(doc) });
  };

  const apply = (msg: FromWorker) => {
    if (msg.type === 'loaded') {
      flush();
      set({ phase: 'ready', snapshot: msg.snapshot, warnings: msg.warnings, error: null, log: msg.facts.slice(-LOG_SIZE), outOfOrder: new Set(), inspected: null });
      for (const l of listeners) l(msg.facts, new Set(), true);
    } else if (msg.type === 'progress') {
      for (const l of listeners) l(msg.facts, new Set(msg.view?.outOfOrder ?? []), msg.factsReset);
      pending.push(msg);
      // Unsolicited reports while playing are batched; a reply to a click shows at once.
      if (msg.requestId !== 0) flush();
      else commitTimer ??= setTimeout(flush, COMMIT_MS);
    } else if (msg.type === 'error' && msg.requestId !== -1) {
      set({ error: msg.message });
    }
  };

  const flush = () => {
    if (commitTimer !== null) clearTimeout(commitTimer);
    commitTimer = null;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const s = get();
    let log = s.log;
    let ooo = new Set(s.outOfOrder);
    for (const p of batch) {
      if (p.factsReset) {
        log = [];
        ooo = new Set();
      }
      log = log.length + p.facts.length > LOG_SIZE ? [...log, ...p.facts].slice(-LOG_SIZE) : [...log, ...p.facts];
      for (const q of p.view?.outOfOrder ?? []) ooo.add(q);
    }
    const first = log[0]?.seq ?? Infinity;
    for (const q of ooo) if (q < first) ooo.delete(q);
    const last = batch[batch.length - 1];
    set({ snapshot: last.snapshot, log, outOfOrder: ooo, error: null, phase: 'ready' });
  };

  return {
    phase: 'waiting',
    snapshot: null,
    warnings: [],
    error: null,
    log: [],
    outOfOrder: new Set(),
    speed: 10,
    restartedBecause: null,
    inspected: null,
    attach(c) {
      if (client === c) return;
      client = c;
      c.subscribe(apply);
      loaded = null;
      ensureLoaded(false);
      // An edited document is loaded shortly after the last edit; the run starts over.
      useScenarioStore.subscribe((s, prev) => {
        if (s.scenario === prev.scenario) return;
        if (reloadTimer !== null) clearTimeout(reloadTimer);
        reloadTimer = setTimeout(() => ensureLoaded(true), RELOAD_MS);
      });
    },
    play: () => control({ type: 'play', speed: get().speed }),
    pause: () => control({ type: 'pause' }),
    togglePlay() {
      const mode = get().snapshot?.mode;
      if (mode === 'playing' || mode === 'running') get().pause();
      else get().play();
    },
    step: (count = 1) => control({ type: 'step', count }),
    stepBack: (count = 1) => control({ type: 'stepBack', count }),
    stepUntil: (kinds) => control({ type: 'stepUntil', kinds }),
    runTo: (timeMs) => control({ type: 'runUntil', timeMs }),
    seek: (timeMs) => control({ type: 'seek', timeMs }),
    setSpeed(speed) {
      set({ speed });
      // Playing on at the new speed: play again replaces the speed.
      if (get().snapshot?.mode === 'playing') control({ type: 'play', speed });
    },
    setSeed(seed) {
      chosen = { seed, docSeed: useScenarioStore.getState().scenario.settings.seed };
      control({ type: 'setSeed', seed });
    },
    reset: () => {
      set({ restartedBecause: null });
      control({ type: 'reset' });
    },
    inspect: (rootId, unitId) => set({ inspected: rootId === null ? null : unitId === undefined ? { rootId } : { rootId, unitId } }),
    async query(req) {
      if (!client) return null;
      ensureLoaded(false);
      return client.request(req);
    },
  };
});
