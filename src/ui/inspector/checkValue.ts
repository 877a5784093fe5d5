import type { JsonSchema } from '../../model/scenarioSchema';

/**
 * The first reason `value` does not fit `schema`, in words a user understands, or null when it
 * fits. Covers the JSON Schema subset the scenario schema uses. The inspector checks each field
 * with it before anything is sent to the model, so an invalid value never reaches the document;
 * the model's own validation stays the last word.
 */
export function checkValue(schema: JsonSchema, value: unknown, depth = 0): string | null {
  if (depth > 32) return 'Nested too deeply.';
  if (schema.const !== undefined && value !== schema.const) return `Must be ${JSON.stringify(schema.const)}.`;
  if (schema.enum && !schema.enum.includes(value as never)) return `Must be one of ${schema.enum.join(', ')}.`;
  switch (schema.type) {
    case 'integer':
    case 'number':
      return checkNumber(schema, value);
    case 'string':
      return checkString(schema, value);
    case 'boolean':
      return typeof value === 'boolean' ? null : 'Must be true or false.';
    case 'array':
      return checkArray(schema, value, depth);
    case 'object':
      return checkObject(schema, value, depth);
    default:
      return null;
  }
}

/** "seconds" -> " seconds"; nothing for unitless values. */
export const unitSuffix = (schema: JsonSchema): string => (schema['x-unit'] && schema['x-unit'] !== 'probability' ? ` ${schema['x-unit']}` : '');

function checkNumber(schema: JsonSchema, value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'Must be a number.';
  if (schema.type === 'integer' && !Number.isInteger(value)) return 'Must be a whole number.';
  const u = unitSuffix(schema);
  if (schema.minimum !== undefined && value < schema.minimum) return `Must be at least ${schema.minimum}${u}.`;
  if (schema.maximum !== undefined && value > schema.maximum) return `Must be at most ${schema.maximum}${u}.`;
  return null;
}

function checkString(schema: JsonSchema, value: unknown): string | null {
  if (typeof value !== 'string') return 'Must be text.';
  if (schema.minLength !== undefined && value.length < schema.minLength) return schema.minLength === 1 ? 'Required.' : `Must be at least ${schema.minLength} characters.`;
  if (schema.maxLength !== undefined && value.length > schema.maxLength) return `Must be at most ${schema.maxLength} characters (now ${value.length}).`;
  if (schema.pattern !== undefined && !safeTest(schema.pattern, value)) return `Must be ${schema['x-hint'] ?? `text matching ${schema.pattern}`}.`;
  return null;
}

function checkArray(schema: JsonSchema, value: unknown, depth: number): string | null {
  if (!Array.isArray(value)) return 'Must be a list.';
  if (schema.minItems !== undefined && value.length < schema.minItems) return `Needs at least ${schema.minItems} items.`;
  if (schema.maxItems !== undefined && value.length > schema.maxItems) return `At most ${schema.maxItems} items.`;
  if (schema.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) return 'Items must be different.';
  if (schema.items) {
    for (let i = 0; i < value.length; i++) {
      const e = checkValue(schema.items, value[i], depth + 1);
      if (e) return `Item ${i + 1}: ${e}`;
    }
  }
  return null;
}

function checkObject(schema: JsonSchema, value: unknown, depth: number): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'Must be a JSON object.';
  const rec = value as Record<string, unknown>;
  const keys = Object.keys(rec);
  for (const r of schema.required ?? []) if (!(r in rec)) return `${r} is required.`;
  if (schema.maxProperties !== undefined && keys.length > schema.maxProperties) return `At most ${schema.maxProperties} entries.`;
  for (const k of keys) {
    if (schema.propertyNames?.pattern && !safeTest(schema.propertyNames.pattern, k)) return `The name "${k}" is not allowed.`;
    const sub = schema.properties?.[k];
    if (sub) {
      const e = checkValue(sub, rec[k], depth + 1);
      if (e) return `${k}: ${e}`;
    } else if (schema.additionalProperties === false && schema.properties) {
      return `Unknown property ${k}.`;
    } else if (typeof schema.additionalProperties === 'object') {
      const e = checkValue(schema.additionalProperties, rec[k], depth + 1);
      if (e) return `${k}: ${e}`;
    }
  }
  return null;
}

function safeTest(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(text);
  } catch {
    return true;
  }
}
