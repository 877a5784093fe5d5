import { SimulationClient } from '../worker/simulationClient';
import { restoreScenario } from '../model/restoreScenario';
import { decodeShareLink } from '../model/shareLink';
import type { ScenarioError } from '../model/restoreScenario';
import { useScenarioStore } from '../store/scenarioStore';
import { useUiStore } from '../store/uiStore';
import { installTestApi } from './testApi';

/** The built-in example opened when the URL carries no scenario. */
export const DEFAULT_EXAMPLE = 'examples/order-flow.json';

let started = false;
let client: SimulationClient | null = null;

/** The simulation worker's client, once bootstrap has run. */
export const simulationClient = (): SimulationClient | null => client;

/** Starts the app once: connects the worker, then opens the scenario from the link or the default example. */
export async function bootstrap(): Promise<void> {
  if (started) return;
  started = true;
  installTestApi(() => client);
  connectWorker();
  await openInitialScenario();
}

function connectWorker(): void {
  const ui = useUiStore.getState();
  try {
    client = new SimulationClient();
    client
      .connect()
      .then((reply) => ui.setWorkerStatus(reply.type === 'ready' ? 'ready' : 'incompatible'))
      .catch(() => ui.setWorkerStatus('failed'));
  } catch {
    ui.setWorkerStatus('failed');
  }
}

async function openInitialScenario(): Promise<void> {
  const hash = location.hash.replace(/^#/, '');
  if (hash) {
    const decoded = await decodeShareLink(hash);
    if (decoded.ok) {
      useScenarioStore.getState().setScenario(decoded.value);
      return;
    }
    useUiStore.getState().notify({ kind: 'error', text: `The link could not be opened: ${formatErrors(decoded.error)} The default example is shown instead.` });
  }
  await openExample(DEFAULT_EXAMPLE);
}

/** Fetches a built-in example, restores it and makes it the current scenario. */
export async function openExample(path: string): Promise<void> {
  try {
    const res = await fetch(path);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const restored = restoreScenario(await res.json());
    if (!restored.ok) throw new Error(formatErrors(restored.error));
    useScenarioStore.getState().setScenario(restored.value);
  } catch (e) {
    useUiStore.getState().notify({ kind: 'error', text: `The example ${path} could not be opened: ${(e as Error).message}` });
  }
}

/** A short, readable list of scenario errors. */
export function formatErrors(errors: ScenarioError[]): string {
  const shown = errors.slice(0, 3).map((e) => `${e.path || '/'}: ${e.message}${e.allowed ? ` (${e.allowed})` : ''}`);
  const more = errors.length > 3 ? ` and ${errors.length - 3} more` : '';
  return `${shown.join('; ')}${more}.`;
}
