import type { PatternReply } from '../../worker/protocolPatterns';
import { ExplanationView } from './ExplanationView';

type Tested = Extract<PatternReply, { type: 'patternTested' }>;

/** Props of {@link TestResult}. */
export interface TestResultProps {
  answer: Tested | null;
  failure: string | null;
  pending: boolean;
  /** The pattern is empty: nothing to test. */
  empty: boolean;
}

/** Match or no match, with the per-field explanation, or why the test could not run. */
export function TestResult({ answer, failure, pending, empty }: TestResultProps) {
  let body;
  if (empty) body = <p className="pw__hint">An empty pattern lets every event through.</p>;
  else if (failure) body = <p className="pw__error">{failure}</p>;
  else if (!answer) body = <p className="pw__hint">{pending ? 'Testing…' : 'Choose or paste an event to test.'}</p>;
  else if (answer.eventError) {
    const e = answer.eventError;
    body = (
      <p className="pw__error" data-testid="event-error">
        {e.message}
        {e.line !== undefined ? ` (line ${e.line}, column ${e.column})` : ''}
      </p>
    );
  } else if (answer.errors.length > 0) body = <p className="pw__hint">Fix the pattern to test it: {answer.errors[0].message}</p>;
  else if (answer.explanation) body = <ExplanationView explanation={answer.explanation} notes={answer.notes} />;
  return (
    <section className="test-result" aria-label="Test result" data-testid="test-result" aria-busy={pending}>
      {body}
    </section>
  );
}
