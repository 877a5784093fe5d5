import { SimulationClient } from '../worker/simulationClient';
import { parseScenarioText } from '../model/restoreScenario';
import { serializeScenario } from '../model/restoreScenario';
import { loadValidator } from '../model/validator';
import { AUTOSAVE_KEY, PREVIOUS_KEY, readSaved, startAutosave, writeSaved } from '../store/autosave';
import { useScenarioStore } from '../store/scenarioStore';
import { useUiStore } from '../store/uiStore';
import { openExample, openScenarioText, openShareHash } from '../ui/sharing/openDocument';
import { installTestApi } from './testApi';

/** The built-in example opened when there is neither a link nor a saved drawing. */
export const DEFAULT_EXAMPLE = 'examples/order-flow.json';

let started = false;
let client: SimulationClient | null = null;

/** The simulation worker's client, once bootstrap has run. */
export const simulationClient = (): SimulationClient | null => client;

/**
 * Starts the app once: connects the worker, opens the first document (the link in the hash,
 * else the autosaved drawing, else the default example), then autosaves every change.
 */
export async function bootstrap(): Promise<void> {
  if (started) return;
  started = true;
  installTestApi(() => client);
  connectWorker();
  // The validator (Ajv) is its own chunk, fetched while the shell paints.
  await loadValidator();
  await openInitialScenario();
  startAutosave((why) => useUiStore.getState().notify({ kind: 'error', text: why }));
  addEventListener('hashchange', () => void openHashInPlace());
}

function connectWorker(): void {
  const ui = useUiStore.getState();
  try {
    const c = new SimulationClient();
    client = c;
    // The simulation view's store (a lazily loaded chunk) drives the worker from here on.
    void import('../store/simulationStore').then((m) => m.useSimulationStore.getState().attach(c));
    c
      .connect()
      .then((reply) => ui.setWorkerStatus(reply.type === 'ready' ? 'ready' : 'incompatible'))
      .catch(() => ui.setWorkerStatus('failed'));
  } catch {
    ui.setWorkerStatus('failed');
  }
}

// The hash is dropped once read: the drawing then lives in autosave, so a reload after edits
// shows the edits, not the link's original.
const clearHash = () => history.replaceState(null, '', location.pathname + location.search);

async function openInitialScenario(): Promise<void> {
  const hash = location.hash.replace(/^#/, '');
  const saved = readSaved(AUTOSAVE_KEY);
  if (hash) {
    const opened = await openShareHash(hash, { undoable: false });
    clearHash();
    if (opened) {
      offerPrevious(saved);
      return;
    }
    // A broken link leaves the drawing the user had: fall through to the autosave.
  }
  if (saved && restoreSaved(saved)) return;
  await openExample(DEFAULT_EXAMPLE, { undoable: false });
}

function restoreSaved(text: string): boolean {
  const r = parseScenarioText(text);
  if (r.ok) {
    useScenarioStore.getState().reset(r.value);
    useUiStore.getState().requestFitView();
    return true;
  }
  // Keep the unreadable save aside rather than overwrite it with the default example.
  writeSaved(text, `${AUTOSAVE_KEY}.unreadable`);
  useUiStore.getState().notify({ kind: 'error', text: `The drawing saved in this browser could not be restored (${r.error[0]?.message ?? 'unknown error'}). It is kept aside; the default example is shown.` });
  return false;
}

/** After a link replaced the saved drawing, keeps that drawing and offers it back. */
function offerPrevious(saved: string | null): void {
  if (!saved) return;
  const current = serializeScenario(useScenarioStore.getState().scenario);
  if (saved === current) return;
  writeSaved(saved, PREVIOUS_KEY);
  useUiStore.getState().notify({
    kind: 'info',
    text: 'Opened the shared scenario. The drawing you had before is kept.',
    action: { label: 'Bring back my drawing', run: () => void openScenarioText(saved, 'your previous drawing') },
  });
}

/** A link pasted into the address bar of an open tab: opened as an undoable step. */
async function openHashInPlace(): Promise<void> {
  const hash = location.hash.replace(/^#/, '');
  if (!hash) return;
  await openShareHash(hash, { undoable: true });
  clearHash();
}
