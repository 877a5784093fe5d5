import { useScenarioStore } from '../../store/scenarioStore';
import { useSimulationStore } from '../../store/simulationStore';
import { stateWords } from './HopCard';
import { namesOf } from './narrate';
import { formatDuration } from './time';
import { useWorkerQuery } from './useWorkerQuery';

/** The messages at a node right now; one opens in the message inspector. */
export function LiveMessages({ nodeId }: { nodeId: string }) {
  const names = namesOf(useScenarioStore((s) => s.scenario));
  const now = useSimulationStore((s) => s.snapshot?.simTimeMs ?? 0);
  const data = useWorkerQuery({ type: 'liveUnits', nodeId, limit: 100 }, 'liveUnitsData', 500);
  const name = names.name(nodeId);
  return (
    <section className="sim-live" aria-labelledby="sim-live-title" data-testid="live-messages">
      <h3 id="sim-live-title">
        Messages at {name} now{data ? ` (${data.total})` : ''}
      </h3>
      {data && data.units.length === 0 && <p className="sim-empty">None right now.</p>}
      {data && data.units.length > 0 && (
        <ul className="sim-live__list">
          {data.units.map((u) => (
            <li key={u.unitId}>
              <button type="button" onClick={() => useSimulationStore.getState().inspect(u.rootId, u.unitId)} title={`Inspect ${u.label}`} data-root={u.rootId}>
                <span className="sim-live__label">{u.label}</span>
                <span className={`sim-state--${u.state}`}>{stateWords(u.state)}</span>
                <span>{u.attempts > 0 ? `${u.attempts} attempt${u.attempts === 1 ? '' : 's'}` : ''}</span>
                <span className="sim-live__age">{formatDuration(Math.max(0, now - u.ageFromMs))} old</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {data && data.total > data.units.length && <p className="sim-empty">The oldest {data.units.length} are listed.</p>}
    </section>
  );
}
