import type { PatternReply } from '../../worker/protocolPatterns';

type Previewed = Extract<PatternReply, { type: 'transformPreviewed' }>;

/** Props of {@link TransformPreview}. */
export interface TransformPreviewProps {
  answer: Previewed | null;
  failure: string | null;
  pending: boolean;
  /** Where the payload goes, e.g. "orders-queue (SQS message body)". */
  targetLabel: string;
}

/** The exact payload the target receives, or PutTargets' refusals, worded as AWS words them. */
export function TransformPreview({ answer, failure, pending, targetLabel }: TransformPreviewProps) {
  let body;
  if (failure) body = <p className="pw__error">{failure}</p>;
  else if (!answer) body = <p className="pw__hint">{pending ? 'Rendering…' : 'Choose an event to see what the target receives.'}</p>;
  else if (answer.problems.length > 0) {
    body = (
      <div className="transform__problems" role="alert" data-testid="transform-problems">
        <p className="pw__label">PutTargets would refuse this transformer:</p>
        <ul>
          {answer.problems.map((p, i) => (
            <li key={i} className="pw__error">
              {p.message}
            </li>
          ))}
        </ul>
      </div>
    );
  } else if (answer.eventError) body = <p className="pw__error">{answer.eventError.message}</p>;
  else {
    body = (
      <>
        <p className="transform__kind">
          {answer.json !== undefined ? 'JSON' : 'Text (not JSON)'} · {answer.payload?.length.toLocaleString('en-US')} characters
        </p>
        <pre className="transform__output" data-testid="transform-output">
          {answer.payload}
        </pre>
        {answer.warnings.map((w) => (
          <p key={w} className="transform__warning">
            ⚠ {w}
          </p>
        ))}
      </>
    );
  }
  return (
    <section className="transform" aria-label="What the target receives" aria-busy={pending} data-testid="transform-preview">
      <h4 className="pw__label">What {targetLabel} receives</h4>
      {body}
    </section>
  );
}
