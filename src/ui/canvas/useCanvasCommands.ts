import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useMemo } from 'react';
import type { NodeKind } from '../../model/types';
import { addNode, moveNodes } from '../../store/commands';
import { useScenarioStore } from '../../store/scenarioStore';
import { useUiStore } from '../../store/uiStore';
import { computeLayout } from './autoLayout';
import { DEFAULT_NODE_SIZE, findFreeSpot } from './placement';
import type { FlowEdge, FlowNode } from './toFlowElements';

/** Grid step of snapping and of arrow-key moves, in flow pixels. */
export const GRID = 10;

/** Commands that need the canvas's viewport: placing, framing and laying out nodes. */
export function useCanvasCommands() {
  const rf = useReactFlow<FlowNode, FlowEdge>();
  const storeApi = useStoreApi<FlowNode, FlowEdge>();
  return useMemo(() => {
    const sizeOf = (id: string) => {
      const n = rf.getInternalNode(id);
      return { width: n?.measured.width ?? DEFAULT_NODE_SIZE.width, height: n?.measured.height ?? DEFAULT_NODE_SIZE.height };
    };
    const snap = () => (useUiStore.getState().snapToGrid ? GRID : 0);
    return {
      /** Adds a node in the middle of the visible canvas, moved aside until it overlaps nothing. */
      addNodeInView(kind: NodeKind): string | null {
        const { domNode } = storeApi.getState();
        const r = domNode?.getBoundingClientRect();
        const center = r ? rf.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 }) : { x: 0, y: 0 };
        const size = DEFAULT_NODE_SIZE;
        const taken = useScenarioStore.getState().scenario.nodes.map((n) => ({ ...n.position, ...sizeOf(n.id) }));
        const spot = findFreeSpot(taken, { x: center.x - size.width / 2, y: center.y - size.height / 2 }, size, snap());
        return addNode(kind, spot);
      },
      /** Adds a node centred where a palette item was dropped (screen coordinates). */
      addNodeAtScreen(kind: NodeKind, clientX: number, clientY: number): string | null {
        const p = rf.screenToFlowPosition({ x: clientX, y: clientY });
        const g = snap();
        const place = (v: number) => (g ? Math.round(v / g) * g : Math.round(v));
        return addNode(kind, { x: place(p.x - DEFAULT_NODE_SIZE.width / 2), y: place(p.y - DEFAULT_NODE_SIZE.height / 2) });
      },
      fitView(): void {
        void rf.fitView({ padding: 0.2, duration: 250, maxZoom: 1.25 });
      },
      /** Selects a node and brings it to the middle of the view (from the lint panel, the inspector). */
      focusNode(id: string): void {
        const n = rf.getInternalNode(id);
        useScenarioStore.getState().select([id]);
        if (!n) return;
        const { width, height } = sizeOf(id);
        void rf.setCenter(n.internals.positionAbsolute.x + width / 2, n.internals.positionAbsolute.y + height / 2, { zoom: Math.max(rf.getZoom(), 0.9), duration: 250 });
      },
      /** Lays the whole drawing out left to right with ELK, as one undoable move, then frames it. */
      async autoLayout(): Promise<void> {
        const { scenario } = useScenarioStore.getState();
        if (scenario.nodes.length === 0) return;
        const boxes = scenario.nodes.map((n) => ({ id: n.id, ...sizeOf(n.id) }));
        const origin = { x: Math.min(...scenario.nodes.map((n) => n.position.x)), y: Math.min(...scenario.nodes.map((n) => n.position.y)) };
        const positions = await computeLayout(boxes, scenario.edges, origin);
        // The document may have changed while ELK loaded: move only nodes that still exist.
        const alive = new Set(useScenarioStore.getState().scenario.nodes.map((n) => n.id));
        moveNodes([...positions].filter(([id]) => alive.has(id)).map(([id, position]) => ({ id, position })));
        requestAnimationFrame(() => void rf.fitView({ padding: 0.2, duration: 300, maxZoom: 1.25 }));
      },
    };
  }, [rf, storeApi]);
}
