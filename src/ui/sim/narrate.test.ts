import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation, TRACE_KINDS, type TraceFact } from '../../engine/index';
import { parseScenarioText } from '../../model/restoreScenario';
import { markOf } from './marks';
import { namesOf, narrate } from './narrate';

function orderFlowFacts(untilMs: number): { facts: TraceFact[]; names: ReturnType<typeof namesOf> } {
  const r = parseScenarioText(readFileSync('public/examples/order-flow.json', 'utf8'));
  if (!r.ok) throw new Error('bad example');
  const sim = createSimulation(r.value, 1, { traceMode: 'ring' });
  sim.runUntil(untilMs);
  return { facts: sim.traceSince(0), names: namesOf(r.value) };
}

describe('narrate', () => {
  const { facts, names } = orderFlowFacts(600_000);

  it('says every fact of a run in a sentence with the names users gave', () => {
    for (const f of facts) {
      const s = narrate(f, names);
      expect(s, JSON.stringify(f)).toMatch(/^[A-Z\w].*[.)]$/);
      expect(s).not.toMatch(/undefined|NaN|\[object/);
    }
  });

  it("tells a failure the way the issue asks: attempt of max, and when it is visible again", () => {
    const failed = facts.find((f) => f.kind === 'failed' && f.attempt === 2)!;
    expect(narrate(failed, names)).toMatch(/^order-\d+ failed in ChargeCard \(attempt 2 of 3\); it becomes visible again in 30 s\. Cause: reported in batchItemFailures\.$/);
  });

  it('explains dead-letter moves with maxReceiveCount', () => {
    const moved = facts.find((f) => f.kind === 'movedToDlq')!;
    expect(narrate(moved, names)).toMatch(/^order-\d+ moved to dead-letter queue orders-dlq after 3 receives \(maxReceiveCount 3\)\.$/);
  });

  it('tells schedules firing and archives replaying', () => {
    const r = parseScenarioText(readFileSync('public/examples/streams-and-pipes.json', 'utf8'));
    if (!r.ok) throw new Error('bad example');
    const sim = createSimulation(r.value, 1, { traceMode: 'ring' });
    sim.runUntil(1_500_000);
    const said = sim.traceSince(0).map((f) => narrate(f, namesOf(r.value)));
    for (const s of said) expect(s).toMatch(/^[A-Z\w].*[.)]$/);
    expect(said.some((s) => /^report-every-15-min fired: \w+ goes to BuildReport\.$/.test(s))).toBe(true);
    expect(said.some((s) => /^\S+ was replayed from archive analytics-archive to analytics\.$/.test(s))).toBe(true);
  });

  it('has a sentence for every fact kind, even ones this run never emits', () => {
    for (const kind of TRACE_KINDS) {
      const f: TraceFact = { seq: 1, timeMs: 1000, kind, nodeId: 'ChargeCard', unitId: 2, rootId: 1, label: 'order-1', attempt: 2, maxAttempts: 3, atMs: 31_000, count: 2, reason: 'FunctionError' };
      expect(narrate(f, names)).not.toMatch(/undefined|NaN/);
    }
  });

  it('marks retries, failures and dead-letter moves, and nothing routine', () => {
    const kinds = new Set(facts.map((f) => markOf(f, new Set())));
    expect(kinds).toEqual(new Set([null, 'retry', 'failure', 'dlq']));
    const published = facts.find((f) => f.kind === 'published')!;
    expect(markOf(published, new Set())).toBeNull();
    const firstReceive = facts.find((f) => f.kind === 'received' && f.attempt === 1)!;
    expect(markOf(firstReceive, new Set([firstReceive.seq]))).toBe('outOfOrder');
  });
});
