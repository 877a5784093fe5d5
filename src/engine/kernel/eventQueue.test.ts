import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './eventQueue';

describe('EventQueue', () => {
  it('pops in (time, priority, insertion) order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 3 })), { maxLength: 300 }), (entries) => {
        const q = new EventQueue(2);
        entries.forEach(([t, p], i) => q.push(t, p, 1, i, 0));
        const expected = entries.map(([t, p], i) => ({ t, p, i })).sort((a, b) => a.t - b.t || a.p - b.p || a.i - b.i);
        const got: number[] = [];
        while (q.pop()) got.push(q.topA);
        expect(got).toEqual(expected.map((e) => e.i));
      }),
    );
  });

  it('interleaves pushes and pops, reusing slots', () => {
    const q = new EventQueue(4);
    q.push(10, 0, 1, 1, 0);
    q.push(5, 0, 2, 2, 0);
    expect(q.pop() && q.topKind).toBe(2);
    q.push(7, 1, 3, 3, 0);
    q.push(7, 0, 4, 4, 0);
    expect([q.pop() && q.topKind, q.pop() && q.topKind, q.pop() && q.topKind]).toEqual([4, 3, 1]);
    expect(q.pop()).toBe(false);
    expect(q.peekTime()).toBe(Infinity);
  });
});
