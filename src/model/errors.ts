/** Errors of restoring or validating a scenario: one per offending JSON path. */

/** One problem in a scenario document, readable by a person. */
export interface ScenarioError {
  /** JSON pointer of the offending value, e.g. `/nodes/3/props/VisibilityTimeout`; `` = the whole document. */
  path: string;
  /** What is wrong, e.g. "VisibilityTimeout must be at most 43200 seconds (12 hours); got 50000". */
  message: string;
  /** What is allowed, or how to fix it. */
  allowed?: string;
}

/** Builds a ScenarioError (leaving out an undefined `allowed`). */
export function scenarioError(path: string, message: string, allowed?: string): ScenarioError {
  return allowed === undefined ? { path, message } : { path, message, allowed };
}

/** Appends a key to a JSON pointer, escaping `~` and `/` (RFC 6901). */
export function pointer(base: string, ...keys: Array<string | number>): string {
  return keys.reduce<string>((p, k) => `${p}/${String(k).replace(/~/g, '~0').replace(/\//g, '~1')}`, base);
}

/** Keeps the first error per path, in order. */
export function onePerPath(errors: ScenarioError[]): ScenarioError[] {
  const seen = new Set<string>();
  return errors.filter((e) => !seen.has(e.path) && seen.add(e.path));
}

/** One line for a message box: "path: message (allowed)". */
export function formatScenarioError(e: ScenarioError): string {
  const where = e.path === '' ? 'document' : e.path;
  return `${where}: ${e.message}${e.allowed ? ` Allowed: ${e.allowed}` : ''}`;
}
