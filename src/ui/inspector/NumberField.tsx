import { quantity } from '../../model/quantities';
import { checkValue, unitSuffix } from './checkValue';
import { FieldShell, fieldAria } from './FieldShell';
import { fieldId, shownDefault, type SchemaFieldProps } from './fieldTypes';
import { useFieldDraft } from './useFieldDraft';

/** A number property: a number input with AWS's bounds; out-of-range values stay on the field. */
export function NumberField({ name, schema, value, optional, ctx, onCommit }: SchemaFieldProps) {
  const display = typeof value === 'number' ? String(value) : '';
  const draft = useFieldDraft(display);
  const id = fieldId(ctx, name);
  const def = shownDefault(schema, ctx);
  const unit = schema['x-unit'];
  const facts = [def !== undefined ? `default ${String(def)}${unitSuffix(schema)}` : '', schema.minimum !== undefined && schema.maximum !== undefined ? `${schema.minimum}–${schema.maximum}` : '']
    .filter(Boolean)
    .join(' · ');
  const equivalent = typeof value === 'number' && unit ? quantity(value, unit) : '';
  const onChange = (text: string, badInput: boolean) => {
    if (badInput) return draft.hold(text, 'Must be a number.');
    if (text.trim() === '') {
      if (!optional) return draft.hold(text, 'Required.');
      const refused = onCommit(undefined);
      return refused ? draft.hold(text, refused) : draft.release();
    }
    const n = Number(text);
    const invalid = checkValue(schema, n);
    if (invalid) return draft.hold(text, invalid);
    const refused = onCommit(n);
    return refused ? draft.hold(text, refused) : draft.release();
  };
  return (
    <FieldShell id={id} label={name} facts={facts} description={schema.description} error={draft.error}>
      <div className="field__row">
        <input
          {...fieldAria(id, draft.error, schema.description)}
          className="field__input field__input--number"
          type="number"
          min={schema.minimum}
          max={schema.maximum}
          step={schema.type === 'integer' ? 1 : 'any'}
          value={draft.text}
          placeholder={optional ? (def !== undefined ? `default ${String(def)}` : 'not set') : undefined}
          onChange={(e) => onChange(e.target.value, e.target.validity.badInput)}
        />
        {unit && unit !== 'probability' && <span className="field__unit">{unit}</span>}
      </div>
      {equivalent.includes('(') && <span className="field__equivalent">{equivalent.slice(equivalent.indexOf('(') + 1, -1)}</span>}
    </FieldShell>
  );
}
