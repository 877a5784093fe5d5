import { lazy, Suspense } from 'react';
import { useScenarioStore } from '../../store/scenarioStore';
import { useUiStore } from '../../store/uiStore';
import { KIND_STYLES } from '../canvas/kindStyles';
import { nodeName } from '../canvas/describeNode';

// Monaco is loaded only when the JSON view opens, from the local bundle.
const JsonEditor = lazy(() => import('../editor/JsonEditor'));

/** Right-hand panel: the selection's details, or the scenario JSON in Monaco. */
export function SidePanel() {
  const scenario = useScenarioStore((s) => s.scenario);
  const selection = useScenarioStore((s) => s.selection);
  const { showJson, theme } = useUiStore();
  const node = scenario.nodes.find((n) => n.id === selection[0]);
  return (
    <aside className="side-panel" aria-label="Details">
      {showJson ? (
        <Suspense fallback={<p role="status">Loading editor…</p>}>
          <JsonEditor value={JSON.stringify(scenario, null, 2)} readOnly ariaLabel="Scenario JSON" height="calc(100vh - 120px)" theme={theme} />
        </Suspense>
      ) : node ? (
        <section>
          <h2>
            {KIND_STYLES[node.kind].label}: {nodeName(node)}
          </h2>
          <pre className="props-dump">{JSON.stringify(node.props, null, 2)}</pre>
        </section>
      ) : (
        <section>
          <h2>{scenario.name}</h2>
          <p>{scenario.description}</p>
          <p>
            {scenario.nodes.length} nodes, {scenario.edges.length} connections. Select a node to see its settings.
          </p>
        </section>
      )}
    </aside>
  );
}
