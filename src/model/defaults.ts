/**
 * Fully populated, valid new nodes, edges and scenarios, built from the schema's defaults
 * (no default is repeated here).
 */
import { applyMergePatch, type MergePatch } from './mergePatch';
import { edgeContext, nodeContext } from './scenarioDefaults';
import { scenarioSchema } from './scenarioSchema';
import { NODE_BEHAVIOR_SCHEMAS } from './schema/behaviorSchemas';
import { EDGE_BEHAVIOR_SCHEMAS, EDGE_PROPS_SCHEMAS } from './schema/edgeSchemas';
import { NODE_PROPS_SCHEMAS } from './schema/nodeSchemas';
import { fillDefaults, materializeDefaults } from './schemaWalk';
import {
  SCENARIO_FORMAT,
  SCENARIO_VERSION,
  type EdgeBehaviorMap,
  type EdgeKind,
  type EdgeKindMap,
  type EdgeOf,
  type NodeId,
  type NodeKind,
  type NodeKindMap,
  type NodeOf,
  type Position,
  type Scenario,
  type SimulationSettings,
} from './types';

/** Overrides of a new node: merge patches of its props and behaviour. */
export interface NodeOverrides<K extends NodeKind> {
  props?: MergePatch<NodeKindMap[K]['props']>;
  behavior?: MergePatch<NonNullable<NodeKindMap[K]['behavior']>>;
}

/** Overrides of a new edge: merge patches of its props and behaviour. */
export interface EdgeOverrides<K extends EdgeKind> {
  props?: MergePatch<EdgeKindMap[K]>;
  behavior?: MergePatch<NonNullable<EdgeBehaviorMap[K]['behavior']>>;
}

/** The kinds of an edge's ends, when known: they pick context defaults (stream ESM, protocol). */
export interface EdgeEnds {
  sourceKind?: NodeKind;
  targetKind?: NodeKind;
}

type Json = Record<string, unknown>;

/** NodeOf<K>, distributed over a union K (so a union kind gives a ScenarioNode). */
export type NodeOfKind<K extends NodeKind> = K extends NodeKind ? NodeOf<K> : never;
/** EdgeOf<K>, distributed over a union K (so a union kind gives a ScenarioEdge). */
export type EdgeOfKind<K extends EdgeKind> = K extends EdgeKind ? EdgeOf<K> : never;

/**
 * A new node of `kind` with every default; its name defaults to `id` (`id.fifo` for FIFO
 * queues and topics). `overrides` are merged over the defaults. A pipe gets SQS-source
 * defaults (use `addEdge` to attach a stream).
 */
export function createNode<K extends NodeKind>(kind: K, id: NodeId, position: Position, overrides: NodeOverrides<K> = {}): NodeOfKind<K> {
  const props = applyMergePatch<Json>({}, overrides.props ?? {});
  fillDefaults(NODE_PROPS_SCHEMAS[kind], props, nodeContext(kind, id, props, false));
  const node: Json = { id, kind, position: { x: position.x, y: position.y }, props };
  const behaviorSchema = NODE_BEHAVIOR_SCHEMAS[kind];
  if (behaviorSchema) {
    const behavior = applyMergePatch<Json>({}, overrides.behavior ?? {});
    fillDefaults(behaviorSchema, behavior);
    node.behavior = behavior;
  }
  return node as unknown as NodeOfKind<K>;
}

/**
 * A new edge of `kind` from `source` to `target` with every default. A rule target's Id
 * defaults to `id`; `ends` (the kinds of the two nodes) picks the subscription Protocol and
 * the stream defaults of an event source mapping. Does not check the connection: see
 * `canConnect`.
 */
export function createEdge<K extends EdgeKind>(
  kind: K,
  id: string,
  source: NodeId,
  target: NodeId,
  overrides: EdgeOverrides<K> = {},
  ends: EdgeEnds = {},
): EdgeOfKind<K> {
  const props = applyMergePatch<Json>({}, overrides.props ?? {});
  fillDefaults(EDGE_PROPS_SCHEMAS[kind], props, edgeContext(kind, id, ends.sourceKind, ends.targetKind));
  const edge: Json = { id, kind, source, target, props };
  const behaviorSchema = EDGE_BEHAVIOR_SCHEMAS[kind];
  if (behaviorSchema) {
    const behavior = applyMergePatch<Json>({}, overrides.behavior ?? {});
    fillDefaults(behaviorSchema, behavior);
    edge.behavior = behavior;
  }
  return edge as unknown as EdgeOfKind<K>;
}

/** The default simulation settings. */
export function defaultSettings(): SimulationSettings {
  return materializeDefaults(scenarioSchema.properties!.settings) as unknown as SimulationSettings;
}

/** A valid scenario with no nodes. */
export function emptyScenario(): Scenario {
  const doc = materializeDefaults(scenarioSchema);
  return { format: SCENARIO_FORMAT, version: SCENARIO_VERSION, ...doc } as unknown as Scenario;
}
