import { useEffect } from 'react';
import { deleteSelection, duplicateSelection, nudgeSelection, selectAll } from '../../store/commands';
import { useScenarioStore } from '../../store/scenarioStore';
import { useUiStore } from '../../store/uiStore';
import { GRID } from '../canvas/useCanvasCommands';
import { inDialog, isTypingTarget, onDrawing } from './isTypingTarget';

const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/** Arrow moves: one grid step, ten with Shift. */
export const NUDGE_STEP = GRID;

/**
 * Keyboard shortcuts of the editor: undo (Ctrl/Cmd+Z), redo (Shift+Ctrl/Cmd+Z, Ctrl+Y),
 * duplicate (Ctrl/Cmd+D), select all (Ctrl/Cmd+A), delete (Delete, Backspace), arrow moves
 * (Shift for 10x), Escape to clear the selection. Listened to in the capture phase so that
 * React Flow's own arrow handling (another step size, no undo) never runs; text fields keep
 * their own keys.
 */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTypingTarget(e.target) || inDialog(e.target)) return;
      if (handle(e)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);
}

function handle(e: KeyboardEvent): boolean {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  const store = useScenarioStore.getState();
  if (mod && !e.altKey) {
    if (key === 'z' && !e.shiftKey) return store.undo(), true;
    if ((key === 'z' && e.shiftKey) || key === 'y') return store.redo(), true;
    if (key === 'd') return report(duplicateSelection()), true;
    if (key === 'a' && onDrawing(e.target)) return selectAll(), true;
    return false;
  }
  if (e.altKey || !onDrawing(e.target)) return false;
  if (key === '?') return useUiStore.getState().openDialog({ type: 'help' }), true;
  if (key === 'Delete' || key === 'Backspace') return deleteSelection();
  if (key === 'Escape') {
    if (useUiStore.getState().toast) useUiStore.getState().hideToast();
    if (store.selection.length === 0) return false;
    return store.select([]), true;
  }
  const dir = ARROWS[key];
  if (dir) {
    const step = NUDGE_STEP * (e.shiftKey ? 10 : 1);
    return nudgeSelection(dir[0] * step, dir[1] * step);
  }
  return false;
}

function report(refused: string | null): void {
  if (refused) useUiStore.getState().notify({ kind: 'error', text: `Could not duplicate: ${refused}` });
}
