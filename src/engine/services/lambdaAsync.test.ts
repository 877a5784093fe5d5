import { describe, expect, it } from 'vitest';
import { listOf, runChecked, ScenarioBuilder } from '../kernel/testkit';
import type { InvocationRecord } from './destinations';

const fixed = (meanMs: number) => ({ distribution: 'fixed', meanMs, spreadMs: 0 }) as const;

function asyncScenario(behavior: object, props: object = {}, destination: 'OnFailure' | 'OnSuccess' = 'OnFailure', destKind: 'sqsQueue' | 'eventBus' = 'sqsQueue') {
  const b = new ScenarioBuilder()
    .node('producer', 'p', listOf([{ atMs: 0, Detail: { orderId: 'order-17' } }]))
    .node('lambdaFunction', 'fn', { behavior: { latency: fixed(100), ...behavior }, props })
    .node(destKind, 'dest')
    .edge('publish', 'p', 'fn')
    .edge('destination', 'fn', 'dest', { props: { Condition: destination } });
  return b.build();
}

describe('Lambda asynchronous invocation', () => {
  it('default settings and an always-failing function: 3 attempts (0, +1 min, +2 min), then OnFailure', () => {
    const sim = runChecked(asyncScenario({ failureRate: 1 }), 3600_000);
    const st = sim.stats();
    expect(st.nodes.fn).toMatchObject({ received: 1, invocations: 3, failed: 3, retries: 2, succeeded: 0 });
    expect(st.ledger).toMatchObject({ published: 1, copies: 2, inDlq: 1, waiting: 1 });
    const facts = sim.traceSince(0);
    expect(facts.filter((f) => f.kind === 'invoked').map((f) => [f.timeMs, f.attempt, f.maxAttempts])).toEqual([
      [0, 1, 3],
      [60_100, 2, 3],
      [180_200, 3, 3],
    ]);
    expect(facts.find((f) => f.kind === 'movedToDlq')).toMatchObject({ timeMs: 180_300, nodeId: 'dest', reason: 'RetriesExhausted' });
    const [record] = sim.unitsAt('dest');
    const body = record.body as InvocationRecord;
    expect(body.version).toBe('1.0');
    expect(body.requestContext).toMatchObject({ condition: 'RetriesExhausted', approximateInvokeCount: 3, functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:fn:$LATEST' });
    expect(body.requestPayload).toEqual({ orderId: 'order-17' });
    expect(body.responseContext).toEqual({ statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' });
    expect(body.responsePayload).toMatchObject({ errorType: 'Error' });
  });

  it('MaximumRetryAttempts 0: one attempt; no destination: dropped as RetriesExhausted', () => {
    const b = new ScenarioBuilder()
      .node('producer', 'p', listOf([{ atMs: 0, Detail: {} }]))
      .node('lambdaFunction', 'fn', { behavior: { failureRate: 1, latency: fixed(10) }, props: { EventInvokeConfig: { MaximumRetryAttempts: 0 } } })
      .edge('publish', 'p', 'fn');
    const st = runChecked(b.build(), 3600_000).stats();
    expect(st.nodes.fn.invocations).toBe(1);
    expect(st.ledger).toMatchObject({ dropped: 1, copies: 1 });
    expect(st.reasons).toEqual({ RetriesExhausted: 1 });
  });

  it('success goes to OnSuccess; a bus destination gets the Lambda result event', () => {
    const sim = runChecked(asyncScenario({}, {}, 'OnSuccess', 'eventBus'), 60_000);
    const st = sim.stats();
    expect(st.nodes.fn).toMatchObject({ invocations: 1, succeeded: 1, sideEffects: 1 });
    expect(st.nodes.dest.received).toBe(1);
    // No rule on the destination bus: the result event is filtered out there.
    expect(st.ledger).toMatchObject({ copies: 2, delivered: 1, filteredOut: 1 });
  });

  it('always throttled: retried with back-off until MaximumEventAgeInSeconds, then EventAgeExceeded', () => {
    const sim = runChecked(asyncScenario({ throttleRate: 1 }, { EventInvokeConfig: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 600 } }), 3600_000);
    const st = sim.stats();
    expect(st.nodes.fn.invocations).toBe(0);
    expect(st.nodes.fn.throttled).toBeGreaterThan(3);
    const moved = sim.traceSince(0).find((f) => f.kind === 'movedToDlq')!;
    expect(moved).toMatchObject({ timeMs: 600_000, reason: 'EventAgeExceeded' });
    expect((sim.unitsAt('dest')[0].body as InvocationRecord).requestContext.condition).toBe('EventAgeExceeded');
  });

  it('reserved concurrency 1 throttles a burst: back-off retries, never two runs at once', () => {
    const b = new ScenarioBuilder()
      .node('producer', 'p', listOf([1, 2, 3, 4, 5].map((i) => ({ atMs: 0, Detail: { orderId: `o-${i}` } }))))
      .node('lambdaFunction', 'fn', { behavior: { latency: fixed(1000) }, props: { ReservedConcurrentExecutions: 1 } })
      .edge('publish', 'p', 'fn');
    const sim = runChecked(b.build(), 60_000);
    const facts = sim.traceSince(0);
    const runs = facts.filter((f) => f.kind === 'invoked').map((f) => [f.label, f.timeMs]);
    expect(runs).toEqual([
      ['o-1', 0],
      ['o-4', 1271],
      ['o-5', 2483],
      ['o-2', 5667],
      ['o-3', 6820],
    ]);
    // Each run ends 1 s later, before the next starts.
    for (let i = 1; i < runs.length; i++) expect(runs[i][1] as number).toBeGreaterThanOrEqual((runs[i - 1][1] as number) + 1000);
    const throttles = facts.filter((f) => f.kind === 'throttled');
    expect(throttles).toHaveLength(13);
    expect(throttles.every((f) => f.reason === 'ConcurrencyLimit' && f.attempt === 1)).toBe(true);
    // Throttles do not use up MaximumRetryAttempts: every event runs once and succeeds.
    expect(sim.stats().nodes.fn).toMatchObject({ invocations: 5, succeeded: 5, retries: 0, throttled: 13 });
  });

  it('a timeout counts as a function error and is retried', () => {
    const sim = runChecked(asyncScenario({ latency: fixed(5000) }, { Timeout: 3 }), 3600_000);
    const st = sim.stats();
    expect(st.nodes.fn).toMatchObject({ invocations: 3, failed: 3 });
    expect(sim.traceSince(0).filter((f) => f.kind === 'failed').every((f) => f.reason === 'Timeout')).toBe(true);
  });

  it('reserved concurrency 0 fails async events at once with ZeroReservedConcurrency', () => {
    const sim = runChecked(asyncScenario({}, { ReservedConcurrentExecutions: 0 }), 60_000);
    expect(sim.stats().nodes.fn.invocations).toBe(0);
    const record = sim.unitsAt('dest')[0].body as InvocationRecord;
    expect(record.requestContext).toMatchObject({ condition: 'ZeroReservedConcurrency', approximateInvokeCount: 0 });
    expect(record.responseContext).toBeUndefined();
  });

  it('facts carry a label for narration', () => {
    const sim = runChecked(asyncScenario({ failureRate: 1 }), 3600_000);
    const failed = sim.traceSince(0).find((f) => f.kind === 'failed')!;
    expect(failed).toMatchObject({ label: 'order-17', nodeId: 'fn', attempt: 1, maxAttempts: 3, atMs: 60_100, reason: 'FunctionError' });
  });
});
