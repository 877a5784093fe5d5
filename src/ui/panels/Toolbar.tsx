import { useScenarioStore } from '../../store/scenarioStore';
import { useUiStore } from '../../store/uiStore';

/** Top bar: the scenario's name, view toggles and the worker's status. */
export function Toolbar() {
  const name = useScenarioStore((s) => s.scenario.name);
  const { theme, setTheme, toggleJson, showJson, workerStatus } = useUiStore();
  return (
    <header className="toolbar" role="toolbar" aria-label="Scenario toolbar">
      <span className="toolbar__brand">evsim</span>
      <span className="toolbar__title" data-testid="scenario-name">
        {name}
      </span>
      <span className="toolbar__spacer" />
      <button type="button" onClick={toggleJson} aria-pressed={showJson}>
        {showJson ? 'Hide JSON' : 'Scenario JSON'}
      </button>
      <button type="button" onClick={() => setTheme(theme === 'light' ? 'dark' : 'light')} aria-label="Toggle dark theme">
        {theme === 'light' ? 'Dark' : 'Light'}
      </button>
      <span className={`worker-status worker-status--${workerStatus}`} data-testid="worker-status" title="Simulation worker">
        engine: {workerStatus}
      </span>
    </header>
  );
}
