/**
 * One lane of a stream event source mapping: the records of one shard (with
 * ParallelizationFactor > 1, of the partition keys of one slot of a shard) that the mapping has
 * not checkpointed yet, in sequence order. A lane runs one batch at a time and the batch is
 * always a prefix of its records, so a failing batch blocks the lane until it succeeds, is
 * split, is discarded or its records expire (aws-semantics 5.4).
 */
import type { Ledger, Unit } from '../kernel/ledger';
import { UnitDeque } from '../kernel/unitDeque';

export class Lane {
  /** Records not checkpointed, in sequence order (stale references of expired ones included). */
  readonly records = new UnitDeque(16);
  /** Entries of `records` in the current batch; 0 when no batch is pending. */
  batchLen = 0;
  /** Lengths of bisected halves still to try; the last one is next. */
  readonly splits: number[] = [];
  /** Function-error retries of the current batch (toward MaximumRetryAttempts). */
  retries = 0;
  /** Throttled invokes of the current batch (they do not count as retries). */
  throttles = 0;
  /** Invocations of the current batch (approximateInvokeCount). */
  invokes = 0;
  /** A run or a back-off timer is pending. */
  busy = false;
  /** Time of the pending immediate poll, or -1. */
  pollNow = -1;
  /** Time of the pending poll at the end of the batching window, or -1. */
  windowPollAt = -1;
  /** End of the open batching window, or -1. */
  windowEnd = -1;
  /** Bumped when a timer is set, so an older timer is ignored. */
  version = 0;

  constructor(
    readonly idx: number,
    readonly esm: number,
    readonly shard: number,
  ) {}

  /** The live unit of entry `i`, or null when it settled (expired) since. */
  unitAt(ledger: Ledger, i: number): Unit | null {
    return ledger.byRef(this.records.slotAt(i), this.records.idAt(i));
  }

  /** Drops the first entry (checkpointed, discarded or stale). */
  shift(): void {
    this.records.shift();
    if (this.batchLen > 0) this.batchLen--;
  }

  /** Drops stale entries at the front. */
  dropStale(ledger: Ledger): void {
    while (this.records.length > 0 && this.unitAt(ledger, 0) === null) this.shift();
  }

  /** Starts a new batch: its retry and invoke counts start over. */
  newBatch(len: number): void {
    this.batchLen = len;
    this.retries = 0;
    this.throttles = 0;
    this.invokes = 0;
  }

  /** Arrival time of the oldest live record not checkpointed; -1 when none. */
  oldestArrival(ledger: Ledger): number {
    for (let i = 0; i < this.records.length; i++) {
      const u = this.unitAt(ledger, i);
      if (u !== null) return u.ageFrom;
    }
    return -1;
  }
}
