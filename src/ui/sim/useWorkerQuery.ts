import { useEffect, useRef, useState } from 'react';
import { useSimulationStore } from '../../store/simulationStore';
import type { FromWorker, Request } from '../../worker/protocol';

/**
 * The worker's answer to a read-only view request, asked again whenever the run moves on, at
 * most every `intervalMs` and never more than one at a time, so a fast run does not queue up
 * requests. `req` null: nothing is asked.
 */
export function useWorkerQuery<T extends FromWorker['type']>(req: Request | null, replyType: T, intervalMs = 400): Extract<FromWorker, { type: T }> | null {
  const version = useSimulationStore((s) => (s.snapshot ? `${s.snapshot.traceHash}/${s.snapshot.traceCount}/${s.snapshot.simTimeMs}` : ''));
  const [entry, setEntry] = useState<{ key: string; data: Extract<FromWorker, { type: T }> } | null>(null);
  const lastAt = useRef(-Infinity);
  const busy = useRef(false);
  const key = req === null ? '' : JSON.stringify(req);
  // The request object changes identity on every render; its text identifies it.
  const latest = useRef(req);
  latest.current = req;
  const currentKey = useRef(key);
  currentKey.current = key;

  useEffect(() => {
    if (key === '') return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const run = () => {
      timer = null;
      if (busy.current) {
        timer = setTimeout(run, 50);
        return;
      }
      busy.current = true;
      lastAt.current = performance.now();
      const asked = key;
      void useSimulationStore
        .getState()
        .query(latest.current!)
        .then((r) => {
          busy.current = false;
          // A newer run state keeps an older answer until its own arrives; another request drops it.
          if (currentKey.current === asked && r?.type === replyType) setEntry({ key: asked, data: r as Extract<FromWorker, { type: T }> });
        });
    };
    timer = setTimeout(run, Math.max(0, lastAt.current + intervalMs - performance.now()));
    return () => {
      if (timer !== null) clearTimeout(timer);
    };
  }, [key, version, replyType, intervalMs]);

  return entry !== null && entry.key === key ? entry.data : null;
}
