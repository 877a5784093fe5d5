import { useState } from 'react';
import { useScenarioStore } from '../../store/scenarioStore';
import { useSimulationStore } from '../../store/simulationStore';
import { namesOf } from './narrate';
import { formatClock } from './time';
import { arrivalText, TIMELINE_LEGEND, TimelinePlot } from './TimelinePlot';
import { useWorkerQuery } from './useWorkerQuery';

/** Arrivals shown. */
const LIMIT = 300;

/**
 * Per consumer: the order messages arrived in against the order they were published in, with
 * out-of-order arrivals, retries and duplicates marked, and the latest arrivals as a list.
 */
export function TimelinePanel() {
  const [picked, setPicked] = useState<string | null>(null);
  const names = namesOf(useScenarioStore((s) => s.scenario));
  const data = useWorkerQuery({ type: 'timeline', ...(picked ? { consumerId: picked } : {}), limit: LIMIT }, 'timelineData', 600);
  const inspect = (rootId: number) => useSimulationStore.getState().inspect(rootId);
  if (!data || data.consumers.length === 0) return <p className="sim-empty">No consumer has received a message yet. Each Lambda function fed by a queue or invoked asynchronously gets a timeline here.</p>;
  const id = data.consumerId ?? data.consumers[0].nodeId;
  const sum = data.consumers.find((c) => c.nodeId === id);
  const consumer = names.name(id);
  return (
    <div className="sim-timeline" data-testid="sim-timeline">
      <div className="sim-timeline__bar">
        <label>
          Consumer{' '}
          <select value={id} onChange={(e) => setPicked(e.target.value)}>
            {data.consumers.map((c) => (
              <option key={c.nodeId} value={c.nodeId}>
                {names.name(c.nodeId)} ({c.arrivals})
              </option>
            ))}
          </select>
        </label>
        {sum && (
          <span className="sim-timeline__sum" data-testid="timeline-summary">
            {sum.arrivals} arrivals · <span className="sim-mark--outOfOrder">⇅ {sum.outOfOrder} out of order</span> · <span className="sim-mark--retry">↻ {sum.retries} retries</span> ·{' '}
            <span className="sim-mark--duplicate">×2 {sum.duplicates} duplicates</span>
          </span>
        )}
        <span className="sim-timeline__legend" aria-hidden="true">
          {TIMELINE_LEGEND.map((l) => (
            <span key={l.mark} className={`sim-mark--${l.kind}`}>
              {l.text}
            </span>
          ))}
        </span>
      </div>
      <div className="sim-timeline__body">
        <TimelinePlot arrivals={data.arrivals} consumer={consumer} onPick={(a) => inspect(a.rootId)} />
        <ol className="sim-timeline__list" aria-label={`Latest arrivals at ${consumer}`}>
          {data.arrivals
            .map((a, i) => ({ a, i }))
            .slice(-40)
            .reverse()
            .map(({ a, i }) => (
              <li key={a.seq}>
                <button type="button" className={`sim-mark--${a.mark === 'inOrder' ? 'normal' : a.mark}`} onClick={() => inspect(a.rootId)} title={arrivalText(a, i, consumer)}>
                  <span className="sim-timeline__t">{formatClock(a.timeMs, 1)}</span> {a.label} <span className="sim-timeline__rank">#{a.publishRank}</span> {a.mark === 'inOrder' ? '' : a.mark === 'outOfOrder' ? '⇅ out of order' : a.mark === 'retry' ? `↻ receive ${a.attempt}` : '×2 duplicate'}
                </button>
              </li>
            ))}
        </ol>
      </div>
    </div>
  );
}
