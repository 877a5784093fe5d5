import { describe, expect, it } from 'vitest';
import { listOf, runChecked, ScenarioBuilder } from '../kernel/testkit';

const fixed = (meanMs: number) => ({ distribution: 'fixed', meanMs, spreadMs: 0 }) as const;

describe('SQS queues', () => {
  it('retention: an unconsumed message expires at MessageRetentionPeriod', () => {
    const b = new ScenarioBuilder()
      .node('producer', 'p', listOf([{ atMs: 1000, Detail: {} }]))
      .node('sqsQueue', 'q', { props: { MessageRetentionPeriod: 60 } })
      .edge('publish', 'p', 'q');
    const sim = runChecked(b.build(), 3600_000);
    expect(sim.stats().ledger).toMatchObject({ expired: 1, waiting: 0, copies: 1 });
    expect(sim.traceSince(0).find((f) => f.kind === 'expired')).toMatchObject({ timeMs: 61_000, reason: 'RetentionExpired' });
  });

  it('retention on a standard DLQ counts from the original enqueue time', () => {
    const b = new ScenarioBuilder()
      .node('producer', 'p', listOf([{ atMs: 0, Detail: {} }]))
      .node('sqsQueue', 'q', { props: { VisibilityTimeout: 30 } })
      .node('sqsQueue', 'dlq', { props: { MessageRetentionPeriod: 120 } })
      .node('lambdaFunction', 'fn', { behavior: { failureRate: 1, latency: fixed(10) } })
      .edge('publish', 'p', 'q')
      .edge('redrive', 'q', 'dlq', { props: { maxReceiveCount: 2 } })
      .edge('eventSourceMapping', 'q', 'fn');
    const sim = runChecked(b.build(), 3600_000);
    const facts = sim.traceSince(0);
    expect(facts.find((f) => f.kind === 'movedToDlq')!.timeMs).toBe(60_000);
    expect(facts.find((f) => f.kind === 'expired')).toMatchObject({ timeMs: 120_000, nodeId: 'dlq' });
  });

  it('DelaySeconds: messages become visible (and are consumed) only after the delay', () => {
    const b = new ScenarioBuilder()
      .node('producer', 'p', listOf([{ atMs: 0, Detail: {} }]))
      .node('sqsQueue', 'q', { props: { DelaySeconds: 10 } })
      .node('lambdaFunction', 'fn', { behavior: { latency: fixed(10) } })
      .edge('publish', 'p', 'q')
      .edge('eventSourceMapping', 'q', 'fn');
    const sim = runChecked(b.build(), 60_000);
    const facts = sim.traceSince(0);
    expect(facts.find((f) => f.kind === 'delayed')).toMatchObject({ timeMs: 0, atMs: 10_000 });
    expect(facts.find((f) => f.kind === 'received')!.timeMs).toBe(10_000);
    expect(sim.stats().ledger.delivered).toBe(1);
  });

  it('FIFO: messages of a group are processed in order, one at a time, across failures', () => {
    const events = Array.from({ length: 12 }, (_, i) => ({ atMs: i * 10, Detail: { g: i % 2 === 0 ? 'A' : 'B', n: i }, MessageGroupId: i % 2 === 0 ? 'A' : 'B' }));
    const b = new ScenarioBuilder()
      .node('producer', 'p', listOf(events))
      .node('sqsQueue', 'q', { props: { FifoQueue: true, QueueName: 'q.fifo', VisibilityTimeout: 5 } })
      .node('lambdaFunction', 'fn', { behavior: { latency: fixed(300), failureRate: 0.4 } })
      .edge('publish', 'p', 'q')
      .edge('eventSourceMapping', 'q', 'fn', { props: { BatchSize: 1 } });
    const sim = runChecked(b.build(), 3600_000, 7);
    expect(sim.stats().ledger.delivered).toBe(12);
    expect(sim.stats().nodes.q.retries).toBeGreaterThan(0);
    const facts = sim.traceSince(0);
    const sentOrder = facts.filter((f) => f.kind === 'published').map((f) => f.unitId);
    const deleted = facts.filter((f) => f.kind === 'delivered' && f.nodeId === 'q').map((f) => f.unitId);
    const group = (id: number) => sentOrder.indexOf(id) % 2;
    for (const g of [0, 1]) {
      const sent = sentOrder.filter((id) => group(id) === g);
      expect(deleted.filter((id) => group(id) === g)).toEqual(sent);
    }
    // A group never has two messages in flight: receives of a group alternate with deletes.
    const inFlight = new Map<number, number>();
    for (const f of facts) {
      if (f.nodeId !== 'q') continue;
      const g = group(f.unitId);
      if (f.kind === 'received') inFlight.set(g, (inFlight.get(g) ?? 0) + 1);
      if (f.kind === 'delivered' || f.kind === 'visibilityExpired') inFlight.set(g, (inFlight.get(g) ?? 0) - 1);
      expect(inFlight.get(g) ?? 0).toBeLessThanOrEqual(1);
    }
  });

  it('FIFO content-based deduplication: a duplicate within 5 minutes is discarded, later it is not', () => {
    const b = new ScenarioBuilder()
      .node('producer', 'p', listOf([0, 60_000, 301_000].map((atMs) => ({ atMs, Detail: { orderId: 'order-17' }, MessageGroupId: 'g' }))))
      .node('sqsQueue', 'q', { props: { FifoQueue: true, QueueName: 'q.fifo', ContentBasedDeduplication: true } })
      .edge('publish', 'p', 'q');
    const sim = runChecked(b.build(), 3600_000);
    const st = sim.stats();
    expect(st.nodes.q.sent).toBe(2);
    expect(st.reasons).toEqual({ DedupWindow: 1 });
    expect(sim.traceSince(0).find((f) => f.kind === 'dropped')).toMatchObject({ timeMs: 60_000, reason: 'DedupWindow' });
  });

  it('FIFO without a MessageGroupId rejects the send', () => {
    const b = new ScenarioBuilder()
      .node('producer', 'p', listOf([{ atMs: 0, Detail: {} }]))
      .node('sqsQueue', 'q', { props: { FifoQueue: true, QueueName: 'q.fifo' } })
      .edge('publish', 'p', 'q');
    expect(runChecked(b.build(), 1000).stats().reasons).toEqual({ MissingMessageGroupId: 1 });
  });

  it('standard queue duplicates are extra attempts of the same unit; idempotency suppresses their side effects', () => {
    const build = (idempotent: boolean) =>
      new ScenarioBuilder()
        .node('producer', 'p', { behavior: { mode: 'rate', ratePerSecond: 10, count: 200, template: { Source: 's', DetailType: 'd', Detail: { orderId: 'order-{{seq}}' } } } })
        .node('sqsQueue', 'q', { behavior: { duplicateRate: 0.2, reorderRate: 0.3 } })
        .node('lambdaFunction', 'fn', { behavior: { latency: fixed(50), idempotency: { enabled: idempotent, keyPath: '$.orderId' } } })
        .edge('publish', 'p', 'q')
        .edge('eventSourceMapping', 'q', 'fn')
        .build();
    const plain = runChecked(build(false), 3600_000).stats();
    expect(plain.ledger).toMatchObject({ published: 200, copies: 200, delivered: 200 });
    expect(plain.nodes.q.duplicates).toBeGreaterThan(10);
    expect(plain.nodes.fn.duplicates).toBeGreaterThan(0);
    expect(plain.nodes.fn.sideEffects).toBe(200 + plain.nodes.fn.duplicates);
    const safe = runChecked(build(true), 3600_000).stats();
    expect(safe.nodes.q.duplicates).toBe(plain.nodes.q.duplicates);
    expect(safe.nodes.fn.duplicates).toBe(0);
    expect(safe.nodes.fn.sideEffects).toBe(200);
  });
});
