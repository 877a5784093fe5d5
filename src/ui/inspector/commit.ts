import { useScenarioStore } from '../../store/scenarioStore';
import { keyPatch } from './patch';

type Part = 'props' | 'behavior';

const NODE_EDITS = { props: 'updateNodeProps', behavior: 'updateNodeBehavior' } as const;
const EDGE_EDITS = { props: 'updateEdgeProps', behavior: 'updateEdgeBehavior' } as const;

/**
 * Sends one property of a node or edge to the model as a merge patch. Edits of the same
 * property in quick succession (typing) make one undo step. Returns the model's refusal.
 */
export function commitKey(owner: 'node' | 'edge', id: string, part: Part, before: Record<string, unknown> | undefined, key: string, value: unknown): string | null {
  const type = owner === 'node' ? NODE_EDITS[part] : EDGE_EDITS[part];
  const r = useScenarioStore.getState().edit({ type, id, patch: keyPatch(before, key, value) }, { coalesce: `${id}/${part}/${key}` });
  return r.ok ? null : r.error;
}
