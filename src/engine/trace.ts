/**
 * The trace: past-tense facts about every unit, emitted by the kernel and service models.
 * Facts are emitted as numbers (no allocation) and always folded into an incremental 64-bit
 * hash (eight packed words per fact, two 32-bit lanes); in `ring` mode (the UI) the most recent facts are also kept as plain objects in a
 * bounded ring, in `hash` mode (headless runs, benchmarks) nothing is retained.
 */
import { fmix32, hex32 } from './kernel/hash';

/** Every fact kind. The index of a kind is its wire code in the hash. */
export const TRACE_KINDS = [
  'published', // a producer put a new event (root unit) to its target
  'accepted', // a bus, topic or Lambda async queue took a unit in
  'enqueued', // an SQS queue accepted a message (SendMessage)
  'delayed', // a message waits for DelaySeconds before becoming visible
  'visible', // a delayed message became visible
  'matched', // a rule matched an event; count = targets
  'filteredOut', // nothing matched (no rule, filter policy or ESM filter)
  'received', // a consumer received an SQS message; attempt = ApproximateReceiveCount
  'visibilityExpired', // an in-flight message became visible again
  'duplicateDelivered', // SQS standard handed out an extra copy of a message (same unit)
  'invoked', // a Lambda invocation started; count = records in it
  'succeeded', // the invocation finished without error
  'failed', // the invocation (or one batch item) failed; atMs = when it is tried again
  'throttled', // the invocation was throttled (429) before running
  'delivered', // the unit was handed to the next hop, or consumed and deleted
  'deliveryFailed', // an EventBridge target attempt failed
  'retryScheduled', // the unit will be tried again at atMs; attempt = that attempt's number
  'movedToDlq', // the unit went to a DLQ or OnFailure destination (node = that DLQ)
  'expired', // retention or maximum age reached
  'dropped', // discarded; reason says why
  'duplicateProcessed', // a consumer ran a side effect again for an already processed key
  'idempotentSkipped', // idempotency suppressed a duplicate's side effect
  'budgetExhausted', // the run stopped at settings.eventBudget
  'bisected', // a failing stream batch was split; count = records in the half tried next
  'pollersScaled', // an SQS mapping changed its concurrent batches; count = the new limit
] as const;

/** A fact kind. */
export type TraceKind = (typeof TRACE_KINDS)[number];

/** Reason codes, in AWS vocabulary where AWS has a word for it. */
export const REASONS = [
  '',
  'FilterNoMatch',
  'DedupWindow',
  'MaximumRetryAttempts',
  'MaximumEventAgeInSeconds',
  'RetriesExhausted',
  'EventAgeExceeded',
  'maxReceiveCount',
  'RetentionExpired',
  'NotModelledYet',
  'NoSubscribers',
  'THROTTLING',
  'NO_RESOURCE',
  'INVALID_PARAMETER',
  'NO_PERMISSIONS',
  'TIMEOUT',
  'INTERNAL_ERROR',
  'FunctionError',
  'Timeout',
  'MalformedResponse',
  'BatchItemFailure',
  'ConcurrencyLimit',
  'MissingMessageGroupId',
  'MissingDeduplicationId',
  'DlqSendFailed',
  'EventBudgetExhausted',
  'IdempotencyAlreadyInProgress',
  'RuleDisabled',
  'ZeroReservedConcurrency',
  'MessageTooLarge',
  'RetryAttemptsExhausted',
  'RecordAgeExceeded',
  'DeliveryPolicyExhausted',
] as const;

/** A reason code. */
export type Reason = (typeof REASONS)[number];

function indexOf<T extends readonly string[]>(xs: T): { readonly [K in T[number]]: number } {
  const o: Record<string, number> = {};
  xs.forEach((x, i) => (o[x] = i));
  return o as { [K in T[number]]: number };
}

/** Numeric code of each trace kind. */
export const TK = indexOf(TRACE_KINDS);
/** Numeric code of each reason. */
export const RS = indexOf(REASONS);

/** One fact, as the UI and the worker protocol see it (plain JSON). */
export interface TraceFact {
  /** Position in the whole trace, from 0. */
  seq: number;
  timeMs: number;
  kind: TraceKind;
  nodeId: string;
  edgeId?: string;
  unitId: number;
  /** The published event this unit descends from. */
  rootId: number;
  /** Attempt number (1-based) where one applies. */
  attempt?: number;
  /** Most attempts allowed, where a limit applies. */
  maxAttempts?: number;
  /** When the next thing happens (retry, visible again), ms of simulated time. */
  atMs?: number;
  /** A count: targets matched, records in a batch. */
  count?: number;
  reason?: Reason;
  /** A short name of the event for narration ("order-17"): a business id of its body, else its id. */
  label?: string;
}

/** How much of the trace is kept. */
export type TraceMode = 'hash' | 'ring';

/** Receives facts; hashes all of them, keeps the last `capacity` in ring mode. */
export class TraceRecorder {
  private a = 0x2545f491 | 0;
  private b = 0x61c88647 | 0;
  private readonly ring: TraceFact[] = [];
  /** Facts emitted so far. */
  count = 0;
  /** Label of the next fact (ring mode only; set by the emitter, not hashed). */
  nextLabel: string | undefined = undefined;

  constructor(
    readonly mode: TraceMode,
    private readonly nodeIds: readonly string[],
    private readonly edgeIds: readonly string[],
    readonly capacity = 10_000,
  ) {}

  /**
   * Records a fact. Pass -1 for "not applicable" in node/edge/attempt/max/atMs/count.
   * Small fields are packed so a fact costs eight hash words.
   */
  emit(t: number, kind: number, node: number, edge: number, unit: number, root: number, attempt: number, max: number, atMs: number, count: number, reason: number): void {
    // Hot path: eight packed words mixed inline, unrolled (lane a: Murmur3 rounds; lane b:
    // an FNV-style multiply fed by lane a), so a fact costs no call and no allocation.
    let a = this.a;
    let b = this.b;
    let k: number;
    let x: number;
    k = kind | (reason << 8) | ((attempt & 0xffff) << 16);
    x = Math.imul(k, 0xcc9e2d51);
    x = Math.imul((x << 15) | (x >>> 17), 0x1b873593);
    a = (Math.imul(((a ^ x) << 13) | ((a ^ x) >>> 19), 5) + 0xe6546b64) | 0;
    b = Math.imul(b ^ k ^ (a >>> 7), 0x01000193);
    k = (max & 0xffff) | ((count & 0xffff) << 16);
    x = Math.imul(k, 0xcc9e2d51);
    x = Math.imul((x << 15) | (x >>> 17), 0x1b873593);
    a = (Math.imul(((a ^ x) << 13) | ((a ^ x) >>> 19), 5) + 0xe6546b64) | 0;
    b = Math.imul(b ^ k ^ (a >>> 7), 0x01000193);
    k = (node & 0xffff) | ((edge & 0xffff) << 16);
    x = Math.imul(k, 0xcc9e2d51);
    x = Math.imul((x << 15) | (x >>> 17), 0x1b873593);
    a = (Math.imul(((a ^ x) << 13) | ((a ^ x) >>> 19), 5) + 0xe6546b64) | 0;
    b = Math.imul(b ^ k ^ (a >>> 7), 0x01000193);
    k = unit;
    x = Math.imul(k, 0xcc9e2d51);
    x = Math.imul((x << 15) | (x >>> 17), 0x1b873593);
    a = (Math.imul(((a ^ x) << 13) | ((a ^ x) >>> 19), 5) + 0xe6546b64) | 0;
    b = Math.imul(b ^ k ^ (a >>> 7), 0x01000193);
    k = root;
    x = Math.imul(k, 0xcc9e2d51);
    x = Math.imul((x << 15) | (x >>> 17), 0x1b873593);
    a = (Math.imul(((a ^ x) << 13) | ((a ^ x) >>> 19), 5) + 0xe6546b64) | 0;
    b = Math.imul(b ^ k ^ (a >>> 7), 0x01000193);
    k = t | 0;
    x = Math.imul(k, 0xcc9e2d51);
    x = Math.imul((x << 15) | (x >>> 17), 0x1b873593);
    a = (Math.imul(((a ^ x) << 13) | ((a ^ x) >>> 19), 5) + 0xe6546b64) | 0;
    b = Math.imul(b ^ k ^ (a >>> 7), 0x01000193);
    k = (t / 4294967296) | 0;
    x = Math.imul(k, 0xcc9e2d51);
    x = Math.imul((x << 15) | (x >>> 17), 0x1b873593);
    a = (Math.imul(((a ^ x) << 13) | ((a ^ x) >>> 19), 5) + 0xe6546b64) | 0;
    b = Math.imul(b ^ k ^ (a >>> 7), 0x01000193);
    k = (atMs - t) | 0;
    x = Math.imul(k, 0xcc9e2d51);
    x = Math.imul((x << 15) | (x >>> 17), 0x1b873593);
    a = (Math.imul(((a ^ x) << 13) | ((a ^ x) >>> 19), 5) + 0xe6546b64) | 0;
    b = Math.imul(b ^ k ^ (a >>> 7), 0x01000193);
    this.a = a;
    this.b = b;
    if (this.mode === 'ring') this.keep(t, kind, node, edge, unit, root, attempt, max, atMs, count, reason);
    this.count++;
  }

  /** Digest of every fact so far, 16 hex characters. */
  digest(): string {
    const fa = fmix32(this.a ^ this.count);
    const fb = fmix32(this.b ^ Math.imul(this.count, 0x9e3779b1) ^ fa);
    return hex32(fa) + hex32(fb);
  }

  /** Kept facts with seq >= `fromSeq` (ring mode; empty in hash mode). */
  since(fromSeq: number): TraceFact[] {
    const first = this.count - this.ring.length;
    const start = Math.max(0, fromSeq - first);
    if (this.ring.length < this.capacity) return this.ring.slice(start);
    const out: TraceFact[] = [];
    for (let s = first + start; s < this.count; s++) out.push(this.ring[s % this.capacity]);
    return out;
  }

  private keep(t: number, kind: number, node: number, edge: number, unit: number, root: number, attempt: number, max: number, atMs: number, count: number, reason: number): void {
    const f: TraceFact = { seq: this.count, timeMs: t, kind: TRACE_KINDS[kind], nodeId: this.nodeIds[node] ?? '', unitId: unit, rootId: root };
    if (edge >= 0) f.edgeId = this.edgeIds[edge];
    if (attempt >= 0) f.attempt = attempt;
    if (max >= 0) f.maxAttempts = max;
    if (atMs >= 0) f.atMs = atMs;
    if (count >= 0) f.count = count;
    if (reason > 0) f.reason = REASONS[reason];
    if (this.nextLabel !== undefined) {
      f.label = this.nextLabel;
      this.nextLabel = undefined;
    }
    if (this.ring.length < this.capacity) this.ring.push(f);
    else this.ring[this.count % this.capacity] = f;
  }
}
