import type { Scenario } from '../../model/types';
import { deleteSelection, duplicateSelection } from '../../store/commands';
import { useScenarioStore } from '../../store/scenarioStore';
import { useUiStore } from '../../store/uiStore';
import { nodeTitle } from '../canvas/describeNode';
import { EDGE_LABELS } from '../canvas/kindStyles';

/** Several things selected: what they are, and what can be done to all of them at once. */
export function SelectionSummary({ scenario, selection }: { scenario: Scenario; selection: string[] }) {
  const select = useScenarioStore((s) => s.select);
  const chosen = new Set(selection);
  const nodes = scenario.nodes.filter((n) => chosen.has(n.id));
  const edges = scenario.edges.filter((e) => chosen.has(e.id));
  const report = (refused: string | null) => refused && useUiStore.getState().notify({ kind: 'error', text: refused });
  return (
    <div className="inspector" data-testid="inspector" role="region" aria-label="Selection">
      <header className="inspector__header">
        <div className="inspector__heading">
          <h2 className="inspector__title">
            {nodes.length} node{nodes.length === 1 ? '' : 's'}, {edges.length} connection{edges.length === 1 ? '' : 's'} selected
          </h2>
          <p className="inspector__subtitle">Arrow keys move them (Shift: 10×). Ctrl+C / Ctrl+V copy them with the connections among them.</p>
        </div>
      </header>
      <div className="inspector__actions">
        <button type="button" onClick={() => report(duplicateSelection())} disabled={nodes.length === 0}>
          Duplicate
        </button>
        <button type="button" className="danger" onClick={() => deleteSelection()}>
          Delete all
        </button>
      </div>
      <ul className="connection-list">
        {nodes.map((n) => (
          <li key={n.id}>
            <button type="button" className="link-button" onClick={() => select([n.id])}>
              {nodeTitle(n)}
            </button>
          </li>
        ))}
        {edges.map((e) => (
          <li key={e.id}>
            <button type="button" className="link-button" onClick={() => select([e.id])}>
              {EDGE_LABELS[e.kind]} {e.source} → {e.target}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
