/**
 * What a consumer remembers per processing key: whether its side effect already ran (to
 * expose duplicate processing) and, with idempotency on, the Powertools record state
 * (INPROGRESS / COMPLETED with expiry; aws-semantics 5.6). Numeric keys (the default: the
 * published event's id) live in typed arrays, a few bytes per event; string keys in a Map.
 */

/** A processing key: the root unit id, or the text of the value at the idempotency key path. */
export type Key = number | string;

/** Powertools' default `expires_after_seconds`. */
export const IDEMPOTENCY_EXPIRY_MS = 3600_000;

const EFFECT = 1;
const IN_PROGRESS = 2;

interface StrRec {
  bits: number;
  completedAt: number;
}

/** Per-function key memory. */
export class KeyStore {
  private bits = new Uint8Array(1024);
  private completedAt: Float64Array | null = null;
  private strs = new Map<string, StrRec>();

  constructor(private readonly idempotent: boolean) {
    if (idempotent) this.completedAt = new Float64Array(1024).fill(-1);
  }

  /** 'completed' (within the expiry), 'inProgress', or 'none'. */
  status(k: Key, now: number): 'completed' | 'inProgress' | 'none' {
    const bits = this.bitsOf(k);
    if (bits & IN_PROGRESS) return 'inProgress';
    const at = this.completedOf(k);
    return at >= 0 && now - at < IDEMPOTENCY_EXPIRY_MS ? 'completed' : 'none';
  }

  /** Marks an idempotency record INPROGRESS. */
  begin(k: Key): void {
    this.setBits(k, this.bitsOf(k) | IN_PROGRESS);
  }

  /** Deletes the INPROGRESS record (failed handler: retries may run). */
  abort(k: Key): void {
    this.setBits(k, this.bitsOf(k) & ~IN_PROGRESS);
  }

  /** Marks COMPLETED at `now`. */
  complete(k: Key, now: number): void {
    this.setBits(k, this.bitsOf(k) & ~IN_PROGRESS);
    if (typeof k === 'number') {
      this.ensure(k);
      this.completedAt![k] = now;
    } else this.rec(k).completedAt = now;
  }

  /** Records that the side effect ran for `k`; returns true if it had run before. */
  effect(k: Key): boolean {
    const b = this.bitsOf(k);
    this.setBits(k, b | EFFECT);
    return (b & EFFECT) !== 0;
  }

  private bitsOf(k: Key): number {
    if (typeof k === 'number') return k < this.bits.length ? this.bits[k] : 0;
    return this.strs.get(k)?.bits ?? 0;
  }

  private completedOf(k: Key): number {
    if (!this.idempotent) return -1;
    if (typeof k === 'number') return k < this.completedAt!.length ? this.completedAt![k] : -1;
    return this.strs.get(k)?.completedAt ?? -1;
  }

  private setBits(k: Key, v: number): void {
    if (typeof k === 'number') {
      this.ensure(k);
      this.bits[k] = v;
    } else this.rec(k).bits = v;
  }

  private rec(k: string): StrRec {
    let r = this.strs.get(k);
    if (r === undefined) {
      r = { bits: 0, completedAt: -1 };
      this.strs.set(k, r);
    }
    return r;
  }

  private ensure(k: number): void {
    if (k < this.bits.length) return;
    let n = this.bits.length;
    while (n <= k) n *= 2;
    const b = new Uint8Array(n);
    b.set(this.bits);
    this.bits = b;
    if (this.completedAt) {
      const c = new Float64Array(n).fill(-1);
      c.set(this.completedAt);
      this.completedAt = c;
    }
  }
}
