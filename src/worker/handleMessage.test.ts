import { describe, expect, it } from 'vitest';
import { createSimulation } from '../engine/index';
import { runawayLoopScenario, ScenarioBuilder } from '../engine/kernel/testkit';
import { createSession, handleMessage, tick, wantsTicks, type WorkerSession } from './handleMessage';
import { PROTOCOL_VERSION, type FromWorker } from './protocol';
import { MAX_EVENTS_PER_CHUNK, MAX_FACTS_PER_REPLY } from './session';

function scenario(count = 200) {
  return new ScenarioBuilder()
    .node('producer', 'p', { behavior: { mode: 'rate', ratePerSecond: 10, count, jitterMs: 50 } })
    .node('sqsQueue', 'q', { props: { VisibilityTimeout: 5 } })
    .node('sqsQueue', 'dlq')
    .node('lambdaFunction', 'fn', { behavior: { failureRate: 0.5 } })
    .edge('publish', 'p', 'q')
    .edge('redrive', 'q', 'dlq', { props: { maxReceiveCount: 2 } })
    .edge('eventSourceMapping', 'q', 'fn')
    .build({ durationMs: 600_000 });
}

function send(s: WorkerSession, msg: object, requestId = 1): FromWorker {
  const replies = handleMessage(s, { requestId, ...msg });
  expect(replies).toHaveLength(1);
  return replies[0];
}

function progressOf(r: FromWorker) {
  if (r.type !== 'progress') throw new Error(`expected progress, got ${JSON.stringify(r).slice(0, 200)}`);
  return r;
}

function loaded(seed?: number) {
  const s = createSession();
  const r = send(s, { type: 'load', scenario: scenario(), seed });
  expect(r.type).toBe('loaded');
  return s;
}

describe('handleMessage', () => {
  it('answers hello with ready for our protocol version', () => {
    const s = createSession();
    expect(handleMessage(s, { type: 'hello', requestId: 1, protocolVersion: PROTOCOL_VERSION })).toEqual([
      { type: 'ready', requestId: 1, protocolVersion: PROTOCOL_VERSION, engine: 'evsim' },
    ]);
    expect(s.protocolVersion).toBe(PROTOCOL_VERSION);
  });

  it('answers incompatible for another version', () => {
    const [r] = handleMessage(createSession(), { type: 'hello', requestId: 2, protocolVersion: 999 });
    expect(r).toEqual({ type: 'incompatible', requestId: 2, expected: PROTOCOL_VERSION, got: 999 });
  });

  it('rejects malformed and unknown messages, and controls without a scenario', () => {
    expect(handleMessage(createSession(), 'junk')[0].type).toBe('error');
    expect(handleMessage(createSession(), { type: 'nope', requestId: 3 })[0]).toMatchObject({ type: 'error', requestId: 3 });
    expect(send(createSession(), { type: 'step' })).toMatchObject({ type: 'error', message: 'step: no scenario loaded.' });
    expect(send(createSession(), { type: 'load', scenario: { nodes: 1 } }).type).toBe('error');
    expect(send(loaded(), { type: 'setSeed', seed: -1 }).type).toBe('error');
    expect(send(loaded(), { type: 'play', speed: 0 }).type).toBe('error');
  });

  it('loads at time 0 with warnings and a snapshot', () => {
    const s = createSession();
    const r = send(s, { type: 'load', scenario: scenario(), seed: 9 }, 7);
    expect(r).toMatchObject({ type: 'loaded', requestId: 7, warnings: [], snapshot: { seed: 9, simTimeMs: 0, eventsProcessed: 0, mode: 'paused', status: 'running' } });
    expect(r.type === 'loaded' && r.snapshot.nextEventMs).toBeGreaterThanOrEqual(0);
  });

  it('steps, and steps back to the exact earlier state', () => {
    const s = loaded();
    const after = (n: number) => {
      const sim = createSimulation(scenario(), 1);
      for (let i = 0; i < n; i++) sim.step();
      return sim.traceHash();
    };
    const p1 = progressOf(send(s, { type: 'step', count: 40 }));
    expect(p1.snapshot.eventsProcessed).toBe(40);
    expect(p1.snapshot.traceHash).toBe(after(40));
    expect(p1.facts.length).toBeGreaterThan(0);
    // The load reply started the fact stream; steps continue it.
    expect(p1.factsReset).toBe(false);
    const p2 = progressOf(send(s, { type: 'step' }));
    expect(p2.factsReset).toBe(false);
    expect(p2.facts.every((f) => f.seq >= p1.snapshot.traceCount)).toBe(true);
    const back = progressOf(send(s, { type: 'stepBack', count: 3 }));
    expect(back.snapshot.eventsProcessed).toBe(38);
    expect(back.snapshot.traceHash).toBe(after(38));
    expect(back.factsReset).toBe(true);
  });

  it('runs until a time in bounded chunks and ends with the same hash as a direct run', () => {
    const s = loaded();
    const first = progressOf(send(s, { type: 'runUntil', timeMs: 600_000 }));
    expect(first.snapshot.eventsProcessed).toBeLessThanOrEqual(MAX_EVENTS_PER_CHUNK);
    let last = first;
    let ticks = 0;
    while (wantsTicks(s)) {
      last = progressOf(tick(s, 16)[0]);
      expect(last.requestId).toBe(0);
      ticks++;
    }
    expect(last.snapshot).toMatchObject({ mode: 'paused', simTimeMs: 600_000 });
    const direct = createSimulation(scenario(), 1);
    direct.runUntil(600_000);
    expect(last.snapshot.traceHash).toBe(direct.traceHash());
    expect(ticks).toBeLessThan(10);
  });

  it('plays at a speed: each tick advances wall time x speed, pause stops it', () => {
    const s = loaded();
    progressOf(send(s, { type: 'play', speed: 100 }));
    expect(wantsTicks(s)).toBe(true);
    const p = progressOf(tick(s, 50)[0]);
    expect(p.snapshot).toMatchObject({ simTimeMs: 5000, mode: 'playing', speed: 100 });
    progressOf(tick(s, 50)[0]);
    const paused = progressOf(send(s, { type: 'pause' }));
    expect(paused.snapshot).toMatchObject({ simTimeMs: 10_000, mode: 'paused' });
    expect(wantsTicks(s)).toBe(false);
    expect(tick(s, 50)).toEqual([]);
  });

  it('play stops by itself at settings.durationMs', () => {
    const s = loaded();
    send(s, { type: 'play', speed: 1e6 });
    let p = progressOf(tick(s, 1000)[0]);
    while (wantsTicks(s)) p = progressOf(tick(s, 1000)[0]);
    expect(p.snapshot).toMatchObject({ simTimeMs: 600_000, mode: 'paused' });
  });

  it('reset and setSeed restart at time 0', () => {
    const s = loaded();
    send(s, { type: 'step', count: 100 });
    const r = progressOf(send(s, { type: 'reset' }));
    expect(r.snapshot).toMatchObject({ eventsProcessed: 0, simTimeMs: 0, seed: 1 });
    const a = progressOf(send(s, { type: 'runUntil', timeMs: 60_000 })).snapshot.traceHash;
    const seeded = progressOf(send(s, { type: 'setSeed', seed: 2 }));
    expect(seeded.snapshot).toMatchObject({ eventsProcessed: 0, seed: 2 });
    const b = progressOf(send(s, { type: 'runUntil', timeMs: 60_000 })).snapshot.traceHash;
    expect(b).not.toBe(a);
  });

  it('caps the facts of one reply and says how many were skipped', () => {
    const s = loaded();
    const p = progressOf(send(s, { type: 'step', count: 5000 }));
    expect(p.facts.length).toBe(MAX_FACTS_PER_REPLY);
    expect(p.factsSkipped).toBe(p.snapshot.traceCount - MAX_FACTS_PER_REPLY);
    expect(p.facts.at(-1)!.seq).toBe(p.snapshot.traceCount - 1);
  });

  it('a runaway loop stops at the budget; the worker never spins', () => {
    const loop = runawayLoopScenario(50_000);
    const s = createSession();
    const l = send(s, { type: 'load', scenario: loop });
    expect(l.type === 'loaded' && l.warnings.some((w) => w.startsWith('Cycle:'))).toBe(true);
    send(s, { type: 'play', speed: 1 });
    let ticks = 0;
    let p = progressOf(tick(s, 16)[0]);
    while (wantsTicks(s) && ticks < 100) {
      p = progressOf(tick(s, 16)[0]);
      ticks++;
    }
    expect(wantsTicks(s)).toBe(false);
    expect(p.snapshot.status).toBe('budgetExhausted');
    expect(p.snapshot.statusMessage).toMatch(/eventBudget/);
  });
});
