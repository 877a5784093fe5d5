/**
 * `applyEdit`: pure, immutable (untouched nodes and edges are shared), and never produces an
 * invalid document: the touched nodes and edges are validated against the schema, then the
 * whole document against the semantic rules; a failing edit returns the reason instead.
 */
import { canConnect } from './connections';
import { createEdge } from './defaults';
import type { JsonPatch, ScenarioEdit } from './editTypes';
import { onePerPath, type ScenarioError } from './errors';
import { NAME_KEYS } from './ids';
import { EDGE_KIND_LABELS, NODE_KIND_LABELS, capitalize, withArticle } from './labels';
import { applyMergePatch } from './mergePatch';
import { clearReferences } from './references';
import { restoreScenario } from './restoreScenario';
import { cloneJson, isPlainObject } from './schemaWalk';
import { semanticErrors } from './semanticChecks';
import { NODE_KINDS, type EdgeKind, type Scenario, type ScenarioEdge, type ScenarioNode } from './types';
import { edgeSchemaErrors, nodeSchemaErrors, schemaErrors, settingsSchemaErrors } from './validator';
import { err, ok, type Result } from '../shared/result';

export type { JsonPatch, ScenarioEdit } from './editTypes';

type Outcome = Result<Scenario, ScenarioError[]>;
const fail = (message: string, path = ''): Outcome => err([{ path, message }]);

/** Validates the touched nodes/edges (filling their defaults) and then the whole document. */
function checked(next: Scenario, touchedNodes: number[], touchedEdges: number[]): Outcome {
  const nodes = touchedNodes.length ? [...next.nodes] : next.nodes;
  const edges = touchedEdges.length ? [...next.edges] : next.edges;
  for (const i of touchedNodes) {
    const copy = cloneJson(nodes[i]);
    if (!NODE_KINDS.includes(copy.kind)) return fail(`Unknown node kind "${String(copy.kind)}".`, `/nodes/${i}/kind`);
    const errors = nodeSchemaErrors(copy.kind, copy, `/nodes/${i}`);
    if (errors.length) return err(errors);
    nodes[i] = copy;
  }
  for (const i of touchedEdges) {
    const copy = cloneJson(edges[i]);
    const errors = edgeSchemaErrors(copy.kind, copy, `/edges/${i}`);
    if (errors.length) return err(errors);
    edges[i] = copy;
  }
  const result = { ...next, nodes, edges };
  const errors = semanticErrors(result);
  return errors.length ? err(errors) : ok(result);
}

const nodeIndex = (s: Scenario, id: string) => s.nodes.findIndex((n) => n.id === id);
const edgeIndex = (s: Scenario, id: string) => s.edges.findIndex((e) => e.id === id);

function replaceAt<T>(list: readonly T[], i: number, item: T): T[] {
  const copy = [...list];
  copy[i] = item;
  return copy;
}

/** Keeps names consistent when a patch flips FIFO or the bus type without naming the node. */
function fixName(node: ScenarioNode, patch: JsonPatch, props: Record<string, unknown>): void {
  const key = NAME_KEYS[node.kind];
  if (patch[key] !== undefined) return;
  const name = String(props[key]);
  const flip = node.kind === 'sqsQueue' ? patch.FifoQueue : node.kind === 'snsTopic' ? patch.FifoTopic : undefined;
  if (flip === true && !name.endsWith('.fifo')) props[key] = `${name}.fifo`;
  if (flip === false && name.endsWith('.fifo')) props[key] = name.slice(0, -5);
  if (node.kind === 'eventBus' && patch.BusType === 'default') props[key] = 'default';
  if (node.kind === 'eventBus' && patch.BusType === 'custom' && name === 'default') props[key] = node.id;
}

function updateNode(s: Scenario, id: string, part: 'props' | 'behavior', patch: JsonPatch): Outcome {
  const i = nodeIndex(s, id);
  if (i < 0) return fail(`There is no node "${id}".`);
  const node = s.nodes[i];
  if (!isPlainObject(patch)) return fail('A patch must be an object.');
  if (part === 'behavior' && node.behavior === undefined) return fail(`${capitalize(withArticle(NODE_KIND_LABELS[node.kind]))} has no simulation behaviour.`);
  const merged = applyMergePatch<Record<string, unknown>>(node[part] as unknown as Record<string, unknown>, patch);
  if (part === 'props') fixName(node, patch, merged);
  return checked({ ...s, nodes: replaceAt(s.nodes, i, { ...node, [part]: merged } as ScenarioNode) }, [i], []);
}

function updateEdge(s: Scenario, id: string, part: 'props' | 'behavior', patch: JsonPatch): Outcome {
  const i = edgeIndex(s, id);
  if (i < 0) return fail(`There is no connection "${id}".`);
  const edge = s.edges[i];
  if (!isPlainObject(patch)) return fail('A patch must be an object.');
  if (part === 'behavior' && edge.behavior === undefined) return fail(`${capitalize(withArticle(EDGE_KIND_LABELS[edge.kind]))} has no simulation behaviour.`);
  const merged = applyMergePatch(edge[part], patch);
  return checked({ ...s, edges: replaceAt(s.edges, i, { ...edge, [part]: merged } as ScenarioEdge) }, [], [i]);
}

function addEdge(s: Scenario, edit: Extract<ScenarioEdit, { type: 'addEdge' }>): Outcome {
  if (s.edges.some((e) => e.id === edit.id)) return fail(`A connection with id "${edit.id}" already exists.`);
  const answer = canConnect(s, edit.source, edit.target, edit.kind);
  if (!answer.ok) return fail(answer.reason);
  const sourceKind = s.nodes[nodeIndex(s, edit.source)].kind;
  const targetKind = s.nodes[nodeIndex(s, edit.target)].kind;
  const props = { ...edit.props };
  if (answer.kind === 'destination' && props.Condition === undefined) {
    // A function has one destination per condition: take the free one, OnFailure first.
    const used = s.edges.filter((e) => e.kind === 'destination' && e.source === edit.source).map((e) => (e.props as { Condition: string }).Condition);
    props.Condition = used.includes('OnFailure') ? 'OnSuccess' : 'OnFailure';
  }
  const edge = createEdge(answer.kind as EdgeKind, edit.id, edit.source, edit.target, { props, behavior: edit.behavior } as never, { sourceKind, targetKind });
  return checked({ ...s, edges: [...s.edges, edge] }, [], [s.edges.length]);
}

function removeNodes(s: Scenario, ids: readonly string[]): Outcome {
  const removed = new Set(ids);
  const kept = { ...s, nodes: s.nodes.filter((n) => !removed.has(n.id)), edges: s.edges.filter((e) => !removed.has(e.source) && !removed.has(e.target)) };
  return checked(clearReferences(kept, removed), [], []);
}

function moveNodes(s: Scenario, moves: Extract<ScenarioEdit, { type: 'moveNodes' }>['moves']): Outcome {
  const to = new Map(moves.map((m) => [m.id, m.position]));
  for (const [id, p] of to) {
    if (nodeIndex(s, id) < 0) return fail(`There is no node "${id}".`);
    if (![p?.x, p?.y].every((v) => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= 1e6)) return fail('A position must be two finite numbers within ±1,000,000.');
  }
  // Positions can't break any rule, so a move skips validation (it runs on every drag frame).
  return ok({ ...s, nodes: s.nodes.map((n) => (to.has(n.id) ? ({ ...n, position: { x: to.get(n.id)!.x, y: to.get(n.id)!.y } } as ScenarioNode) : n)) });
}

function whole(next: Scenario): Outcome {
  const copy = cloneJson(next);
  const errors = schemaErrors(copy);
  if (errors.length) return err(errors);
  const semantic = semanticErrors(copy);
  return semantic.length ? err(semantic) : ok(copy);
}

/** Applies an edit; errors carry the JSON path of what the edit would have broken. */
export function applyEditDetailed(s: Scenario, edit: ScenarioEdit): Outcome {
  switch (edit.type) {
    case 'addNode':
      if (s.nodes.some((n) => n.id === edit.node.id)) return fail(`A node with id "${edit.node.id}" already exists.`);
      return checked({ ...s, nodes: [...s.nodes, edit.node] }, [s.nodes.length], []);
    case 'removeNodes':
      return removeNodes(s, edit.ids);
    case 'moveNodes':
      return moveNodes(s, edit.moves);
    case 'updateNodeProps':
      return updateNode(s, edit.id, 'props', edit.patch);
    case 'updateNodeBehavior':
      return updateNode(s, edit.id, 'behavior', edit.patch);
    case 'renameNode': {
      const node = s.nodes[nodeIndex(s, edit.id)];
      return node ? updateNode(s, edit.id, 'props', { [NAME_KEYS[node.kind]]: edit.name }) : fail(`There is no node "${edit.id}".`);
    }
    case 'addEdge':
      return addEdge(s, edit);
    case 'removeEdges': {
      const ids = new Set(edit.ids);
      return ok({ ...s, edges: s.edges.filter((e) => !ids.has(e.id)) });
    }
    case 'updateEdgeProps':
      return updateEdge(s, edit.id, 'props', edit.patch);
    case 'updateEdgeBehavior':
      return updateEdge(s, edit.id, 'behavior', edit.patch);
    case 'setSettings': {
      const settings = applyMergePatch(s.settings, edit.patch);
      const errors = settingsSchemaErrors(settings);
      return errors.length ? err(errors) : ok({ ...s, settings });
    }
    case 'setInfo':
      return whole({ ...s, name: edit.name ?? s.name, description: edit.description ?? s.description });
    case 'replaceScenario':
      return restoreScenario(edit.scenario);
    case 'batch': {
      let current: Outcome = ok(s);
      for (const e of edit.edits) if (current.ok) current = applyEditDetailed(current.value, e);
      return current;
    }
  }
}

/**
 * Applies an edit to a scenario, immutably; never returns an invalid scenario. On refusal the
 * error is a sentence for the user ("VisibilityTimeout must be at most 43200 seconds (12 hours);
 * got 50000."). Use `applyEditDetailed` for the JSON paths.
 */
export function applyEdit(s: Scenario, edit: ScenarioEdit): Result<Scenario, string> {
  const r = applyEditDetailed(s, edit);
  if (r.ok) return r;
  return err(onePerPath(r.error).slice(0, 3).map((e) => e.message).join(' '));
}
