/**
 * A JSON Schema subset (draft-07) plus a few `x-` annotations, and small builders so the
 * scenario schema reads as a table of properties rather than nested boilerplate.
 *
 * The `x-` keys are annotations only (Ajv is told about them; Monaco ignores them):
 * - `x-unit`: the unit a number is in, for the inspector and for error messages;
 * - `x-hint`: what a `pattern` allows, in words (a regex is no error message);
 * - `x-simulator`: a simulator-only setting, not an AWS property;
 * - `x-streamDefault`: the default when the source is a Kinesis/DynamoDB stream, where AWS's
 *   default differs from the SQS one in `default`;
 * - `x-nodeRef`: the string is the id of another node; `x-refKinds` lists the node kinds it may
 *   name and `x-refFifo` whether a FIFO one fits (`never`, or `sameAsOwner`: FIFO iff the
 *   owning topic is). The model checks these too; the annotations let a UI offer the fitting nodes.
 */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  $ref?: string;
  title?: string;
  description?: string;
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  maxProperties?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  enum?: readonly (string | number | boolean)[];
  const?: string | number | boolean;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  oneOf?: JsonSchema[];
  discriminator?: { propertyName: string };
  definitions?: Record<string, JsonSchema>;
  'x-unit'?: Unit;
  'x-hint'?: string;
  'x-simulator'?: boolean;
  'x-streamDefault'?: unknown;
  'x-nodeRef'?: boolean;
  'x-refKinds'?: ReadonlyArray<'sqsQueue' | 'snsTopic'>;
  'x-refFifo'?: 'never' | 'sameAsOwner';
}

/** Units numbers are in; messages and the inspector print them. */
export type Unit =
  | 'seconds'
  | 'milliseconds'
  | 'minutes'
  | 'hours'
  | 'days'
  | 'bytes'
  | 'MB'
  | 'events per second'
  | 'probability';

/** The annotation keywords Ajv must accept (strict mode refuses unknown keywords). */
export const ANNOTATION_KEYWORDS = ['x-unit', 'x-hint', 'x-simulator', 'x-streamDefault', 'x-nodeRef', 'x-refKinds', 'x-refFifo'] as const;

type Extra = Partial<JsonSchema>;

/** An integer in [min, max] with a default. */
export function int(min: number, max: number, def: number | undefined, unit: Unit | undefined, description: string, extra: Extra = {}): JsonSchema {
  const s: JsonSchema = { type: 'integer', minimum: min, maximum: max, description, ...extra };
  if (def !== undefined) s.default = def;
  if (unit) s['x-unit'] = unit;
  return s;
}

/** A number in [min, max] with a default. */
export function num(min: number, max: number, def: number, unit: Unit | undefined, description: string, extra: Extra = {}): JsonSchema {
  const s: JsonSchema = { type: 'number', minimum: min, maximum: max, default: def, description, ...extra };
  if (unit) s['x-unit'] = unit;
  return s;
}

/** A simulator-only probability in [0, 1], default 0. */
export function prob(description: string): JsonSchema {
  return num(0, 1, 0, 'probability', description, { 'x-simulator': true });
}

/** A boolean with a default. */
export function bool(def: boolean | undefined, description: string, extra: Extra = {}): JsonSchema {
  const s: JsonSchema = { type: 'boolean', description, ...extra };
  if (def !== undefined) s.default = def;
  return s;
}

/** A string; `hint` explains `pattern` in words. */
export function str(description: string, opts: { def?: string; min?: number; max: number; pattern?: string; hint?: string } & Extra): JsonSchema {
  const { def, min, max, pattern, hint, ...extra } = opts;
  const s: JsonSchema = { type: 'string', maxLength: max, description, ...extra };
  if (min !== undefined) s.minLength = min;
  if (pattern !== undefined) s.pattern = pattern;
  if (hint !== undefined) s['x-hint'] = hint;
  if (def !== undefined) s.default = def;
  return s;
}

/** One of a list of strings. */
export function oneOfValues(values: readonly string[], def: string | undefined, description: string, extra: Extra = {}): JsonSchema {
  const s: JsonSchema = { type: 'string', enum: values, description, ...extra };
  if (def !== undefined) s.default = def;
  return s;
}

/**
 * A closed object. Every property is required except those in `optional`, so a fully
 * defaulted value always has them; `default: {}` lets Ajv and `materializeDefaults` build a
 * missing sub-object from its properties' defaults.
 */
export function obj(description: string, properties: Record<string, JsonSchema>, opts: { optional?: string[]; def?: boolean } & Extra = {}): JsonSchema {
  const { optional = [], def = true, ...extra } = opts;
  const s: JsonSchema = {
    type: 'object',
    description,
    properties,
    required: Object.keys(properties).filter((k) => !optional.includes(k)),
    additionalProperties: false,
    ...extra,
  };
  if (def) s.default = {};
  return s;
}

/** Id of another node, where CloudFormation holds an ARN; `kinds`/`fifo` say which nodes fit. */
export function nodeRef(description: string, kinds?: JsonSchema['x-refKinds'], fifo?: JsonSchema['x-refFifo']): JsonSchema {
  const s = str(description, { min: 1, max: 64, pattern: '^[A-Za-z0-9_-]+$', hint: 'a node id: 1-64 letters, digits, hyphens or underscores' });
  s['x-nodeRef'] = true;
  if (kinds) s['x-refKinds'] = kinds;
  if (fifo) s['x-refFifo'] = fifo;
  return s;
}

/** JSON text (an event pattern, a filter policy, an input). Its content is checked semantically. */
export function jsonText(description: string, max: number, def?: string): JsonSchema {
  return str(description, { def, max });
}
