import { checkValue } from './checkValue';
import { FieldShell, fieldAria } from './FieldShell';
import { fieldId, shownDefault, type SchemaFieldProps } from './fieldTypes';
import { useFieldDraft } from './useFieldDraft';

const NOT_SET = '';

/** Commits a choice, keeping the model's refusal (if any) on the field. */
function useChoice(display: string, onCommit: (v: unknown) => string | null) {
  const draft = useFieldDraft(display);
  const choose = (shown: string, value: unknown) => {
    const refused = onCommit(value);
    if (refused) draft.hold(shown, refused);
    else draft.release();
  };
  return { draft, choose };
}

/** One of a list of values (BusType, State): a select; optional ones can be left unset. */
export function EnumField({ name, schema, value, optional, ctx, onCommit }: SchemaFieldProps) {
  const { draft, choose } = useChoice(value === undefined ? NOT_SET : String(value), onCommit);
  const id = fieldId(ctx, name);
  const def = shownDefault(schema, ctx);
  const values = schema.enum ?? [];
  return (
    <FieldShell id={id} label={name} facts={def !== undefined ? `default ${String(def)}` : undefined} description={schema.description} error={draft.error}>
      <select
        {...fieldAria(id, draft.error, schema.description)}
        className="field__input"
        value={draft.text}
        onChange={(e) => {
          const picked = values.find((v) => String(v) === e.target.value);
          choose(e.target.value, picked);
        }}
      >
        {(optional || value === undefined) && <option value={NOT_SET}>{def !== undefined ? `not set (${String(def)})` : 'not set'}</option>}
        {values.map((v) => (
          <option key={String(v)} value={String(v)}>
            {String(v)}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A true/false property: a checkbox, or a three-way select when it may be left unset. */
export function BooleanField({ name, schema, value, optional, ctx, onCommit }: SchemaFieldProps) {
  const { draft, choose } = useChoice(value === undefined ? NOT_SET : String(value), onCommit);
  const id = fieldId(ctx, name);
  const def = shownDefault(schema, ctx);
  if (optional) {
    return (
      <FieldShell id={id} label={name} facts={def !== undefined ? `default ${String(def)}` : undefined} description={schema.description} error={draft.error}>
        <select {...fieldAria(id, draft.error, schema.description)} className="field__input" value={draft.text} onChange={(e) => choose(e.target.value, e.target.value === NOT_SET ? undefined : e.target.value === 'true')}>
          <option value={NOT_SET}>{def !== undefined ? `not set (${String(def)})` : 'not set'}</option>
          <option value="true">true</option>
          <option value="false">false</option>
        </select>
      </FieldShell>
    );
  }
  return (
    <FieldShell id={id} label={name} inline description={schema.description} error={draft.error}>
      <input {...fieldAria(id, draft.error, schema.description)} type="checkbox" checked={value === true} onChange={(e) => choose(String(e.target.checked), e.target.checked)} />
    </FieldShell>
  );
}

/** A list of allowed strings (FunctionResponseTypes): one checkbox per value. */
export function FlagsField({ name, schema, value, ctx, onCommit }: SchemaFieldProps) {
  const current = Array.isArray(value) ? (value as unknown[]) : [];
  const { draft, choose } = useChoice(JSON.stringify(current), onCommit);
  const id = fieldId(ctx, name);
  const options = schema.items?.enum ?? [];
  return (
    <FieldShell id={id} label={name} description={schema.description} error={draft.error}>
      <div className="field__flags" role="group" aria-labelledby={`${id}-legend`} id={id}>
        <span id={`${id}-legend`} hidden>
          {name}
        </span>
        {options.map((opt) => (
          <label key={String(opt)} className="field__flag">
            <input
              type="checkbox"
              checked={current.includes(opt)}
              onChange={(e) => {
                const next = e.target.checked ? [...current, opt] : current.filter((x) => x !== opt);
                const invalid = checkValue(schema, next);
                if (invalid) draft.hold(JSON.stringify(next), invalid);
                else choose(JSON.stringify(next), next);
              }}
            />
            {String(opt)}
          </label>
        ))}
      </div>
    </FieldShell>
  );
}

/** The id of another node (a DLQ, a destination): a select of the nodes that fit. */
export function NodeRefField({ name, schema, value, optional, ctx, onCommit }: SchemaFieldProps) {
  const { draft, choose } = useChoice(typeof value === 'string' ? value : NOT_SET, onCommit);
  const id = fieldId(ctx, name);
  const options = ctx.refOptions(schema);
  const known = typeof value !== 'string' || options.some((o) => o.id === value);
  return (
    <FieldShell id={id} label={name} description={schema.description} error={draft.error}>
      <select {...fieldAria(id, draft.error, schema.description)} className="field__input" value={draft.text} onChange={(e) => choose(e.target.value, e.target.value === NOT_SET ? undefined : e.target.value)}>
        {(optional || value === undefined) && <option value={NOT_SET}>none</option>}
        {!known && <option value={String(value)}>{String(value)} (not a fitting node)</option>}
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
