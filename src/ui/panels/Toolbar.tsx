import { useScenarioStore } from '../../store/scenarioStore';
import { useUiStore } from '../../store/uiStore';
import { useCanvasCommands } from '../canvas/useCanvasCommands';
import { shareCurrentScenario } from '../sharing/shareActions';
import { ExamplesMenu } from './ExamplesMenu';
import { FileMenu } from './FileMenu';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl+';

/** Top bar: files and examples, undo/redo, layout and view toggles, sharing, theme and engine status. */
export function Toolbar() {
  const name = useScenarioStore((s) => s.scenario.name);
  const canUndo = useScenarioStore((s) => s.history.past.length > 0);
  const canRedo = useScenarioStore((s) => s.history.future.length > 0);
  const undo = useScenarioStore((s) => s.undo);
  const redo = useScenarioStore((s) => s.redo);
  const { theme, setTheme, toggleJson, showJson, workerStatus, snapToGrid, setSnapToGrid } = useUiStore();
  const commands = useCanvasCommands();
  return (
    <header className="toolbar" role="toolbar" aria-label="Scenario toolbar">
      <span className="toolbar__brand">evsim</span>
      <span className="toolbar__title" data-testid="scenario-name" title={name}>
        {name}
      </span>
      <span className="toolbar__sep" aria-hidden="true" />
      <FileMenu />
      <ExamplesMenu />
      <span className="toolbar__sep" aria-hidden="true" />
      <button type="button" onClick={undo} disabled={!canUndo} title={`Undo (${MOD}Z)`} aria-keyshortcuts="Control+Z Meta+Z">
        Undo
      </button>
      <button type="button" onClick={redo} disabled={!canRedo} title={`Redo (${MOD}Shift+Z)`} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z">
        Redo
      </button>
      <span className="toolbar__sep" aria-hidden="true" />
      <button type="button" onClick={() => void commands.autoLayout()} title="Arrange the nodes left to right (ELK layered layout)">
        Auto-layout
      </button>
      <button type="button" onClick={commands.fitView} title="Show the whole drawing">
        Fit view
      </button>
      <label className="toolbar__toggle" title="Snap moved nodes to a 10-pixel grid">
        <input type="checkbox" checked={snapToGrid} onChange={(e) => setSnapToGrid(e.target.checked)} />
        Snap to grid
      </label>
      <span className="toolbar__spacer" />
      <button type="button" className="primary" onClick={() => void shareCurrentScenario()} title="Copy a link that opens this exact scenario">
        Share
      </button>
      <button type="button" onClick={toggleJson} aria-pressed={showJson}>
        {showJson ? 'Hide JSON' : 'Scenario JSON'}
      </button>
      <button type="button" onClick={() => setTheme(theme === 'light' ? 'dark' : 'light')} aria-label="Dark theme" aria-pressed={theme === 'dark'} title="Switch between light and dark theme">
        {theme === 'light' ? '☾ Dark' : '☀ Light'}
      </button>
      <button type="button" onClick={() => useUiStore.getState().openDialog({ type: 'help' })} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
        ?
      </button>
      <span className={`worker-status worker-status--${workerStatus}`} data-testid="worker-status" title="Simulation worker">
        engine: {workerStatus}
      </span>
    </header>
  );
}
