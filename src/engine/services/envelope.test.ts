import { describe, expect, it } from 'vitest';
import { Rng } from '../kernel/rng';
import { isoMillis, isoSecond, uuidFrom } from './envelope';

describe('uuidFrom', () => {
  it('spells the four draws in hex, with the v4 version and variant bits set', () => {
    const draws = new Rng(1, 2, 3, 4);
    const [a, b, c, d] = [draws.uint32(), draws.uint32(), draws.uint32(), draws.uint32()];
    const hex = (x: number) => (x >>> 0).toString(16).padStart(8, '0');
    const h = hex(a) + hex(((b & 0xffff0fff) | 0x4000) >>> 0) + hex(((c & 0x3fffffff) | 0x80000000) >>> 0) + hex(d);
    const want = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    expect(uuidFrom(new Rng(1, 2, 3, 4))).toBe(want);
  });

  it('always has the UUID v4 shape', () => {
    const rng = new Rng(7, 7, 7, 7);
    for (let i = 0; i < 1000; i++) expect(uuidFrom(rng)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('simulated timestamps', () => {
  it('start at 2025-01-01T00:00:00Z and count whole seconds and milliseconds', () => {
    expect(isoSecond(0)).toBe('2025-01-01T00:00:00Z');
    expect(isoSecond(86_399_999)).toBe('2025-01-01T23:59:59Z');
    expect(isoMillis(59 * 86_400_000 + 7)).toBe('2025-03-01T00:00:00.007Z');
  });
});
