/**
 * The engine's event queue: a binary min-heap ordered by (time, priority, seq), where seq is
 * the insertion counter, so equal keys pop in insertion order and every run has one total
 * order. Entries live in typed arrays (slot + free list); the heap holds slot indices, so a
 * schedule/pop pair allocates nothing.
 */

/** Priorities at equal time, lowest first. */
export const PRIORITY = {
  /** Invocation completions: free capacity before anything else at that instant. */
  completion: 0,
  /** Timers: visibility, retry, delay, expiry. */
  timer: 1,
  /** Arrivals: producer sends, target delivery attempts. */
  arrival: 2,
  /** Pollers run after every arrival of the same millisecond, so batches fill. */
  poll: 3,
} as const;

const SEQ_SPAN = 2 ** 44;

/** A typed-array binary heap of engine events `(kind, a, b)` at integer-ms times. */
export class EventQueue {
  private time: Float64Array;
  private order: Float64Array;
  private kindA: Uint8Array;
  private argA: Int32Array;
  private argB: Int32Array;
  private heap: Int32Array;
  private free: Int32Array;
  private freeTop = 0;
  private nextSlot = 0;
  private seq = 0;
  /** Number of scheduled events. */
  size = 0;
  /** Fields of the event last returned by `pop`. */
  topTime = 0;
  topKind = 0;
  topA = 0;
  topB = 0;

  constructor(capacity = 1024) {
    this.time = new Float64Array(capacity);
    this.order = new Float64Array(capacity);
    this.kindA = new Uint8Array(capacity);
    this.argA = new Int32Array(capacity);
    this.argB = new Int32Array(capacity);
    this.heap = new Int32Array(capacity);
    this.free = new Int32Array(capacity);
  }

  /** Schedules event `kind(a, b)` at `time` (integer ms) with a priority from PRIORITY. */
  push(time: number, priority: number, kind: number, a: number, b: number): void {
    let slot: number;
    if (this.freeTop > 0) slot = this.free[--this.freeTop];
    else {
      if (this.nextSlot === this.time.length) this.grow();
      slot = this.nextSlot++;
    }
    this.time[slot] = time;
    this.order[slot] = priority * SEQ_SPAN + this.seq++;
    this.kindA[slot] = kind;
    this.argA[slot] = a;
    this.argB[slot] = b;
    // Sift up with a hole instead of swaps.
    const heap = this.heap;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const ps = heap[p];
      if (this.less(slot, ps)) {
        heap[i] = ps;
        i = p;
      } else break;
    }
    heap[i] = slot;
  }

  /** Time of the next event; Infinity when empty. */
  peekTime(): number {
    return this.size === 0 ? Infinity : this.time[this.heap[0]];
  }

  /** Removes the next event into topTime/topKind/topA/topB; false when empty. */
  pop(): boolean {
    if (this.size === 0) return false;
    const heap = this.heap;
    const slot = heap[0];
    this.topTime = this.time[slot];
    this.topKind = this.kindA[slot];
    this.topA = this.argA[slot];
    this.topB = this.argB[slot];
    this.free[this.freeTop++] = slot;
    const last = heap[--this.size];
    const n = this.size;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && this.less(heap[c + 1], heap[c])) c++;
      if (this.less(heap[c], last)) {
        heap[i] = heap[c];
        i = c;
      } else break;
    }
    heap[i] = last;
    return true;
  }

  private less(x: number, y: number): boolean {
    const tx = this.time[x];
    const ty = this.time[y];
    return tx < ty || (tx === ty && this.order[x] < this.order[y]);
  }

  private grow(): void {
    const n = this.time.length * 2;
    const f64 = (a: Float64Array) => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    const i32 = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.time = f64(this.time);
    this.order = f64(this.order);
    const k = new Uint8Array(n);
    k.set(this.kindA);
    this.kindA = k;
    this.argA = i32(this.argA);
    this.argB = i32(this.argB);
    this.heap = i32(this.heap);
    this.free = i32(this.free);
  }
}
