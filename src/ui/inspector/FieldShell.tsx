import type { ReactNode } from 'react';

/** Props of the frame around one inspector input. */
export interface FieldShellProps {
  id: string;
  /** The AWS property name, e.g. VisibilityTimeout. */
  label: string;
  /** Facts such as "default 30 seconds · 0–43200". */
  facts?: string;
  description?: string;
  error: string | null;
  /** Render the label after the input (checkboxes). */
  inline?: boolean;
  /** Extra controls in the label row (the pattern editor's "Edit & test…"). */
  actions?: ReactNode;
  children: ReactNode;
}

/** Label, input, one-line explanation and error message of one property; ids tie them for screen readers. */
export function FieldShell({ id, label, facts, description, error, inline, actions, children }: FieldShellProps) {
  return (
    <div className={`field${error ? ' field--invalid' : ''}${inline ? ' field--inline' : ''}`} data-field={label}>
      {inline ? (
        <label className="field__label field__label--inline" htmlFor={id}>
          {children}
          <span className="field__name">{label}</span>
        </label>
      ) : (
        <>
          <div className="field__label">
            <label className="field__name" htmlFor={id}>
              {label}
            </label>
            {facts && <span className="field__facts">{facts}</span>}
            {actions}
          </div>
          {children}
        </>
      )}
      {description && (
        <p className="field__description" id={`${id}-desc`}>
          {description}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** The aria attributes every inspector input carries. */
export function fieldAria(id: string, error: string | null, description?: string) {
  const describedBy = [error ? `${id}-error` : '', description ? `${id}-desc` : ''].filter(Boolean).join(' ');
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy || undefined } as const;
}
