import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { FlowEdge } from '../toFlowElements';

/** Below this length (flow pixels) a label would sit on the nodes, so it is left out. */
const MIN_LABELLED_LENGTH = 130;

/**
 * A bezier connection whose label (its key AWS setting) is drawn as HTML text in the middle,
 * and only when there is room for it between the two nodes.
 */
function LabeledEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, label, markerEnd, style, selected }: EdgeProps<FlowEdge>) {
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  const roomy = Math.hypot(targetX - sourceX, targetY - sourceY) >= MIN_LABELLED_LENGTH;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} />
      {label && roomy && (
        <EdgeLabelRenderer>
          <div className={`edge-label${selected ? ' is-selected' : ''}`} style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }} aria-hidden="true">
            {label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const LabeledEdge = memo(LabeledEdgeView);
