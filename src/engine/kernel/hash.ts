/**
 * Pure 32/64-bit hashing for the kernel: seeding RNG streams, content-based dedup keys and
 * the incremental trace hash. Murmur3-style 32-bit mixing on `Math.imul`, so it is exact and
 * identical in every JS engine, and needs no BigInt (which would be slow in the hot loop).
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** One Murmur3 round: folds the 32-bit word `k` into the state `h`. */
export function mix32(h: number, k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Murmur3 finaliser: avalanches all bits of `h`; returns an unsigned 32-bit value. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hashes a string (UTF-16 code units) to an unsigned 32-bit value. */
export function hashString32(s: string, seed = 0): number {
  let h = seed | 0;
  for (let i = 0; i < s.length; i++) h = mix32(h, s.charCodeAt(i));
  return fmix32(h ^ s.length);
}

const HEX: string[] = [];
for (let i = 0; i < 256; i++) HEX.push(i.toString(16).padStart(2, '0'));

/** Lower-case hex of an unsigned 32-bit value, 8 characters. */
export function hex32(x: number): string {
  return HEX[(x >>> 24) & 255] + HEX[(x >>> 16) & 255] + HEX[(x >>> 8) & 255] + HEX[x & 255];
}

const TWO_32 = 4294967296;

/**
 * Incremental 64-bit hash over a stream of integers: two independent Murmur3-style lanes
 * with different seeds and word pre-mixes. Used for the trace hash, so the same trace hashes
 * the same whether or not trace objects are kept.
 */
export class Hash64 {
  private a = 0x2545f491 | 0;
  private b = 0x61c88647 | 0;
  private n = 0;

  /** Folds one 32-bit word (the value is truncated to int32). */
  word(x: number): void {
    this.a = mix32(this.a, x);
    this.b = mix32(this.b, ((x << 16) | (x >>> 16)) ^ 0x3c6ef372);
    this.n++;
  }

  /** Folds a safe integer (up to 2^53) as two words. */
  int(x: number): void {
    this.word(x | 0);
    this.word((x - (x >>> 0)) / TWO_32 | 0);
  }

  /** Folds a string. */
  str(s: string): void {
    for (let i = 0; i < s.length; i++) this.word(s.charCodeAt(i));
    this.word(s.length);
  }

  /** The current digest as 16 hex characters (the state is unchanged, so hashing can go on). */
  hex(): string {
    const fa = fmix32(this.a ^ this.n);
    const fb = fmix32(this.b ^ Math.imul(this.n, 0x9e3779b1) ^ fa);
    return hex32(fa) + hex32(fb);
  }
}
