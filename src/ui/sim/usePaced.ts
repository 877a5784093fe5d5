import { useEffect, useState } from 'react';
import { useSimulationStore, type SimulationState } from '../../store/simulationStore';

/**
 * A value selected from the simulation store, updated at most every `ms` while the run plays
 * (and at once when it is paused, so a step shows immediately). Busy views (counters on 200
 * nodes, the log) follow a fast run at a pace people can read and the page can afford.
 */
export function usePaced<T>(select: (s: SimulationState) => T, ms: number): T {
  const [value, setValue] = useState(() => select(useSimulationStore.getState()));
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const show = () => {
      timer = null;
      last = performance.now();
      setValue(() => select(useSimulationStore.getState()));
    };
    show();
    const off = useSimulationStore.subscribe((s, prev) => {
      if (select(s) === select(prev)) return;
      const wait = s.snapshot?.mode === 'paused' ? 0 : ms - (performance.now() - last);
      if (wait <= 0) show();
      else timer ??= setTimeout(show, wait);
    });
    return () => {
      off();
      if (timer !== null) clearTimeout(timer);
    };
    // `select` is expected to be a stable module-level function, so only `ms` restarts this.
  }, [ms]);
  return value;
}
