import { useState } from 'react';
import type { LintFinding } from '../../model/lint';
import { useScenarioStore } from '../../store/scenarioStore';
import { useCanvasCommands } from '../canvas/useCanvasCommands';
import { useLint } from '../hooks/useLint';

/**
 * Scenario-level checks: risky settings AWS warns about or refuses (a function timeout above
 * the queue's visibility timeout, a low maxReceiveCount, ...). Each finding selects what it is
 * about.
 */
export function LintPanel() {
  const loaded = useLint();
  const findings = loaded ?? [];
  const [open, setOpen] = useState(true);
  const { focusNode } = useCanvasCommands();
  const select = useScenarioStore((s) => s.select);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const go = (f: LintFinding) => {
    if (f.edgeId) select([f.edgeId]);
    else if (f.nodeId) focusNode(f.nodeId);
  };
  return (
    <section className="lint-panel" aria-label="Checks" data-testid="lint-panel">
      <button type="button" className="lint-panel__toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span>Checks</span>
        <span className={`lint-panel__count${findings.length ? (errors ? ' is-error' : ' is-warning') : ''}`}>{loaded === null ? 'checking…' : findings.length === 0 ? 'all clear' : `${findings.length}`}</span>
      </button>
      {open && (
        <ul className="lint-panel__list">
          {loaded !== null && findings.length === 0 && <li className="lint-panel__empty">No risky settings found.</li>}
          {findings.map((f, i) => (
            <li key={`${f.code}-${f.path}-${i}`}>
              <button type="button" className={`lint-finding lint-finding--${f.severity}`} onClick={() => go(f)} disabled={!f.nodeId && !f.edgeId} data-code={f.code}>
                <span className="lint-finding__icon" aria-label={f.severity}>
                  {f.severity === 'error' ? '✖' : '▲'}
                </span>
                <span className="lint-finding__text">{f.message}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
