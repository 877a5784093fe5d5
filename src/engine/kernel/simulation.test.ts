import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomScenario } from './randomTopology';
import { createSimulation } from './simulation';
import { checkBooks, listOf, runawayLoopScenario, runChecked, ScenarioBuilder } from './testkit';

const HOUR = 3600_000;

function retryHeavy() {
  return new ScenarioBuilder()
    .node('producer', 'p', { behavior: { mode: 'rate', ratePerSecond: 5, count: 100, jitterMs: 300, template: { Source: 's', DetailType: 'd', Detail: { n: '{{rand:1-10}}' } } } })
    .node('eventBus', 'bus')
    .node('rule', 'r')
    .node('sqsQueue', 'q', { props: { VisibilityTimeout: 5 } })
    .node('sqsQueue', 'dlq')
    .node('lambdaFunction', 'fn', { behavior: { failureRate: 0.4, latency: { distribution: 'lognormal', meanMs: 300, spreadMs: 500 } } })
    .edge('publish', 'p', 'bus')
    .edge('busRule', 'bus', 'r')
    .edge('ruleTarget', 'r', 'q', { behavior: { failureRate: 0.2, errorCode: 'INTERNAL_ERROR' } })
    .edge('redrive', 'q', 'dlq', { props: { maxReceiveCount: 3 } })
    .edge('eventSourceMapping', 'q', 'fn', { props: { BatchSize: 5, FunctionResponseTypes: ['ReportBatchItemFailures'] } })
    .build();
}

describe('simulation kernel', () => {
  it('is deterministic: same scenario and seed give the same trace hash; another seed another', () => {
    const run = (seed: number) => {
      const sim = createSimulation(retryHeavy(), seed);
      sim.runUntil(HOUR);
      return sim.stats();
    };
    const a = run(1);
    expect(run(1)).toEqual(a);
    expect(run(2).traceHash).not.toBe(a.traceHash);
    expect(a.ledger.published).toBe(100);
    expect(a.ledger.inDlq).toBeGreaterThan(0);
  });

  it('hash mode and ring mode hash the same trace', () => {
    const a = createSimulation(retryHeavy(), 5, { traceMode: 'hash' });
    const b = createSimulation(retryHeavy(), 5, { traceMode: 'ring' });
    a.runUntil(HOUR);
    b.runUntil(HOUR);
    expect(b.traceHash()).toBe(a.traceHash());
    expect(b.traceSince(0).length).toBe(Math.min(b.traceCount(), 10_000));
  });

  it('stepping N times equals runUntil', () => {
    const t = 20 * 60_000;
    const a = createSimulation(retryHeavy(), 9);
    a.runUntil(t);
    const b = createSimulation(retryHeavy(), 9);
    let n = 0;
    while (b.nextEventTime() <= t && b.step()) n++;
    expect(n).toBe(a.eventsProcessed);
    const { simTimeMs: _x, ...sa } = a.stats();
    const { simTimeMs: _y, ...sb } = b.stats();
    expect(sb).toEqual(sa);
  });

  it('adding an unrelated node does not change the other nodes draws', () => {
    const facts = (extra: boolean) => {
      const s = retryHeavy();
      if (extra) {
        const more = new ScenarioBuilder()
          .node('producer', 'aaa', { behavior: { mode: 'rate', ratePerSecond: 3, count: 50, jitterMs: 100 } })
          .node('sqsQueue', 'aaq', { behavior: { duplicateRate: 0.5, reorderRate: 0.5 } })
          .edge('publish', 'aaa', 'aaq')
          .build();
        s.nodes.unshift(...more.nodes);
        s.edges.unshift(...more.edges);
      }
      const sim = createSimulation(s, 3, { traceMode: 'ring' });
      sim.runUntil(10 * 60_000);
      return sim
        .traceSince(0)
        .filter((f) => !f.nodeId.startsWith('aa'))
        .map((f) => `${f.timeMs}:${f.kind}:${f.nodeId}:${f.attempt}:${f.atMs}`);
    };
    expect(facts(true)).toEqual(facts(false));
  });

  it('never unbalances the ledger on random small topologies (checked after every step)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const s = randomScenario(seed);
        const sim = createSimulation(s, seed, { traceMode: 'hash' });
        checkBooks(sim);
        while (sim.nextEventTime() <= 2 * HOUR && sim.step()) checkBooks(sim);
        const st = sim.stats();
        const l = st.ledger;
        expect(l.delivered + l.inFlight + l.waiting + l.filteredOut + l.inDlq + l.expired + l.dropped).toBe(l.copies);
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it('stops a runaway loop at settings.eventBudget with a clear message', () => {
    const s = runawayLoopScenario(5000);
    const sim = createSimulation(s, 1, { traceMode: 'ring' });
    expect(sim.warnings.some((w) => w.startsWith('Cycle: bus → echo → bus'))).toBe(true);
    sim.runUntil(HOUR);
    expect(sim.status).toBe('budgetExhausted');
    expect(sim.eventsProcessed).toBe(5000);
    expect(sim.statusMessage).toMatch(/eventBudget.*Cycle: bus → echo → bus/);
    expect(sim.step()).toBe(false);
    const last = sim.traceSince(0).at(-1)!;
    expect(last).toMatchObject({ kind: 'budgetExhausted', reason: 'EventBudgetExhausted', count: 5000 });
    checkBooks(sim);
  });

  it('SNS fans out to subscriptions; a subscriber SNS cannot deliver to is a client-side failure', () => {
    const s = new ScenarioBuilder()
      .node('producer', 'p', listOf([{ atMs: 0, Detail: { n: 1 } }]))
      .node('snsTopic', 't')
      .node('sqsQueue', 'a')
      .node('sqsQueue', 'b')
      .node('kinesisStream', 'k')
      .edge('publish', 'p', 't')
      .edge('subscription', 't', 'a')
      .edge('subscription', 't', 'b', { props: { RawMessageDelivery: true } })
      .edge('subscription', 't', 'k')
      .build();
    const sim = runChecked(s, 1000);
    // Publish (delivered) -> a, b (queued) and a delivery unit for k, dropped at once.
    expect(sim.stats().ledger).toMatchObject({ copies: 4, delivered: 1, waiting: 2, dropped: 1 });
    expect(sim.stats().reasons).toEqual({ NO_RESOURCE: 1 });
    expect(JSON.parse(sim.unitsAt('a')[0].body as string).Type).toBe('Notification');
    expect(sim.unitsAt('b')[0].body).toEqual({ n: 1 });
  });

  it('a loop of hops that complete within one step is deferred, counted and stopped', () => {
    const s = new ScenarioBuilder()
      .node('producer', 'p', listOf([{ atMs: 0, Detail: { orderId: 'o-1' } }]))
      .node('snsTopic', 't')
      .node('lambdaFunction', 'fn', { props: { ReservedConcurrentExecutions: 0 } })
      .edge('publish', 'p', 't')
      .edge('subscription', 't', 'fn', { props: { Protocol: 'lambda' } })
      .edge('destination', 'fn', 't', { props: { Condition: 'OnFailure' } })
      .build({ eventBudget: 10_000 });
    const sim = runChecked(s, HOUR);
    expect(sim.warnings.some((w) => w.startsWith('Cycle:'))).toBe(true);
    // Each round nests the message in another SNS envelope; SNS refuses it past 256 KiB.
    expect(sim.stats().reasons.MessageTooLarge).toBe(1);
    expect(sim.stats().ledger.waiting + sim.stats().ledger.inFlight).toBe(0);
  });
});
