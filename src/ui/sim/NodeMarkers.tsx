import { useStore, type ReactFlowState } from '@xyflow/react';
import { useEffect, useReducer, useRef, type PointerEvent } from 'react';
import type { TraceFact } from '../../engine/index';
import { useScenarioStore } from '../../store/scenarioStore';
import { subscribeFacts } from '../../store/simulationStore';
import { rectOf } from './geometry';
import { MARKS, markOf, NOTABLE, type MarkKind } from './marks';
import { narrate } from './narrate';
import { COUNTERS_MIN_ZOOM } from './NodeCounters';
import { runContextOf } from './runContext';
import { inArea, useVisibleArea } from './useVisibleArea';

/** How long a marker stays after its last event (wall ms). */
const MARKER_MS = 3_000;
/** Markers are redrawn at most this often. */
const REDRAW_MS = 400;

interface Entry {
  /** Messages it happened to (a duplicate delivered and then processed is one message). */
  roots: Set<number>;
  last: TraceFact;
  until: number;
}

const selectLookup = (s: ReactFlowState) => s.nodeLookup;

/**
 * Short-lived tags above nodes where something notable just happened (a retry, a duplicate,
 * an out-of-order arrival, a throttle, a move to a DLQ, a failure), each with its glyph and
 * word; hovering tells the latest such event in full.
 */
export function NodeMarkers() {
  const [, redraw] = useReducer((x: number) => x + 1, 0);
  const marks = useRef(new Map<string, Map<MarkKind, Entry>>());
  const lookup = useStore(selectLookup);
  const scenario = useScenarioStore((s) => s.scenario);

  useEffect(() => {
    let queued: ReturnType<typeof setTimeout> | null = null;
    const schedule = () => {
      queued ??= setTimeout(() => {
        queued = null;
        redraw();
      }, REDRAW_MS);
    };
    const off = subscribeFacts((facts, outOfOrder, reset) => {
      // A batch that starts the trace over (step back, seek, reset) is history, not news.
      if (reset) {
        marks.current.clear();
        schedule();
        return;
      }
      const ctx = runContextOf(useScenarioStore.getState().scenario);
      const now = performance.now();
      let any = false;
      for (const f of facts) {
        const kind = markOf(f, outOfOrder);
        if (kind === null) continue;
        // A receive is shown at the consumer that got the message.
        const at = f.kind === 'received' || f.kind === 'duplicateDelivered' ? (ctx.consumerOf(f.edgeId) ?? f.nodeId) : f.nodeId;
        let byKind = marks.current.get(at);
        if (!byKind) marks.current.set(at, (byKind = new Map()));
        const e = byKind.get(kind);
        if (e && e.until > now) {
          e.roots.add(f.rootId);
          e.last = f;
          e.until = now + MARKER_MS;
        } else byKind.set(kind, { roots: new Set([f.rootId]), last: f, until: now + MARKER_MS });
        any = true;
      }
      if (any) schedule();
    });
    const sweep = setInterval(() => {
      const now = performance.now();
      let removed = false;
      for (const [node, byKind] of marks.current) {
        for (const [k, e] of byKind) if (e.until <= now) removed = byKind.delete(k) || removed;
        if (byKind.size === 0) marks.current.delete(node);
      }
      if (removed) schedule();
    }, 500);
    return () => {
      off();
      clearInterval(sweep);
      if (queued !== null) clearTimeout(queued);
    };
  }, []);

  const ctx = runContextOf(scenario);
  const area = useVisibleArea(60);
  // Zoomed far out, a marker is its glyph alone: words would be too small to read.
  const compact = area.zoom < COUNTERS_MIN_ZOOM;
  // The full story is told on hover only: narrating every marker on every redraw costs frames.
  const explain = (e: PointerEvent<HTMLSpanElement>, k: MarkKind, last: TraceFact) => {
    e.currentTarget.title = `${MARKS[k].label}: ${narrate(last, ctx.names)}\n${MARKS[k].explain}`;
  };
  return (
    <div className="sim-layer">
      {[...marks.current].map(([nodeId, byKind]) => {
        const internal = lookup.get(nodeId);
        if (!internal) return null;
        const r = rectOf(internal);
        if (!inArea(area, r.x, r.y - 24, r.width, r.height + 24)) return null;
        return (
          <div key={nodeId} className="sim-markers" style={{ transform: `translate(${r.x}px, ${r.y - 24}px)` }} data-testid={`markers-${nodeId}`}>
            {NOTABLE.filter((k) => byKind.has(k)).map((k) => {
              const e = byKind.get(k)!;
              return (
                <span key={k} className={`sim-marker sim-mark--${k}`} title={`${MARKS[k].label}: ${MARKS[k].explain}`} onPointerEnter={(ev) => explain(ev, k, e.last)} data-mark={k}>
                  <span aria-hidden="true">{MARKS[k].glyph}</span>
                  {!compact && ` ${e.roots.size > 1 ? `${e.roots.size} ` : ''}${MARKS[k].label}`}
                </span>
              );
            })}
          </div>
        );
      })}
    </div>
  );
}
