import { useCallback, useMemo, useRef, useState } from 'react';
import type { EdgeChange, NodeChange, OnNodeDrag } from '@xyflow/react';
import type { Position, ScenarioNode } from '../../model/types';
import { moveNodes } from '../../store/commands';
import { useScenarioStore } from '../../store/scenarioStore';
import { useLint } from '../hooks/useLint';
import { REFERENCE_EDGE_PREFIX, toFlowElements, type FlowEdge, type FlowNode } from './toFlowElements';

type Size = { width: number; height: number };

/**
 * React Flow's nodes and edges, derived from the scenario, and the handlers that turn React
 * Flow's changes back into store actions. Only view facts live here: measured sizes, and
 * positions while a drag is in progress (committed as one edit when the drag ends).
 */
export function useFlowView() {
  const scenario = useScenarioStore((s) => s.scenario);
  const selection = useScenarioStore((s) => s.selection);
  const findings = useLint();
  const [measured, setMeasured] = useState<ReadonlyMap<string, Size>>(new Map());
  const [dragging, setDragging] = useState<ReadonlyMap<string, Position>>(new Map());
  // Reuses unchanged node objects between renders (see FlowViewState.cache).
  const cache = useRef(new Map<string, { source: ScenarioNode; key: string; flow: FlowNode }>());

  const findingsByNode = useMemo(() => {
    const m = new Map<string, { count: number; severity: 'error' | 'warning' }>();
    for (const f of findings ?? []) {
      if (!f.nodeId) continue;
      const prev = m.get(f.nodeId);
      m.set(f.nodeId, { count: (prev?.count ?? 0) + 1, severity: prev?.severity === 'error' || f.severity === 'error' ? 'error' : 'warning' });
    }
    return m;
  }, [findings]);

  const { nodes, edges } = useMemo(
    () => toFlowElements(scenario, { selected: new Set(selection), dragging, measured, findings: findingsByNode, cache: cache.current }),
    [scenario, selection, dragging, measured, findingsByNode],
  );

  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    let sizes: Map<string, Size> | null = null;
    let moved: Map<string, Position> | null = null;
    for (const c of changes) {
      if (c.type === 'dimensions' && c.dimensions) {
        sizes ??= new Map();
        sizes.set(c.id, c.dimensions);
      } else if (c.type === 'position' && c.dragging && c.position) {
        moved ??= new Map();
        moved.set(c.id, c.position);
      }
    }
    if (sizes) setMeasured((prev) => new Map([...prev, ...sizes!]));
    if (moved) setDragging((prev) => new Map([...prev, ...moved!]));
    applySelectChanges(changes);
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange<FlowEdge>[]) => applySelectChanges(changes), []);

  // The drag's final positions become one undoable move.
  const onNodeDragStop: OnNodeDrag<FlowNode> = useCallback((_e, _node, dragged) => {
    moveNodes(dragged.map((n) => ({ id: n.id, position: { x: Math.round(n.position.x), y: Math.round(n.position.y) } })));
    setDragging(new Map());
  }, []);

  return { nodes, edges, onNodesChange, onEdgesChange, onNodeDragStop };
}

/** Applies React Flow's select/unselect changes to the store's selection. */
function applySelectChanges(changes: ReadonlyArray<NodeChange<FlowNode> | EdgeChange<FlowEdge>>): void {
  const picks = changes.filter((c): c is Extract<typeof c, { type: 'select' }> => c.type === 'select');
  if (picks.length === 0) return;
  const store = useScenarioStore.getState();
  const next = new Set(store.selection);
  for (const c of picks) {
    if (c.id.startsWith(REFERENCE_EDGE_PREFIX)) continue;
    if (c.selected) next.add(c.id);
    else next.delete(c.id);
  }
  store.select([...next]);
}
