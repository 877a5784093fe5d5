import type { ScenarioEdit } from '../model/edits';
import { sanitize } from '../model/hostile';
import { NAME_KEYS, nextId } from '../model/ids';
import { listReferences } from '../model/references';
import { NODE_PROPS_SCHEMAS } from '../model/schema/nodeSchemas';
import { NODE_KINDS, type Scenario, type ScenarioEdge, type ScenarioNode } from '../model/types';
import { err, ok, type Result } from '../shared/result';

/** Marks clipboard text made by evsim's copy. */
export const FRAGMENT_FORMAT = 'evsim-fragment';

/** Copied nodes and the connections between them. */
export interface Fragment {
  format: typeof FRAGMENT_FORMAT;
  nodes: ScenarioNode[];
  edges: ScenarioEdge[];
}

/** The selected nodes, with the connections whose both ends are selected (edges alone are not copied). */
export function fragmentOf(s: Scenario, ids: readonly string[]): Fragment | null {
  const chosen = new Set(ids);
  const nodes = s.nodes.filter((n) => chosen.has(n.id));
  if (nodes.length === 0) return null;
  const inside = new Set(nodes.map((n) => n.id));
  const edges = s.edges.filter((e) => inside.has(e.source) && inside.has(e.target));
  return { format: FRAGMENT_FORMAT, nodes, edges };
}

/**
 * Reads clipboard text as a fragment. The text is untrusted (another tab, another app): it is
 * sanitised (no `__proto__`, no deep nesting), and every node and edge is validated again by
 * the model when the paste is applied.
 */
export function parseFragment(text: string): Result<Fragment, string> | null {
  if (!text.includes(FRAGMENT_FORMAT)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return err('The clipboard holds a damaged evsim selection.');
  }
  const clean = sanitize(raw);
  if (!clean.ok) return err(`The clipboard holds an unsafe selection: ${clean.error[0].message}`);
  const v = clean.value as Partial<Fragment>;
  if (v.format !== FRAGMENT_FORMAT || !Array.isArray(v.nodes) || !Array.isArray(v.edges)) return err('The clipboard holds a damaged evsim selection.');
  if (!v.nodes.every((n) => typeof n === 'object' && n !== null && NODE_KINDS.includes((n as ScenarioNode).kind))) return err('The clipboard holds a node of an unknown kind.');
  return ok(v as Fragment);
}

/** A free name for a copy: "orders-copy", "orders-copy-2", keeping ".fifo" and the length limit. */
function copyName(node: ScenarioNode, newId: string, taken: Set<string>): string {
  const key = NAME_KEYS[node.kind];
  const old = String((node.props as unknown as Record<string, unknown>)[key] ?? node.id);
  const fifo = old.endsWith('.fifo') ? '.fifo' : '';
  const base = old.slice(0, old.length - fifo.length);
  // A name that is still the generated id's default ("queue-3") follows the new id.
  if (base === node.id && /-\d+$/.test(base)) return `${newId}${fifo}`;
  const max = NODE_PROPS_SCHEMAS[node.kind].properties?.[key]?.maxLength ?? 64;
  for (let n = 1; ; n++) {
    const suffix = `-copy${n > 1 ? `-${n}` : ''}${fifo}`;
    const name = `${base.slice(0, max - suffix.length)}${suffix}`;
    if (!taken.has(name)) return name;
  }
}

/**
 * One batch edit adding a copy of `f` moved by `offset`, with fresh ids and names. References
 * inside the fragment (a DLQ copied along) follow the copies; references to nodes outside it
 * stay when those nodes exist, and are dropped otherwise.
 */
export function pasteEdit(s: Scenario, f: Fragment, offset: { x: number; y: number }): { edit: ScenarioEdit; ids: string[] } {
  const work = { nodes: [...s.nodes], edges: [...s.edges] };
  const idMap = new Map<string, string>();
  const taken = new Set(s.nodes.map((n) => String((n.props as unknown as Record<string, unknown>)[NAME_KEYS[n.kind]])));
  const existing = new Set(s.nodes.map((n) => n.id));
  const newNodes: ScenarioNode[] = [];
  for (const n of f.nodes) {
    const id = nextId(work, n.kind);
    idMap.set(n.id, id);
    const name = copyName(n, id, taken);
    taken.add(name);
    const props = { ...(n.props as unknown as Record<string, unknown>), [NAME_KEYS[n.kind]]: name };
    const copy = { ...n, id, position: { x: n.position.x + offset.x, y: n.position.y + offset.y }, props } as unknown as ScenarioNode;
    work.nodes.push(copy);
    newNodes.push(copy);
  }
  const newEdges: ScenarioEdge[] = [];
  for (const e of f.edges) {
    const source = idMap.get(e.source);
    const target = idMap.get(e.target);
    if (!source || !target) continue;
    const id = nextId(work, e.kind);
    idMap.set(e.id, id);
    const copy = { ...e, id, source, target } as ScenarioEdge;
    work.edges.push(copy);
    newEdges.push(copy);
  }
  const remapped = remapReferences({ nodes: newNodes, edges: newEdges }, idMap, existing);
  const edits: ScenarioEdit[] = [
    ...remapped.nodes.map((node): ScenarioEdit => ({ type: 'addNode', node })),
    ...remapped.edges.map((e): ScenarioEdit => ({ type: 'addEdge', id: e.id, source: e.source, target: e.target, kind: e.kind, props: e.props as unknown as Record<string, unknown>, behavior: e.behavior as unknown as Record<string, unknown> | undefined })),
  ];
  return { edit: { type: 'batch', edits }, ids: [...remapped.nodes.map((n) => n.id), ...remapped.edges.map((e) => e.id)] };
}

function remapReferences(f: { nodes: ScenarioNode[]; edges: ScenarioEdge[] }, idMap: Map<string, string>, existing: Set<string>) {
  const nodes = [...f.nodes];
  const edges = [...f.edges];
  for (const ref of listReferences(f)) {
    const list = (ref.owner.type === 'node' ? nodes : edges) as Array<{ id: string; props: unknown }>;
    const i = list.findIndex((x) => x.id === ref.owner.id);
    const props = structuredClone(list[i].props) as Record<string, unknown>;
    const mapped = idMap.get(ref.target) ?? (existing.has(ref.target) ? ref.target : undefined);
    if (mapped === undefined) delete props[ref.propPath[0]];
    else setPath(props, ref.propPath, mapped);
    list[i] = { ...list[i], props };
  }
  return { nodes, edges };
}

function setPath(obj: Record<string, unknown>, path: string[], value: unknown): void {
  let at = obj;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string, unknown>;
  at[path[path.length - 1]] = value;
}
