import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { FlowNode } from '../toFlowElements';
import { KIND_STYLES } from '../kindStyles';
import { nodeName, nodeSummary } from '../describeNode';

/** One AWS resource on the canvas: kind badge, name and key settings. Names render as text. */
function ServiceNodeView({ data, selected }: NodeProps<FlowNode>) {
  const { node } = data;
  const style = KIND_STYLES[node.kind];
  return (
    <div
      className={`service-node kind-${node.kind}${selected ? ' is-selected' : ''}`}
      style={{ ['--kind-color' as string]: style.color }}
      data-testid={`node-${node.id}`}
      aria-label={`${style.label} ${nodeName(node)}`}
    >
      <Handle type="target" position={Position.Left} />
      <span className="service-node__badge" aria-hidden="true">
        {style.badge}
      </span>
      <span className="service-node__text">
        <span className="service-node__name">{nodeName(node)}</span>
        <span className="service-node__summary">{nodeSummary(node)}</span>
      </span>
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

export const ServiceNode = memo(ServiceNodeView);
