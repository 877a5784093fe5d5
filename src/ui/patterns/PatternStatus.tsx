import type { PatternError, PatternMode } from '../../worker/protocolPatterns';

/** Props of {@link PatternStatus}. */
export interface PatternStatusProps {
  mode: PatternMode;
  empty: boolean;
  errors: readonly PatternError[];
  awsMessage: string | null;
  fields: readonly string[];
  pending: boolean;
  failure: string | null;
}

const KIND: Record<PatternMode, string> = {
  eventbridge: 'event pattern',
  'sns-attributes': 'filter policy (message attributes)',
  'sns-body': 'filter policy (message body)',
};

/** The pattern's check, as AWS words it: the line AWS would print, then every error with its place. */
export function PatternStatus({ mode, empty, errors, awsMessage, fields, pending, failure }: PatternStatusProps) {
  let body;
  if (failure) body = <p className="pw__error">{failure}</p>;
  else if (empty) body = <p className="pattern-status__ok">Empty: every event passes (for a rule: a schedule rule has no pattern).</p>;
  else if (errors.length > 0) {
    body = (
      <>
        <p className="pattern-status__bad" data-testid="pattern-error">
          ✗ {awsMessage}
        </p>
        {errors.length > 1 && (
          <ul className="pattern-status__list">
            {errors.slice(1, 8).map((e, i) => (
              <li key={i}>
                {e.range ? `line ${e.range.line}, column ${e.range.column}: ` : ''}
                {e.message}
              </li>
            ))}
          </ul>
        )}
        {errors[0]?.range && (
          <p className="pattern-status__where">
            at line {errors[0].range.line}, column {errors[0].range.column}
            {errors[0].path ? ` (${errors[0].path})` : ''}
          </p>
        )}
      </>
    );
  } else if (awsMessage === null && fields.length === 0 && pending) body = <p className="pattern-status__pending">Checking…</p>;
  else body = <p className="pattern-status__ok">✓ Valid {KIND[mode]}{fields.length > 0 ? ` · reads ${fields.slice(0, 6).join(', ')}${fields.length > 6 ? ', …' : ''}` : ''}</p>;
  return (
    <div className={`pattern-status${errors.length > 0 ? ' pattern-status--invalid' : ''}`} role="status" aria-live="polite" data-testid="pattern-status">
      {body}
    </div>
  );
}
