import { describe, expect, it } from 'vitest';
import { DEFAULT_NODE_SIZE, findFreeSpot } from './placement';

describe('findFreeSpot', () => {
  it('keeps the wanted spot when it is free, snapped to the grid', () => {
    expect(findFreeSpot([], { x: 13, y: 27 }, DEFAULT_NODE_SIZE, 10)).toEqual({ x: 10, y: 30 });
  });
  it('moves a new node aside until it overlaps nothing', () => {
    const taken = [{ x: 0, y: 0, ...DEFAULT_NODE_SIZE }];
    const spots = [];
    let rects = [...taken];
    for (let i = 0; i < 12; i++) {
      const p = findFreeSpot(rects, { x: 0, y: 0 });
      for (const r of rects) expect(p.x < r.x + r.width && r.x < p.x + DEFAULT_NODE_SIZE.width && p.y < r.y + r.height && r.y < p.y + DEFAULT_NODE_SIZE.height).toBe(false);
      rects = [...rects, { ...p, ...DEFAULT_NODE_SIZE }];
      spots.push(p);
    }
    // The nearest free spots come first: the first ring around the taken node.
    expect(Math.hypot(spots[0].x, spots[0].y)).toBeLessThan(300);
  });
});
