import { lazy, Suspense, useState } from 'react';
import type { InputTransformer } from '../../model/types';
import { useScenarioStore } from '../../store/scenarioStore';
import { useUiStore } from '../../store/uiStore';

const TransformerWorkbench = lazy(() => import('./TransformerWorkbench'));

/** Props of {@link TransformerButton}. */
export interface TransformerButtonProps {
  edgeId: string;
  /** Commits the InputTransformer (undefined removes it); returns the model's refusal. */
  onCommit(value: InputTransformer | undefined): string | null;
}

/** "Edit & preview…" above a rule target's InputTransformer: the transformer editor with its payload preview. */
export function TransformerButton({ edgeId, onCommit }: TransformerButtonProps) {
  const [open, setOpen] = useState(false);
  const scenario = useScenarioStore((s) => s.scenario);
  const theme = useUiStore((s) => s.theme);
  const edge = open ? scenario.edges.find((e) => e.id === edgeId) : undefined;
  return (
    <div className="field-actions">
      <button type="button" className="field-action" onClick={() => setOpen(true)} data-testid="edit-transformer">
        Edit &amp; preview input transformer…
      </button>
      {open && edge?.kind === 'ruleTarget' && (
        <Suspense fallback={<span className="field-action__loading">Loading editor…</span>}>
          <TransformerWorkbench scenario={scenario} edge={edge} theme={theme} onApply={onCommit} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
