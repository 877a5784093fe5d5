import { useStore, type ReactFlowState } from '@xyflow/react';
import { memo } from 'react';
import { nodeDisplayName } from '../../model/ids';
import { useScenarioStore } from '../../store/scenarioStore';
import type { SimulationState } from '../../store/simulationStore';
import { countersOf, type Counter } from './counters';
import { rectOf } from './geometry';
import { runContextOf } from './runContext';
import { usePaced } from './usePaced';
import { inArea, useVisibleArea } from './useVisibleArea';

const selectLookup = (s: ReactFlowState) => s.nodeLookup;

/** Counters change at most this often while playing (ms); a step shows at once. */
export const COUNTERS_MS = 300;
/** Below this zoom the counters' text is too small to read, so they are not drawn. */
export const COUNTERS_MIN_ZOOM = 0.4;
/** Nodes this far (flow px) outside the visible area still get their counters (smooth panning). */
const MARGIN = 80;

const selectNodes = (s: SimulationState) => s.snapshot?.nodes;

/**
 * Live counters under the nodes in view, from the latest snapshot (paced while playing). Only
 * what can be read is drawn: nodes on screen, at a zoom where the text is legible.
 */
export function NodeCounters() {
  const nodes = usePaced(selectNodes, COUNTERS_MS);
  const scenario = useScenarioStore((s) => s.scenario);
  const lookup = useStore(selectLookup);
  const area = useVisibleArea(MARGIN);
  if (!nodes || area.zoom < COUNTERS_MIN_ZOOM) return null;
  const ctx = runContextOf(scenario);
  return (
    <div className="sim-layer">
      {scenario.nodes.map((n) => {
        const st = nodes[n.id];
        const internal = lookup.get(n.id);
        if (!st || !internal) return null;
        const r = rectOf(internal);
        if (!inArea(area, r.x, r.y, r.width, r.height + 40)) return null;
        const name = nodeDisplayName(n);
        const counters = countersOf(n.kind, ctx.dlqs.has(n.id), st, name);
        return <CounterStrip key={n.id} id={n.id} name={name} x={r.x} y={r.y + r.height + 5} width={r.width} values={counters.map((c) => c.value).join(',')} counters={counters} />;
      })}
    </div>
  );
}

interface StripProps {
  id: string;
  name: string;
  x: number;
  y: number;
  width: number;
  /** The counters' values, so an unchanged strip is not re-rendered. */
  values: string;
  counters: Counter[];
}

const CounterStrip = memo(
  function CounterStrip({ id, name, x, y, width, counters }: StripProps) {
    return (
      <div className="sim-counters" style={{ transform: `translate(${x}px, ${y}px)`, width }} role="group" aria-label={`${name} live counters`} data-testid={`counters-${id}`}>
        {counters.map((c) => (
          <span key={c.key} className={`sim-counter sim-counter--${c.tone}${c.value === 0 ? ' is-zero' : ''}`} title={`${c.value} ${c.word}. ${c.explain}`} data-counter={c.key}>
            <span aria-hidden="true">{c.glyph}</span> {c.value} <span className="sim-counter__word">{c.word}</span>
          </span>
        ))}
      </div>
    );
  },
  (a, b) => a.values === b.values && a.x === b.x && a.y === b.y && a.width === b.width && a.name === b.name,
);
