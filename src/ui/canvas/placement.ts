/** A rectangle in flow coordinates. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Size assumed for a node not yet measured (matches .service-node's CSS). */
export const DEFAULT_NODE_SIZE = { width: 200, height: 58 } as const;

/** Gap kept between a new node and its neighbours. */
const MARGIN = 24;

const overlaps = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.width + MARGIN && b.x < a.x + a.width + MARGIN && a.y < b.y + b.height + MARGIN && b.y < a.y + a.height + MARGIN;

/**
 * The free spot nearest to `wanted` for a box of `size`, so a node added by click never lands
 * on another one. Searches rings of candidate positions outward (rows first, then columns),
 * snapped to `grid` when given.
 */
export function findFreeSpot(taken: readonly Rect[], wanted: { x: number; y: number }, size: { width: number; height: number } = DEFAULT_NODE_SIZE, grid = 0): { x: number; y: number } {
  const snap = (v: number) => (grid > 0 ? Math.round(v / grid) * grid : Math.round(v));
  const stepX = size.width + MARGIN;
  const stepY = size.height + MARGIN;
  for (let ring = 0; ring < 40; ring++) {
    const candidates: Array<{ x: number; y: number; d: number }> = [];
    for (let dy = -ring; dy <= ring; dy++) {
      for (let dx = -ring; dx <= ring; dx++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        candidates.push({ x: snap(wanted.x + dx * stepX), y: snap(wanted.y + dy * stepY), d: Math.hypot(dx * stepX, dy * stepY) });
      }
    }
    candidates.sort((a, b) => a.d - b.d);
    const free = candidates.find((c) => !taken.some((t) => overlaps({ ...c, ...size }, t)));
    if (free) return { x: free.x, y: free.y };
  }
  return { x: snap(wanted.x), y: snap(wanted.y) };
}
