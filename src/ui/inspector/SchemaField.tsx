import type { JsonSchema } from '../../model/scenarioSchema';
import { materializeDefaults } from '../../model/schemaWalk';
import { BooleanField, EnumField, FlagsField, NodeRefField } from './ChoiceField';
import { fieldExtra } from '../patterns/fieldExtras';
import { fieldKind, isNodeRef, isOptional } from './fieldKind';
import type { FieldContext, SchemaFieldProps } from './fieldTypes';
import { NumberField } from './NumberField';
import { JsonField, TextField } from './TextField';

/** One property, with the editor its schema calls for. */
export function SchemaField(props: SchemaFieldProps) {
  const chain = refChain(props.schema);
  if (chain) return <RefChainField {...props} chain={chain} />;
  switch (fieldKind(props.schema)) {
    case 'number':
      return <NumberField {...props} />;
    case 'boolean':
      return <BooleanField {...props} />;
    case 'enum':
      return <EnumField {...props} />;
    case 'flags':
      return <FlagsField {...props} />;
    case 'nodeRef':
      return <NodeRefField {...props} />;
    case 'text':
      return <TextField {...props} />;
    case 'longText':
      return <TextField {...props} multiline />;
    case 'jsonText':
      return <JsonField {...props} asText actions={fieldExtra(props)} />;
    case 'jsonValue':
      return <JsonField {...props} asText={false} />;
    case 'group':
      return (
        <>
          {fieldExtra(props)}
          <FieldGroup {...props} />
        </>
      );
  }
}

/** Props of a list of properties of one object. */
export interface SchemaFieldsProps {
  schema: JsonSchema;
  value: Record<string, unknown> | undefined;
  ctx: FieldContext;
  /** Commits one property (undefined removes it); returns the model's refusal, if any. */
  onCommitKey(key: string, value: unknown): string | null;
}

/** Every property of an object schema, in the schema's order. */
export function SchemaFields({ schema, value, ctx, onCommitKey }: SchemaFieldsProps) {
  return (
    <>
      {Object.entries(schema.properties ?? {}).map(([key, sub]) => (
        <SchemaField key={key} name={key} schema={sub} value={value?.[key]} optional={isOptional(schema, key)} ctx={{ ...ctx, idPrefix: `${ctx.idPrefix}-${key}` }} onCommit={(v) => onCommitKey(key, v)} />
      ))}
    </>
  );
}

/**
 * A nested object (RetryPolicy, EventInvokeConfig). An optional one that is absent is shown
 * folded; editing any field inside creates it from its defaults, and "Remove" takes it away.
 */
function FieldGroup({ name, schema, value, optional, ctx, onCommit }: SchemaFieldProps) {
  const present = typeof value === 'object' && value !== null;
  const current = present ? (value as Record<string, unknown>) : undefined;
  const onCommitKey = (key: string, v: unknown): string | null => {
    const base = current ?? materializeDefaults(schema, { stream: ctx.stream });
    const next: Record<string, unknown> = { ...base };
    if (v === undefined) delete next[key];
    else next[key] = v;
    return onCommit(next);
  };
  const body = <SchemaFields schema={schema} value={current} ctx={ctx} onCommitKey={onCommitKey} />;
  if (!optional) {
    return (
      <fieldset className="field-group" data-group={name}>
        <legend>{name}</legend>
        {schema.description && <p className="field__description">{schema.description}</p>}
        {body}
      </fieldset>
    );
  }
  return (
    <details className="field-group field-group--optional" open={present || undefined} data-group={name}>
      <summary>
        <span className="field__name">{name}</span> <span className="field__facts">{present ? 'set' : 'not set'}</span>
      </summary>
      {schema.description && <p className="field__description">{schema.description}</p>}
      {body}
      {present && (
        <button type="button" className="field-group__remove" onClick={() => onCommit(undefined)}>
          Remove {name}
        </button>
      )}
    </details>
  );
}

/**
 * The keys leading from an object to its only property when that is a node reference
 * (DeadLetterConfig.Arn, DestinationConfig.OnFailure.Destination), so the whole object is
 * edited as one "which node?" select.
 */
export function refChain(schema: JsonSchema): string[] | null {
  if (schema.type !== 'object' || !schema.properties) return null;
  const keys = Object.keys(schema.properties);
  if (keys.length !== 1) return null;
  const sub = schema.properties[keys[0]];
  if (isNodeRef(sub)) return keys;
  const rest = refChain(sub);
  return rest ? [keys[0], ...rest] : null;
}

function RefChainField({ chain, value, onCommit, schema, ...rest }: SchemaFieldProps & { chain: string[] }) {
  let leafSchema = schema;
  let leaf: unknown = value;
  for (const k of chain) {
    leafSchema = leafSchema.properties![k];
    leaf = typeof leaf === 'object' && leaf !== null ? (leaf as Record<string, unknown>)[k] : undefined;
  }
  const wrap = (id: unknown): unknown => (id === undefined ? undefined : chain.reduceRight<unknown>((inner, k) => ({ [k]: inner }), id));
  return <NodeRefField {...rest} schema={{ ...leafSchema, description: [schema.description, leafSchema.description].filter(Boolean).join(' ') }} value={leaf} onCommit={(id) => onCommit(wrap(id))} />;
}
