import { useEffect } from 'react';
import { SPEEDS, useSimulationStore } from '../../store/simulationStore';
import { inDialog, isTypingTarget } from '../hooks/isTypingTarget';

/**
 * Keys of the simulation controls: single keys without modifiers, so they never clash with the
 * editor's (Ctrl/⌘ combinations, Delete, Backspace, Escape, arrows, ?) nor React Flow's
 * (Space pans, Enter selects). Shown in each control's tooltip.
 */
export const SIM_KEYS = {
  playPause: 'K',
  step: '.',
  stepBack: ',',
  nextFailure: 'N',
  nextDlq: 'D',
  slower: '[',
  faster: ']',
  runTo: 'T',
  seed: 'S',
  reset: 'R',
  scrubBack: 'J',
  scrubForward: 'L',
} as const;

/** Fraction of the run's duration that J and L move the scrubber. */
export const SCRUB_STEP = 0.05;

/** Fact kinds "next failure" stops at. */
export const FAILURE_KINDS = ['failed', 'deliveryFailed', 'throttled', 'movedToDlq', 'dropped', 'expired'] as const;

/** Installs the keys; `focusRunTo` and `focusSeed` move focus to those fields. */
export function useSimShortcuts(focus: { runTo(): void; seed(): void }, durationMs: number): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target) || inDialog(e.target)) return;
      const s = useSimulationStore.getState();
      const now = s.snapshot?.simTimeMs ?? 0;
      const speedAt = (d: number) => {
        const i = SPEEDS.findIndex((x) => x >= s.speed);
        s.setSpeed(SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, (i < 0 ? SPEEDS.length - 1 : i) + d))]);
      };
      const scrub = (d: number) => {
        const t = Math.max(0, Math.round(now + d * durationMs * SCRUB_STEP));
        if (t < now) s.seek(t);
        else s.runTo(t);
      };
      const actions: Record<string, () => void> = {
        k: s.togglePlay,
        '.': () => s.step(),
        ',': () => s.stepBack(),
        n: () => s.stepUntil([...FAILURE_KINDS]),
        d: () => s.stepUntil(['movedToDlq']),
        '[': () => speedAt(-1),
        '<': () => speedAt(-1),
        ']': () => speedAt(1),
        '>': () => speedAt(1),
        t: focus.runTo,
        s: focus.seed,
        r: s.reset,
        j: () => scrub(-1),
        l: () => scrub(1),
      };
      const act = actions[e.key.length === 1 ? e.key.toLowerCase() : e.key];
      if (!act) return;
      e.preventDefault();
      act();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [focus, durationMs]);
}
