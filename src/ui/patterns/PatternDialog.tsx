import { useEffect, useId, useRef, type ReactNode } from 'react';

/** Props of {@link PatternDialog}. */
export interface PatternDialogProps {
  title: string;
  subtitle?: string;
  onClose(): void;
  children: ReactNode;
  /** Buttons at the bottom right. */
  actions?: ReactNode;
  testId?: string;
}

/**
 * The large modal of the pattern, transformer and flow editors. Escape closes it, except while
 * focus is in an editor (there Escape closes the suggestion list).
 */
export function PatternDialog({ title, subtitle, onClose, children, actions, testId }: PatternDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog pattern-dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        if (!(document.activeElement instanceof HTMLElement && document.activeElement.closest('.monaco-editor'))) onClose();
      }}
    >
      <header className="pattern-dialog__header">
        <div>
          <h2 id={titleId}>{title}</h2>
          {subtitle && <p className="pattern-dialog__subtitle">{subtitle}</p>}
        </div>
        <button type="button" className="pattern-dialog__close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="pattern-dialog__body">{children}</div>
      {actions && <footer className="pattern-dialog__actions">{actions}</footer>}
    </dialog>
  );
}
