/**
 * Generic walks over a value guided by the scenario schema: fill in defaults, strip values
 * equal to their default (share links), and order keys as the schema lists them (stable JSON).
 * All work on plain JSON values only and ignore shapes they do not understand: validation is
 * Ajv's job, these only run before (fill) or after (strip, canonicalize) it.
 */
import { scenarioSchema, type JsonSchema } from './scenarioSchema';

/** Context of one walk. */
export interface DefaultsContext {
  /** The value is (the props of) something fed by a Kinesis/DynamoDB stream: `x-streamDefault` wins. */
  stream?: boolean;
  /** Defaults derived from the surroundings (a name from the node id), for the top-level keys only. */
  derived?: Record<string, unknown>;
}

/** A plain JSON object (not an array, not null). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Structural equality of JSON values. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}

/** A deep copy of a JSON value. */
export function cloneJson<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** Follows a local `$ref` into the scenario schema's definitions. */
export function resolveRef(s: JsonSchema): JsonSchema {
  if (!s.$ref) return s;
  const name = s.$ref.replace('#/definitions/', '');
  return scenarioSchema.definitions?.[name] ?? s;
}

/** The branch of a discriminated `oneOf` that a value's `kind` selects. */
export function branchFor(s: JsonSchema, value: unknown): JsonSchema | undefined {
  if (!s.oneOf || !s.discriminator || !isPlainObject(value)) return undefined;
  const tag = value[s.discriminator.propertyName];
  return s.oneOf.map(resolveRef).find((b) => b.properties?.[s.discriminator!.propertyName]?.const === tag);
}

/** The default of a property in a context: derived, else stream default, else `default`. */
function effectiveDefault(key: string, s: JsonSchema, ctx: DefaultsContext): unknown {
  if (ctx.derived && Object.hasOwn(ctx.derived, key)) return ctx.derived[key];
  if (ctx.stream && s['x-streamDefault'] !== undefined) return s['x-streamDefault'];
  return s.default;
}

const childContext = (ctx: DefaultsContext): DefaultsContext => ({ stream: ctx.stream });

/** Fills missing properties of `value` (in place) with their defaults, recursively. */
export function fillDefaults(schema: JsonSchema, value: unknown, ctx: DefaultsContext = {}): void {
  if (Array.isArray(value) && schema.items && !schema.items.oneOf) {
    for (const item of value) fillDefaults(schema.items, item, childContext(ctx));
    return;
  }
  if (!isPlainObject(value) || !schema.properties) return;
  for (const [key, child] of Object.entries(schema.properties)) {
    const def = effectiveDefault(key, child, ctx);
    if (value[key] === undefined && def !== undefined) value[key] = cloneJson(def);
    if (value[key] !== undefined) fillDefaults(child, value[key], childContext(ctx));
  }
}

/** The defaults of an object schema, fully built (what `fillDefaults` gives for `{}`). */
export function materializeDefaults(schema: JsonSchema, ctx: DefaultsContext = {}): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  fillDefaults(schema, value, ctx);
  return value;
}

/** A copy of `value` without the properties that `fillDefaults` would restore identically. */
export function stripDefaults(schema: JsonSchema, value: unknown, ctx: DefaultsContext = {}): unknown {
  if (Array.isArray(value) && schema.items && !schema.items.oneOf) {
    return value.map((item) => stripDefaults(schema.items!, item, childContext(ctx)));
  }
  if (!isPlainObject(value) || !schema.properties) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const child = schema.properties[key];
    if (!child) {
      out[key] = v;
      continue;
    }
    const def = effectiveDefault(key, child, ctx);
    if (def !== undefined && jsonEqual(v, def)) continue;
    const stripped = stripDefaults(child, v, childContext(ctx));
    // An object whose default is {} comes back from its children's defaults alone.
    if (isPlainObject(stripped) && Object.keys(stripped).length === 0 && jsonEqual(def, {})) continue;
    out[key] = stripped;
  }
  return out;
}

/** A copy of `value` with object keys in the schema's order (unknown keys last), for stable JSON. */
export function canonicalize(schema: JsonSchema, value: unknown): unknown {
  const s = resolveRef(schema);
  if (Array.isArray(value)) {
    if (!s.items) return value;
    return value.map((item) => canonicalize(branchFor(s.items!, item) ?? s.items!, item));
  }
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  const props = s.properties ?? {};
  const extra = isPlainObject(s.additionalProperties) ? s.additionalProperties : undefined;
  for (const key of Object.keys(props)) if (value[key] !== undefined) out[key] = canonicalize(props[key], value[key]);
  for (const key of Object.keys(value)) {
    if (Object.hasOwn(props, key)) continue;
    out[key] = extra ? canonicalize(extra, value[key]) : value[key];
  }
  return out;
}
