import { useSimulationStore } from '../../store/simulationStore';
import { formatClock } from './time';

/** Where the run stands: simulated time, events, and the trace hash (same seed, same hash). */
export function RunStatus({ durationMs }: { durationMs: number }) {
  const snap = useSimulationStore((s) => s.snapshot);
  if (!snap) return <span className="sim-bar__status">Loading…</span>;
  const idle = snap.nextEventMs === null;
  return (
    <span className="sim-bar__status" data-testid="sim-status">
      <span className="sim-bar__time" title="Simulated time / the scenario's duration">
        <span data-testid="sim-time">{formatClock(snap.simTimeMs, 1)}</span> / {formatClock(durationMs, 0)}
      </span>
      <span title={snap.statusMessage}>
        {snap.eventsProcessed.toLocaleString('en')} events{idle ? ' · done' : ''}
        {snap.status === 'budgetExhausted' ? ' · budget reached' : ''}
      </span>
      <code className="sim-bar__hash" title={`Trace hash of everything so far (seed ${snap.seed}). The same scenario and seed always give the same hash.`} data-testid="sim-hash">
        #{snap.traceHash.slice(0, 8)}
      </code>
    </span>
  );
}
