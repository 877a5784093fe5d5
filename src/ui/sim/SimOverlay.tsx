import { ViewportPortal } from '@xyflow/react';
import { useSimulationStore } from '../../store/simulationStore';
import { NodeCounters } from './NodeCounters';
import { NodeMarkers } from './NodeMarkers';
import { PathOutline } from './PathOutline';
import { TokenLayer } from './TokenLayer';
import { ZoomHint } from './ZoomHint';
import './sim.css';

/**
 * What a run adds to the canvas, drawn in the canvas's own coordinates (so it pans and zooms
 * with the drawing) and never through React Flow's nodes: moving tokens, live counters under
 * nodes, and markers for notable events. Loaded after first paint.
 */
export default function SimOverlay() {
  const started = useSimulationStore((s) => (s.snapshot?.eventsProcessed ?? 0) > 0);
  return (
    <>
      <ViewportPortal>
        <div className="sim-overlay" aria-hidden={!started}>
          <PathOutline />
          {started && <NodeCounters />}
          <NodeMarkers />
          <TokenLayer />
        </div>
      </ViewportPortal>
      {started && <ZoomHint />}
    </>
  );
}
