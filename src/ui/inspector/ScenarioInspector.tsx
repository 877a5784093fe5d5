import { scenarioSchema } from '../../model/scenarioSchema';
import type { Scenario } from '../../model/types';
import { useScenarioStore } from '../../store/scenarioStore';
import type { FieldContext } from './fieldTypes';
import { InspectorSection } from './InspectorSection';
import { SchemaField, SchemaFields } from './SchemaField';

const CTX: FieldContext = { idPrefix: 'f-scenario', stream: false, refOptions: () => [] };

/** With nothing selected: the scenario's name, description and simulation settings. */
export function ScenarioInspector({ scenario }: { scenario: Scenario }) {
  const edit = useScenarioStore((s) => s.edit);
  const props = scenarioSchema.properties!;
  const refusal = (r: { ok: boolean; error?: string }) => (r.ok ? null : (r.error ?? 'Refused.'));
  const settings = scenario.settings as unknown as Record<string, unknown>;
  return (
    <div className="inspector" data-testid="inspector" role="region" aria-label="Scenario settings">
      <header className="inspector__header">
        <div className="inspector__heading">
          <h2 className="inspector__title">Scenario</h2>
          <p className="inspector__subtitle">
            {scenario.nodes.length} node{scenario.nodes.length === 1 ? '' : 's'}, {scenario.edges.length} connection{scenario.edges.length === 1 ? '' : 's'}. Select a node or connection to edit it.
          </p>
        </div>
      </header>
      <InspectorSection title="About" testId="section-info">
        <SchemaField name="name" schema={props.name} value={scenario.name} optional={false} ctx={CTX} onCommit={(v) => refusal(edit({ type: 'setInfo', name: String(v ?? '') }, { coalesce: 'scenario/name' }))} />
        <SchemaField
          name="description"
          schema={{ ...props.description, description: 'What the scenario shows (plain text).' }}
          value={scenario.description}
          optional={false}
          ctx={CTX}
          onCommit={(v) => refusal(edit({ type: 'setInfo', description: String(v ?? '') }, { coalesce: 'scenario/description' }))}
        />
      </InspectorSection>
      <InspectorSection title="Simulation settings" note="simulator-only" testId="section-settings">
        <SchemaFields schema={props.settings} value={settings} ctx={CTX} onCommitKey={(k, v) => refusal(edit({ type: 'setSettings', patch: { [k]: v } }, { coalesce: `scenario/settings/${k}` }))} />
      </InspectorSection>
    </div>
  );
}
