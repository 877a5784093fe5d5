import { describe, expect, it } from 'vitest';
import { listOf, runChecked, ScenarioBuilder } from '../kernel/testkit';

const fixed = (meanMs: number) => ({ distribution: 'fixed', meanMs, spreadMs: 0 }) as const;

function batchScenario(rbif: boolean, extra: object = {}) {
  return new ScenarioBuilder()
    .node('producer', 'p', listOf(Array.from({ length: 10 }, (_, i) => ({ atMs: 0, Detail: { n: i + 1 } }))))
    .node('sqsQueue', 'q', { props: { VisibilityTimeout: 30 } })
    .node('lambdaFunction', 'fn', { behavior: { latency: fixed(200), failWhen: '{"n": [5]}', ...extra } })
    .edge('publish', 'p', 'q')
    .edge('eventSourceMapping', 'q', 'fn', { props: { BatchSize: 10, FunctionResponseTypes: rbif ? ['ReportBatchItemFailures'] : [] } })
    .build();
}

describe('SQS event source mapping', () => {
  it('a batch of 10 with 1 failing item: 1 redelivery with ReportBatchItemFailures', () => {
    const sim = runChecked(batchScenario(true), 31_000);
    const st = sim.stats();
    expect(st.nodes.fn).toMatchObject({ invocations: 2, received: 11, itemFailures: 2, sideEffects: 9, succeeded: 0, failed: 2 });
    expect(st.nodes.q.retries).toBe(1);
    expect(st.ledger).toMatchObject({ delivered: 9, inFlight: 1 });
    const first = sim.traceSince(0).find((f) => f.kind === 'invoked')!;
    expect(first).toMatchObject({ timeMs: 0, count: 10 });
  });

  it('the same batch without ReportBatchItemFailures: all 10 are redelivered', () => {
    const sim = runChecked(batchScenario(false), 31_000);
    const st = sim.stats();
    expect(st.nodes.q.retries).toBe(10);
    expect(st.nodes.fn).toMatchObject({ invocations: 2, failed: 2 });
    // Items 1-4 ran before item 5 threw, twice: the redelivery processes them again.
    expect(st.nodes.fn.sideEffects).toBe(8);
    expect(st.nodes.fn.duplicates).toBe(4);
    expect(st.ledger.delivered).toBe(0);
  });

  it('a malformed batch response fails the whole batch', () => {
    const st = runChecked(batchScenario(true, { failWhen: '', malformedResponseRate: 1 }), 31_000).stats();
    expect(st.nodes.q.retries).toBe(10);
    expect(st.nodes.fn.failed).toBe(2);
  });

  it('MaximumBatchingWindowInSeconds gathers messages that arrive apart', () => {
    const b = new ScenarioBuilder()
      .node('producer', 'p', listOf([0, 500, 1500, 4000].map((atMs) => ({ atMs, Detail: {} }))))
      .node('sqsQueue', 'q')
      .node('lambdaFunction', 'fn', { behavior: { latency: fixed(10) } })
      .edge('publish', 'p', 'q')
      .edge('eventSourceMapping', 'q', 'fn', { props: { BatchSize: 10, MaximumBatchingWindowInSeconds: 2 } });
    const sim = runChecked(b.build(), 60_000);
    expect(sim.traceSince(0).filter((f) => f.kind === 'invoked').map((f) => [f.timeMs, f.count])).toEqual([
      [2000, 3],
      [6000, 1],
    ]);
  });

  it('a full batch does not wait for the window', () => {
    const b = new ScenarioBuilder()
      .node('producer', 'p', listOf([0, 100, 200].map((atMs) => ({ atMs, Detail: {} }))))
      .node('sqsQueue', 'q')
      .node('lambdaFunction', 'fn', { behavior: { latency: fixed(10) } })
      .edge('publish', 'p', 'q')
      .edge('eventSourceMapping', 'q', 'fn', { props: { BatchSize: 2, MaximumBatchingWindowInSeconds: 5 } });
    const sim = runChecked(b.build(), 60_000);
    expect(sim.traceSince(0).filter((f) => f.kind === 'invoked').map((f) => [f.timeMs, f.count])).toEqual([
      [100, 2],
      [5200, 1],
    ]);
  });

  it('filter criteria delete non-matching messages', () => {
    const b = new ScenarioBuilder()
      .node('producer', 'p', listOf([1, 2, 3].map((n) => ({ atMs: 0, Detail: { n } }))))
      .node('sqsQueue', 'q')
      .node('lambdaFunction', 'fn', { behavior: { latency: fixed(10) } })
      .edge('publish', 'p', 'q')
      .edge('eventSourceMapping', 'q', 'fn', { props: { FilterCriteria: { Filters: [{ Pattern: '{"body": {"n": [2]}}' }] } } });
    const st = runChecked(b.build(), 60_000).stats();
    expect(st.ledger).toMatchObject({ filteredOut: 2, delivered: 1 });
    expect(st.nodes.fn.received).toBe(1);
  });

  it('throttled batches return after the visibility timeout and can reach the DLQ', () => {
    const b = new ScenarioBuilder()
      .node('producer', 'p', listOf([{ atMs: 0, Detail: {} }]))
      .node('sqsQueue', 'q', { props: { VisibilityTimeout: 30 } })
      .node('sqsQueue', 'dlq')
      .node('lambdaFunction', 'fn', { behavior: { throttleRate: 1 } })
      .edge('publish', 'p', 'q')
      .edge('redrive', 'q', 'dlq', { props: { maxReceiveCount: 2 } })
      .edge('eventSourceMapping', 'q', 'fn');
    const sim = runChecked(b.build(), 600_000);
    const st = sim.stats();
    // Each receive retries the invoke at +1, +2, +4, +8 s; the next try (+16 s) would come after
    // the 30 s visibility timeout, so the message reappears; the third receive dead-letters it.
    expect(st.nodes.fn).toMatchObject({ received: 2, throttled: 10, invocations: 0 });
    const throttles = sim.traceSince(0).filter((f) => f.kind === 'throttled');
    expect(throttles.map((f) => [f.timeMs, f.atMs])).toEqual([
      [0, 1000], [1000, 3000], [3000, 7000], [7000, 15000], [15000, 30000],
      [30000, 31000], [31000, 33000], [33000, 37000], [37000, 45000], [45000, 60000],
    ]);
    expect(throttles.every((f) => f.reason === 'THROTTLING')).toBe(true);
    expect(sim.traceSince(0).find((f) => f.kind === 'movedToDlq')).toMatchObject({ timeMs: 60_000, reason: 'maxReceiveCount' });
    expect(st.ledger.inDlq).toBe(1);
  });

  it('a consumer slower than the visibility timeout processes the message again and again', () => {
    const b = new ScenarioBuilder()
      .node('producer', 'p', listOf([{ atMs: 0, Detail: { id: 'a' } }]))
      .node('sqsQueue', 'q', { props: { VisibilityTimeout: 5 } })
      .node('lambdaFunction', 'fn', { props: { Timeout: 10 }, behavior: { latency: fixed(8000) } })
      .edge('publish', 'p', 'q')
      .edge('eventSourceMapping', 'q', 'fn', { props: { BatchSize: 1 } });
    const st = runChecked(b.build(), 60_000).stats();
    expect(st.nodes.fn.sideEffects).toBeGreaterThanOrEqual(2);
    expect(st.nodes.fn.duplicates).toBe(st.nodes.fn.sideEffects - 1);
    // Each delete carries a receipt that a newer receive replaced: nothing is ever deleted.
    expect(st.ledger.delivered).toBe(0);
    expect(st.nodes.q.received).toBe(13);
  });

  it('a filter deletes a rejected message together with its injected duplicate copy', () => {
    const sim = runChecked(
      new ScenarioBuilder()
        .node('producer', 'p', listOf(Array.from({ length: 10 }, (_, i) => ({ atMs: 0, Detail: { n: i + 1 } }))))
        .node('sqsQueue', 'q', { behavior: { duplicateRate: 1, reorderRate: 0 } })
        .node('lambdaFunction', 'fn', { behavior: { latency: fixed(10) } })
        .edge('publish', 'p', 'q')
        .edge('eventSourceMapping', 'q', 'fn', { props: { BatchSize: 10, FilterCriteria: { Filters: [{ Pattern: '{"body": {"n": [{"numeric": [">", 100]}]}}' }] } } })
        .build(),
      60_000,
    );
    expect(sim.stats().ledger).toMatchObject({ published: 10, filteredOut: 10 });
    expect(sim.stats().nodes.fn.invocations).toBe(0);
  });
});
