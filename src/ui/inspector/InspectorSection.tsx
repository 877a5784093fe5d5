import type { ReactNode } from 'react';

/** A titled, collapsible part of the inspector (AWS properties, simulation behaviour, ...). */
export function InspectorSection({ title, note, children, defaultOpen = true, testId }: { title: string; note?: string; children: ReactNode; defaultOpen?: boolean; testId?: string }) {
  return (
    <details className="inspector-section" open={defaultOpen} data-testid={testId}>
      <summary className="inspector-section__title">
        {title}
        {note && <span className="inspector-section__note">{note}</span>}
      </summary>
      <div className="inspector-section__body">{children}</div>
    </details>
  );
}
