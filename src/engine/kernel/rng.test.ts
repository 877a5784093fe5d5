import { describe, expect, it } from 'vitest';
import { Hash64, hashString32 } from './hash';
import { deriveRng } from './rng';

describe('seeded RNG streams', () => {
  it('the same seed and key give the same draws; another key or seed others', () => {
    const a = deriveRng(1, 'queue/order');
    const b = deriveRng(1, 'queue/order');
    const seqA = [a.uint32(), a.uint32(), a.uint32()];
    expect([b.uint32(), b.uint32(), b.uint32()]).toEqual(seqA);
    expect(deriveRng(2, 'queue/order').uint32()).not.toBe(seqA[0]);
    expect(deriveRng(1, 'queue2/order').uint32()).not.toBe(seqA[0]);
  });

  it('draws look uniform', () => {
    const r = deriveRng(42, 'u');
    const bins = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) bins[Math.floor(r.next() * 10)]++;
    for (const b of bins) expect(Math.abs(b - 10_000)).toBeLessThan(500);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) sum += r.normal();
    expect(Math.abs(sum / 20_000)).toBeLessThan(0.05);
  });

  it('chance(0) and chance(1) do not draw', () => {
    const a = deriveRng(3, 'k');
    const b = deriveRng(3, 'k');
    expect(a.chance(0)).toBe(false);
    expect(a.chance(1)).toBe(true);
    expect(a.uint32()).toBe(b.uint32());
  });
});

describe('hashing', () => {
  it('Hash64 is order-sensitive and reproducible', () => {
    const h = (xs: number[]) => {
      const x = new Hash64();
      xs.forEach((v) => x.int(v));
      return x.hex();
    };
    expect(h([1, 2, 3])).toBe(h([1, 2, 3]));
    expect(h([1, 2, 3])).not.toBe(h([3, 2, 1]));
    expect(h([2 ** 40])).not.toBe(h([0]));
    expect(h([])).toMatch(/^[0-9a-f]{16}$/);
    expect(hashString32('abc')).toBe(hashString32('abc'));
    expect(hashString32('abc')).not.toBe(hashString32('abd'));
  });
});
