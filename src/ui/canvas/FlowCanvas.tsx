import { Background, BackgroundVariant, ConnectionLineType, Controls, MiniMap, ReactFlow, type EdgeMouseHandler } from '@xyflow/react';
import { lazy, Suspense, useCallback, useEffect, type DragEvent } from 'react';
import type { NodeKind } from '../../model/types';
import { NODE_KINDS } from '../../model/types';
import { useScenarioStore } from '../../store/scenarioStore';
import { useUiStore } from '../../store/uiStore';
import { PALETTE_MIME } from '../panels/paletteMime';
import { KIND_STYLES } from './kindStyles';
import { LabeledEdge } from './edges/LabeledEdge';
import { ServiceNode } from './nodes/ServiceNode';
import { REFERENCE_EDGE_PREFIX, type FlowEdge, type FlowNode } from './toFlowElements';
import { GRID, useCanvasCommands } from './useCanvasCommands';
import { useConnectionHandlers } from './useConnectionHandlers';
import { useFlowView } from './useFlowView';
import { CanvasEmptyState } from './CanvasEmptyState';

// Module scope, so React Flow does not re-create node and edge components on every render.
const nodeTypes = { service: ServiceNode };
const edgeTypes = { labeled: LabeledEdge };
const SNAP: [number, number] = [GRID, GRID];
// Moving messages, live counters and markers of a run: a chunk loaded after first paint.
const SimOverlay = lazy(() => import('../sim/SimOverlay'));
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const ARIA_LABELS = {
  'node.a11yDescription.default': 'Press Enter or Space to select this node, arrow keys to move it (Shift for larger steps), Delete to remove it.',
  'edge.a11yDescription.default': 'Press Enter or Space to select this connection, Delete to remove it.',
};

/**
 * The React Flow canvas, derived from the scenario in the store. React Flow is a view: every
 * change it reports becomes a store action on the document (moves, connections) or on the
 * selection.
 */
export function FlowCanvas() {
  const view = useFlowView();
  const connections = useConnectionHandlers();
  const commands = useCanvasCommands();
  const snapToGrid = useUiStore((s) => s.snapToGrid);
  const theme = useUiStore((s) => s.theme);
  const empty = useScenarioStore((s) => s.scenario.nodes.length === 0);
  const fitRequest = useUiStore((s) => s.fitRequest);

  // Frame a newly opened document once React Flow has measured its nodes.
  useEffect(() => {
    if (fitRequest === 0) return;
    const t = setTimeout(() => commands.fitView(), 60);
    return () => clearTimeout(t);
  }, [fitRequest, commands]);

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(PALETTE_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(PALETTE_MIME) as NodeKind;
      if (!NODE_KINDS.includes(kind)) return;
      e.preventDefault();
      commands.addNodeAtScreen(kind, e.clientX, e.clientY);
    },
    [commands],
  );
  // A dotted reference edge (a target's DLQ) is not a connection of its own: clicking it selects its owner.
  const onEdgeClick: EdgeMouseHandler<FlowEdge> = useCallback((_e, edge) => {
    if (edge.id.startsWith(REFERENCE_EDGE_PREFIX) && edge.data?.reference) useScenarioStore.getState().select([edge.data.reference.ownerId]);
  }, []);

  return (
    <div className="flow-canvas" data-testid="canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow<FlowNode, FlowEdge>
        nodes={view.nodes}
        edges={view.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={view.onNodesChange}
        onEdgesChange={view.onEdgesChange}
        onNodeDragStop={view.onNodeDragStop}
        onEdgeClick={onEdgeClick}
        isValidConnection={connections.isValidConnection}
        onConnect={connections.onConnect}
        onConnectEnd={connections.onConnectEnd}
        connectionLineType={ConnectionLineType.Bezier}
        colorMode={theme}
        snapToGrid={snapToGrid}
        snapGrid={SNAP}
        deleteKeyCode={null}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        selectionKeyCode="Shift"
        nodesFocusable
        edgesFocusable
        elevateEdgesOnSelect
        ariaLabelConfig={ARIA_LABELS}
        minZoom={0.2}
        maxZoom={2.5}
        fitView
        fitViewOptions={{ padding: 0.2, maxZoom: 1.25 }}
        proOptions={{ hideAttribution: true }}
      >
        <Background variant={BackgroundVariant.Dots} gap={GRID * 2} size={1.2} />
        {!empty && <MiniMap pannable zoomable style={{ width: 180, height: 120 }} ariaLabel="Overview of the drawing" nodeColor={(n) => KIND_STYLES[(n as FlowNode).data.node.kind].color} nodeStrokeWidth={3} />}
        <Controls aria-label="Zoom controls" showInteractive={false} />
        <Suspense fallback={null}>
          <SimOverlay />
        </Suspense>
      </ReactFlow>
      {empty && <CanvasEmptyState />}
    </div>
  );
}
