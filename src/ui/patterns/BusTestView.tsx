import { useState } from 'react';
import type { BusRuleInput } from '../../worker/protocolPatterns';
import { ExplanationView } from './ExplanationView';
import { useWorkerAnswer } from './useWorkerAnswer';

/** Props of {@link BusTestView}. */
export interface BusTestViewProps {
  busName: string;
  rules: BusRuleInput[];
  eventText: string;
  /** The rule being edited, highlighted. */
  currentRuleId?: string;
}

/** One event against every rule of the bus: which rules would send it on, and why the others would not. */
export function BusTestView({ busName, rules, eventText, currentRuleId }: BusTestViewProps) {
  const [on, setOn] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const { answer, failure, pending } = useWorkerAnswer(on ? { type: 'testBus', rules, event: eventText } : null, 'busTested', 300);
  if (!on) {
    return (
      <button type="button" className="bus-test__start" onClick={() => setOn(true)} data-testid="test-bus">
        Test against every rule on {busName} ({rules.length})
      </button>
    );
  }
  const matched = answer?.results.filter((r) => r.matched && r.enabled).length ?? 0;
  return (
    <section className="bus-test" aria-label={`Every rule on ${busName}`} data-testid="bus-test">
      <h4 className="bus-test__title">
        Every rule on {busName}
        {answer && !answer.eventError && <span className="bus-test__count">{` · ${matched} of ${answer.results.length} would deliver it`}</span>}
        {pending && <span className="pw__pending"> · testing…</span>}
      </h4>
      {failure && <p className="pw__error">{failure}</p>}
      {answer?.eventError && <p className="pw__error">{answer.eventError.message}</p>}
      <table className="bus-test__table">
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">Verdict</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {(answer?.results ?? []).map((r) => (
            <tr key={r.id} className={`bus-test__row${r.id === currentRuleId ? ' bus-test__row--current' : ''}`} data-rule={r.id}>
              <td>
                {r.name}
                {!r.enabled && <span className="bus-test__disabled"> (disabled)</span>}
              </td>
              <td className={`bus-test__verdict bus-test__verdict--${r.matched === null ? 'invalid' : r.matched ? 'match' : 'miss'}`}>{r.matched === null ? '—' : r.matched ? '✓ match' : '✗ no match'}</td>
              <td>
                {r.explanation ? (
                  <button type="button" className="link-button" aria-expanded={open === r.id} onClick={() => setOpen(open === r.id ? null : r.id)}>
                    {r.summary}
                  </button>
                ) : (
                  r.summary
                )}
                {open === r.id && r.explanation && <ExplanationView explanation={r.explanation} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
