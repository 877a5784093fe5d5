import { useEffect } from 'react';
import { useScenarioStore } from '../../store/scenarioStore';
import { useSimulationStore } from '../../store/simulationStore';
import type { HopLife, MessageLife } from '../../worker/protocolView';
import { HopCard, stateWords } from './HopCard';
import { setInspectedPath } from './inspectedPath';
import { namesOf, type Names } from './narrate';
import { formatClock } from './time';
import { useWorkerQuery } from './useWorkerQuery';

/** Where the message's copies stand now, in a sentence. */
function outcome(life: MessageLife, names: Names): string {
  const ends = life.hops.filter((h) => !life.hops.some((c) => c.parentId === h.unitId));
  const parts = ends.map((h: HopLife) => `${stateWords(h.state)} at ${names.name(h.nodeId)}`);
  return [...new Set(parts)].join('; ');
}

/**
 * The whole life of one message: every copy at every resource, each attempt with its time,
 * place, outcome and reason, and the payload as each hop received it. It follows the run as it
 * moves (a step back shows the message as it was then). Loaded on demand.
 */
export default function MessageInspector({ rootId, unitId }: { rootId: number; unitId?: number }) {
  const names = namesOf(useScenarioStore((s) => s.scenario));
  const data = useWorkerQuery({ type: 'inspectUnit', rootId, ...(unitId !== undefined ? { unitId } : {}) }, 'inspected', 500);
  const close = () => useSimulationStore.getState().inspect(null);
  const life = data?.life ?? null;
  // The canvas outlines where this message went, while it is inspected.
  useEffect(() => {
    if (!life) return setInspectedPath(null);
    const nodes = [...new Set(life.hops.map((h) => h.nodeId))];
    const ends = life.hops.filter((h) => !life.hops.some((c) => c.parentId === h.unitId)).map((h) => h.nodeId);
    setInspectedPath({ label: life.label, nodes, ends });
  }, [life]);
  useEffect(() => () => setInspectedPath(null), []);
  return (
    <section
      className="message-inspector"
      aria-labelledby="message-inspector-title"
      data-testid="message-inspector"
      onKeyDown={(e) => {
        if (e.key === 'Escape') close();
      }}
    >
      <header className="message-inspector__head">
        <h2 id="message-inspector-title">
          Message <span data-testid="message-label">{life?.label ?? `#${rootId}`}</span>
        </h2>
        <button type="button" onClick={close} title="Back to the resource settings" aria-label="Close the message inspector">
          ✕
        </button>
      </header>
      {data === null && <p role="status">Loading…</p>}
      {data !== null && life === null && <p className="sim-empty">{data.message ?? 'This message does not exist at this point of the run.'} Step forward or run on to see it.</p>}
      {life && (
        <>
          <p className="message-inspector__meta">
            Published by {life.producerId ? names.name(life.producerId) : 'a producer'} at {formatClock(life.publishedAtMs)}
            {life.publishRank !== null ? `, #${life.publishRank} in publish order` : ''}. {life.hops.length} cop{life.hops.length === 1 ? 'y' : 'ies'} across {new Set(life.hops.map((h) => h.nodeId)).size} resources.
          </p>
          <p className="message-inspector__now" data-testid="message-outcome">
            Now: {outcome(life, names)}.
          </p>
          {!life.complete && <p className="sim-bar__note">Part of this message's history could not be kept.</p>}
          <ol className="message-inspector__path" aria-label="Path">
            {life.hops.map((h) => (
              <li key={h.unitId} className={`sim-state--${h.state}`}>
                {names.name(h.nodeId)}
              </li>
            ))}
          </ol>
          {life.hops.map((h) => (
            <HopCard key={h.unitId} hop={h} names={names} label={life.label} rootId={life.rootId} focus={h.unitId === unitId} />
          ))}
        </>
      )}
    </section>
  );
}
