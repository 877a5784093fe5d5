/**
 * Ajv errors in words. Each becomes a ScenarioError naming the property, what is wrong, the
 * value found, and (in `allowed`) what the schema accepts, bounds and units included.
 */
import type { ErrorObject } from 'ajv';
import { onePerPath, pointer, scenarioError, type ScenarioError } from './errors';
import { quantity } from './quantities';
import type { JsonSchema } from './schema/jsonSchema';
import { EDGE_KINDS, NODE_KINDS } from './types';

/** "VisibilityTimeout", "latency.meanMs", "nodes[3]": the property a path names, for messages. */
export function labelOf(path: string): string {
  const parts = path.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const anchor = Math.max(parts.lastIndexOf('props'), parts.lastIndexOf('behavior'), parts.lastIndexOf('settings'), parts.lastIndexOf('position'));
  let tail: string[];
  if (anchor >= 0 && anchor < parts.length - 1) tail = parts.slice(anchor + 1);
  else if (parts.length >= 2 && /^\d+$/.test(parts[parts.length - 1])) tail = parts.slice(-2);
  else tail = parts.slice(-1);
  return tail.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '') || 'The document';
}

/** A short rendering of a found value. */
export function shown(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (typeof v === 'object' && v !== null) return 'an object';
  const text = JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** What a schema accepts, in words: "an integer from 0 to 43200 seconds (12 hours)". */
export function allowedBy(s: JsonSchema | undefined): string | undefined {
  if (!s) return undefined;
  if (s.enum) return `one of ${s.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  if (s.const !== undefined) return JSON.stringify(s.const);
  const unit = s['x-unit'];
  switch (s.type) {
    case 'integer':
    case 'number': {
      const what = s.type === 'integer' ? 'a whole number' : 'a number';
      if (s.minimum !== undefined && s.maximum !== undefined) return `${what} from ${s.minimum} to ${quantity(s.maximum, unit)}`;
      return what;
    }
    case 'string':
      if (s['x-hint']) return s['x-hint'];
      return s.minLength ? `text of ${s.minLength} to ${s.maxLength} characters` : `text of at most ${s.maxLength} characters`;
    case 'boolean':
      return 'true or false';
    case 'array':
      return s.maxItems !== undefined ? `a list of at most ${s.maxItems} entries` : 'a list';
    case 'object':
      return s.properties ? `an object with ${Object.keys(s.properties).join(', ')}` : 'an object';
    default:
      return undefined;
  }
}

const TYPE_WORDS: Record<string, string> = {
  integer: 'a whole number',
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
};

const KIND_PATH = /^\/(nodes|edges)\/\d+\/kind$/;

function one(e: ErrorObject): ScenarioError {
  const s = e.parentSchema as JsonSchema | undefined;
  const p = e.params as Record<string, unknown>;
  const path = e.instancePath;
  const label = labelOf(path);
  const unit = s?.['x-unit'];
  switch (e.keyword) {
    case 'required': {
      const key = String(p.missingProperty);
      const child = s?.properties?.[key];
      return scenarioError(pointer(path, key), `${labelOf(pointer(path, key))} is missing.`, allowedBy(child));
    }
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const known = Object.keys(s?.properties ?? {});
      return scenarioError(pointer(path, key), `Unknown property "${key}".`, known.length ? `the properties here are ${known.join(', ')}` : 'no properties here');
    }
    case 'discriminator': {
      const isNode = /^\/nodes\//.test(path);
      const kinds = (isNode ? NODE_KINDS : EDGE_KINDS).join(', ');
      const what = isNode ? 'node' : 'connection';
      const msg = p.error === 'mapping' ? `Unknown ${what} kind ${shown(p.tagValue)}.` : `The ${what} kind is missing or not text.`;
      return scenarioError(pointer(path, 'kind'), msg, `one of ${kinds}`);
    }
    case 'type':
      return scenarioError(path, `${label} must be ${TYPE_WORDS[String(p.type)] ?? p.type}; got ${shown(e.data)}.`, allowedBy(s));
    case 'enum':
    case 'const':
      return scenarioError(path, `${label} must be ${allowedBy(s)}; got ${shown(e.data)}.`, allowedBy(s));
    case 'minimum':
    case 'maximum': {
      const bound = e.keyword === 'minimum' ? 'at least' : 'at most';
      return scenarioError(path, `${label} must be ${bound} ${quantity(Number(p.limit), unit)}; got ${shown(e.data)}.`, allowedBy(s));
    }
    case 'maxLength':
      return scenarioError(path, `${label} is too long: at most ${p.limit} characters; got ${String(e.data).length}.`, allowedBy(s));
    case 'minLength':
      return scenarioError(path, `${label} must not be empty.`, allowedBy(s));
    case 'pattern':
      return scenarioError(path, `${label} has a form that is not allowed; got ${shown(e.data)}.`, allowedBy(s));
    case 'maxItems':
      return scenarioError(path, `${label} has too many entries: at most ${p.limit}; got ${(e.data as unknown[]).length}.`, allowedBy(s));
    case 'uniqueItems':
      return scenarioError(path, `${label} lists the same value twice.`, 'each value once');
    case 'maxProperties':
      return scenarioError(path, `${label} has too many entries: at most ${p.limit}.`, allowedBy(s));
    case 'propertyNames':
      return scenarioError(pointer(path, String(p.propertyName)), `The name "${p.propertyName}" is not allowed in ${label}.`, 'names of letters, digits, hyphens or underscores');
    default:
      return scenarioError(path, `${label} ${e.message ?? 'is not valid'}.`);
  }
}

/** Ajv errors as ScenarioErrors, one per path, paths prefixed with `base`. */
export function fromAjvErrors(errors: readonly ErrorObject[] | null | undefined, base = ''): ScenarioError[] {
  // `propertyNames` reports twice (the name's own error, then propertyNames): keep the latter.
  const useful = (errors ?? []).filter(
    (e) =>
      !(e.propertyName !== undefined && e.keyword !== 'propertyNames') &&
      // An unknown kind is reported once, by the discriminator, as "Unknown node kind".
      !(e.keyword === 'enum' && KIND_PATH.test(e.instancePath)),
  );
  return onePerPath(useful.map(one).map((x) => ({ ...x, path: base + x.path })));
}
