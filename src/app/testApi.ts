import type { SimulationClient } from '../worker/simulationClient';
import type { Request } from '../worker/protocol';
import { useScenarioStore } from '../store/scenarioStore';
import type { SimSnapshot } from '../worker/protocol';
import { openScenarioText } from '../ui/sharing/openDocument';

/** What end-to-end tests may read and do through `window.__evsim`. */
export interface EvsimTestApi {
  /** A copy of the current scenario document. */
  scenario(): unknown;
  /** Ids of the selected nodes and edges. */
  selection(): string[];
  /** How many steps undo and redo can take. */
  history(): { undo: number; redo: number };
  workerRequest(req: Request): Promise<unknown>;
  /** Opens a scenario document (JSON text) as the user's File > Open would; resolves to whether it opened. */
  openScenario(text: string): Promise<boolean>;
  /** The simulation view's latest snapshot (null before the first load). */
  simulation(): Promise<SimSnapshot | null>;
}

/** Exposes a small, typed, read-mostly API for Playwright; plain data in and out. */
export function installTestApi(getClient: () => SimulationClient | null): void {
  const api: EvsimTestApi = {
    scenario: () => structuredClone(useScenarioStore.getState().scenario),
    selection: () => [...useScenarioStore.getState().selection],
    history: () => ({ undo: useScenarioStore.getState().history.past.length, redo: useScenarioStore.getState().history.future.length }),
    workerRequest: async (req) => {
      const c = getClient();
      if (!c) throw new Error('worker not started');
      return c.request(req);
    },
    openScenario: async (text) => openScenarioText(text, 'the test scenario'),
    simulation: async () => (await import('../store/simulationStore')).useSimulationStore.getState().snapshot,
  };
  (window as unknown as { __evsim: EvsimTestApi }).__evsim = api;
}
