import { Background, Controls, MiniMap, ReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import { useScenarioStore } from '../../store/scenarioStore';
import { ServiceNode } from './nodes/ServiceNode';
import { toFlowElements } from './toFlowElements';
import { KIND_STYLES } from './kindStyles';

// Module scope, so React Flow does not re-create node components on every render.
const nodeTypes = { service: ServiceNode };

/** The React Flow canvas, derived from the scenario in the store. */
export function FlowCanvas() {
  const scenario = useScenarioStore((s) => s.scenario);
  const select = useScenarioStore((s) => s.select);
  const { nodes, edges } = useMemo(() => toFlowElements(scenario), [scenario]);
  return (
    <div className="flow-canvas" data-testid="canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        fitView
        onSelectionChange={({ nodes: ns, edges: es }) => select([...ns.map((n) => n.id), ...es.map((e) => e.id)])}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={16} />
        <MiniMap pannable zoomable nodeColor={(n) => KIND_STYLES[(n.data as { node: { kind: keyof typeof KIND_STYLES } }).node.kind].color} />
        <Controls />
      </ReactFlow>
    </div>
  );
}
