/**
 * Deadlines of the units held by one owner (a queue's retention, a Lambda async queue's
 * maximum event age). Deadlines mostly arrive in order (enqueue time plus a constant), so
 * in-order ones go to an O(1) ring and only out-of-order ones (a standard DLQ keeping the
 * original enqueue time) to a typed-array min-heap. The owner keeps at most one sweep event
 * in the engine queue, at the earliest deadline, instead of one timer per message.
 */
import { DeadlineRing } from './deadlineRing';

export class ExpiryIndex {
  private readonly ring = new DeadlineRing();
  private lastRingAt = -Infinity;
  private at: Float64Array;
  private slots: Int32Array;
  private ids: Int32Array;
  private heapSize = 0;
  /** Time of the sweep event currently scheduled for this owner; -1 when none. */
  scheduledAt = -1;

  constructor(capacity = 16) {
    this.at = new Float64Array(capacity);
    this.slots = new Int32Array(capacity);
    this.ids = new Int32Array(capacity);
  }

  /** Entries held. */
  get size(): number {
    return this.ring.length + this.heapSize;
  }

  /** Records that unit `(slot, id)` must be settled at `at` unless it settles earlier. */
  push(at: number, slot: number, id: number): void {
    if (at >= this.lastRingAt) {
      this.ring.push(at, slot, id);
      this.lastRingAt = at;
      return;
    }
    if (this.heapSize === this.at.length) this.grow();
    let i = this.heapSize++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.at[p] <= at) break;
      this.at[i] = this.at[p];
      this.slots[i] = this.slots[p];
      this.ids[i] = this.ids[p];
      i = p;
    }
    this.at[i] = at;
    this.slots[i] = slot;
    this.ids[i] = id;
  }

  private fromHeap(): boolean {
    return this.heapSize > 0 && (this.ring.length === 0 || this.at[0] < this.ring.peekAt());
  }

  /** Earliest deadline; Infinity when empty. */
  peekAt(): number {
    return this.fromHeap() ? this.at[0] : this.ring.peekAt();
  }

  /** Slot of the earliest entry. */
  peekSlot(): number {
    return this.fromHeap() ? this.slots[0] : this.ring.peekSlot();
  }

  /** Id of the earliest entry. */
  peekId(): number {
    return this.fromHeap() ? this.ids[0] : this.ring.peekVersion();
  }

  /** Removes the earliest entry. */
  pop(): void {
    if (!this.fromHeap()) {
      this.ring.shift();
      return;
    }
    const n = --this.heapSize;
    if (n === 0) return;
    const at = this.at[n];
    const slot = this.slots[n];
    const id = this.ids[n];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && this.at[c + 1] < this.at[c]) c++;
      if (this.at[c] >= at) break;
      this.at[i] = this.at[c];
      this.slots[i] = this.slots[c];
      this.ids[i] = this.ids[c];
      i = c;
    }
    this.at[i] = at;
    this.slots[i] = slot;
    this.ids[i] = id;
  }

  private grow(): void {
    const n = this.at.length * 2;
    const a = new Float64Array(n);
    a.set(this.at);
    const s = new Int32Array(n);
    s.set(this.slots);
    const d = new Int32Array(n);
    d.set(this.ids);
    this.at = a;
    this.slots = s;
    this.ids = d;
  }
}
