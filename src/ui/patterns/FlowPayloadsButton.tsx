import { lazy, Suspense, useState } from 'react';
import { useScenarioStore } from '../../store/scenarioStore';

const FlowPayloadsDialog = lazy(() => import('./FlowPayloadsDialog'));

/** "Payloads downstream…": the chained envelopes of the flow from this node, hop by hop. */
export function FlowPayloadsButton({ nodeId }: { nodeId: string }) {
  const [open, setOpen] = useState(false);
  const scenario = useScenarioStore((s) => s.scenario);
  const downstream = scenario.edges.some((e) => e.source === nodeId);
  if (!downstream) return null;
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} title="The payload at each hop downstream of this node" data-testid="flow-payloads-open">
        Flow payloads…
      </button>
      {open && (
        <Suspense fallback={<span className="field-action__loading">Loading…</span>}>
          <FlowPayloadsDialog scenario={scenario} nodeId={nodeId} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
