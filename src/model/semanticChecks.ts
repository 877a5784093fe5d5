/**
 * Checks a schema-valid scenario for what JSON Schema can't express: unique ids, edges whose
 * ends exist and whose kind AWS allows between those nodes (counting the edges before each one,
 * so the 6th target of a rule is the one reported), references, and per-kind prop rules.
 */
import { addConnection, connectionProblem, type ConnectionIndex } from './connections';
import { onePerPath, scenarioError, type ScenarioError } from './errors';
import { edgePropErrors, nodePropErrors, uniquenessErrors } from './propChecks';
import type { Scenario } from './types';

/** Every semantic error of a schema-valid scenario, one per path. */
export function semanticErrors(s: Scenario): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const push = (path: string, message: string, allowed?: string) => errors.push(scenarioError(path, message, allowed));
  const ix: ConnectionIndex = { nodes: new Map(), out: new Map(), in: new Map() };

  s.nodes.forEach((n, i) => {
    if (ix.nodes.has(n.id)) {
      const first = s.nodes.findIndex((m) => m.id === n.id);
      push(`/nodes/${i}/id`, `The node id "${n.id}" is used twice (also by /nodes/${first}).`, 'a unique id per node');
    }
    else ix.nodes.set(n.id, n);
  });
  const edgeIds = new Map<string, number>();
  s.edges.forEach((e, i) => {
    const first = edgeIds.get(e.id);
    if (first !== undefined) push(`/edges/${i}/id`, `The connection id "${e.id}" is used twice (also by /edges/${first}).`, 'a unique id per connection');
    else edgeIds.set(e.id, i);
  });

  const connected: number[] = [];
  s.edges.forEach((e, i) => {
    const source = ix.nodes.get(e.source);
    const target = ix.nodes.get(e.target);
    if (!source) push(`/edges/${i}/source`, `The connection starts at "${e.source}", which is not a node of this scenario.`, 'the id of a node');
    if (!target) push(`/edges/${i}/target`, `The connection ends at "${e.target}", which is not a node of this scenario.`, 'the id of a node');
    if (!source || !target) return;
    const problem = connectionProblem(ix, source, target, e.kind);
    if (problem) {
      push(`/edges/${i}`, problem);
      return;
    }
    addConnection(ix, e);
    connected.push(i);
  });

  s.nodes.forEach((n, i) => {
    if (ix.nodes.get(n.id) === n) nodePropErrors(n, i, ix, push);
  });
  for (const i of connected) edgePropErrors(s.edges[i], i, ix, push);
  errors.push(...uniquenessErrors(s.edges));
  return onePerPath(errors);
}
