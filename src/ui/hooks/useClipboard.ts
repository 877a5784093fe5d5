import { useEffect } from 'react';
import { copySelection, deleteSelection, pasteFragment } from '../../store/commands';
import { parseFragment, type Fragment } from '../../store/fragment';
import { useUiStore } from '../../store/uiStore';
import { inDialog, isTypingTarget } from './isTypingTarget';

// The last copy, for browsers that refuse clipboard data to the page; and how many times it was
// pasted, so repeated pastes fan out instead of piling up.
let lastCopy: { text: string; fragment: Fragment } | null = null;
let pasteCount = 0;

/** Copy/cut/paste of selected nodes (with the connections among them) through the system clipboard. */
export function useClipboard(onScenarioText: (text: string) => void): void {
  useEffect(() => {
    const onCopy = (e: ClipboardEvent, cut: boolean) => {
      if (isTypingTarget(e.target) || inDialog(e.target) || hasTextSelection()) return;
      const fragment = copySelection();
      if (!fragment) return;
      const text = JSON.stringify(fragment);
      lastCopy = { text, fragment };
      pasteCount = 0;
      e.clipboardData?.setData('text/plain', text);
      e.preventDefault();
      if (cut) deleteSelection();
    };
    const onPaste = (e: ClipboardEvent) => {
      if (isTypingTarget(e.target) || inDialog(e.target)) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      const parsed = parseFragment(text) ?? (text === '' && lastCopy ? { ok: true as const, value: lastCopy.fragment } : null);
      if (!parsed) {
        // Not a fragment: a whole scenario pasted from a file is opened like an import.
        if (/"format"\s*:\s*"evsim-scenario"/.test(text)) {
          e.preventDefault();
          onScenarioText(text);
        }
        return;
      }
      e.preventDefault();
      if (!parsed.ok) return useUiStore.getState().notify({ kind: 'error', text: parsed.error });
      pasteCount = text === lastCopy?.text || text === '' ? pasteCount + 1 : 1;
      const refused = pasteFragment(parsed.value, { x: 40 * pasteCount, y: 40 * pasteCount });
      if (refused) useUiStore.getState().notify({ kind: 'error', text: `Could not paste: ${refused}` });
    };
    const copy = (e: ClipboardEvent) => onCopy(e, false);
    const cut = (e: ClipboardEvent) => onCopy(e, true);
    document.addEventListener('copy', copy);
    document.addEventListener('cut', cut);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('copy', copy);
      document.removeEventListener('cut', cut);
      document.removeEventListener('paste', onPaste);
    };
  }, [onScenarioText]);
}

// Text selected on the page (a lint message, a description) copies as text, not as nodes.
const hasTextSelection = (): boolean => (window.getSelection()?.toString() ?? '') !== '';
