import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { FlowNode } from '../toFlowElements';
import { KIND_STYLES } from '../kindStyles';
import { nodeName, nodeSummary } from '../describeNode';

/**
 * One AWS resource on the canvas: kind badge, name and key settings, plus a marker when the
 * lint has findings about it. Names render as React text, never as HTML. The accessible name
 * (kind, name, connections) is on React Flow's focusable wrapper.
 */
function ServiceNodeView({ data, selected }: NodeProps<FlowNode>) {
  const { node, findings, severity } = data;
  const style = KIND_STYLES[node.kind];
  return (
    <div className={`service-node kind-${node.kind}${selected ? ' is-selected' : ''}`} style={{ ['--kind-color' as string]: style.color }} data-testid={`node-${node.id}`}>
      <Handle type="target" position={Position.Left} className="service-node__handle" />
      <span className="service-node__badge" aria-hidden="true">
        {style.badge}
      </span>
      <span className="service-node__text">
        <span className="service-node__kind" aria-hidden="true">
          {style.label}
        </span>
        <span className="service-node__name" title={nodeName(node)}>
          {nodeName(node)}
        </span>
        <span className="service-node__summary">{nodeSummary(node)}</span>
      </span>
      {findings > 0 && (
        <span className={`service-node__lint service-node__lint--${severity}`} title={`${findings} finding${findings === 1 ? '' : 's'} in Checks`}>
          {severity === 'error' ? '✖' : '▲'} {findings}
        </span>
      )}
      <Handle type="source" position={Position.Right} className="service-node__handle" />
    </div>
  );
}

export const ServiceNode = memo(ServiceNodeView);
