import { Panel, useStore, type ReactFlowState } from '@xyflow/react';
import { COUNTERS_MIN_ZOOM } from './NodeCounters';

const zoomedOut = (s: ReactFlowState) => s.transform[2] < COUNTERS_MIN_ZOOM;

/** Says why the live counters are gone when the drawing is zoomed out too far to read them. */
export function ZoomHint() {
  const hidden = useStore(zoomedOut);
  if (!hidden) return null;
  return (
    <Panel position="top-right" className="sim-zoom-hint">
      Zoom in to read the live counters
    </Panel>
  );
}
