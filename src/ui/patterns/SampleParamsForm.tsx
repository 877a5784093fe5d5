import { checkParamValue, type SampleEventDef } from '../../model/samples/index';

/** Props of {@link SampleParamsForm}. */
export interface SampleParamsFormProps {
  def: SampleEventDef;
  values: Record<string, string>;
  onChange(values: Record<string, string>): void;
  /** Problems the generator reported that no single field shows. */
  problems?: string[];
}

/**
 * The parameters of a catalogue sample (`sam local generate-event` options), one field each,
 * checked as they are typed; folded by default.
 */
export function SampleParamsForm({ def, values, onChange, problems = [] }: SampleParamsFormProps) {
  return (
    <details className="sample-params" data-testid="sample-params">
      <summary>
        Parameters of “{def.title}” ({def.params.length})
      </summary>
      <p className="sample-params__about">{def.description}</p>
      <div className="sample-params__grid">
        {def.params.map((p) => {
          const id = `sample-${def.id}-${p.name}`.replace(/[^A-Za-z0-9_-]/g, '_');
          const value = values[p.name] ?? p.default;
          const error = checkParamValue(p, value);
          return (
            <div key={p.name} className={`sample-params__field${error ? ' sample-params__field--invalid' : ''}`}>
              <label htmlFor={id} title={p.description}>
                {p.label}
              </label>
              {p.type === 'enum' && p.options ? (
                <select id={id} value={value} onChange={(e) => onChange({ ...values, [p.name]: e.target.value })}>
                  {p.options.map((o) => (
                    <option key={o} value={o}>
                      {o}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={id}
                  type="text"
                  spellCheck={false}
                  value={value}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                  onChange={(e) => onChange({ ...values, [p.name]: e.target.value })}
                />
              )}
              {error && (
                <span className="sample-params__error" id={`${id}-error`}>
                  {error}
                </span>
              )}
            </div>
          );
        })}
      </div>
      {problems.map((m) => (
        <p key={m} className="sample-params__error" role="alert">
          {m}
        </p>
      ))}
    </details>
  );
}
