import { lazy, Suspense } from 'react';
import { serializeScenario } from '../../model/restoreScenario';
import { useScenarioStore } from '../../store/scenarioStore';
import { useUiStore } from '../../store/uiStore';
import { LintPanel } from './LintPanel';

// Monaco is loaded only when the JSON view opens, from the local bundle.
const JsonEditor = lazy(() => import('../editor/JsonEditor'));
// The inspector (schema-driven fields) loads right after first paint, keeping the entry small.
const Inspector = lazy(() => import('../inspector/Inspector'));
// During a run: the message inspector, or the resource's live messages above its settings.
const SimSidePanel = lazy(() => import('../sim/SimSidePanel'));

/** Right-hand panel: the inspector and the checks, or the scenario JSON in Monaco. */
export function SidePanel() {
  const showJson = useUiStore((s) => s.showJson);
  const theme = useUiStore((s) => s.theme);
  return (
    <aside className="side-panel" aria-label="Details">
      {showJson ? (
        <div className="side-panel__json">
          <Suspense fallback={<p role="status">Loading editor…</p>}>
            <ScenarioJson theme={theme} />
          </Suspense>
        </div>
      ) : (
        <>
          <div className="side-panel__scroll">
            <Suspense fallback={<p role="status">Loading inspector…</p>}>
              <SimSidePanel editor={<Inspector />} />
            </Suspense>
          </div>
          <LintPanel />
        </>
      )}
    </aside>
  );
}

function ScenarioJson({ theme }: { theme: 'light' | 'dark' }) {
  const scenario = useScenarioStore((s) => s.scenario);
  return <JsonEditor value={serializeScenario(scenario)} readOnly ariaLabel="Scenario JSON" height="100%" theme={theme} />;
}
