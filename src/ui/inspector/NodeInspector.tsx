import { NODE_BEHAVIOR_SCHEMAS } from '../../model/schema/behaviorSchemas';
import { NODE_PROPS_SCHEMAS } from '../../model/schema/nodeSchemas';
import type { NodeKind, Scenario, ScenarioNode } from '../../model/types';
import { deleteSelection, duplicateSelection } from '../../store/commands';
import { useUiStore } from '../../store/uiStore';
import { nodeName } from '../canvas/describeNode';
import { KIND_STYLES } from '../canvas/kindStyles';
import { CFN_NODE_TYPES } from './cfnTypes';
import { commitKey } from './commit';
import { FlowPayloadsButton } from '../patterns/FlowPayloadsButton';
import { ConnectionsSection } from './ConnectionsSection';
import type { FieldContext } from './fieldTypes';
import { InspectorSection } from './InspectorSection';
import { refOptionsFor } from './refOptions';
import { SchemaFields } from './SchemaField';

/** What the behaviour section of a node kind is about. */
const BEHAVIOUR_NOTES: Partial<Record<NodeKind, string>> = { producer: 'producer', lambdaFunction: 'consumer', sqsQueue: 'queue', archive: 'replays' };

/** Every property of the selected node, from the schema, plus its behaviour and connections. */
export function NodeInspector({ node, scenario }: { node: ScenarioNode; scenario: Scenario }) {
  const style = KIND_STYLES[node.kind];
  const propsSchema = NODE_PROPS_SCHEMAS[node.kind];
  const behaviorSchema = NODE_BEHAVIOR_SCHEMAS[node.kind];
  const streamFed = node.kind === 'pipe' && scenario.edges.some((e) => e.target === node.id && e.kind === 'pipeSource' && scenario.nodes.find((n) => n.id === e.source)?.kind === 'kinesisStream');
  const ctx = (part: string): FieldContext => ({ idPrefix: `f-${node.id}-${part}`, stream: streamFed, refOptions: (schema) => refOptionsFor(scenario, schema, node.id), owner: { kind: 'node', id: node.id, type: node.kind } });
  const props = node.props as unknown as Record<string, unknown>;
  const behavior = node.behavior as unknown as Record<string, unknown> | undefined;
  const report = (refused: string | null) => refused && useUiStore.getState().notify({ kind: 'error', text: refused });
  return (
    <div className="inspector" data-testid="inspector" aria-label={`Settings of ${style.label} ${nodeName(node)}`} role="region">
      <header className="inspector__header" style={{ ['--kind-color' as string]: style.color }}>
        <span className="service-node__badge" aria-hidden="true">
          {style.badge}
        </span>
        <div className="inspector__heading">
          <h2 className="inspector__title">{nodeName(node)}</h2>
          <p className="inspector__subtitle">
            {style.label} · <code>{CFN_NODE_TYPES[node.kind]}</code> · id <code>{node.id}</code>
          </p>
        </div>
      </header>
      <div className="inspector__actions">
        <button type="button" onClick={() => report(duplicateSelection())} title="Duplicate (Ctrl+D)">
          Duplicate
        </button>
        <button type="button" className="danger" onClick={() => deleteSelection()} title="Delete (Delete key)">
          Delete
        </button>
        <FlowPayloadsButton nodeId={node.id} />
      </div>
      <p className="inspector__lead">{propsSchema.description}</p>
      <InspectorSection title="AWS properties" note="CloudFormation names" testId="section-props">
        <SchemaFields schema={propsSchema} value={props} ctx={ctx('props')} onCommitKey={(k, v) => commitKey('node', node.id, 'props', props, k, v)} />
      </InspectorSection>
      {behaviorSchema && (
        <InspectorSection title="Simulation behaviour" note={BEHAVIOUR_NOTES[node.kind] ?? 'simulator'} testId="section-behavior">
          <p className="inspector__lead">{behaviorSchema.description} Not an AWS setting: it shapes what the simulator does.</p>
          <SchemaFields schema={behaviorSchema} value={behavior} ctx={ctx('behavior')} onCommitKey={(k, v) => commitKey('node', node.id, 'behavior', behavior, k, v)} />
        </InspectorSection>
      )}
      <ConnectionsSection node={node} scenario={scenario} />
    </div>
  );
}
