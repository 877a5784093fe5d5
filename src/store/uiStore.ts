import { create } from 'zustand';

/** A message shown to the user in the alert region. */
export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

/** View state that is neither the document nor the simulation. */
export interface UiState {
  theme: 'light' | 'dark';
  notice: Notice | null;
  workerStatus: 'connecting' | 'ready' | 'incompatible' | 'failed';
  showJson: boolean;
  setTheme(t: 'light' | 'dark'): void;
  notify(n: Notice | null): void;
  setWorkerStatus(s: UiState['workerStatus']): void;
  toggleJson(): void;
}

/** UI-only state; never part of undo. */
export const useUiStore = create<UiState>((set) => ({
  theme: 'light',
  notice: null,
  workerStatus: 'connecting',
  showJson: false,
  setTheme: (theme) => set({ theme }),
  notify: (notice) => set({ notice }),
  setWorkerStatus: (workerStatus) => set({ workerStatus }),
  toggleJson: () => set((s) => ({ showJson: !s.showJson })),
}));
