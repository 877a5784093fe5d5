/**
 * Arrivals per consumer (a Lambda function fed by an event source mapping or invoked
 * asynchronously), compared with publish order: a first arrival after a later-published
 * message is out of order; a receive after a failure is a retry; an extra copy (SQS
 * at-least-once delivery) or a message already processed there is a duplicate.
 */
import type { TraceFact } from '../../engine/index';
import type { Arrival, ArrivalMark, ConsumerSummary } from '../protocolView';

/** Arrivals kept per consumer (the most recent). */
export const MAX_ARRIVALS = 2_000;
/** Message ranks and "processed" marks kept, oldest forgotten first. */
const MAX_TRACKED = 100_000;

interface Consumer {
  nodeId: string;
  arrivals: Arrival[];
  maxRank: number;
  seen: Set<number>;
  done: Set<number>;
  summary: ConsumerSummary;
}

/** Watches facts for arrivals at consumers. */
export class Timelines {
  private readonly consumers = new Map<string, Consumer>();
  private readonly ranks = new Map<number, number>();
  private published = 0;
  /** Recent out-of-order arrival seqs, for progress reports. */
  readonly outOfOrder: number[] = [];

  /** @param esmTarget the function an event source mapping edge feeds (undefined for other edges). */
  constructor(private readonly esmTarget: (edgeId: string) => string | undefined) {}

  /** Publish order of message `root` (1-based), if still tracked. */
  rank(root: number): number | null {
    return this.ranks.get(root) ?? null;
  }

  /** Processes one fact. */
  fact(f: TraceFact): void {
    switch (f.kind) {
      case 'published':
        this.ranks.set(f.rootId, ++this.published);
        if (this.ranks.size > MAX_TRACKED) this.ranks.delete(this.ranks.keys().next().value!);
        return;
      case 'received':
      case 'duplicateDelivered': {
        const fn = f.edgeId === undefined ? undefined : this.esmTarget(f.edgeId);
        if (fn !== undefined) this.arrive(fn, f, f.kind === 'duplicateDelivered');
        return;
      }
      case 'invoked':
        // An asynchronous invocation (a mapping's batch is counted by its `received` facts).
        if (f.edgeId === undefined) this.arrive(f.nodeId, f, false);
        return;
      case 'delivered':
        if (f.edgeId !== undefined) {
          const fn = this.esmTarget(f.edgeId);
          if (fn !== undefined) this.consumers.get(fn)?.done.add(f.rootId);
        } else this.consumers.get(f.nodeId)?.done.add(f.rootId);
        return;
    }
  }

  /** Consumers with arrivals, busiest first. */
  summaries(): ConsumerSummary[] {
    return [...this.consumers.values()].map((c) => ({ ...c.summary })).sort((a, b) => b.arrivals - a.arrivals || a.nodeId.localeCompare(b.nodeId));
  }

  /** The most recent `limit` arrivals at `nodeId`. */
  arrivals(nodeId: string, limit: number): Arrival[] {
    const a = this.consumers.get(nodeId)?.arrivals ?? [];
    return a.slice(Math.max(0, a.length - limit));
  }

  private arrive(nodeId: string, f: TraceFact, duplicate: boolean): void {
    const c = this.consumer(nodeId);
    const rank = this.ranks.get(f.rootId) ?? 0;
    const attempt = f.attempt ?? 1;
    let mark: ArrivalMark;
    if (duplicate || c.done.has(f.rootId)) mark = 'duplicate';
    else if (c.seen.has(f.rootId) || attempt > 1) mark = 'retry';
    else if (rank < c.maxRank) mark = 'outOfOrder';
    else mark = 'inOrder';
    if (mark === 'inOrder' || mark === 'outOfOrder') {
      c.maxRank = Math.max(c.maxRank, rank);
      c.seen.add(f.rootId);
      trim(c.seen);
    }
    trim(c.done);
    const s = c.summary;
    s.arrivals++;
    if (mark === 'outOfOrder') {
      s.outOfOrder++;
      this.outOfOrder.push(f.seq);
      if (this.outOfOrder.length > 4_000) this.outOfOrder.splice(0, 2_000);
    } else if (mark === 'duplicate') s.duplicates++;
    else if (mark === 'retry') s.retries++;
    c.arrivals.push({ seq: f.seq, timeMs: f.timeMs, rootId: f.rootId, label: f.label ?? `#${f.rootId}`, publishRank: rank, attempt, mark });
    if (c.arrivals.length > MAX_ARRIVALS * 1.5) c.arrivals.splice(0, c.arrivals.length - MAX_ARRIVALS);
  }

  private consumer(nodeId: string): Consumer {
    let c = this.consumers.get(nodeId);
    if (c === undefined) {
      c = { nodeId, arrivals: [], maxRank: 0, seen: new Set(), done: new Set(), summary: { nodeId, arrivals: 0, outOfOrder: 0, duplicates: 0, retries: 0 } };
      this.consumers.set(nodeId, c);
    }
    return c;
  }
}

function trim(s: Set<number>): void {
  if (s.size > MAX_TRACKED) s.delete(s.values().next().value!);
}
