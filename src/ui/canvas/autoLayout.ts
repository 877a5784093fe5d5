import type { ElkNode } from 'elkjs/lib/elk-api';

/** A box to lay out: a node id and its measured size on the canvas. */
export interface LayoutBox {
  id: string;
  width: number;
  height: number;
}

/** A connection the layout should keep flowing left to right. */
export interface LayoutLink {
  id: string;
  source: string;
  target: string;
}

// Spacing chosen so that edge labels ("retry 185 · DLQ") fit between layers.
const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.spacing.nodeNodeBetweenLayers': '90',
  'elk.spacing.nodeNode': '40',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
  'elk.edgeRouting': 'POLYLINE',
};

/**
 * Layered, left-to-right positions for the boxes (ELK's Sugiyama layout). elkjs is about
 * 1.6 MB, so it is imported on first use and never weighs on first paint.
 */
export async function computeLayout(boxes: LayoutBox[], links: LayoutLink[], origin = { x: 0, y: 0 }): Promise<Map<string, { x: number; y: number }>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const ids = new Set(boxes.map((b) => b.id));
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: LAYOUT_OPTIONS,
    children: boxes.map((b) => ({ id: b.id, width: b.width, height: b.height })),
    // Self-loops and dangling links would only confuse the layering.
    edges: links.filter((l) => l.source !== l.target && ids.has(l.source) && ids.has(l.target)).map((l) => ({ id: l.id, sources: [l.source], targets: [l.target] })),
  };
  const out = await new ELK().layout(graph);
  const positions = new Map<string, { x: number; y: number }>();
  for (const c of out.children ?? []) positions.set(c.id, { x: Math.round(origin.x + (c.x ?? 0)), y: Math.round(origin.y + (c.y ?? 0)) });
  return positions;
}
