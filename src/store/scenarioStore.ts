import { create } from 'zustand';
import { SCENARIO_FORMAT, SCENARIO_VERSION, type Scenario } from '../model/types';

/** The document the user edits, plus what is selected. */
export interface ScenarioState {
  scenario: Scenario;
  /** Ids of selected nodes and edges. */
  selection: string[];
  /** Replaces the whole document (loading an example, a link or a file). */
  setScenario(s: Scenario): void;
  select(ids: string[]): void;
}

const EMPTY: Scenario = {
  format: SCENARIO_FORMAT,
  version: SCENARIO_VERSION,
  name: 'Untitled',
  description: '',
  settings: { seed: 1, durationMs: 3_600_000, accountConcurrency: 1000, eventBudget: 5_000_000 },
  nodes: [],
  edges: [],
};

/** The scenario store: the only source of truth for the drawing. */
export const useScenarioStore = create<ScenarioState>((set) => ({
  scenario: EMPTY,
  selection: [],
  setScenario: (scenario) => set({ scenario, selection: [] }),
  select: (selection) => set((s) => (sameIds(s.selection, selection) ? s : { selection })),
}));

function sameIds(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
