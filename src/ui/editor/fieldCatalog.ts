/**
 * The event fields an editor can offer: every key path of some example events (the chosen
 * sample, the events producers send to the bus), with a few example values each. Lists are
 * transparent, as in event patterns. Pure.
 */

/** What is known about one field path. */
export interface FieldInfo {
  /** Child keys, in first-seen order. */
  children: string[];
  /** Up to MAX_EXAMPLES distinct leaf values seen here. */
  examples: unknown[];
  /** Seen holding an object (so a pattern nests into it). */
  object: boolean;
  /** Where the examples came from (e.g. "sample", "producer shop"). */
  sources: string[];
}

/** A catalogue of field paths, keyed by the path joined with NUL. */
export type FieldCatalog = ReadonlyMap<string, FieldInfo>;

const MAX_EXAMPLES = 5;
const MAX_FIELDS = 5000;
const MAX_DEPTH = 32;

const keyOf = (path: readonly string[]) => path.join('\u0000');

/** Builds a catalogue from labelled example events. */
export function buildFieldCatalog(examples: ReadonlyArray<{ source: string; value: unknown }>): FieldCatalog {
  const map = new Map<string, FieldInfo>();
  const info = (path: string[]): FieldInfo => {
    const k = keyOf(path);
    let f = map.get(k);
    if (!f) {
      f = { children: [], examples: [], object: false, sources: [] };
      map.set(k, f);
    }
    return f;
  };
  const walk = (v: unknown, path: string[], source: string, depth: number) => {
    if (depth > MAX_DEPTH || map.size > MAX_FIELDS) return;
    const here = info(path);
    if (!here.sources.includes(source)) here.sources.push(source);
    if (Array.isArray(v)) {
      for (const el of v.slice(0, 50)) walk(el, path, source, depth + 1);
      return;
    }
    if (v !== null && typeof v === 'object') {
      here.object = true;
      for (const [k, child] of Object.entries(v)) {
        if (!here.children.includes(k)) here.children.push(k);
        walk(child, [...path, k], source, depth + 1);
      }
      return;
    }
    if (here.examples.length < MAX_EXAMPLES && !here.examples.some((e) => e === v)) here.examples.push(v);
  };
  for (const ex of examples) walk(ex.value, [], ex.source, 0);
  return map;
}

/** The field at `path`, if seen. */
export const fieldAt = (catalog: FieldCatalog, path: readonly string[]): FieldInfo | undefined => catalog.get(keyOf(path));

/**
 * Every leaf path as `$.a.b` (for InputPathsMap values), with an example value; objects are
 * listed too, since a path may take a whole object.
 */
export function jsonPaths(catalog: FieldCatalog): Array<{ path: string; example: unknown; object: boolean }> {
  const out: Array<{ path: string; example: unknown; object: boolean }> = [];
  for (const [k, f] of catalog) {
    const steps = k === '' ? [] : k.split('\u0000');
    if (steps.some((s) => !/^[A-Za-z0-9_-]+$/.test(s))) continue;
    out.push({ path: steps.length === 0 ? '$' : `$.${steps.join('.')}`, example: f.examples[0], object: f.object });
  }
  return out;
}
