import { useSyncExternalStore } from 'react';

/** The nodes the inspected message has passed through, for the canvas to outline. */
export interface InspectedPath {
  label: string;
  /** Node ids in the order the message reached them; `ends` where its copies are now. */
  nodes: string[];
  ends: string[];
}

let current: InspectedPath | null = null;
const listeners = new Set<() => void>();

/** Sets (or clears) the inspected message's path; the message inspector owns it. */
export function setInspectedPath(p: InspectedPath | null): void {
  if (JSON.stringify(p) === JSON.stringify(current)) return;
  current = p;
  for (const l of listeners) l();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** The inspected message's path, or null. */
export const useInspectedPath = (): InspectedPath | null => useSyncExternalStore(subscribe, () => current);
