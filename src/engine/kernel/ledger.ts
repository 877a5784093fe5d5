/**
 * The ledger: every copy of every event is a unit in exactly one state. Live units are pooled
 * records (reused after they settle); settled units are only counted, per state and per node,
 * so a run of a million events keeps just the units still in play.
 */

/** Unit states; the last five are terminal. */
export const UNIT_STATES = ['pending', 'delayed', 'queued', 'inFlight', 'retryWait', 'delivered', 'filteredOut', 'inDlq', 'expired', 'dropped'] as const;
/** A unit state. */
export type UnitState = (typeof UNIT_STATES)[number];

/** Numeric state codes. */
export const ST = {
  pending: 0,
  delayed: 1,
  queued: 2,
  inFlight: 3,
  retryWait: 4,
  delivered: 5,
  filteredOut: 6,
  inDlq: 7,
  expired: 8,
  dropped: 9,
} as const;
const N_STATES = 10;
const FIRST_TERMINAL = ST.delivered;

/** What a unit carries. Immutable and shared between a parent and its children. */
export interface Payload {
  /** The JSON body: an EventBridge event, an SQS message body, a destination record. */
  body: unknown;
  /** EventBridge event id / message id of the original publish. */
  eventId: string;
  /** FIFO MessageGroupId, if any. */
  groupId: string | undefined;
  /** FIFO MessageDeduplicationId, if any. */
  dedupId: string | undefined;
  /** SQS message attributes (e.g. the EventBridge DLQ attributes). */
  attributes: Record<string, string> | undefined;
  /** SNS message attributes as published ({Type, Value}): attribute-scope filter policies read them. */
  messageAttributes?: Record<string, { Type: string; Value: string }>;
  /** Kinesis partition key (DynamoDB streams: the item key). */
  partitionKey?: string;
  /** An archive replay's event: it is not archived again, and only `rules` (node indices; null = all) see it. */
  replay?: { name: string; rules: readonly number[] | null };
}

/** A live unit record. Pooled: after it settles the record is reused with a new id. */
export class Unit {
  id = -1;
  root = -1;
  parent = -1;
  state = 0;
  node = -1;
  edge = -1;
  /** Attempts at the current hop: delivery attempts, ApproximateReceiveCount, invoke count. */
  attempts = 0;
  /** Bumped on every state change, so timers carrying an older version are stale. */
  version = 0;
  /** Reference time of age and retention limits (ingestion or enqueue time), ms. */
  ageFrom = 0;
  /** Per-service scratch: FIFO sequence number, throttle retries. */
  aux = 0;
  /** Per-service bit flags. */
  flags = 0;
  payload: Payload | null = null;
  /** Per-service extra data (e.g. the last EventBridge error for the DLQ attributes). */
  meta: unknown = null;
  constructor(readonly slot: number) {}
}

/** Units in pool and the books. */
export class Ledger {
  /** Unit records by slot. */
  readonly units: Unit[] = [];
  private readonly free: number[] = [];
  private nextId = 1;
  /** Units ever created (= copies). */
  created = 0;
  /** Root units (published events). */
  published = 0;
  /** Units per state, all nodes. */
  readonly counts = new Float64Array(N_STATES);
  /** Units per (node, state): index node * 10 + state. */
  readonly nodeCounts: Float64Array;
  /** Settled units per terminal reason code, for dropped/expired/filteredOut. */
  readonly reasonCounts: Float64Array;

  /** Observer of unit births (the simulation view's inspector); null in headless runs. */
  onCreate: ((ledger: Ledger, u: Unit, payload: Payload, now: number) => void) | null = null;

  constructor(nodeCount: number, reasonCount: number) {
    this.nodeCounts = new Float64Array(Math.max(1, nodeCount) * N_STATES);
    this.reasonCounts = new Float64Array(reasonCount);
  }

  /**
   * Creates a unit at `node` in `state`. `parent` null makes a root (a published event);
   * otherwise the child inherits the parent's root.
   */
  create(node: number, edge: number, parent: Unit | null, payload: Payload, state: number, now: number): Unit {
    return parent === null ? this.make(node, edge, -1, -1, payload, state, now) : this.make(node, edge, parent.root, parent.id, payload, state, now);
  }

  /**
   * Creates a unit descending from unit `parentId` of root `rootId`, which may have settled long
   * ago (an archived event replayed).
   */
  createDescendant(node: number, edge: number, rootId: number, parentId: number, payload: Payload, state: number, now: number): Unit {
    return this.make(node, edge, rootId, parentId, payload, state, now);
  }

  // rootId -1: a new root (a published event).
  private make(node: number, edge: number, rootId: number, parentId: number, payload: Payload, state: number, now: number): Unit {
    const slot = this.free.length > 0 ? this.free.pop()! : this.units.length;
    let u = this.units[slot];
    if (u === undefined) {
      u = new Unit(slot);
      this.units.push(u);
    }
    u.id = this.nextId++;
    u.root = rootId < 0 ? u.id : rootId;
    u.parent = parentId;
    u.state = state;
    u.node = node;
    u.edge = edge;
    u.attempts = 0;
    u.version++;
    u.ageFrom = now;
    u.aux = 0;
    u.flags = 0;
    u.payload = payload;
    u.meta = null;
    this.created++;
    if (rootId < 0) this.published++;
    this.counts[state]++;
    this.nodeCounts[node * N_STATES + state]++;
    if (this.onCreate !== null) this.onCreate(this, u, payload, now);
    return u;
  }

  /** Moves a live unit to another live state (invalidating its timers). */
  move(u: Unit, state: number): void {
    if (state >= FIRST_TERMINAL || u.id < 0) throw new Error(`ledger: bad move of unit ${u.id} to ${UNIT_STATES[state]}`);
    this.counts[u.state]--;
    this.nodeCounts[u.node * N_STATES + u.state]--;
    u.state = state;
    u.version++;
    this.counts[state]++;
    this.nodeCounts[u.node * N_STATES + state]++;
  }

  /** Settles a unit in a terminal state and returns its record to the pool. */
  settle(u: Unit, state: number, reason: number): void {
    if (state < FIRST_TERMINAL || u.id < 0) throw new Error(`ledger: bad settle of unit ${u.id} to ${UNIT_STATES[state]}`);
    this.counts[u.state]--;
    this.nodeCounts[u.node * N_STATES + u.state]--;
    this.counts[state]++;
    this.nodeCounts[u.node * N_STATES + state]++;
    if (reason > 0) this.reasonCounts[reason]++;
    u.state = state;
    u.id = -1;
    u.version++;
    u.payload = null;
    u.meta = null;
    this.free.push(u.slot);
  }

  /** The live unit in `slot` if its version still is `version` (a timer's check). */
  at(slot: number, version: number): Unit | null {
    const u = this.units[slot];
    return u !== undefined && u.version === version && u.id >= 0 ? u : null;
  }

  /** The live unit in `slot` if it still has id `id` (a queue reference's check). */
  byRef(slot: number, id: number): Unit | null {
    const u = this.units[slot];
    return u !== undefined && u.id === id ? u : null;
  }

  /** Units in live states now. */
  liveCount(): number {
    let n = 0;
    for (let s = 0; s < FIRST_TERMINAL; s++) n += this.counts[s];
    return n;
  }

  /**
   * Checks the books: state counts sum to units created; the live records agree with the
   * live counters, globally and per node. Returns the problems found (empty when balanced).
   */
  audit(): string[] {
    const problems: string[] = [];
    let sum = 0;
    for (let s = 0; s < N_STATES; s++) {
      if (this.counts[s] < 0) problems.push(`negative count in ${UNIT_STATES[s]}`);
      sum += this.counts[s];
    }
    if (sum !== this.created) problems.push(`states sum to ${sum}, but ${this.created} units were created`);
    const live = new Float64Array(this.nodeCounts.length);
    for (const u of this.units) {
      if (u.id < 0) continue;
      if (u.state >= FIRST_TERMINAL) problems.push(`unit ${u.id} is live in terminal state ${UNIT_STATES[u.state]}`);
      live[u.node * N_STATES + u.state]++;
    }
    for (let i = 0; i < live.length; i++) {
      if (i % N_STATES < FIRST_TERMINAL && live[i] !== this.nodeCounts[i]) {
        problems.push(`node #${Math.floor(i / N_STATES)} has ${live[i]} live units in ${UNIT_STATES[i % N_STATES]}, books say ${this.nodeCounts[i]}`);
      }
    }
    return problems;
  }
}
