import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseScenarioText } from '../model/restoreScenario';
import type { Scenario } from '../model/types';
import { createSession, handleMessage, tick, wantsTicks } from '../worker/handleMessage';
import { SimulationClient } from '../worker/simulationClient';
import { useScenarioStore } from './scenarioStore';
import { LOG_SIZE, subscribeFacts, useSimulationStore } from './simulationStore';

/** A Worker stand-in that runs the real message handler, asynchronously like a worker. */
function fakeWorker(): Worker {
  const session = createSession();
  const w = {
    onmessage: null as ((e: MessageEvent) => void) | null,
    postMessage(msg: unknown) {
      setTimeout(() => {
        for (const r of handleMessage(session, msg)) w.onmessage?.({ data: r } as MessageEvent);
        const pump = () => {
          if (!wantsTicks(session)) return;
          for (const r of tick(session, 50)) w.onmessage?.({ data: r } as MessageEvent);
          setTimeout(pump, 1);
        };
        pump();
      }, 0);
    },
    terminate() {},
  };
  return w as unknown as Worker;
}

function orderFlow(): Scenario {
  const r = parseScenarioText(readFileSync('public/examples/order-flow.json', 'utf8'));
  if (!r.ok) throw new Error('bad example');
  return r.value;
}

const sim = () => useSimulationStore.getState();
const until = (what: () => boolean) => vi.waitFor(() => expect(what()).toBe(true), { timeout: 5_000, interval: 5 });

describe('simulationStore', () => {
  let factBatches = 0;
  let off: () => void = () => {};
  beforeAll(async () => {
    useScenarioStore.getState().reset(orderFlow());
    off = subscribeFacts(() => factBatches++);
    sim().attach(new SimulationClient(fakeWorker()));
    await until(() => sim().phase === 'ready' && sim().snapshot !== null);
  });
  afterAll(() => off());

  it('loads the open document and projects replies: step, step back, run to a time', async () => {
    expect(sim().snapshot!.eventsProcessed).toBe(0);
    sim().step(5);
    await until(() => sim().snapshot!.eventsProcessed === 5);
    expect(sim().log.length).toBeGreaterThan(0);
    sim().stepBack(2);
    await until(() => sim().snapshot!.eventsProcessed === 3);
    sim().runTo(120_000);
    await until(() => sim().snapshot!.simTimeMs === 120_000 && sim().snapshot!.mode === 'paused');
    expect(sim().log.length).toBeLessThanOrEqual(LOG_SIZE);
    expect(factBatches).toBeGreaterThan(2);
  });

  it('plays at the chosen speed and pauses', async () => {
    sim().setSpeed(60);
    sim().play();
    await until(() => sim().snapshot!.mode === 'playing' && sim().snapshot!.speed === 60);
    const t0 = sim().snapshot!.simTimeMs;
    await until(() => sim().snapshot!.simTimeMs > t0);
    sim().togglePlay();
    await until(() => sim().snapshot!.mode === 'paused');
  });

  it('answers view queries and keeps the seed through an edit, which restarts the run', async () => {
    sim().setSeed(7);
    await until(() => sim().snapshot!.seed === 7 && sim().snapshot!.eventsProcessed === 0);
    sim().runTo(60_000);
    await until(() => sim().snapshot!.simTimeMs === 60_000);
    const r = await sim().query({ type: 'timeline' });
    expect(r?.type).toBe('timelineData');
    const doc = useScenarioStore.getState().scenario;
    useScenarioStore.getState().load({ ...doc, name: 'Edited' });
    await until(() => sim().restartedBecause !== null && sim().snapshot!.eventsProcessed === 0);
    expect(sim().snapshot!.seed).toBe(7);
    // Running never touches the document's undo history.
    expect(useScenarioStore.getState().history.past.length).toBe(1);
  });
});
