import { useState } from 'react';
import { canConnect } from '../../model/connections';
import type { Scenario, ScenarioNode } from '../../model/types';
import { connectNodes } from '../../store/commands';
import { useScenarioStore } from '../../store/scenarioStore';
import { useUiStore } from '../../store/uiStore';
import { nodeTitle } from '../canvas/describeNode';
import { EDGE_LABELS } from '../canvas/kindStyles';
import { InspectorSection } from './InspectorSection';

/**
 * A node's connections, each a button selecting it, and a keyboard way to connect: pick a
 * target among the nodes AWS would accept (the same `canConnect` the canvas uses).
 */
export function ConnectionsSection({ node, scenario }: { node: ScenarioNode; scenario: Scenario }) {
  const select = useScenarioStore((s) => s.select);
  const [target, setTarget] = useState('');
  const byId = new Map(scenario.nodes.map((n) => [n.id, n]));
  const incoming = scenario.edges.filter((e) => e.target === node.id);
  const outgoing = scenario.edges.filter((e) => e.source === node.id);
  const candidates = scenario.nodes.filter((n) => n.id !== node.id && canConnect(scenario, node.id, n.id).ok);
  const connect = () => {
    if (!target) return;
    const refused = connectNodes(node.id, target);
    if (refused) useUiStore.getState().notify({ kind: 'error', text: refused });
    setTarget('');
  };
  const item = (id: string, label: string) => (
    <li key={id}>
      <button type="button" className="link-button" onClick={() => select([id])}>
        {label}
      </button>
    </li>
  );
  return (
    <InspectorSection title="Connections" note={`${incoming.length} in · ${outgoing.length} out`} testId="section-connections">
      {incoming.length + outgoing.length === 0 && <p className="inspector__lead">Not connected yet.</p>}
      <ul className="connection-list">
        {incoming.map((e) => item(e.id, `← ${EDGE_LABELS[e.kind]} from ${byId.get(e.source) ? nodeTitle(byId.get(e.source)!) : e.source}`))}
        {outgoing.map((e) => item(e.id, `→ ${EDGE_LABELS[e.kind]} to ${byId.get(e.target) ? nodeTitle(byId.get(e.target)!) : e.target}`))}
      </ul>
      <div className="connect-to">
        <label htmlFor={`connect-${node.id}`}>Connect to</label>
        <select id={`connect-${node.id}`} value={target} onChange={(e) => setTarget(e.target.value)} disabled={candidates.length === 0}>
          <option value="">{candidates.length ? 'choose a node…' : 'no node accepts a connection'}</option>
          {candidates.map((n) => (
            <option key={n.id} value={n.id}>
              {nodeTitle(n)}
            </option>
          ))}
        </select>
        <button type="button" onClick={connect} disabled={!target}>
          Connect
        </button>
      </div>
    </InspectorSection>
  );
}
