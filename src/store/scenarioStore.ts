import { create } from 'zustand';
import { emptyScenario } from '../model/defaults';
import { applyEdit, type ScenarioEdit } from '../model/edits';
import type { Scenario } from '../model/types';
import type { Result } from '../shared/result';
import { record, redo, startHistory, undo, type History } from './history';

/** Options of one edit. */
export interface EditOptions {
  /**
   * Edits with the same key in quick succession make one undo step (typing a name, nudging with
   * arrows), so undo goes back to before the burst, not one keystroke.
   */
  coalesce?: string;
  /** What to select once the edit is applied (the pasted nodes, a new connection). */
  select?: string[];
}

/** The document the user edits, its undo history, and what is selected. */
export interface ScenarioState {
  scenario: Scenario;
  history: History<Scenario>;
  /** Ids of selected nodes and edges. Not part of undo. */
  selection: string[];
  /** Key and time of the edit that can still absorb the next one (see EditOptions.coalesce). */
  coalesceKey: string | null;
  coalesceAt: number;
  /** Applies a pure model edit as one undo step; on refusal nothing changes and the reason is returned. */
  edit(edit: ScenarioEdit, opts?: EditOptions): Result<Scenario, string>;
  /** Opens another document (example, link, file) as an undoable step. */
  load(s: Scenario): void;
  /** Starts over with `s` and an empty history (first load of the page). */
  reset(s: Scenario): void;
  undo(): void;
  redo(): void;
  select(ids: string[]): void;
}

/** Edits further apart than this are separate undo steps even with the same coalesce key. */
export const COALESCE_MS = 1500;

/** The scenario store: the only source of truth for the drawing. */
export const useScenarioStore = create<ScenarioState>((set, get) => {
  const present = emptyScenario();
  const show = (history: History<Scenario>, coalesceKey: string | null, selection?: string[]) =>
    set((s) => ({ history, scenario: history.present, coalesceKey, selection: pruneSelection(history.present, selection ?? s.selection) }));
  return {
    scenario: present,
    history: startHistory(present),
    selection: [],
    coalesceKey: null,
    coalesceAt: 0,
    edit: (edit, opts = {}) => {
      const { history, coalesceKey, coalesceAt } = get();
      const result = applyEdit(history.present, edit);
      if (!result.ok) return result;
      const key = opts.coalesce ?? null;
      const now = Date.now();
      // Same burst: replace the present instead of stacking another undo step.
      const sameBurst = key !== null && key === coalesceKey && now - coalesceAt < COALESCE_MS && history.past.length > 0;
      const next = sameBurst ? { ...history, present: result.value, future: [] } : record(history, result.value);
      show(next, key, opts.select);
      set({ coalesceAt: now });
      return result;
    },
    load: (s) => show(record(get().history, s), null, []),
    reset: (s) => show(startHistory(s), null, []),
    undo: () => show(undo(get().history), null),
    redo: () => show(redo(get().history), null),
    select: (selection) => set((s) => (sameIds(s.selection, selection) ? s : { selection, coalesceKey: null })),
  };
});

/** Drops ids that no longer exist (after undo, delete) so the inspector never shows a ghost. */
function pruneSelection(s: Scenario, ids: string[]): string[] {
  if (ids.length === 0) return ids;
  const known = new Set<string>();
  for (const n of s.nodes) known.add(n.id);
  for (const e of s.edges) known.add(e.id);
  const kept = ids.filter((id) => known.has(id));
  return kept.length === ids.length ? ids : kept;
}

function sameIds(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
