import { describe, expect, it } from 'vitest';
import { createSimulation } from './simulation';
import { ScenarioBuilder } from './testkit';
import { observeUnits, oldestAgeFrom, unitsIn, type UnitBirth } from './inspect';
import { ST } from './ledger';

const scenario = () =>
  new ScenarioBuilder()
    .node('producer', 'p', { behavior: { mode: 'rate', ratePerSecond: 5, count: 40, jitterMs: 30 } })
    .node('sqsQueue', 'q', { props: { VisibilityTimeout: 5 } })
    .node('sqsQueue', 'dlq')
    .node('lambdaFunction', 'fn', { behavior: { failureRate: 0.5 } })
    .edge('publish', 'p', 'q')
    .edge('redrive', 'q', 'dlq', { props: { maxReceiveCount: 2 } })
    .edge('eventSourceMapping', 'q', 'fn')
    .build({ durationMs: 120_000 });

describe('observeUnits', () => {
  it('reports every unit born, and leaves the trace exactly as an unobserved run', () => {
    const births: UnitBirth[] = [];
    const plain = createSimulation(scenario(), 7, { traceMode: 'ring' });
    const { sim, ledger } = observeUnits(scenario(), 7, { traceMode: 'ring' }, (b) => births.push(b));
    // Interleave an unobserved run: its units must not be reported.
    for (let i = 0; i < 50; i++) {
      sim.step();
      plain.step();
    }
    plain.runUntil(120_000);
    sim.runUntil(120_000);
    expect(sim.traceHash()).toBe(plain.traceHash());
    expect(births.length).toBe(sim.stats().ledger.copies);
    expect(births.filter((b) => b.parent === -1).length).toBe(40);
    // Redriven copies are children of the queue message, in the DLQ (node 2), same payload.
    const moved = births.filter((b) => b.node === 2);
    expect(moved.length).toBe(sim.stats().nodes.dlq.units.queued);
    for (const m of moved) expect(births.find((b) => b.id === m.parent)?.payload).toBe(m.payload);
    expect(ledger()).not.toBeNull();
  });

  it('reads the age of the oldest message and state counts from the ledger', () => {
    const { sim, ledger } = observeUnits(scenario(), 3, {}, () => {});
    sim.runUntil(3_000);
    const l = ledger()!;
    const ages = oldestAgeFrom(l, 4);
    const inQueue = unitsIn(l, 1, ST.queued) + unitsIn(l, 1, ST.inFlight);
    expect(inQueue).toBe(sim.stats().nodes.q.units.queued + sim.stats().nodes.q.units.inFlight);
    if (inQueue > 0) expect(ages[1]).toBeLessThanOrEqual(3_000);
    else expect(ages[1]).toBe(Infinity);
    expect(ages[0]).toBe(Infinity);
  });
});
