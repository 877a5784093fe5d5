import { describe, expect, it } from 'vitest';
import { listOf, runChecked, ScenarioBuilder } from '../kernel/testkit';

const failing = { behavior: { failureRate: 1, latency: { distribution: 'fixed', meanMs: 100, spreadMs: 0 } } } as const;

function redriveScenario(maxReceiveCount: number) {
  return new ScenarioBuilder()
    .node('producer', 'orders', listOf([{ atMs: 0, Detail: { orderId: 'order-17' } }]))
    .node('sqsQueue', 'work', { props: { VisibilityTimeout: 30 } })
    .node('sqsQueue', 'dlq')
    .node('lambdaFunction', 'charge', failing)
    .edge('publish', 'orders', 'work')
    .edge('redrive', 'work', 'dlq', { props: { maxReceiveCount } })
    .edge('eventSourceMapping', 'work', 'charge')
    .build();
}

describe('SQS redrive to the DLQ', () => {
  it('maxReceiveCount 3 with an always-failing consumer: exactly 3 receives, then the DLQ', () => {
    const sim = runChecked(redriveScenario(3), 10 * 60_000);
    const st = sim.stats();
    expect(st.nodes.work.received).toBe(3);
    expect(st.nodes.work.retries).toBe(2);
    expect(st.nodes.charge.invocations).toBe(3);
    expect(st.nodes.charge.failed).toBe(3);
    expect(st.nodes.dlq.sent).toBe(1);
    expect(st.ledger).toMatchObject({ published: 1, copies: 2, inDlq: 1, waiting: 1, delivered: 0, inFlight: 0 });
    const facts = sim.traceSince(0);
    expect(facts.filter((f) => f.kind === 'received').map((f) => [f.timeMs, f.attempt, f.maxAttempts])).toEqual([
      [0, 1, 3],
      [30_000, 2, 3],
      [60_000, 3, 3],
    ]);
    const moved = facts.find((f) => f.kind === 'movedToDlq')!;
    expect(moved).toMatchObject({ timeMs: 90_000, nodeId: 'dlq', reason: 'maxReceiveCount', attempt: 3 });
    const failed = facts.filter((f) => f.kind === 'failed');
    expect(failed[1]).toMatchObject({ nodeId: 'charge', attempt: 2, maxAttempts: 3, atMs: 60_000, reason: 'FunctionError' });
    const [inDlq] = sim.unitsAt('dlq');
    expect(inDlq).toMatchObject({ state: 'queued', parentId: facts[0].unitId, body: { orderId: 'order-17' }, ageFromMs: 0 });
  });

  it('maxReceiveCount 1 moves the message on its second receive', () => {
    const st = runChecked(redriveScenario(1), 10 * 60_000).stats();
    expect(st.nodes.work.received).toBe(1);
    expect(st.ledger.inDlq).toBe(1);
  });
});
