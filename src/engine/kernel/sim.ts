/**
 * The simulation context every service model works on: virtual clock, event queue, ledger,
 * trace, per-node counters and RNG streams. It holds no service logic; `simulation.ts` wires
 * the services in through the handler table and the `accept` router.
 */
import type { Scenario } from '../../model/types';
import { REASONS, TraceRecorder, type TraceMode } from '../trace';
import { EventQueue } from './eventQueue';
import { Ledger, ST, type Payload, type Unit } from './ledger';
import { deriveRng, type Rng } from './rng';
import type { Topology } from './topology';

const labels = new WeakMap<Payload, string>();

/**
 * A short name for narration: the first `...Id`/`id` string or number of the business payload
 * (an EventBridge event's detail, a destination record's request, an SNS message inside its
 * envelope, a JSON text body), else the start of the event id. Computed once per payload, UI
 * mode only.
 */
export function labelOf(p: Payload): string {
  let l = labels.get(p);
  if (l !== undefined) return l;
  const inner = businessPayload(p.body, 0);
  if (inner !== null) {
    for (const [k, v] of Object.entries(inner)) {
      if (/id$/i.test(k) && (typeof v === 'string' || typeof v === 'number')) {
        l = String(v);
        break;
      }
    }
  }
  l ??= p.eventId.slice(0, 8);
  labels.set(p, l);
  return l;
}

function businessPayload(b: unknown, depth: number): Record<string, unknown> | null {
  if (depth > 4) return null;
  if (typeof b === 'string') {
    const t = b.trimStart();
    if (!t.startsWith('{')) return null;
    try {
      return businessPayload(JSON.parse(t), depth + 1);
    } catch {
      return null;
    }
  }
  if (b === null || typeof b !== 'object' || Array.isArray(b)) return null;
  const o = b as Record<string, unknown>;
  const sns = Array.isArray(o.Records) ? (o.Records[0] as { Sns?: { Message?: unknown } } | undefined)?.Sns : undefined;
  if (sns !== undefined) return businessPayload(sns.Message, depth + 1);
  if (o.Type === 'Notification' && typeof o.Message === 'string') return businessPayload(o.Message, depth + 1);
  const inner = o.detail ?? o.requestPayload;
  if (inner !== undefined && inner !== null && typeof inner === 'object') return businessPayload(inner, depth + 1);
  return o;
}

/** Engine event kinds (the `kind` of queue entries). */
export const EV = {
  producerEmit: 1,
  targetAttempt: 2,
  sqsVisible: 3,
  esmPoll: 5,
  esmBatchDone: 6,
  asyncRetryDue: 7,
  asyncDone: 8,
  expirySweep: 9,
  visibilitySweep: 10,
  deferredAccept: 11,
  /** An SNS delivery retry is due: (slot, version) of the delivery unit. */
  snsAttempt: 12,
  /** A stream ESM lane polls: (lane index, 0). */
  streamPoll: 13,
  /** A stream batch run ended: (invocation index, 0). */
  streamBatchDone: 14,
  /** A stream lane's retry or throttle back-off is due: (lane index, lane version). */
  streamRetryDue: 15,
  /** A throttled SQS batch tries to invoke again: (invocation index, 0). */
  esmRetryInvoke: 16,
  /** An SQS mapping may add pollers (scale-up step): (edge, 0). */
  esmRamp: 17,
  /** A schedule or scheduled rule fires: (node, 0). */
  scheduleFire: 18,
  /** A pipe's SQS poller runs: (pipeSource edge, 0). */
  pipePoll: 19,
  /** An archive replay re-submits its next minute: (archive node, replay index). */
  replayMinute: 20,
} as const;

/** Per-node counters, in this order in `Sim.counters`. */
export const COUNTERS = ['received', 'invocations', 'succeeded', 'failed', 'retries', 'duplicates', 'throttled', 'sent', 'sideEffects', 'itemFailures'] as const;
/** A per-node counter name. */
export type CounterName = (typeof COUNTERS)[number];
/** Offsets of each counter within a node's block. */
export const C = Object.fromEntries(COUNTERS.map((c, i) => [c, i])) as { readonly [K in CounterName]: number };
/** Counters per node. */
export const N_COUNTERS = COUNTERS.length;

/** Lifecycle of a run. */
export type SimStatus = 'ready' | 'budgetExhausted';

/** Handles one engine event kind. */
export type Handler = (a: number, b: number) => void;

/** Shared state of one run. */
export class Sim {
  /** Virtual time, integer ms. */
  now = 0;
  /** Engine events processed. */
  processed = 0;
  status: SimStatus = 'ready';
  readonly queue = new EventQueue(4096);
  readonly ledger: Ledger;
  readonly trace: TraceRecorder;
  /** Counter block per node: counters[node * N_COUNTERS + C.x]. */
  readonly counters: Float64Array;
  /** Handlers by event kind. */
  readonly handlers: Handler[] = [];
  /** Per-node runtime state of the node's service model. */
  readonly rt: unknown[];
  /** Per-edge runtime state (event source mappings). */
  readonly edgeRt: unknown[];
  /** Places a unit at a node (set by simulation.ts: dispatches on the node kind). */
  accept: (u: Unit, node: number) => void = () => {
    throw new Error('router not wired');
  };
  /** Run-wide state shared by the instances of one service (e.g. the Lambda account pool). */
  readonly shared: Record<string, unknown> = {};
  private readonly rngs = new Map<string, Rng>();

  constructor(
    readonly scenario: Scenario,
    readonly topo: Topology,
    readonly seed: number,
    traceMode: TraceMode,
  ) {
    const n = topo.nodes.length;
    this.ledger = new Ledger(n, REASONS.length);
    this.trace = new TraceRecorder(traceMode, topo.nodes.map((x) => x.id), topo.edges.map((e) => e.id));
    this.counters = new Float64Array(Math.max(1, n) * N_COUNTERS);
    this.rt = new Array<unknown>(n).fill(undefined);
    this.edgeRt = new Array<unknown>(topo.edges.length).fill(undefined);
  }

  /** The RNG stream of node `node` for one purpose: hash(seed, nodeId/purpose). */
  rng(node: number, purpose: string): Rng {
    const key = `${this.topo.nodes[node].id}/${purpose}`;
    let r = this.rngs.get(key);
    if (r === undefined) {
      r = deriveRng(this.seed, key);
      this.rngs.set(key, r);
    }
    return r;
  }

  /** Schedules engine event `kind(a, b)` at absolute time `time` (rounded to integer ms). */
  at(time: number, priority: number, kind: number, a: number, b: number): void {
    this.queue.push(Math.max(this.now, Math.round(time)), priority, kind, a, b);
  }

  /** Adds to a node counter. */
  count(node: number, counter: number, by = 1): void {
    this.counters[node * N_COUNTERS + counter] += by;
  }

  /** Emits a trace fact about unit `u` at node `node` (-1 for fields that do not apply). */
  fact(kind: number, node: number, edge: number, u: Unit, attempt = -1, max = -1, atMs = -1, count = -1, reason = 0): void {
    if (this.trace.mode === 'ring' && u.payload !== null) this.trace.nextLabel = labelOf(u.payload);
    this.trace.emit(this.now, kind, node, edge, u.id, u.root, attempt, max, atMs, count, reason);
  }

  /** Emits a fact about a unit known by id (it may have settled since). */
  factRef(kind: number, node: number, edge: number, id: number, root: number, attempt = -1, max = -1, atMs = -1, count = -1, reason = 0): void {
    this.trace.emit(this.now, kind, node, edge, id, root, attempt, max, atMs, count, reason);
  }

  /**
   * Creates a child of `parent` at `node` (via `edge`) carrying `payload`, and routes it
   * there (it may settle at once, e.g. deduplicated). `flags` and `ageFrom` preset the
   * child's service flags and age reference. The caller settles the parent.
   */
  handOff(parent: Unit, node: number, edge: number, payload: Payload, flags = 0, ageFrom = this.now): void {
    const child = this.ledger.create(node, edge, parent, payload, ST.pending, this.now);
    child.flags = flags;
    child.ageFrom = ageFrom;
    this.accept(child, node);
  }
}
