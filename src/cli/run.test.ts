import { describe, expect, it } from 'vitest';
import { runawayLoopScenario, ScenarioBuilder } from '../engine/kernel/testkit';
import { parseDuration, runScenarioCommand } from './run';

function scenarioText() {
  return JSON.stringify(
    new ScenarioBuilder()
      .node('producer', 'shop', { behavior: { mode: 'rate', ratePerSecond: 2, count: 50, jitterMs: 200 } })
      .node('sqsQueue', 'orders', { props: { VisibilityTimeout: 10 } })
      .node('sqsQueue', 'orders-dlq')
      .node('lambdaFunction', 'charge', { behavior: { failureRate: 0.5 } })
      .edge('publish', 'shop', 'orders')
      .edge('redrive', 'orders', 'orders-dlq', { props: { maxReceiveCount: 3 } })
      .edge('eventSourceMapping', 'orders', 'charge')
      .build({ durationMs: 600_000 }),
  );
}

async function run(argv: string[], files: Record<string, string> = { 'a.json': scenarioText() }) {
  let out = '';
  let err = '';
  const code = await runScenarioCommand(argv, {
    out: (s) => (out += s),
    err: (s) => (err += s),
    readFile: async (p) => {
      if (!(p in files)) throw new Error('ENOENT');
      return files[p];
    },
  });
  return { code, out, err };
}

describe('evsim run', () => {
  it('prints one JSON object with the ledger, per-node counters and the trace hash', async () => {
    const r = await run(['run', 'a.json', '--seed', '7', '--until', '15m', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['seed', 'simTimeMs', 'ledger', 'nodes', 'traceHash']);
    expect(j.seed).toBe(7);
    expect(j.simTimeMs).toBe(900_000);
    const l = j.ledger;
    expect(Object.keys(l)).toEqual(['published', 'copies', 'delivered', 'inFlight', 'waiting', 'filteredOut', 'inDlq', 'expired', 'dropped']);
    expect(l.delivered + l.inFlight + l.waiting + l.filteredOut + l.inDlq + l.expired + l.dropped).toBe(l.copies);
    expect(l.published).toBe(50);
    expect(Object.keys(j.nodes.charge)).toEqual(['received', 'invocations', 'succeeded', 'failed', 'retries', 'duplicates', 'throttled']);
    expect(j.traceHash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('is deterministic per seed', async () => {
    const a = JSON.parse((await run(['a.json', '--seed=3', '--json'])).out);
    const b = JSON.parse((await run(['a.json', '--seed=3', '--json'])).out);
    const c = JSON.parse((await run(['a.json', '--seed=4', '--json'])).out);
    expect(b).toEqual(a);
    expect(c.traceHash).not.toBe(a.traceHash);
    expect(a.simTimeMs).toBe(600_000);
  });

  it('prints a readable summary by default', async () => {
    const r = await run(['a.json', '--until', '1h']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/seed 1, 1h simulated/);
    expect(r.out).toMatch(/50 published/);
    expect(r.out).toMatch(/charge/);
    expect(r.out).toMatch(/Trace hash: [0-9a-f]{16}/);
  });

  it('reports bad usage, unreadable files and invalid scenarios', async () => {
    expect((await run([])).code).toBe(1);
    expect((await run(['a.json', '--until', 'soon'])).err).toMatch(/--until needs a duration/);
    expect((await run(['missing.json'])).code).toBe(1);
    const bad = await run(['b.json'], { 'b.json': '{"format": "evsim-scenario", "version": 1, "nodes": 3}' });
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/not a valid scenario/);
  });

  it('stops a runaway loop at the event budget with exit code 3', async () => {
    const loop = runawayLoopScenario(2000);
    const r = await run(['loop.json', '--json'], { 'loop.json': JSON.stringify(loop) });
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/Cycle: bus → echo → bus/);
    expect(r.err).toMatch(/eventBudget/);
    expect(JSON.parse(r.out).ledger.published).toBe(1);
  });

  it('parses durations', () => {
    expect([parseDuration('90s'), parseDuration('15m'), parseDuration('1h'), parseDuration('2d'), parseDuration('250'), parseDuration('1.5h')]).toEqual([90_000, 900_000, 3_600_000, 172_800_000, 250, 5_400_000]);
    expect(parseDuration('1w')).toBeNull();
  });
});
