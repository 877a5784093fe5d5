/** True when a key or clipboard event belongs to a text field (or Monaco), not to the canvas. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest('.monaco-editor')) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(type);
}

/** True when focus is inside a dialog or a menu, which handle their own keys. */
export const inDialog = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && target.closest('dialog, [role="dialog"], [role="menu"], [aria-haspopup="menu"]') !== null;

/**
 * True when keys that act on the drawing (arrows, Delete, Escape, select all) may: focus is on
 * the page itself, the canvas or the side panel, not on a toolbar or palette button.
 */
export const onDrawing = (target: EventTarget | null): boolean =>
  !(target instanceof HTMLElement) || target === document.body || target.closest('.flow-canvas, .side-panel') !== null;
