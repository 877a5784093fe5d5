// Document commands shared by the keyboard, the toolbar and the inspector. Each builds model
// edits and sends them through the store as one undo step; none touches React Flow.
import { inferEdgeKind } from '../model/connectionRules';
import { createNode } from '../model/defaults';
import { nextId } from '../model/ids';
import type { NodeKind, Position, ScenarioNode } from '../model/types';
import { fragmentOf, pasteEdit, type Fragment } from './fragment';
import { useScenarioStore } from './scenarioStore';

const store = () => useScenarioStore.getState();

/** Adds a node of `kind` at `position` with every default, selects it, and returns its id. */
export function addNode(kind: NodeKind, position: Position): string | null {
  const id = nextId(store().scenario, kind);
  const r = store().edit({ type: 'addNode', node: createNode(kind, id, position) as ScenarioNode }, { select: [id] });
  return r.ok ? id : null;
}

/** Connects two nodes as AWS allows (the kind is inferred), selects the new connection; returns the refusal's reason, if any. */
export function connectNodes(source: string, target: string): string | null {
  const s = store().scenario;
  const sk = s.nodes.find((n) => n.id === source)?.kind;
  const tk = s.nodes.find((n) => n.id === target)?.kind;
  const kind = sk && tk ? inferEdgeKind(sk, tk) : undefined;
  // The id carries the prefix of the kind the connection gets (e-target-1, e-esm-2, ...).
  const id = nextId(s, kind ?? 'publish');
  const r = store().edit({ type: 'addEdge', id, source, target }, { select: [id] });
  return r.ok ? null : r.error;
}

/** Deletes the selected nodes (with their connections) and connections, as one undo step. */
export function deleteSelection(): boolean {
  const { scenario, selection } = store();
  if (selection.length === 0) return false;
  const nodeIds = new Set(scenario.nodes.map((n) => n.id));
  const nodes = selection.filter((id) => nodeIds.has(id));
  const edges = selection.filter((id) => !nodeIds.has(id));
  return store().edit({ type: 'batch', edits: [{ type: 'removeEdges', ids: edges }, { type: 'removeNodes', ids: nodes }] }, { select: [] }).ok;
}

/** Moves the selected nodes by (dx, dy); a run of nudges is one undo step. */
export function nudgeSelection(dx: number, dy: number): boolean {
  const { scenario, selection } = store();
  const chosen = new Set(selection);
  const moves = scenario.nodes.filter((n) => chosen.has(n.id)).map((n) => ({ id: n.id, position: { x: n.position.x + dx, y: n.position.y + dy } }));
  if (moves.length === 0) return false;
  return store().edit({ type: 'moveNodes', moves }, { coalesce: `nudge:${selection.join(',')}` }).ok;
}

/** Commits the end of a drag: the nodes' final positions, as one undo step. */
export function moveNodes(moves: Array<{ id: string; position: Position }>): void {
  if (moves.length) store().edit({ type: 'moveNodes', moves });
}

/** Selects every node and connection. */
export function selectAll(): void {
  const { scenario } = store();
  store().select([...scenario.nodes.map((n) => n.id), ...scenario.edges.map((e) => e.id)]);
}

/** The selection as a fragment for the clipboard, or null when no node is selected. */
export function copySelection(): Fragment | null {
  const { scenario, selection } = store();
  return fragmentOf(scenario, selection);
}

/** Pastes a fragment moved by `offset`, selects the copies; returns the refusal's reason, if any. */
export function pasteFragment(f: Fragment, offset: { x: number; y: number }): string | null {
  const { edit, ids } = pasteEdit(store().scenario, f, offset);
  const r = store().edit(edit, { select: ids });
  return r.ok ? null : r.error;
}

/** Duplicates the selected nodes (and the connections among them) next to the originals. */
export function duplicateSelection(): string | null {
  const f = copySelection();
  return f ? pasteFragment(f, { x: 40, y: 40 }) : null;
}
