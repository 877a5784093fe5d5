/**
 * The Ajv validator of the scenario schema, compiled once on first use. `useDefaults` fills
 * AWS defaults into what it validates, so callers pass a copy they own.
 *
 * Ajv is loaded on demand (`loadValidator`, awaited once at startup by the app, the CLI and the
 * test setup) so it stays out of the page's first paint: it is a third of the app's own weight.
 * Validating before it is loaded is a programming error and throws.
 */
import type AjvClass from 'ajv';
import type { ValidateFunction } from 'ajv';
import type { ScenarioError } from './errors';
import { edgeDefinitionName, nodeDefinitionName, scenarioSchema, SCENARIO_SCHEMA_ID } from './scenarioSchema';
import { ANNOTATION_KEYWORDS } from './schema/jsonSchema';
import { fromAjvErrors } from './schemaErrors';
import type { EdgeKind, NodeKind } from './types';

let Ajv: typeof AjvClass | undefined;
let ajv: AjvClass | undefined;
const compiled = new Map<string, ValidateFunction>();

/** Loads Ajv (once); every validation function below needs it. */
export async function loadValidator(): Promise<void> {
  Ajv ??= (await import('ajv')).default;
}

function instance(): AjvClass {
  if (!ajv) {
    if (!Ajv) throw new Error('The scenario validator is not loaded yet: await loadValidator() first.');
    ajv = new Ajv({ allErrors: true, useDefaults: true, discriminator: true, verbose: true, strict: true, strictTypes: false });
    ajv.addVocabulary([...ANNOTATION_KEYWORDS]);
    ajv.addSchema(scenarioSchema as object);
  }
  return ajv;
}

function validator(ref: string): ValidateFunction {
  let v = compiled.get(ref);
  if (!v) {
    const found = instance().getSchema(ref);
    if (!found) throw new Error(`No schema at ${ref}`);
    v = found;
    compiled.set(ref, v);
  }
  return v;
}

/** Validates a whole scenario (filling defaults into it); returns its schema errors. */
export function schemaErrors(doc: unknown): ScenarioError[] {
  const v = validator(SCENARIO_SCHEMA_ID);
  return v(doc) ? [] : fromAjvErrors(v.errors);
}

/** Validates one node (filling defaults into it); paths are prefixed with `base`. */
export function nodeSchemaErrors(kind: NodeKind, node: unknown, base = ''): ScenarioError[] {
  const v = validator(`${SCENARIO_SCHEMA_ID}#/definitions/${nodeDefinitionName(kind)}`);
  return v(node) ? [] : fromAjvErrors(v.errors, base);
}

/** Validates one edge (filling defaults into it); paths are prefixed with `base`. */
export function edgeSchemaErrors(kind: EdgeKind, edge: unknown, base = ''): ScenarioError[] {
  const v = validator(`${SCENARIO_SCHEMA_ID}#/definitions/${edgeDefinitionName(kind)}`);
  return v(edge) ? [] : fromAjvErrors(v.errors, base);
}

/** Validates the simulation settings (filling defaults into them); paths start with `/settings`. */
export function settingsSchemaErrors(settings: unknown): ScenarioError[] {
  const id = SCENARIO_SCHEMA_ID.replace(/scenario\.json$/, 'settings.json');
  // A wrapper: a sub-schema with a `default` can't be compiled as a root in strict mode.
  if (!instance().getSchema(id)) {
    instance().addSchema({ $id: id, type: 'object', properties: { settings: { $ref: `${SCENARIO_SCHEMA_ID}#/properties/settings` } } });
  }
  const v = validator(id);
  return v({ settings }) ? [] : fromAjvErrors(v.errors);
}
