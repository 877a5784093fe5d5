import { listReferences } from '../../model/references';
import type { Scenario } from '../../model/types';

/**
 * Ids of the nodes that hold failed messages: redrive targets, target and subscription DLQs,
 * and OnFailure destinations. Their depth is "DLQ depth" on the canvas and in the charts.
 * Pure (model only), so the main thread may use it too.
 */
export function dlqNodes(scenario: Pick<Scenario, 'nodes' | 'edges'>): Set<string> {
  const out = new Set<string>();
  for (const e of scenario.edges) {
    if (e.kind === 'redrive' || (e.kind === 'destination' && e.props.Condition === 'OnFailure')) out.add(e.target);
  }
  for (const r of listReferences(scenario)) out.add(r.target);
  return out;
}
