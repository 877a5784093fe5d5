import { useEffect, useRef, useState } from 'react';
import { useSimulationStore } from '../../store/simulationStore';
import { formatClock } from './time';
import { SIM_KEYS } from './useSimShortcuts';

/**
 * A slider over simulated time. Dragging previews the time; letting go runs forward to it, or
 * replays from the seed to reach an earlier time (runs are deterministic).
 */
export function Scrubber({ durationMs }: { durationMs: number }) {
  const now = useSimulationStore((s) => s.snapshot?.simTimeMs ?? 0);
  const ready = useSimulationStore((s) => s.phase === 'ready');
  const [drag, setDrag] = useState<number | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const max = Math.max(durationMs, now);
  // React's onChange fires while dragging; the native change event fires once, on release.
  useEffect(() => {
    const el = input.current;
    if (!el) return;
    const commit = () => {
      const t = Number(el.value);
      setDrag(null);
      const s = useSimulationStore.getState();
      if (t < (s.snapshot?.simTimeMs ?? 0)) s.seek(t);
      else if (t > (s.snapshot?.simTimeMs ?? 0)) s.runTo(t);
    };
    el.addEventListener('change', commit);
    return () => el.removeEventListener('change', commit);
  }, []);
  const value = drag ?? Math.min(now, max);
  return (
    <label className="sim-bar__scrubber" title={`Scrub simulated time: earlier times are replayed from the seed (${SIM_KEYS.scrubBack} back, ${SIM_KEYS.scrubForward} forward)`}>
      <span className="visually-hidden">Simulated time</span>
      <input
        ref={input}
        type="range"
        min={0}
        max={max}
        step={Math.max(100, Math.round(max / 1000))}
        value={value}
        disabled={!ready}
        onChange={(e) => setDrag(Number(e.target.value))}
        aria-valuetext={formatClock(value, 1)}
        aria-keyshortcuts="j l"
        data-testid="sim-scrubber"
      />
      {drag !== null && <output className="sim-bar__preview">{formatClock(drag, 1)}</output>}
    </label>
  );
}
