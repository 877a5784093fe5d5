/**
 * Old scenario versions to the current one: a table version -> function that lifts a document
 * by one version. `migrate` checks the format marker and version, then runs the steps in order.
 *
 * To change the format: bump SCENARIO_VERSION in types.ts, add `MIGRATIONS[old] = (doc) => ...`
 * that returns the new shape (it runs on untrusted JSON before validation: check shapes, never
 * throw), and add a test that an old document restores to the expected new one.
 */
import { scenarioError, type ScenarioError } from './errors';
import { NODE_BEHAVIOR_SCHEMAS } from './schema/behaviorSchemas';
import { isPlainObject } from './schemaWalk';
import { SCENARIO_FORMAT, SCENARIO_VERSION, type NodeKind } from './types';
import { err, ok, type Result } from '../shared/result';

type Json = Record<string, unknown>;
/** Lifts a document from version n to n + 1. */
export type Migration = (doc: Json) => Json;

/**
 * Version 0 is the draft shape evsim used before the props/behaviour split (kept as the worked
 * example of a migration): `{ format, version: 0, title, seed, durationMs, nodes: [{ id, kind,
 * x, y, config }], connections: [{ id, kind, from, to, config }] }`, where a node's `config`
 * mixed AWS properties and simulation behaviour.
 */
function v0ToV1(doc: Json): Json {
  const splitConfig = (kind: unknown, config: unknown): Json => {
    const behaviorKeys = Object.keys(NODE_BEHAVIOR_SCHEMAS[kind as NodeKind]?.properties ?? {});
    const props: Json = {};
    const behavior: Json = {};
    for (const [k, v] of Object.entries(isPlainObject(config) ? config : {})) (behaviorKeys.includes(k) ? behavior : props)[k] = v;
    return behaviorKeys.length ? { props, behavior } : { props };
  };
  const nodes = Array.isArray(doc.nodes)
    ? doc.nodes.map((n) => (isPlainObject(n) ? { id: n.id, kind: n.kind, position: { x: n.x, y: n.y }, ...splitConfig(n.kind, n.config) } : n))
    : doc.nodes;
  const edges = Array.isArray(doc.connections)
    ? doc.connections.map((c) => (isPlainObject(c) ? { id: c.id, kind: c.kind, source: c.from, target: c.to, props: c.config ?? {} } : c))
    : [];
  const settings: Json = {};
  if (doc.seed !== undefined) settings.seed = doc.seed;
  if (doc.durationMs !== undefined) settings.durationMs = doc.durationMs;
  const out: Json = { format: doc.format, version: 1, settings, nodes, edges };
  if (doc.title !== undefined) out.name = doc.title;
  return out;
}

/** Migration steps: MIGRATIONS[n] turns version n into version n + 1. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = { 0: v0ToV1 };

const OLDEST = Math.min(...Object.keys(MIGRATIONS).map(Number), SCENARIO_VERSION);

/** Checks the format marker and version, and lifts an older document to the current version. */
export function migrate(doc: unknown): Result<Json, ScenarioError[]> {
  if (!isPlainObject(doc)) {
    return err([scenarioError('', `A scenario must be a JSON object; got ${Array.isArray(doc) ? 'a list' : JSON.stringify(doc)}.`, 'a scenario file exported by evsim')]);
  }
  if (doc.format !== SCENARIO_FORMAT) {
    const got = doc.format === undefined ? 'it has no "format"' : `"format" is ${JSON.stringify(doc.format)}`;
    return err([scenarioError('/format', `This is not an evsim scenario: ${got}.`, `"format": "${SCENARIO_FORMAT}"`)]);
  }
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return err([scenarioError('/version', `The format version must be a whole number; got ${JSON.stringify(version) ?? 'nothing'}.`, `a version from ${OLDEST} to ${SCENARIO_VERSION}`)]);
  }
  if (version > SCENARIO_VERSION) {
    return err([scenarioError('/version', `This scenario was made by a newer evsim (format version ${version}); this evsim reads versions up to ${SCENARIO_VERSION}.`, 'open it in a newer evsim')]);
  }
  if (version < OLDEST) {
    return err([scenarioError('/version', `Format version ${version} is too old to read.`, `a version from ${OLDEST} to ${SCENARIO_VERSION}`)]);
  }
  let current: Json = doc;
  for (let v = version; v < SCENARIO_VERSION; v++) current = { ...MIGRATIONS[v](current), version: v + 1 };
  return ok(current);
}
