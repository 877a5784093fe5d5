import { MarkerType, type Edge, type Node } from '@xyflow/react';
import type { Scenario, ScenarioNode } from '../../model/types';
import { edgeSummary } from './describeNode';

/** Data carried by each React Flow node: the scenario node itself. */
export type ServiceNodeData = { node: ScenarioNode };
export type FlowNode = Node<ServiceNodeData, 'service'>;

/**
 * Derives React Flow's nodes and edges from the scenario. The scenario is the source of truth;
 * these arrays are recomputed, never edited in place.
 */
export function toFlowElements(scenario: Scenario, selected: ReadonlySet<string> = new Set()): { nodes: FlowNode[]; edges: Edge[] } {
  const nodes: FlowNode[] = scenario.nodes.map((n) => ({
    id: n.id,
    type: 'service',
    position: n.position,
    data: { node: n },
    selected: selected.has(n.id),
  }));
  const edges: Edge[] = scenario.edges.map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
    label: edgeSummary(e) || undefined,
    className: `edge-${e.kind}`,
    selected: selected.has(e.id),
    animated: false,
    markerEnd: { type: MarkerType.ArrowClosed },
    style: e.kind === 'redrive' || e.kind === 'destination' ? { strokeDasharray: '6 4' } : undefined,
    ariaLabel: `${e.kind} from ${e.source} to ${e.target}`,
  }));
  return { nodes, edges };
}
