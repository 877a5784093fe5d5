import { MarkerType, type Edge, type Node } from '@xyflow/react';
import { listReferences } from '../../model/references';
import type { Position, Scenario, ScenarioEdge, ScenarioNode } from '../../model/types';
import { edgeAriaLabel, edgeSummary, nodeAriaLabel } from './describeNode';
import { EDGE_LABELS } from './kindStyles';

/** Data carried by each React Flow node: the scenario node and how many lint findings it has. */
export type ServiceNodeData = { node: ScenarioNode; findings: number; severity: 'error' | 'warning' | null };
export type FlowNode = Node<ServiceNodeData, 'service'>;
export type FlowEdge = Edge<{ reference?: { ownerId: string } }>;

/** Prefix of the dashed edges drawn for references held in props (a target's DLQ). */
export const REFERENCE_EDGE_PREFIX = 'ref:';

/** View-only facts that shape the derived elements without being part of the document. */
export interface FlowViewState {
  selected: ReadonlySet<string>;
  /** Positions of nodes being dragged, not yet committed to the document. */
  dragging?: ReadonlyMap<string, Position>;
  /** Sizes React Flow measured, passed back so nodes are not re-measured on every edit. */
  measured?: ReadonlyMap<string, { width: number; height: number }>;
  /** Lint findings per node id. */
  findings?: ReadonlyMap<string, { count: number; severity: 'error' | 'warning' }>;
  /**
   * The previous call's nodes, reused when nothing about them changed: React Flow and the memoised
   * node component then skip them, so dragging one node in a big drawing re-renders one node.
   */
  cache?: Map<string, { source: ScenarioNode; key: string; flow: FlowNode }>;
}

/**
 * Derives React Flow's nodes and edges from the scenario. The scenario is the source of truth;
 * these arrays are recomputed, never edited in place.
 */
export function toFlowElements(scenario: Scenario, view: FlowViewState): { nodes: FlowNode[]; edges: FlowEdge[] } {
  const byId = new Map(scenario.nodes.map((n) => [n.id, n]));
  const incoming = new Map<string, ScenarioEdge[]>();
  const outgoing = new Map<string, ScenarioEdge[]>();
  for (const e of scenario.edges) {
    (incoming.get(e.target) ?? incoming.set(e.target, []).get(e.target)!).push(e);
    (outgoing.get(e.source) ?? outgoing.set(e.source, []).get(e.source)!).push(e);
  }
  const nodes: FlowNode[] = scenario.nodes.map((n) => {
    const f = view.findings?.get(n.id);
    const measured = view.measured?.get(n.id);
    const position = view.dragging?.get(n.id) ?? n.position;
    const selected = view.selected.has(n.id);
    const ariaLabel = nodeAriaLabel(n, incoming.get(n.id) ?? [], outgoing.get(n.id) ?? [], byId);
    const key = `${selected}|${position.x},${position.y}|${measured?.width}x${measured?.height}|${f?.count}${f?.severity}|${ariaLabel}`;
    const cached = view.cache?.get(n.id);
    if (cached && cached.source === n && cached.key === key) return cached.flow;
    const flow: FlowNode = {
      id: n.id,
      type: 'service',
      position,
      data: { node: n, findings: f?.count ?? 0, severity: f?.severity ?? null },
      selected,
      ariaLabel,
      ...(measured ? { measured } : {}),
    };
    view.cache?.set(n.id, { source: n, key, flow });
    return flow;
  });
  if (view.cache && view.cache.size > nodes.length) {
    const alive = new Set(scenario.nodes.map((n) => n.id));
    for (const id of view.cache.keys()) if (!alive.has(id)) view.cache.delete(id);
  }
  const edges: FlowEdge[] = scenario.edges.map((e) => ({
    id: e.id,
    type: 'labeled',
    source: e.source,
    target: e.target,
    label: edgeSummary(e) || undefined,
    className: `edge-${e.kind}`,
    selected: view.selected.has(e.id),
    markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
    style: e.kind === 'redrive' || e.kind === 'destination' ? { strokeDasharray: '6 4' } : undefined,
    ariaLabel: edgeAriaLabel(e, byId, EDGE_LABELS[e.kind]),
  }));
  for (const ref of listReferences(scenario)) {
    if (!byId.has(ref.flowFrom) || !byId.has(ref.target)) continue;
    edges.push({
      type: 'labeled',
      id: `${REFERENCE_EDGE_PREFIX}${ref.owner.id}:${ref.propPath.join('.')}`,
      source: ref.flowFrom,
      target: ref.target,
      label: ref.role === 'deadLetterQueue' ? 'DLQ' : 'on failure',
      className: 'edge-reference',
      selectable: false,
      focusable: false,
      deletable: false,
      markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14 },
      style: { strokeDasharray: '2 5' },
      data: { reference: { ownerId: ref.owner.id } },
      ariaLabel: `${ref.propPath[0]} of ${ref.owner.id}`,
    });
  }
  return { nodes, edges };
}
