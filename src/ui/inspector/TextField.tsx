import type { ReactNode } from 'react';
import { findJsonSyntaxError } from '../../model/jsonText';
import { checkValue } from './checkValue';
import { FieldShell, fieldAria } from './FieldShell';
import { fieldId, shownDefault, type SchemaFieldProps } from './fieldTypes';
import { useFieldDraft } from './useFieldDraft';

/** A text property (a name, a JSON path, a description); each valid keystroke reaches the model. */
export function TextField({ name, schema, value, optional, ctx, onCommit, multiline = false }: SchemaFieldProps & { multiline?: boolean }) {
  const display = typeof value === 'string' ? value : '';
  const draft = useFieldDraft(display);
  const id = fieldId(ctx, name);
  const def = shownDefault(schema, ctx);
  const onChange = (text: string) => {
    // An optional text left empty means "not set", as in the AWS console.
    const next = text === '' && optional ? undefined : text;
    const invalid = next === undefined ? null : checkValue(schema, next);
    if (invalid) return draft.hold(text, invalid);
    const refused = onCommit(next);
    return refused ? draft.hold(text, refused) : draft.release();
  };
  return (
    <FieldShell id={id} label={name} facts={schema.maxLength ? `up to ${schema.maxLength} characters` : undefined} description={schema.description} error={draft.error}>
      {multiline ? (
        <textarea {...fieldAria(id, draft.error, schema.description)} className="field__input" rows={4} value={draft.text} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...fieldAria(id, draft.error, schema.description)}
          className="field__input"
          type="text"
          spellCheck={false}
          value={draft.text}
          placeholder={typeof def === 'string' && def ? def : optional ? 'not set' : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FieldShell>
  );
}

/**
 * JSON text (an event pattern, a filter policy) or a JSON value (an event's Detail, a list):
 * a text area checked as JSON while typing and committed when it loses focus, so a half-typed
 * pattern never reaches the model and one edit makes one undo step.
 */
export function JsonField({ name, schema, value, optional, ctx, onCommit, asText, actions }: SchemaFieldProps & { asText: boolean; actions?: ReactNode }) {
  const display = asText ? (typeof value === 'string' ? value : '') : value === undefined ? '' : JSON.stringify(value, null, 2);
  const draft = useFieldDraft(display);
  const id = fieldId(ctx, name);
  const parse = (text: string): { ok: true; value: unknown } | { ok: false; error: string } => {
    if (text.trim() === '') {
      if (asText) return { ok: true, value: optional ? undefined : '' };
      return optional ? { ok: true, value: undefined } : { ok: false, error: 'Required.' };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      const where = findJsonSyntaxError(text);
      return { ok: false, error: where ? `Not valid JSON: ${where.message} (line ${where.line}, column ${where.column}).` : `Not valid JSON: ${(e as Error).message}` };
    }
    const v = asText ? text : parsed;
    const invalid = checkValue(schema, v);
    return invalid ? { ok: false, error: invalid } : { ok: true, value: v };
  };
  const commit = (text: string) => {
    if (text === display) return draft.release();
    const r = parse(text);
    if (!r.ok) return draft.hold(text, r.error);
    const refused = onCommit(r.value);
    return refused ? draft.hold(text, refused) : draft.release();
  };
  const lines = Math.min(12, Math.max(3, draft.text.split('\n').length));
  return (
    <FieldShell id={id} label={name} facts={asText ? 'JSON' : 'JSON value'} description={schema.description} error={draft.error} actions={actions}>
      <textarea
        {...fieldAria(id, draft.error, schema.description)}
        className="field__input field__input--json"
        spellCheck={false}
        rows={lines}
        value={draft.text}
        placeholder={optional || asText ? 'empty' : undefined}
        onChange={(e) => {
          const r = parse(e.target.value);
          draft.hold(e.target.value, r.ok ? null : r.error);
        }}
        onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) commit(e.currentTarget.value);
        }}
      />
    </FieldShell>
  );
}
