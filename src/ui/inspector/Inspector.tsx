import './inspector.css';
import { useScenarioStore } from '../../store/scenarioStore';
import { EdgeInspector } from './EdgeInspector';
import { NodeInspector } from './NodeInspector';
import { ScenarioInspector } from './ScenarioInspector';
import { SelectionSummary } from './SelectionSummary';

/**
 * The inspector for what is selected: one node, one connection, several things, or (nothing
 * selected) the scenario itself. Keyed by id so a field's unsaved text never leaks from one
 * element to the next.
 */
export default function Inspector() {
  const scenario = useScenarioStore((s) => s.scenario);
  const selection = useScenarioStore((s) => s.selection);
  if (selection.length > 1) return <SelectionSummary scenario={scenario} selection={selection} />;
  const id = selection[0];
  const node = id ? scenario.nodes.find((n) => n.id === id) : undefined;
  if (node) return <NodeInspector key={node.id} node={node} scenario={scenario} />;
  const edge = id ? scenario.edges.find((e) => e.id === id) : undefined;
  if (edge) return <EdgeInspector key={edge.id} edge={edge} scenario={scenario} />;
  return <ScenarioInspector scenario={scenario} />;
}
