/// <reference lib="webworker" />
// The only file that touches the worker global: it forwards messages to handleMessage and
// paces play / run-until with setTimeout chunks of bounded work, so a message (pause) is
// always answered within one chunk and the main thread only receives batched reports.
import { createSession, handleMessage, tick, wantsTicks } from './handleMessage';

/**
 * Wall ms between play ticks (20 reports a second): tokens are animated by the compositor and
 * counters are paced for reading, so more reports would only cost the main thread.
 */
const PLAY_TICK_MS = 50;

const session = createSession();
const scope = self as unknown as DedicatedWorkerGlobalScope;
let timer: ReturnType<typeof setTimeout> | null = null;
let lastTick = 0;

function schedule(): void {
  if (timer !== null || !wantsTicks(session)) return;
  const running = session.sim?.mode === 'running';
  timer = setTimeout(onTick, running ? 0 : PLAY_TICK_MS);
}

function onTick(): void {
  timer = null;
  const now = performance.now();
  // Cap the wall step so a throttled background tab does not jump far ahead at once.
  const wall = Math.min(now - lastTick, 250);
  lastTick = now;
  for (const reply of tick(session, wall)) scope.postMessage(reply);
  schedule();
}

scope.onmessage = (e: MessageEvent<unknown>) => {
  for (const reply of handleMessage(session, e.data)) scope.postMessage(reply);
  // Play time counts from when ticking starts, not from an earlier pause.
  if (timer === null) lastTick = performance.now();
  schedule();
};
