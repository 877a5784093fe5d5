/**
 * Where tokens travel: the same bezier React Flow draws for a connection (from the source's
 * right handle to the target's left handle, curvature 0.25), evaluated at any fraction.
 */
import type { InternalNode } from '@xyflow/react';

/** A cubic bezier: start, two control points, end (flow coordinates). */
export type Curve = readonly [number, number, number, number, number, number, number, number];

/** Node sizes before React Flow has measured them. */
const FALLBACK = { width: 200, height: 56 };

const offset = (d: number) => (d >= 0 ? 0.5 * d : 0.25 * 25 * Math.sqrt(-d));

/** A node's rectangle in flow coordinates. */
export function rectOf(n: InternalNode): { x: number; y: number; width: number; height: number } {
  const { x, y } = n.internals.positionAbsolute;
  return { x, y, width: n.measured.width ?? FALLBACK.width, height: n.measured.height ?? FALLBACK.height };
}

/** The curve from `source`'s outgoing handle to `target`'s incoming handle. */
export function curveBetween(source: InternalNode, target: InternalNode): Curve {
  const s = rectOf(source);
  const t = rectOf(target);
  const sh = source.internals.handleBounds?.source?.[0];
  const th = target.internals.handleBounds?.target?.[0];
  const x1 = sh ? s.x + sh.x + sh.width : s.x + s.width;
  const y1 = sh ? s.y + sh.y + sh.height / 2 : s.y + s.height / 2;
  const x2 = th ? t.x + th.x : t.x;
  const y2 = th ? t.y + th.y + th.height / 2 : t.y + t.height / 2;
  return [x1, y1, x1 + offset(x2 - x1), y1, x2 - offset(x2 - x1), y2, x2, y2];
}

/** The point at fraction `t` (0..1) of `c`, written into `out`. */
export function pointAt(c: Curve, t: number, out: { x: number; y: number }): void {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const d = 3 * u * t * t;
  const e = t * t * t;
  out.x = a * c[0] + b * c[2] + d * c[4] + e * c[6];
  out.y = a * c[1] + b * c[3] + d * c[5] + e * c[7];
}
