import { useEffect, useState } from 'react';
import type { TraceFact } from '../../engine/index';
import { useScenarioStore } from '../../store/scenarioStore';
import { subscribeFacts, useSimulationStore } from '../../store/simulationStore';
import { markOf, type MarkKind } from './marks';
import { namesOf, narrate } from './narrate';
import { formatClock } from './time';

/** Shortest gap between announcements while playing, and while stepping (ms). */
export const ANNOUNCE_PLAYING_MS = 5_000;
export const ANNOUNCE_STEPPING_MS = 1_200;

/**
 * The narrated log for screen readers: a polite live region that says, at most every few
 * seconds, the most telling thing that happened since it last spoke ("order-17 failed in
 * ChargeCard (attempt 2 of 3); it becomes visible again in 30 s.") and how many other events
 * there were, so a fast run never floods the listener.
 */
export function LiveAnnouncer() {
  const [text, setText] = useState('');
  useEffect(() => {
    let pending: Array<{ f: TraceFact; mark: MarkKind | null }> = [];
    let others = 0;
    let lastAt = -Infinity;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let note = '';
    const speak = () => {
      timer = null;
      if (pending.length === 0 && note === '') return;
      const names = namesOf(useScenarioStore.getState().scenario);
      const rest = others + pending.length - 1;
      const said = pending.length === 0 ? '' : `${narrate(pickMostTelling(pending).f, names)}${rest > 0 ? ` And ${rest} other event${rest === 1 ? '' : 's'}.` : ''}`;
      setText(`${note}${said}`);
      pending = [];
      others = 0;
      note = '';
      lastAt = performance.now();
    };
    const schedule = (now = false) => {
      if (now && timer !== null) {
        clearTimeout(timer);
        timer = null;
      }
      const playing = useSimulationStore.getState().snapshot?.mode !== 'paused';
      const gap = playing ? ANNOUNCE_PLAYING_MS : ANNOUNCE_STEPPING_MS;
      timer ??= setTimeout(speak, Math.max(300, lastAt + gap - performance.now()));
    };
    const off = subscribeFacts((facts, outOfOrder, reset) => {
      if (reset) {
        // History replayed (step back, seek, reset): say where the run now stands, not all of it.
        const last = facts.at(-1);
        // A document just loaded: nothing to say yet.
        if (!last && lastAt === -Infinity) return;
        pending = last ? [{ f: last, mark: null }] : [];
        others = 0;
        note = last ? `The run went back to ${formatClock(last.timeMs)}. The last event: ` : 'The run went back to the start.';
        return schedule(true);
      }
      // Keep the notable facts and the last one; count the rest.
      facts.forEach((f, i) => {
        const mark = markOf(f, outOfOrder);
        if (mark !== null || i === facts.length - 1) pending.push({ f, mark });
        else others++;
      });
      if (pending.length > 200) {
        others += pending.length - 200;
        pending = pending.slice(-200);
      }
      schedule();
    });
    return () => {
      off();
      if (timer !== null) clearTimeout(timer);
    };
  }, []);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="sim-announcer">
      {text}
    </div>
  );
}

/** What is said first when several things happened. */
const PRIORITY: readonly MarkKind[] = ['dlq', 'failure', 'duplicate', 'outOfOrder', 'throttle', 'retry'];
const rank = (m: MarkKind | null) => (m === null || !PRIORITY.includes(m) ? PRIORITY.length : PRIORITY.indexOf(m));

/** The most notable fact (dead-letter moves first, then failures, ...), the latest of its kind. */
function pickMostTelling(xs: Array<{ f: TraceFact; mark: MarkKind | null }>): { f: TraceFact; mark: MarkKind | null } {
  let best = xs[xs.length - 1];
  let bestRank = rank(best.mark);
  for (const x of xs) {
    const r = rank(x.mark);
    if (r <= bestRank) {
      best = x;
      bestRank = r;
    }
  }
  return best;
}
