/**
 * Protocol messages of the simulation view (issue 6): seeking, stepping to the next notable
 * fact, and the read-only views the worker computes so the main thread only draws them: a
 * message's whole life, arrivals per consumer, chart series and a node's live messages.
 * Plain JSON (typed arrays for series), part of protocol version 2's unions.
 */
import type { TraceKind } from '../engine/index';

/** Requests of the simulation view. */
export type ViewRequest =
  /** Back to time 0 with the same seed, then runs to `timeMs` in chunks (progress follows). */
  | { type: 'seek'; requestId: number; timeMs: number }
  /** Steps until a fact of one of `kinds` is emitted, at most `maxEvents` (default 20,000) events. */
  | { type: 'stepUntil'; requestId: number; kinds: TraceKind[]; maxEvents?: number }
  /** The whole life of the message (published event) `rootId`; `unitId` marks a hop of interest. */
  | { type: 'inspectUnit'; requestId: number; rootId: number; unitId?: number }
  /** Arrivals at one consumer (default: the busiest), the most recent `limit` (default 400). */
  | { type: 'timeline'; requestId: number; consumerId?: string; limit?: number }
  /** Chart series: the `top` busiest nodes per metric (default 4), plus `nodeIds` if given. */
  | { type: 'series'; requestId: number; nodeIds?: string[]; top?: number }
  /** The live messages at a node, oldest first, at most `limit` (default 100). */
  | { type: 'liveUnits'; requestId: number; nodeId: string; limit?: number };

/** Replies to view requests. */
export type ViewReply =
  | { type: 'inspected'; requestId: number; life: MessageLife | null; message?: string }
  | { type: 'timelineData'; requestId: number; consumers: ConsumerSummary[]; consumerId: string | null; arrivals: Arrival[] }
  | { type: 'seriesData'; requestId: number; intervalMs: number; t: Float64Array; charts: Chart[] }
  | { type: 'liveUnitsData'; requestId: number; nodeId: string; total: number; units: LiveUnit[] };

/** Extra facts about the facts of one progress report. */
export interface ProgressView {
  /** Seqs (of this report's facts) of first arrivals at a consumer after a later-published message. */
  outOfOrder: number[];
}

/** A payload as one hop receives it, rendered as JSON text. */
export interface HopPayload {
  /** What this is, in words ("SQS message, as ReceiveMessage returns it"). */
  title: string;
  json: string;
}

/** How one attempt ended. */
export type AttemptOutcome = 'succeeded' | 'failed' | 'throttled' | 'visibilityExpired' | 'duplicate' | 'filtered' | 'inProgress';

/** One attempt to process or deliver a message at a hop. */
export interface AttemptLife {
  /** Attempt number (receive count for SQS). */
  n: number;
  /** Most attempts allowed (maxReceiveCount, retries + 1), if limited. */
  max?: number;
  startMs: number;
  endMs?: number;
  /** Where it ran: the consumer function, or the rule's target. */
  nodeId: string;
  outcome: AttemptOutcome;
  reason?: string;
  /** When the next attempt can happen (visible again, retry due). */
  nextAtMs?: number;
  /** The payload as this attempt's consumer receives it (a Lambda SQS batch's record). */
  payload?: HopPayload;
}

/** One fact about a hop, for the hop's event list. */
export interface HopEvent {
  seq: number;
  timeMs: number;
  kind: TraceKind;
  nodeId: string;
  edgeId?: string;
  attempt?: number;
  maxAttempts?: number;
  atMs?: number;
  count?: number;
  reason?: string;
}

/** One copy of the message at one node (a ledger unit). */
export interface HopLife {
  unitId: number;
  /** -1 for the published event. */
  parentId: number;
  nodeId: string;
  /** The edge it arrived by. */
  edgeId?: string;
  arrivedAtMs: number;
  /** Where it stands now: a unit state ('queued', 'delivered', 'inDlq', ...). */
  state: string;
  payload: HopPayload;
  attempts: AttemptLife[];
  events: HopEvent[];
}

/** Everything about one published message and every copy of it. */
export interface MessageLife {
  rootId: number;
  label: string;
  publishedAtMs: number;
  producerId: string | null;
  /** Publish order (1 = first message of the run). */
  publishRank: number | null;
  hops: HopLife[];
  /** False when some of its facts could not be kept (very long runs). */
  complete: boolean;
}

/** How an arrival at a consumer compares with publish order. */
export type ArrivalMark = 'inOrder' | 'outOfOrder' | 'retry' | 'duplicate';

/** One arrival of a message at a consumer. */
export interface Arrival {
  seq: number;
  timeMs: number;
  rootId: number;
  label: string;
  /** Publish order of the message (1 = first published). */
  publishRank: number;
  /** Attempt (receive count) of this arrival. */
  attempt: number;
  mark: ArrivalMark;
}

/** Arrival totals of one consumer. */
export interface ConsumerSummary {
  nodeId: string;
  arrivals: number;
  outOfOrder: number;
  duplicates: number;
  retries: number;
}

/** Chart metrics, sampled over simulated time. */
export const METRICS = ['throughput', 'queueDepth', 'oldestAge', 'inFlight', 'dlqDepth', 'concurrency', 'throttles'] as const;
/** A chart metric. */
export type Metric = (typeof METRICS)[number];

/** One chart: a metric's series, the total (null nodeId) first where a total makes sense. */
export interface Chart {
  metric: Metric;
  series: Array<{ nodeId: string | null; values: Float64Array }>;
}

/** A live message at a node. */
export interface LiveUnit {
  unitId: number;
  rootId: number;
  label: string;
  state: string;
  attempts: number;
  ageFromMs: number;
}
