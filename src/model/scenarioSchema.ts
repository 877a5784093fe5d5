/**
 * THE scenario JSON Schema (draft-07): the single source of validation, defaults and bounds.
 * The inspector renders fields from it (title, description, default, minimum/maximum, enum,
 * `x-unit`), Monaco completes from it, `restoreScenario` validates with it (Ajv), and
 * `defaults.ts` derives new nodes and edges from it.
 *
 * Nodes and edges are discriminated on `kind`: `definitions/node_<kind>` and
 * `definitions/edge_<kind>`.
 */
import { NODE_KIND_LABELS, EDGE_KIND_LABELS, capitalize } from './labels';
import { EDGE_BEHAVIOR_SCHEMAS, EDGE_PROPS_SCHEMAS } from './schema/edgeSchemas';
import { NODE_BEHAVIOR_SCHEMAS } from './schema/behaviorSchemas';
import { NODE_PROPS_SCHEMAS } from './schema/nodeSchemas';
import { int, nodeRef, obj, str, type JsonSchema } from './schema/jsonSchema';
import { EDGE_KINDS, NODE_KINDS, SCENARIO_FORMAT, SCENARIO_VERSION, type EdgeKind, type NodeKind } from './types';

export type { JsonSchema } from './schema/jsonSchema';

/** `$id` of the scenario schema; sub-schemas are `${SCENARIO_SCHEMA_ID}#/definitions/...`. */
export const SCENARIO_SCHEMA_ID = 'https://evsim.local/schemas/scenario.json';

/** Limits on a scenario's size, shared by the schema and the hostile-input checks. */
export const LIMITS = {
  maxNodes: 2000,
  maxEdges: 10000,
  maxDepth: 64,
  maxStringLength: 100_000,
  maxTotalBytes: 5 * 1024 * 1024,
} as const;

const position: JsonSchema = obj('Canvas position in flow coordinates (pixels).', {
  x: { type: 'number', minimum: -1e6, maximum: 1e6, description: 'Left edge, pixels.' },
  y: { type: 'number', minimum: -1e6, maximum: 1e6, description: 'Top edge, pixels.' },
}, { def: false });

const idSchema = (what: string): JsonSchema =>
  str(`${what} id, unique in the scenario: 1-64 letters, digits, hyphens or underscores.`, {
    min: 1, max: 64, pattern: '^[A-Za-z0-9_-]+$', hint: '1-64 letters, digits, hyphens or underscores',
  });

function nodeDefinition(kind: NodeKind): JsonSchema {
  const behavior = NODE_BEHAVIOR_SCHEMAS[kind];
  const props = NODE_PROPS_SCHEMAS[kind];
  return {
    type: 'object',
    title: capitalize(NODE_KIND_LABELS[kind]),
    description: props.description,
    required: ['id', 'kind', 'position', 'props', ...(behavior ? ['behavior'] : [])],
    additionalProperties: false,
    properties: {
      id: idSchema('Node'),
      kind: { const: kind, description: 'Node kind.' },
      position,
      props,
      ...(behavior ? { behavior } : {}),
    },
  };
}

function edgeDefinition(kind: EdgeKind): JsonSchema {
  const behavior = EDGE_BEHAVIOR_SCHEMAS[kind];
  const props = EDGE_PROPS_SCHEMAS[kind];
  return {
    type: 'object',
    title: capitalize(EDGE_KIND_LABELS[kind]),
    description: props.description,
    required: ['id', 'kind', 'source', 'target', 'props', ...(behavior ? ['behavior'] : [])],
    additionalProperties: false,
    properties: {
      id: idSchema('Edge'),
      kind: { const: kind, description: 'Edge kind.' },
      source: nodeRef('Id of the node the edge starts at.'),
      target: nodeRef('Id of the node the edge ends at.'),
      props,
      ...(behavior ? { behavior } : {}),
    },
  };
}

/** Name of the definition of a node kind. */
export const nodeDefinitionName = (kind: NodeKind): string => `node_${kind}`;
/** Name of the definition of an edge kind. */
export const edgeDefinitionName = (kind: EdgeKind): string => `edge_${kind}`;

const definitions: Record<string, JsonSchema> = {};
for (const k of NODE_KINDS) definitions[nodeDefinitionName(k)] = nodeDefinition(k);
for (const k of EDGE_KINDS) definitions[edgeDefinitionName(k)] = edgeDefinition(k);

const discriminated = (kinds: readonly string[], name: (k: never) => string, what: string): JsonSchema => ({
  type: 'object',
  required: ['kind'],
  properties: { kind: { type: 'string', enum: kinds, description: `The ${what} kind.` } },
  discriminator: { propertyName: 'kind' },
  oneOf: kinds.map((k) => ({ $ref: `#/definitions/${name(k as never)}` })),
  description: `One ${what}; its kind decides its properties.`,
});

/** The scenario JSON Schema. Treat as read-only. */
export const scenarioSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: SCENARIO_SCHEMA_ID,
  title: 'evsim scenario',
  description: 'An event-driven architecture on AWS, with simulation settings, for evsim.',
  type: 'object',
  required: ['format', 'version', 'name', 'description', 'settings', 'nodes', 'edges'],
  additionalProperties: false,
  properties: {
    format: { const: SCENARIO_FORMAT, description: 'Marks an evsim scenario file.' },
    version: { const: SCENARIO_VERSION, description: 'Format version; older versions are migrated on load.' },
    name: str('Scenario title.', { def: 'Untitled scenario', max: 200 }),
    description: str('What the scenario shows.', { def: '', max: 10000 }),
    settings: obj('Simulation settings (simulator-only).', {
      seed: int(0, 4294967295, 1, undefined, 'Seed of every random stream: same seed, same run.'),
      durationMs: int(1000, 2592000000, 3600000, 'milliseconds', 'Default run length in simulated time (1 second to 30 days).'),
      accountConcurrency: int(1, 100000, 1000, undefined, 'Simulated account-level Lambda concurrency (AWS default 1000).'),
      eventBudget: int(1000, 100000000, 1000000, undefined, 'Stop a run after this many engine events, so loops end.'),
    }, { 'x-simulator': true }),
    nodes: {
      type: 'array',
      maxItems: LIMITS.maxNodes,
      default: [],
      items: discriminated(NODE_KINDS, nodeDefinitionName, 'node'),
      description: `The resources, at most ${LIMITS.maxNodes}.`,
    },
    edges: {
      type: 'array',
      maxItems: LIMITS.maxEdges,
      default: [],
      items: discriminated(EDGE_KINDS, edgeDefinitionName, 'connection'),
      description: 'The connections between resources.',
    },
  },
  definitions,
};
