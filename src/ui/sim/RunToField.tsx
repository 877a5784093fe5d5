import { forwardRef, useState, type FormEvent } from 'react';
import { useSimulationStore } from '../../store/simulationStore';
import { parseTime } from './time';
import { SIM_KEYS } from './useSimShortcuts';

/** "Run to" a simulated time typed as 90s, 2m, 1h or 1:30. */
export const RunToField = forwardRef<HTMLInputElement>(function RunToField(_props, ref) {
  const [text, setText] = useState('');
  const [bad, setBad] = useState(false);
  const ready = useSimulationStore((s) => s.phase === 'ready');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const t = parseTime(text);
    setBad(t === null);
    if (t === null) return;
    const s = useSimulationStore.getState();
    if (t < (s.snapshot?.simTimeMs ?? 0)) s.seek(t);
    else s.runTo(t);
  };
  return (
    <form className="sim-bar__field" onSubmit={submit} title={`Run to a simulated time: 90s, 2m, 1h, 1:30 (${SIM_KEYS.runTo})`}>
      <label htmlFor="sim-run-to">Run to</label>
      <input
        id="sim-run-to"
        ref={ref}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="2m"
        size={6}
        aria-invalid={bad}
        aria-describedby={bad ? 'sim-run-to-error' : undefined}
        aria-keyshortcuts="t"
        data-testid="sim-run-to"
      />
      <button type="submit" disabled={!ready}>
        Go
      </button>
      {bad && (
        <span id="sim-run-to-error" className="sim-bar__error" role="alert">
          Try 90s, 2m, 1h or 1:30
        </span>
      )}
    </form>
  );
});
