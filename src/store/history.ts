/**
 * Undo history as immutable snapshots. Scenario edits are pure and return new documents that
 * share unchanged nodes, so a snapshot costs only what changed; no inverse edits to get wrong.
 */
export interface History<T> {
  past: readonly T[];
  present: T;
  future: readonly T[];
}

/** How many steps back undo can go; older steps are dropped. */
export const HISTORY_LIMIT = 200;

/** A history with nothing to undo. */
export const startHistory = <T>(present: T): History<T> => ({ past: [], present, future: [] });

/** Makes `next` the present; the old present becomes undoable and the redo list is cleared. */
export function record<T>(h: History<T>, next: T): History<T> {
  if (next === h.present) return h;
  const past = [...h.past, h.present];
  return { past: past.length > HISTORY_LIMIT ? past.slice(past.length - HISTORY_LIMIT) : past, present: next, future: [] };
}

/** Steps back one edit; unchanged when there is nothing to undo. */
export function undo<T>(h: History<T>): History<T> {
  if (h.past.length === 0) return h;
  return { past: h.past.slice(0, -1), present: h.past[h.past.length - 1], future: [h.present, ...h.future] };
}

/** Steps forward one undone edit; unchanged when there is nothing to redo. */
export function redo<T>(h: History<T>): History<T> {
  if (h.future.length === 0) return h;
  return { past: [...h.past, h.present], present: h.future[0], future: h.future.slice(1) };
}
