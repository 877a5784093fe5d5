import type { Explanation, ExplainField, ExplainGroup, ExplainItem } from '../../worker/protocolPatterns';

const VERDICT: Record<ExplainField['verdict'], string> = {
  matched: 'matched',
  'absent-as-required': 'absent, as required',
  missing: 'missing from the event',
  'not-a-leaf': 'an object or empty list in the event, not a value',
  'wrong-type': 'present, but of another type',
  'value-mismatch': 'present, but no value satisfies a condition',
  'present-but-must-be-absent': 'present, but must not exist',
};

const show = (v: unknown) => JSON.stringify(v) ?? 'null';
const mark = (ok: boolean) => (ok ? '✓' : '✗');

/** The verdict of a pattern test, field by field: conditions, found values, `$or` branches. */
export function ExplanationView({ explanation, notes = [] }: { explanation: Explanation; notes?: readonly string[] }) {
  return (
    <div className="explain" data-testid="explanation">
      <p className={`explain__verdict explain__verdict--${explanation.matched ? 'match' : 'miss'}`} role="status" data-testid="match-verdict">
        {explanation.matched ? '✓ Match' : '✗ No match'}
      </p>
      <Group group={explanation.root} />
      {[...explanation.notes, ...notes].map((n) => (
        <p key={n} className="explain__note">
          {n}
        </p>
      ))}
    </div>
  );
}

function Group({ group }: { group: ExplainGroup }) {
  return (
    <ul className="explain__list">
      {group.items.map((it, i) => (
        <Item key={i} item={it} />
      ))}
    </ul>
  );
}

function Item({ item }: { item: ExplainItem }) {
  if (item.kind === 'field') return <Field f={item} />;
  const which = item.matchedBranch === null ? 'no branch matched' : `branch ${item.matchedBranch + 1} matched`;
  return (
    <li className={`explain__item explain__item--${item.matched ? 'pass' : 'fail'}`}>
      <span className="explain__mark">{mark(item.matched)}</span> <code>$or</code> at <code>{item.path}</code>: {which}
      <ol className="explain__branches">
        {item.branches.map((b, i) => (
          <li key={i} className={`explain__branch explain__item--${item.matchedBranch === i ? 'pass' : b.matched ? 'muted' : 'fail'}`}>
            <span className="explain__mark">{mark(b.matched)}</span> branch {i + 1}
            <Group group={b} />
          </li>
        ))}
      </ol>
    </li>
  );
}

function Field({ f }: { f: ExplainField }) {
  if (f.overridden) {
    return (
      <li className="explain__item explain__item--muted">
        – <code>{f.field}</code>: ignored, a later key of the same name replaces it
      </li>
    );
  }
  const where = f.range ? ` (line ${f.range.line})` : '';
  return (
    <li className={`explain__item explain__item--${f.matched ? 'pass' : 'fail'}`} data-field={f.field}>
      <span className="explain__mark">{mark(f.matched)}</span> <code>{f.field}</code>: {VERDICT[f.verdict]}
      {f.found.length > 0 && (
        <>
          ; event has <code>{f.found.slice(0, 5).map(show).join(', ')}</code>
          {f.found.length > 5 ? ', …' : ''}
        </>
      )}
      <span className="explain__where">{where}</span>
      <ul className="explain__conditions">
        {f.conditions.map((c, i) => (
          <li key={i} className={`explain__item--${c.matched ? 'pass' : 'fail'}`}>
            <span className="explain__mark">{mark(c.matched)}</span> {c.condition}
            {c.matched && c.matchedValue !== undefined && <> (by <code>{show(c.matchedValue)}</code>)</>}
          </li>
        ))}
      </ul>
    </li>
  );
}
