import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/** One entry of a menu. */
export interface MenuItem {
  label: string;
  hint?: string;
  /** A longer explanation, shown on hover. */
  title?: string;
  onSelect(): void;
  disabled?: boolean;
}

/**
 * A toolbar button opening a menu (WAI-ARIA menu button): Enter/Space/ArrowDown open it, arrows
 * move between entries, Escape closes it and gives focus back. Items may load lazily.
 */
export function MenuButton({ label, items, onOpen, testId }: { label: ReactNode; items: MenuItem[]; onOpen?: () => void; testId?: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    root.current?.querySelector<HTMLButtonElement>('[role="menuitem"]:not([disabled])')?.focus();
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const toggle = () => {
    if (!open) onOpen?.();
    setOpen(!open);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const entries = [...(root.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not([disabled])') ?? [])];
    const at = entries.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      setOpen(false);
      button.current?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) return toggle();
      const next = entries[(at + (e.key === 'ArrowDown' ? 1 : -1) + entries.length) % entries.length];
      next?.focus();
    } else return;
    e.stopPropagation();
  };
  return (
    <div className="menu" ref={root} onKeyDown={onKeyDown}>
      <button ref={button} type="button" aria-haspopup="menu" aria-expanded={open} aria-controls={id} onClick={toggle} data-testid={testId}>
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="menu__list" role="menu" id={id}>
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              disabled={item.disabled}
              title={item.title}
              onClick={() => {
                setOpen(false);
                item.onSelect();
              }}
            >
              <span className="menu__label">{item.label}</span>
              {item.hint && <span className="menu__hint">{item.hint}</span>}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
