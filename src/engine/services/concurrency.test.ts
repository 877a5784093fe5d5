import { describe, expect, it } from 'vitest';
import { createSimulation } from '../kernel/simulation';
import { checkBooks, listOf, runChecked, ScenarioBuilder } from '../kernel/testkit';

const fixed = (meanMs: number) => ({ distribution: 'fixed', meanMs, spreadMs: 0 }) as const;
const byKind = (sim: ReturnType<typeof runChecked>, kind: string) => sim.traceSince(0).filter((f) => f.kind === kind);

describe('SQS poller scaling', () => {
  function burst(cap?: number) {
    return new ScenarioBuilder()
      .node('producer', 'p', { behavior: { mode: 'rate', ratePerSecond: 10000, count: 5000 } })
      .node('sqsQueue', 'q', { props: { VisibilityTimeout: 120 } })
      .node('lambdaFunction', 'fn', { props: { Timeout: 60 }, behavior: { latency: fixed(10_000) } })
      .edge('publish', 'p', 'q')
      .edge('eventSourceMapping', 'q', 'fn', { props: { BatchSize: 1, ...(cap ? { ScalingConfig: { MaximumConcurrency: cap } } : {}) } })
      .build();
  }

  /** Invocations started by each time, with the books checked after every step. */
  function startsBy(cap: number | undefined, times: number[]): number[] {
    const sim = createSimulation(burst(cap), 1, { traceMode: 'hash' });
    return times.map((t) => {
      while (sim.nextEventTime() <= t && sim.step()) checkBooks(sim);
      return sim.stats().nodes.fn.invocations;
    });
  }

  it('starts with 5 concurrent batches and adds 5 a second (300 a minute) while messages wait', () => {
    // Limit 5 + 5 per elapsed second; the 10 s runs free their pollers from 10 s on.
    expect(startsBy(undefined, [999, 1999, 2999, 9999, 10_999, 59_999, 60_999])).toEqual([5, 10, 15, 50, 60, 1050, 1085]);
  });

  it('stops at ScalingConfig.MaximumConcurrency', () => {
    expect(startsBy(20, [999, 1999, 2999, 9999, 10_999, 59_999])).toEqual([5, 10, 15, 20, 25, 120]);
  });
});

describe('concurrency limits and throttling', () => {
  it('SQS: reserved concurrency 1 throttles a burst; throttled messages reappear and some are dead-lettered', () => {
    const s = new ScenarioBuilder()
      .node('producer', 'p', listOf(Array.from({ length: 20 }, (_, i) => ({ atMs: 0, Detail: { orderId: `o-${i + 1}` } }))))
      .node('sqsQueue', 'q', { props: { VisibilityTimeout: 10 } })
      .node('sqsQueue', 'dlq')
      .node('lambdaFunction', 'fn', { props: { ReservedConcurrentExecutions: 1, Timeout: 5 }, behavior: { latency: fixed(2000) } })
      .edge('publish', 'p', 'q')
      .edge('redrive', 'q', 'dlq', { props: { maxReceiveCount: 2 } })
      .edge('eventSourceMapping', 'q', 'fn', { props: { BatchSize: 1 } })
      .build();
    const sim = runChecked(s, 3600_000);
    const st = sim.stats();
    expect(st.nodes.fn).toMatchObject({ received: 30, invocations: 18, succeeded: 18, throttled: 73 });
    expect(st.nodes.q).toMatchObject({ received: 30, retries: 10 });
    expect(st.ledger).toMatchObject({ published: 20, delivered: 18, inDlq: 2 });
    expect(st.reasons).toEqual({ maxReceiveCount: 2 });
    expect(byKind(sim, 'throttled').every((f) => f.reason === 'ConcurrencyLimit')).toBe(true);
    // One run at a time: each starts after the previous one ended.
    const starts = byKind(sim, 'invoked').map((f) => f.timeMs);
    for (let i = 1; i < starts.length; i++) expect(starts[i]).toBeGreaterThanOrEqual(starts[i - 1] + 2000);
    // The mapping probes for more pollers in a second without throttles, and backs off again.
    expect(byKind(sim, 'pollersScaled').map((f) => [f.timeMs, f.count])).toEqual([
      [5000, 10],
      [5000, 5],
    ]);
  });

  it('EventBridge -> Lambda: the rule target succeeds at once; the throttles belong to the async queue', () => {
    const s = new ScenarioBuilder()
      .node('producer', 'p', listOf([1, 2, 3].map((i) => ({ atMs: 0, Detail: { orderId: `o-${i}` } }))))
      .node('eventBus', 'bus')
      .node('rule', 'r')
      .node('lambdaFunction', 'fn', { props: { ReservedConcurrentExecutions: 1 }, behavior: { latency: fixed(500) } })
      .edge('publish', 'p', 'bus')
      .edge('busRule', 'bus', 'r')
      .edge('ruleTarget', 'r', 'fn')
      .build();
    const sim = runChecked(s, 60_000);
    const st = sim.stats();
    expect(st.nodes.r).toMatchObject({ invocations: 3, succeeded: 3, failed: 0, retries: 0 });
    expect(st.nodes.fn).toMatchObject({ received: 3, invocations: 3, succeeded: 3, throttled: 4 });
    expect(byKind(sim, 'throttled').every((f) => f.nodeId === 'fn' && f.reason === 'ConcurrencyLimit')).toBe(true);
  });

  it('the account pool: unreserved functions share what reservations leave', () => {
    const s = new ScenarioBuilder()
      .node('producer', 'p', listOf([1, 2, 3, 4].map((i) => ({ atMs: 0, Detail: { orderId: `o-${i}` } }))))
      .node('lambdaFunction', 'reserved', { props: { ReservedConcurrentExecutions: 2 }, behavior: { latency: fixed(1000) } })
      .node('lambdaFunction', 'shared', { behavior: { latency: fixed(1000) } })
      .edge('publish', 'p', 'reserved')
      .edge('publish', 'p', 'shared')
      .build({ accountConcurrency: 3 });
    const sim = runChecked(s, 1);
    // 3 - 2 reserved = 1 for the unreserved function; the reserved one runs 2 at once.
    const firstRuns = byKind(sim, 'invoked').filter((f) => f.timeMs === 0).map((f) => f.nodeId);
    expect(firstRuns.filter((n) => n === 'reserved')).toHaveLength(2);
    expect(firstRuns.filter((n) => n === 'shared')).toHaveLength(1);
    expect(sim.stats().nodes.reserved.throttled).toBe(2);
    expect(sim.stats().nodes.shared.throttled).toBe(3);
  });
});
