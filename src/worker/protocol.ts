/**
 * The versioned protocol between the main thread and the simulation worker.
 * Messages are plain JSON (structured-clone safe), discriminated on `type`.
 * Every request carries a `requestId`; its one direct reply echoes it. Progress while the
 * worker plays or runs arrives as `progress` messages with requestId 0.
 */
import type { LedgerSummary, NodeStats, SimulationStatus, TraceFact } from '../engine/index';
import type { Scenario } from '../model/types';
import type { ProgressView, ViewReply, ViewRequest } from './protocolView';
import type { PatternReply, PatternRequest } from './protocolPatterns';

/** Bumped on every incompatible change; the worker answers `incompatible` to other versions. */
export const PROTOCOL_VERSION = 2 as const;

/** What the worker is doing between messages. */
export type RunMode = 'paused' | 'playing' | 'running';

/** The state of the simulation after a reply's work. */
export interface SimSnapshot {
  seed: number;
  simTimeMs: number;
  eventsProcessed: number;
  status: SimulationStatus;
  statusMessage: string;
  mode: RunMode;
  /** Simulated ms per wall ms while playing. */
  speed: number;
  /** Time of the next engine event; null when none. */
  nextEventMs: number | null;
  ledger: LedgerSummary;
  /** Settled units per reason code. */
  reasons: Record<string, number>;
  nodes: Record<string, NodeStats>;
  traceHash: string;
  traceCount: number;
}

/** Messages the main thread sends. */
export type ToWorker =
  | { type: 'hello'; requestId: number; protocolVersion: number }
  | { type: 'ping'; requestId: number }
  /** Loads a scenario (restored by the caller) and starts at time 0 with `seed` (default settings.seed). */
  | { type: 'load'; requestId: number; scenario: Scenario; seed?: number }
  /** Processes `count` engine events (default 1). */
  | { type: 'step'; requestId: number; count?: number }
  /** Goes back `count` engine events (default 1), by replaying from the seed. */
  | { type: 'stepBack'; requestId: number; count?: number }
  /** Runs until simulated `timeMs`, in bounded chunks; progress reports follow. */
  | { type: 'runUntil'; requestId: number; timeMs: number }
  /** Plays at `speed` simulated ms per wall ms until paused or settings.durationMs. */
  | { type: 'play'; requestId: number; speed: number }
  | { type: 'pause'; requestId: number }
  /** Back to time 0 with the same seed. */
  | { type: 'reset'; requestId: number }
  /** Back to time 0 with another seed. */
  | { type: 'setSeed'; requestId: number; seed: number }
  /** The simulation view's requests (protocolView.ts). */
  | ViewRequest
  /** The pattern editor's requests (protocolPatterns.ts). */
  | PatternRequest;

/** Messages the worker sends back. */
export type FromWorker =
  | { type: 'ready'; requestId: number; protocolVersion: typeof PROTOCOL_VERSION; engine: string }
  | { type: 'pong'; requestId: number }
  | { type: 'incompatible'; requestId: number; expected: number; got: number }
  | { type: 'error'; requestId: number; message: string }
  | { type: 'loaded'; requestId: number; warnings: string[]; snapshot: SimSnapshot; facts: TraceFact[] }
  | {
      type: 'progress';
      requestId: number;
      snapshot: SimSnapshot;
      /** New trace facts since the last reply (the most recent ones if there were many). */
      facts: TraceFact[];
      /** Facts emitted since the last reply but not sent (the batch cap). */
      factsSkipped: number;
      /** True when the trace started over (reset, seed change, step back): drop earlier facts. */
      factsReset: boolean;
      /** What the worker knows about these facts beyond the facts themselves. */
      view?: ProgressView;
    }
  /** Replies to the simulation view's requests (protocolView.ts). */
  | ViewReply
  /** Replies to the pattern editor's requests (protocolPatterns.ts). */
  | PatternReply;

/** Type of a request without its requestId, as the client API takes it. */
export type Request = ToWorker extends infer M ? (M extends { requestId: number } ? Omit<M, 'requestId'> : never) : never;
