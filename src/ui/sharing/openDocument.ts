// Opening documents from outside (files, links, pastes, examples). All of them are untrusted
// and go through the model's restore; a refusal leaves the current drawing exactly as it was
// and says what was wrong in the alert bar.
import type { ScenarioError } from '../../model/errors';
import { parseScenarioText, restoreScenario } from '../../model/restoreScenario';
import { decodeShareLink } from '../../model/shareLink';
import type { Scenario } from '../../model/types';
import { useScenarioStore } from '../../store/scenarioStore';
import { useUiStore } from '../../store/uiStore';

/** Largest scenario file read, in bytes (the model refuses more than 5 MB of JSON anyway). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** A short, readable list of what is wrong, with where. */
export function formatErrors(errors: readonly ScenarioError[]): string {
  const shown = errors.slice(0, 3).map((e) => `${e.path ? `${e.path}: ` : ''}${e.message}${e.allowed ? ` (allowed: ${e.allowed})` : ''}`);
  const more = errors.length > 3 ? ` …and ${errors.length - 3} more problems.` : '';
  return `${shown.join(' ')}${more}`;
}

const sentenceCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const midSentence = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

const refuse = (what: string, errors: readonly ScenarioError[]) =>
  useUiStore.getState().notify({ kind: 'error', text: `${sentenceCase(what)} could not be opened. ${formatErrors(errors)} Your drawing was not changed.` });

/** Makes a restored scenario current, as an undoable step, and frames it. */
function open(s: Scenario, message: string | null): void {
  useScenarioStore.getState().load(s);
  useUiStore.getState().notify(message ? { kind: 'info', text: message } : null);
  useUiStore.getState().requestFitView();
}

/** Opens JSON text (a file, a paste); returns whether it was opened. */
export function openScenarioText(text: string, what: string): boolean {
  const r = parseScenarioText(text);
  if (!r.ok) {
    refuse(what, r.error);
    return false;
  }
  open(r.value, `Opened ${midSentence(what)}. Undo (Ctrl+Z) brings back the previous drawing.`);
  return true;
}

/** Reads and opens a scenario file chosen by the user. */
export async function openScenarioFile(file: File): Promise<boolean> {
  const what = `The file "${file.name}"`;
  if (file.size > MAX_FILE_BYTES) {
    refuse(what, [{ path: '', message: `It is ${(file.size / 1048576).toFixed(1)} MB; a scenario file is at most 5 MB.` }]);
    return false;
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    refuse(what, [{ path: '', message: 'The browser could not read it.' }]);
    return false;
  }
  return openScenarioText(text, what);
}

/** Opens a share-link hash; returns whether it was opened. */
export async function openShareHash(hash: string, opts: { undoable: boolean }): Promise<boolean> {
  const r = await decodeShareLink(hash);
  if (!r.ok) {
    refuse('The shared link', r.error);
    return false;
  }
  if (opts.undoable) open(r.value, null);
  else {
    useScenarioStore.getState().reset(r.value);
    useUiStore.getState().requestFitView();
  }
  return true;
}

/** Fetches a built-in example and opens it (undoable unless it is the first document of the page). */
export async function openExample(path: string, opts: { undoable: boolean }): Promise<boolean> {
  let data: unknown;
  try {
    const res = await fetch(path);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    data = await res.json();
  } catch (e) {
    refuse(`The example ${path}`, [{ path: '', message: (e as Error).message }]);
    return false;
  }
  const r = restoreScenario(data);
  if (!r.ok) {
    refuse(`The example ${path}`, r.error);
    return false;
  }
  if (opts.undoable) open(r.value, null);
  else {
    useScenarioStore.getState().reset(r.value);
    useUiStore.getState().requestFitView();
  }
  return true;
}
