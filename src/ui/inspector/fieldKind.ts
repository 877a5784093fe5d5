import type { JsonSchema } from '../../model/scenarioSchema';

/** How the inspector edits one property. */
export type FieldKind =
  | 'number'
  | 'boolean'
  | 'enum'
  | 'text'
  /** Long prose (a description): a plain text area. */
  | 'longText'
  /** A string holding JSON (an event pattern, a filter policy): a text area checked as JSON. */
  | 'jsonText'
  /** A free-form object or a list of records: edited as JSON text, checked against the schema. */
  | 'jsonValue'
  /** An id of another node, where CloudFormation holds an ARN: a select of fitting nodes. */
  | 'nodeRef'
  /** A list of allowed strings (FunctionResponseTypes): one checkbox per value. */
  | 'flags'
  /** A nested object with known properties: a fieldset. */
  | 'group';

/**
 * Chooses the editor for a property from its schema. The model's schema builders mark JSON
 * text only in prose ("(JSON"), so that is what this reads; an explicit annotation such as
 * `contentMediaType: 'application/json'` is honoured too if the model adds one.
 */
export function fieldKind(schema: JsonSchema): FieldKind {
  if (schema.enum) return 'enum';
  switch (schema.type) {
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'string':
      if (isNodeRef(schema)) return 'nodeRef';
      if (isJsonText(schema)) return 'jsonText';
      return (schema.maxLength ?? 0) > 1000 && !schema.pattern ? 'longText' : 'text';
    case 'array':
      return schema.items?.enum ? 'flags' : 'jsonValue';
    case 'object':
      return schema.properties && Object.keys(schema.properties).length > 0 ? 'group' : 'jsonValue';
    default:
      return 'jsonValue';
  }
}

/** A string holding JSON text. */
export function isJsonText(schema: JsonSchema): boolean {
  const s = schema as JsonSchema & { contentMediaType?: string };
  if (s.contentMediaType === 'application/json') return true;
  return schema.type === 'string' && !schema.pattern && /\(JSON\b|\bJSON text\b|\bConstant JSON\b/.test(schema.description ?? '');
}

/** A reference to another node by id. */
export function isNodeRef(schema: JsonSchema): boolean {
  const s = schema as JsonSchema & { 'x-nodeRef'?: boolean };
  return s['x-nodeRef'] === true || (schema['x-hint'] ?? '').startsWith('a node id');
}

/** Whether a property may be absent (not in its parent's `required`). */
export const isOptional = (parent: JsonSchema, key: string): boolean => !(parent.required ?? []).includes(key);
