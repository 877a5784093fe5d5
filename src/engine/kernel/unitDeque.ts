/**
 * A growable ring buffer of unit references `(slot, id)`. Queues keep references, not unit
 * objects, because unit records are pooled: a reference whose id no longer matches the slot's
 * unit is stale (the unit settled, e.g. expired) and readers skip it.
 */
export class UnitDeque {
  private slots: Int32Array;
  private ids: Int32Array;
  private head = 0;
  /** Entries held, stale ones included. */
  length = 0;

  constructor(capacity = 16) {
    this.slots = new Int32Array(capacity);
    this.ids = new Int32Array(capacity);
  }

  /** Appends at the back. */
  push(slot: number, id: number): void {
    if (this.length === this.slots.length) this.grow();
    const i = (this.head + this.length) & (this.slots.length - 1);
    this.slots[i] = slot;
    this.ids[i] = id;
    this.length++;
  }

  /** Inserts at the front (a message returning to the head of its FIFO group). */
  unshift(slot: number, id: number): void {
    if (this.length === this.slots.length) this.grow();
    this.head = (this.head - 1) & (this.slots.length - 1);
    this.slots[this.head] = slot;
    this.ids[this.head] = id;
    this.length++;
  }

  /** Slot of the i-th entry from the front. */
  slotAt(i: number): number {
    return this.slots[(this.head + i) & (this.slots.length - 1)];
  }

  /** Id of the i-th entry from the front. */
  idAt(i: number): number {
    return this.ids[(this.head + i) & (this.slots.length - 1)];
  }

  /** Drops the front entry. */
  shift(): void {
    this.head = (this.head + 1) & (this.slots.length - 1);
    this.length--;
  }

  /** Swaps the first two entries (best-effort ordering: a receive skips the oldest). */
  swapFront(): void {
    const m = this.slots.length - 1;
    const i = this.head;
    const j = (this.head + 1) & m;
    const s = this.slots[i];
    const d = this.ids[i];
    this.slots[i] = this.slots[j];
    this.ids[i] = this.ids[j];
    this.slots[j] = s;
    this.ids[j] = d;
  }

  private grow(): void {
    const n = this.slots.length * 2;
    const s = new Int32Array(n);
    const d = new Int32Array(n);
    for (let k = 0; k < this.length; k++) {
      s[k] = this.slotAt(k);
      d[k] = this.idAt(k);
    }
    this.slots = s;
    this.ids = d;
    this.head = 0;
  }
}
