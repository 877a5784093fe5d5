/**
 * Untrusted input to a Scenario: decode -> refuse hostile shapes -> migrate -> fill defaults ->
 * validate (schema, then semantics) -> a canonical copy. Nothing is trusted before the end, and
 * the caller's value is never modified.
 */
import { onePerPath, type ScenarioError } from './errors';
import { sanitize, textTooLarge } from './hostile';
import { parseJson } from './jsonText';
import { migrate } from './migrations';
import { fillScenarioDefaults } from './scenarioDefaults';
import { scenarioSchema } from './scenarioSchema';
import { canonicalize } from './schemaWalk';
import { semanticErrors } from './semanticChecks';
import type { Scenario } from './types';
import { schemaErrors } from './validator';
import { err, ok, type Result } from '../shared/result';

/** Every error of a document that is already plain, migrated JSON (defaults get filled in). */
export function validateDocument(doc: Record<string, unknown>): ScenarioError[] {
  fillScenarioDefaults(doc);
  const structural = schemaErrors(doc);
  // Semantic checks read a well-formed document; report structure first.
  return structural.length ? structural : semanticErrors(doc as unknown as Scenario);
}

/**
 * Restores a scenario from an untrusted value (parsed JSON, a store snapshot, a message):
 * refuses hostile shapes (nesting over 64, over 2,000 nodes, `__proto__`/`constructor`/
 * `prototype` keys, strings over 100k characters, over 5 MB), migrates old versions, fills
 * AWS defaults, and validates. Errors name the JSON path, what is wrong and what is allowed.
 */
export function restoreScenario(untrusted: unknown): Result<Scenario, ScenarioError[]> {
  const clean = sanitize(untrusted);
  if (!clean.ok) return clean;
  const migrated = migrate(clean.value);
  if (!migrated.ok) return migrated;
  const errors = validateDocument(migrated.value);
  if (errors.length) return err(onePerPath(errors));
  return ok(canonicalize(scenarioSchema, migrated.value) as Scenario);
}

/** Restores a scenario from JSON text (a file, a paste); syntax errors give line and column. */
export function parseScenarioText(text: string): Result<Scenario, ScenarioError[]> {
  const tooLarge = textTooLarge(text);
  if (tooLarge) return err([tooLarge]);
  const parsed = parseJson(text);
  return parsed.ok ? restoreScenario(parsed.value) : parsed;
}

/** Pretty JSON text of a scenario, keys in schema order: the file format of export. */
export function serializeScenario(s: Scenario): string {
  return `${JSON.stringify(canonicalize(scenarioSchema, s), null, 2)}\n`;
}
