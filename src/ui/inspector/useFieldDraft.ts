import { useState } from 'react';

/** What a field shows: the model's value, or the user's text while it is invalid or being typed. */
export interface FieldDraft {
  text: string;
  error: string | null;
  /** Remembers text the model has not (yet) accepted, with why. */
  hold(text: string, error: string | null): void;
  /** Drops the held text: the field shows the model's value again. */
  release(): void;
}

/**
 * Local text of an inspector field. Held text belongs to the model value it was typed over:
 * when that value changes underneath (undo, another edit), the held text is dropped, so the
 * field never shows a stale draft.
 */
export function useFieldDraft(display: string): FieldDraft {
  const [held, setHeld] = useState<{ text: string; error: string | null; base: string } | null>(null);
  const active = held && held.base === display ? held : null;
  return {
    text: active ? active.text : display,
    error: active ? active.error : null,
    hold: (text, error) => setHeld({ text, error, base: display }),
    release: () => setHeld(null),
  };
}
