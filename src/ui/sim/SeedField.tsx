import { forwardRef, useState } from 'react';
import { useSimulationStore } from '../../store/simulationStore';
import { SIM_KEYS } from './useSimShortcuts';

/** The seed of every random draw; a new seed restarts the run. */
export const SeedField = forwardRef<HTMLInputElement>(function SeedField(_props, ref) {
  const seed = useSimulationStore((s) => s.snapshot?.seed);
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const n = Number(draft);
    setDraft(null);
    if (Number.isInteger(n) && n >= 0 && n <= 0xffffffff && n !== seed) useSimulationStore.getState().setSeed(n);
  };
  return (
    <label className="sim-bar__field" title={`Seed of every random draw: the same seed gives the same run; a new one restarts it (${SIM_KEYS.seed})`}>
      Seed
      <input
        ref={ref}
        type="number"
        min={0}
        max={4294967295}
        value={draft ?? seed ?? ''}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(null);
        }}
        className="sim-bar__seed"
        aria-keyshortcuts="s"
        data-testid="sim-seed"
      />
    </label>
  );
});
