import { lazy, Suspense, useState } from 'react';
import { useScenarioStore } from '../../store/scenarioStore';
import { useUiStore } from '../../store/uiStore';
import { patternTargetFor, type FieldOwner } from './patternTargets';

const PatternWorkbench = lazy(() => import('./PatternWorkbench'));

/** Props of {@link PatternFieldButton}. */
export interface PatternFieldButtonProps {
  owner: FieldOwner;
  field: string;
  /** The field's value: pattern text, or `{Filters: [{Pattern}]}` for FilterCriteria. */
  value: unknown;
  /** Commits the field's new value; returns the model's refusal. */
  onCommit(value: unknown): string | null;
}

/** The pattern texts a field holds. */
export function patternTexts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  const filters = (value as { Filters?: Array<{ Pattern?: unknown }> } | undefined)?.Filters;
  if (Array.isArray(filters)) {
    const texts = filters.map((f) => (typeof f?.Pattern === 'string' ? f.Pattern : ''));
    return texts.length > 0 ? texts : [''];
  }
  return [''];
}

/**
 * "Edit & test…" next to a pattern field: opens the pattern editor (Monaco with completion,
 * AWS-worded markers and a test panel), loaded on first use.
 */
export function PatternFieldButton({ owner, field, value, onCommit }: PatternFieldButtonProps) {
  const [open, setOpen] = useState(false);
  const scenario = useScenarioStore((s) => s.scenario);
  const theme = useUiStore((s) => s.theme);
  const target = open ? patternTargetFor(scenario, owner, field) : null;
  const apply = (texts: string[]): string | null => {
    if (field === 'FilterCriteria') return onCommit({ Filters: texts.filter((t) => t.trim() !== '').map((Pattern) => ({ Pattern })) });
    return onCommit(texts[0] ?? '');
  };
  return (
    <>
      <button type="button" className="field-action" onClick={() => setOpen(true)} data-testid={`edit-pattern-${field}`} aria-label={`Edit and test ${field}`}>
        Edit &amp; test…
      </button>
      {open && target && (
        <Suspense fallback={<span className="field-action__loading">Loading editor…</span>}>
          <PatternWorkbench target={target} scenario={scenario} initial={patternTexts(value)} ruleId={owner.kind === 'node' ? owner.id : undefined} theme={theme} onApply={apply} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
