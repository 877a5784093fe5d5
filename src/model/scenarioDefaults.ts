/**
 * Defaults of a whole scenario, in context: a node's name defaults to its id, a rule target's
 * Id to the edge id, a subscription's Protocol to its subscriber's kind, and an event source
 * mapping (or pipe) fed by a stream takes the stream defaults (`x-streamDefault`).
 * `fillScenarioDefaults` and `stripScenarioDefaults` are exact inverses on valid documents, so a
 * share link can drop every default and restore still rebuilds the identical scenario.
 */
import { NAME_KEYS } from './ids';
import { scenarioSchema } from './scenarioSchema';
import { NODE_BEHAVIOR_SCHEMAS } from './schema/behaviorSchemas';
import { EDGE_BEHAVIOR_SCHEMAS, EDGE_PROPS_SCHEMAS } from './schema/edgeSchemas';
import { NODE_PROPS_SCHEMAS } from './schema/nodeSchemas';
import { fillDefaults, isPlainObject, stripDefaults, type DefaultsContext } from './schemaWalk';
import { EDGE_KINDS, NODE_KINDS, type EdgeKind, type NodeKind } from './types';

type Json = Record<string, unknown>;

const isNodeKind = (k: unknown): k is NodeKind => NODE_KINDS.includes(k as NodeKind);
const isEdgeKind = (k: unknown): k is EdgeKind => EDGE_KINDS.includes(k as EdgeKind);
const SUBSCRIBER_PROTOCOL: Partial<Record<NodeKind, string>> = { sqsQueue: 'sqs', lambdaFunction: 'lambda' };

/** The node's default name: its id, `.fifo` added for FIFO queues and topics; the bus name for default and partner buses. */
export function derivedNodeName(kind: NodeKind, id: string, props: Json): string {
  if (kind === 'sqsQueue' && props.FifoQueue === true) return `${id}.fifo`;
  if (kind === 'snsTopic' && props.FifoTopic === true) return `${id}.fifo`;
  if (kind === 'eventBus' && props.BusType === 'default') return 'default';
  if (kind === 'eventBus' && props.BusType === 'partner' && typeof props.EventSourceName === 'string') return props.EventSourceName;
  return id;
}

/** Defaults derived from the surroundings, per node. */
export function nodeContext(kind: NodeKind, id: string, props: Json, streamFed: boolean): DefaultsContext {
  return { derived: { [NAME_KEYS[kind]]: derivedNodeName(kind, id, props) }, stream: kind === 'pipe' && streamFed };
}

/** Defaults derived from the surroundings, per edge. */
export function edgeContext(kind: EdgeKind, id: string, sourceKind: NodeKind | undefined, targetKind: NodeKind | undefined): DefaultsContext {
  const derived: Json = {};
  if (kind === 'ruleTarget') derived.Id = id;
  const protocol = targetKind && SUBSCRIBER_PROTOCOL[targetKind];
  if (kind === 'subscription' && protocol) derived.Protocol = protocol;
  return { derived, stream: kind === 'eventSourceMapping' && sourceKind === 'kinesisStream' };
}

interface Surroundings {
  kindOf: Map<string, NodeKind>;
  streamFedPipes: Set<string>;
}

function surroundings(doc: Json): Surroundings {
  const kindOf = new Map<string, NodeKind>();
  for (const n of Array.isArray(doc.nodes) ? doc.nodes : []) {
    if (isPlainObject(n) && typeof n.id === 'string' && isNodeKind(n.kind)) kindOf.set(n.id, n.kind);
  }
  const streamFedPipes = new Set<string>();
  for (const e of Array.isArray(doc.edges) ? doc.edges : []) {
    if (isPlainObject(e) && e.kind === 'pipeSource' && kindOf.get(e.source as string) === 'kinesisStream') {
      streamFedPipes.add(e.target as string);
    }
  }
  return { kindOf, streamFedPipes };
}

type Visit = (schema: Parameters<typeof fillDefaults>[0], value: Json, key: 'props' | 'behavior', ctx: DefaultsContext) => void;

/** Calls `visit` for the props and behaviour of every node and edge whose kind is known. */
function eachPart(doc: Json, visit: Visit): void {
  const env = surroundings(doc);
  for (const n of Array.isArray(doc.nodes) ? doc.nodes : []) {
    if (!isPlainObject(n) || !isNodeKind(n.kind) || typeof n.id !== 'string') continue;
    const props = isPlainObject(n.props) ? n.props : {};
    visit(NODE_PROPS_SCHEMAS[n.kind], n, 'props', nodeContext(n.kind, n.id, props, env.streamFedPipes.has(n.id)));
    const behavior = NODE_BEHAVIOR_SCHEMAS[n.kind];
    if (behavior) visit(behavior, n, 'behavior', {});
  }
  for (const e of Array.isArray(doc.edges) ? doc.edges : []) {
    if (!isPlainObject(e) || !isEdgeKind(e.kind) || typeof e.id !== 'string') continue;
    const ctx = edgeContext(e.kind, e.id, env.kindOf.get(e.source as string), env.kindOf.get(e.target as string));
    visit(EDGE_PROPS_SCHEMAS[e.kind], e, 'props', ctx);
    const behavior = EDGE_BEHAVIOR_SCHEMAS[e.kind];
    if (behavior) visit(behavior, e, 'behavior', {});
  }
}

/** Fills every default of an (untrusted, plain JSON) scenario in place, before validation. */
export function fillScenarioDefaults(doc: Json): void {
  fillDefaults(scenarioSchema, doc);
  eachPart(doc, (schema, owner, key, ctx) => {
    if (owner[key] === undefined) owner[key] = {};
    fillDefaults(schema, owner[key], ctx);
  });
}

/** A copy of a scenario without the values `fillScenarioDefaults` restores identically. */
export function stripScenarioDefaults(doc: Json): Json {
  const copy = JSON.parse(JSON.stringify(doc)) as Json;
  eachPart(copy, (schema, owner, key, ctx) => {
    const stripped = stripDefaults(schema, owner[key], ctx);
    if (isPlainObject(stripped) && Object.keys(stripped).length === 0) delete owner[key];
    else owner[key] = stripped;
  });
  return stripDefaults(scenarioSchema, copy) as Json;
}
