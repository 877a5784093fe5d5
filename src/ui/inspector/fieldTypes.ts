import type { JsonSchema } from '../../model/scenarioSchema';

/** A node a reference field may point at. */
export interface RefOption {
  id: string;
  label: string;
}

/** What every field of one inspected element shares. */
export interface FieldContext {
  /** Unique per inspected element and section, so input ids never collide. */
  idPrefix: string;
  /** The element is fed by a Kinesis/DynamoDB stream: AWS's stream defaults apply. */
  stream: boolean;
  /** Nodes a reference field (a DLQ, a destination) may name. */
  refOptions(schema: JsonSchema): RefOption[];
  /** The inspected element (its node or edge kind in `type`), for editors that need the flow around it. */
  owner?: { kind: 'node' | 'edge'; id: string; type: string };
}

/** Props every schema-driven field takes. */
export interface SchemaFieldProps {
  /** Property name, as AWS spells it. */
  name: string;
  schema: JsonSchema;
  /** The model's current value; undefined when the property is absent. */
  value: unknown;
  /** Whether the property may be absent. */
  optional: boolean;
  ctx: FieldContext;
  /**
   * Sends a checked value to the model (undefined removes the property). Returns the model's
   * reason when it refuses, shown on the field.
   */
  onCommit(value: unknown): string | null;
}

/** The default a field shows: the stream default where it applies. */
export const shownDefault = (schema: JsonSchema, ctx: FieldContext): unknown =>
  ctx.stream && schema['x-streamDefault'] !== undefined ? schema['x-streamDefault'] : schema.default;

/** A DOM id for a property path. */
export const fieldId = (ctx: FieldContext, name: string): string => `${ctx.idPrefix}-${name}`.replace(/[^A-Za-z0-9_-]/g, '_');
