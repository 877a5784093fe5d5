import { hashString32 } from './hash';

/**
 * A seeded pseudo-random stream (sfc32: small, fast, passes PractRand to 2^40+ bytes).
 * Every random choice in the engine draws from one of these; nothing reads Math.random.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(a: number, b: number, c: number, d: number) {
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = d | 0;
    // Warm up so streams seeded from similar hashes diverge at once.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** Next unsigned 32-bit value. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }

  /**
   * True with probability p. p <= 0 and p >= 1 draw nothing, so "never" and "always"
   * behaviours leave the stream untouched (cheaper, and golden tests stay exact).
   */
  chance(p: number): boolean {
    if (p <= 0) return false;
    if (p >= 1) return true;
    return this.next() < p;
  }

  /** Standard normal deviate (Box-Muller, one draw pair per call). */
  normal(): number {
    const u1 = 1 - this.next();
    const u2 = this.next();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}

/**
 * The stream for one component: seeded from hash(seed, key), so a node's draws depend only on
 * the run seed and its own id (plus a purpose suffix); adding a node changes nobody else.
 */
export function deriveRng(seed: number, key: string): Rng {
  const s = seed >>> 0;
  const a = hashString32(key, s);
  const b = hashString32(key, a ^ 0x9e3779b9);
  const c = hashString32(key, b ^ 0x85ebca6b);
  const d = hashString32(key, c ^ s ^ 0xc2b2ae35);
  return new Rng(a, b, c, d);
}
