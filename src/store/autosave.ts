// Autosave: the drawing is written to localStorage shortly after every change and when the page
// is hidden or closed, so neither a reload nor a crash loses it. What comes back is untrusted
// (another version, another tab, a hand edit) and goes through restoreScenario like a file.
import { serializeScenario } from '../model/restoreScenario';
import type { Scenario } from '../model/types';
import { useScenarioStore } from './scenarioStore';

/** Storage key of the current drawing. */
export const AUTOSAVE_KEY = 'evsim.autosave.v1';
/** Storage key of the drawing a shared link replaced, so it can be brought back. */
export const PREVIOUS_KEY = 'evsim.autosave.previous.v1';
/** Quiet time before a change is written. */
export const AUTOSAVE_DELAY_MS = 400;

const storage = (): Storage | null => {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
};

/** The saved text under `key`, or null. */
export function readSaved(key = AUTOSAVE_KEY): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Writes text; returns false when storage is full or unavailable. */
export function writeSaved(text: string, key = AUTOSAVE_KEY): boolean {
  try {
    const s = storage();
    if (!s) return false;
    s.setItem(key, text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Saves the scenario after every change (debounced) and on pagehide; returns a stop function.
 * `onFailure` is told once when the browser refuses to store (quota, private mode).
 */
export function startAutosave(onFailure: (why: string) => void, delayMs = AUTOSAVE_DELAY_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let saved: Scenario | null = useScenarioStore.getState().scenario;
  let warned = false;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const current = useScenarioStore.getState().scenario;
    if (current === saved) return;
    if (writeSaved(serializeScenario(current))) saved = current;
    else if (!warned) {
      warned = true;
      onFailure('The browser refused to save the drawing locally (storage full or disabled). Use Save file to keep a copy.');
    }
  };
  const unsubscribe = useScenarioStore.subscribe((s, prev) => {
    if (s.scenario === prev.scenario) return;
    clearTimeout(timer);
    timer = setTimeout(flush, delayMs);
  });
  const onHide = () => flush();
  const onVisibility = () => document.visibilityState === 'hidden' && flush();
  addEventListener('pagehide', onHide);
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    flush();
    unsubscribe();
    removeEventListener('pagehide', onHide);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
