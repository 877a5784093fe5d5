/**
 * The scenario model: the document's types, its JSON Schema, defaults, restore (untrusted ->
 * Scenario), connection rules, pure edits, lint and share links. Imports only `src/shared`.
 */

/** Document types (nodes, edges, props, behaviour, settings) and kind lists. */
export * from './types';
/** The JSON Schema: single source of validation, defaults, bounds and field docs. */
export { scenarioSchema, SCENARIO_SCHEMA_ID, LIMITS, nodeDefinitionName, edgeDefinitionName, type JsonSchema } from './scenarioSchema';
export type { Unit } from './schema/jsonSchema';
/** The schema's parts per kind (what the inspector renders for a node or an edge). */
export { NODE_PROPS_SCHEMAS } from './schema/nodeSchemas';
export { NODE_BEHAVIOR_SCHEMAS, DELIVERY_BEHAVIOR_SCHEMA } from './schema/behaviorSchemas';
export { EDGE_PROPS_SCHEMAS, EDGE_BEHAVIOR_SCHEMAS } from './schema/edgeSchemas';
/** Schema-guided walks: defaults, stripping, key order; JSON helpers. */
export { materializeDefaults, fillDefaults, stripDefaults, canonicalize, isPlainObject, jsonEqual, cloneJson } from './schemaWalk';
/** Numbers with units in words ("43200 seconds (12 hours)"). */
export { quantity } from './quantities';
/** JSON text with positions of syntax errors. */
export { parseJson, findJsonSyntaxError, type JsonSyntaxError } from './jsonText';
/** The hostile-input gate that restore runs first. */
export { sanitize, FORBIDDEN_KEYS } from './hostile';
/** New nodes, edges and scenarios from the schema's defaults. */
export {
  createNode,
  createEdge,
  emptyScenario,
  defaultSettings,
  type NodeOverrides,
  type EdgeOverrides,
  type EdgeEnds,
  type NodeOfKind,
  type EdgeOfKind,
} from './defaults';
/** Loads the schema validator (Ajv, kept out of the first paint); await it before restoring. */
export { loadValidator } from './validator';
/** Untrusted input (object, JSON text) to a valid Scenario, and back to a file. */
export { restoreScenario, parseScenarioText, serializeScenario, validateDocument } from './restoreScenario';
/** Errors with a JSON path, what is wrong and what is allowed. */
export { formatScenarioError, pointer, type ScenarioError } from './errors';
/** Version migrations (a table version -> step). */
export { migrate, MIGRATIONS, type Migration } from './migrations';
/** Which connections AWS allows. */
export { canConnect, validateRuleDlq, isFifo, type ConnectAnswer } from './connections';
export { semanticErrors } from './semanticChecks';
export { EDGE_ENDPOINTS, inferEdgeKind } from './connectionRules';
/** References held in props (DLQs, destinations). */
export { listReferences, type PropReference } from './references';
/** Edits as data, applied purely. */
export { applyEdit, applyEditDetailed, type ScenarioEdit, type JsonPatch } from './edits';
export { applyMergePatch, type MergePatch } from './mergePatch';
/** Names and ids. */
export { nodeDisplayName, nextId, NAME_KEYS } from './ids';
export { NODE_KIND_LABELS, EDGE_KIND_LABELS, capitalize, withArticle } from './labels';
/** Risky settings AWS warns about. */
export { lintScenario, type LintFinding, type LintCode } from './lint';
/** Scenario <-> URL hash. */
export {
  encodeShareLink,
  decodeShareLink,
  minimiseScenario,
  SHARE_LINK_PREFIX,
  MAX_SHARE_LINK_CHARS,
  SHARE_LINK_WARN_CHARS,
} from './shareLink';
/** Built-in examples: the index file's shape. */
export type { ExampleIndex, ExampleEntry } from './examples';
