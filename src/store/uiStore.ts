import { create } from 'zustand';
import { readPreference, writePreference } from './preferences';

/** A message shown to the user in the notice bar (errors go to an alert region). */
export interface Notice {
  kind: 'error' | 'info';
  text: string;
  /** An optional action offered next to the message, such as "Download file". */
  action?: { label: string; run: () => void };
}

/** A short message shown where the user is looking (a refused connection), in screen pixels. */
export interface Toast {
  text: string;
  x: number;
  y: number;
  /** Bumped on every toast so that the same text shown twice restarts its timer. */
  seq: number;
}

/** Which modal dialog is open, if any. */
export type Dialog = null | { type: 'share'; link: string; copied: boolean } | { type: 'help' };

export type Theme = 'light' | 'dark';

/** View state that is neither the document nor the simulation. */
export interface UiState {
  theme: Theme;
  snapToGrid: boolean;
  notice: Notice | null;
  toast: Toast | null;
  dialog: Dialog;
  workerStatus: 'connecting' | 'ready' | 'incompatible' | 'failed';
  showJson: boolean;
  /** Bumped to ask the canvas to frame the whole drawing (after opening a document). */
  fitRequest: number;
  setTheme(t: Theme): void;
  setSnapToGrid(on: boolean): void;
  notify(n: Notice | null): void;
  showToast(text: string, x: number, y: number): void;
  hideToast(): void;
  openDialog(d: Dialog): void;
  setWorkerStatus(s: UiState['workerStatus']): void;
  toggleJson(): void;
  requestFitView(): void;
}

function initialTheme(): Theme {
  const saved = readPreference('theme');
  if (saved === 'light' || saved === 'dark') return saved;
  const prefersDark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  return prefersDark ? 'dark' : 'light';
}

let toastSeq = 0;

/** UI-only state; never part of undo. Theme and snapping persist across reloads. */
export const useUiStore = create<UiState>((set) => ({
  theme: initialTheme(),
  snapToGrid: readPreference('snap') !== 'off',
  notice: null,
  toast: null,
  dialog: null,
  workerStatus: 'connecting',
  showJson: false,
  fitRequest: 0,
  setTheme: (theme) => {
    writePreference('theme', theme);
    set({ theme });
  },
  setSnapToGrid: (snapToGrid) => {
    writePreference('snap', snapToGrid ? 'on' : 'off');
    set({ snapToGrid });
  },
  notify: (notice) => set({ notice }),
  showToast: (text, x, y) => set({ toast: { text, x, y, seq: ++toastSeq } }),
  hideToast: () => set({ toast: null }),
  openDialog: (dialog) => set({ dialog }),
  setWorkerStatus: (workerStatus) => set({ workerStatus }),
  toggleJson: () => set((s) => ({ showJson: !s.showJson })),
  requestFitView: () => set((s) => ({ fitRequest: s.fitRequest + 1 })),
}));
