/**
 * Deadlines that arrive in non-decreasing order (a queue's visibility timeouts: receive time
 * plus a constant), as a growable ring of `(slot, version, at)`. Pushing and popping are O(1)
 * and the owner keeps one sweep event at the head's deadline, instead of one heap timer per
 * receive: the main event heap stays small however many messages are in flight.
 */
export class DeadlineRing {
  private slots: Int32Array;
  private versions: Int32Array;
  private at: Float64Array;
  private head = 0;
  length = 0;
  /** Time of this owner's pending sweep event; -1 when none. */
  scheduledAt = -1;

  constructor(capacity = 64) {
    this.slots = new Int32Array(capacity);
    this.versions = new Int32Array(capacity);
    this.at = new Float64Array(capacity);
  }

  /** Appends a deadline; it must not be earlier than the last one. */
  push(at: number, slot: number, version: number): void {
    if (this.length === this.slots.length) this.grow();
    const i = (this.head + this.length) & (this.slots.length - 1);
    this.slots[i] = slot;
    this.versions[i] = version;
    this.at[i] = at;
    this.length++;
  }

  /** Earliest deadline; Infinity when empty. */
  peekAt(): number {
    return this.length === 0 ? Infinity : this.at[this.head];
  }

  peekSlot(): number {
    return this.slots[this.head];
  }

  peekVersion(): number {
    return this.versions[this.head];
  }

  /** Drops the earliest entry. */
  shift(): void {
    this.head = (this.head + 1) & (this.slots.length - 1);
    this.length--;
  }

  private grow(): void {
    const n = this.slots.length * 2;
    const s = new Int32Array(n);
    const v = new Int32Array(n);
    const a = new Float64Array(n);
    const m = this.slots.length - 1;
    for (let k = 0; k < this.length; k++) {
      const i = (this.head + k) & m;
      s[k] = this.slots[i];
      v[k] = this.versions[i];
      a[k] = this.at[i];
    }
    this.slots = s;
    this.versions = v;
    this.at = a;
    this.head = 0;
  }
}
