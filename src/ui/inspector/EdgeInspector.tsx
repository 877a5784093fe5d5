import { EDGE_BEHAVIOR_SCHEMAS, EDGE_PROPS_SCHEMAS } from '../../model/schema/edgeSchemas';
import type { Scenario, ScenarioEdge } from '../../model/types';
import { deleteSelection } from '../../store/commands';
import { useScenarioStore } from '../../store/scenarioStore';
import { nodeTitle } from '../canvas/describeNode';
import { EDGE_LABELS } from '../canvas/kindStyles';
import { CFN_EDGE_TYPES } from './cfnTypes';
import { commitKey } from './commit';
import type { FieldContext } from './fieldTypes';
import { InspectorSection } from './InspectorSection';
import { refOptionsFor } from './refOptions';
import { SchemaFields } from './SchemaField';

/** Every property of the selected connection, from the schema, plus its delivery behaviour. */
export function EdgeInspector({ edge, scenario }: { edge: ScenarioEdge; scenario: Scenario }) {
  const select = useScenarioStore((s) => s.select);
  const source = scenario.nodes.find((n) => n.id === edge.source);
  const target = scenario.nodes.find((n) => n.id === edge.target);
  const propsSchema = EDGE_PROPS_SCHEMAS[edge.kind];
  const behaviorSchema = EDGE_BEHAVIOR_SCHEMAS[edge.kind];
  const stream = source?.kind === 'kinesisStream';
  const ctx = (part: string): FieldContext => ({ idPrefix: `f-${edge.id}-${part}`, stream, refOptions: (schema) => refOptionsFor(scenario, schema), owner: { kind: 'edge', id: edge.id, type: edge.kind } });
  const props = edge.props as unknown as Record<string, unknown>;
  const behavior = edge.behavior as unknown as Record<string, unknown> | undefined;
  const hasProps = Object.keys(propsSchema.properties ?? {}).length > 0;
  const label = EDGE_LABELS[edge.kind];
  return (
    <div className="inspector" data-testid="inspector" role="region" aria-label={`Settings of ${label}`}>
      <header className="inspector__header">
        <div className="inspector__heading">
          <h2 className="inspector__title">{label.charAt(0).toUpperCase() + label.slice(1)}</h2>
          <p className="inspector__subtitle">
            <code>{CFN_EDGE_TYPES[edge.kind]}</code> · id <code>{edge.id}</code>
          </p>
        </div>
      </header>
      <p className="inspector__ends">
        from{' '}
        <button type="button" className="link-button" onClick={() => select([edge.source])}>
          {source ? nodeTitle(source) : edge.source}
        </button>{' '}
        to{' '}
        <button type="button" className="link-button" onClick={() => select([edge.target])}>
          {target ? nodeTitle(target) : edge.target}
        </button>
      </p>
      <div className="inspector__actions">
        <button type="button" className="danger" onClick={() => deleteSelection()} title="Delete (Delete key)">
          Delete connection
        </button>
      </div>
      <p className="inspector__lead">{propsSchema.description}</p>
      {hasProps && (
        <InspectorSection title="AWS properties" note={stream ? 'stream source: stream defaults' : 'CloudFormation names'} testId="section-props">
          <SchemaFields schema={propsSchema} value={props} ctx={ctx('props')} onCommitKey={(k, v) => commitKey('edge', edge.id, 'props', props, k, v)} />
        </InspectorSection>
      )}
      {behaviorSchema && (
        <InspectorSection title="Simulation behaviour" note="delivery" testId="section-behavior">
          <p className="inspector__lead">{behaviorSchema.description} Not an AWS setting.</p>
          <SchemaFields schema={behaviorSchema} value={behavior} ctx={ctx('behavior')} onCommitKey={(k, v) => commitKey('edge', edge.id, 'behavior', behavior, k, v)} />
        </InspectorSection>
      )}
    </div>
  );
}
