import { lazy, Suspense, useState } from 'react';
import type { EventTemplate } from '../../model/types';

const ProducerSampleDialog = lazy(() => import('./ProducerSampleDialog'));

/** Props of {@link ProducerSampleButton}. */
export interface ProducerSampleButtonProps {
  current: EventTemplate | undefined;
  /** Commits the template; returns the model's refusal. */
  onCommit(template: EventTemplate): string | null;
}

/** "From sample…" above a producer's event template: fills it from the sample catalogue. */
export function ProducerSampleButton({ current, onCommit }: ProducerSampleButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <div className="field-actions">
      <button type="button" className="field-action" onClick={() => setOpen(true)} data-testid="template-from-sample">
        Event from sample…
      </button>
      {open && (
        <Suspense fallback={<span className="field-action__loading">Loading samples…</span>}>
          <ProducerSampleDialog current={current} onApply={onCommit} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
