import { describe, expect, it } from 'vitest';
import type { ProducerBehavior } from '../../model/types';
import { listOf, runChecked, ScenarioBuilder } from '../kernel/testkit';

const DAY = 86_400_000;

type Listed = ProducerBehavior['events'][number];
const events = (xs: Array<Partial<Listed> & { Detail: Record<string, unknown> }>) => ({ behavior: { mode: 'list', events: xs.map((x) => ({ atMs: 0, Source: 's', DetailType: 'd', ...x })) } }) as never;

const byKind = (sim: ReturnType<typeof runChecked>, kind: string) => sim.traceSince(0).filter((f) => f.kind === kind);

describe('SNS filter policies', () => {
  it('routes by attributes (a message without attributes matches only absent-key policies) and by body', () => {
    const s = new ScenarioBuilder()
      .node('producer', 'p', events([
        { Detail: { orderId: 'o-1', amount: 50 }, MessageAttributes: { type: 'order', priority: 1 } },
        { Detail: { orderId: 'o-2', amount: 500 }, MessageAttributes: { type: 'refund' } },
        { Detail: { orderId: 'o-3', amount: 5 } },
      ]))
      .node('snsTopic', 't')
      .node('sqsQueue', 'orders')
      .node('sqsQueue', 'urgent')
      .node('sqsQueue', 'big')
      .node('sqsQueue', 'untyped')
      .node('sqsQueue', 'all')
      .edge('publish', 'p', 't')
      .edge('subscription', 't', 'orders', { props: { FilterPolicy: '{"type": ["order"]}' } })
      .edge('subscription', 't', 'urgent', { props: { FilterPolicy: '{"priority": [{"numeric": [">=", 1]}]}' } })
      .edge('subscription', 't', 'big', { props: { FilterPolicyScope: 'MessageBody', FilterPolicy: '{"amount": [{"numeric": [">", 100]}]}' } })
      .edge('subscription', 't', 'untyped', { props: { FilterPolicy: '{"type": [{"exists": false}]}' } })
      .edge('subscription', 't', 'all')
      .build();
    const sim = runChecked(s, 60_000);
    const got = (q: string) => sim.unitsAt(q).map((u) => JSON.parse(JSON.parse(u.body as string).Message).orderId);
    expect(got('orders')).toEqual(['o-1']);
    expect(got('urgent')).toEqual(['o-1']);
    expect(got('big')).toEqual(['o-2']);
    expect(got('untyped')).toEqual(['o-3']);
    expect(got('all')).toEqual(['o-1', 'o-2', 'o-3']);
    expect(sim.stats().ledger).toMatchObject({ published: 3, copies: 18, delivered: 3, waiting: 7, filteredOut: 8 });
    expect(byKind(sim, 'filteredOut').every((f) => f.reason === 'FilterNoMatch' && f.nodeId === 't')).toBe(true);
  });

  it('an invalid filter policy matches nothing and is reported at load', () => {
    const s = new ScenarioBuilder()
      .node('producer', 'p', listOf([{ atMs: 0, Detail: {} }]))
      .node('snsTopic', 't')
      .node('sqsQueue', 'q')
      .edge('publish', 'p', 't')
      .edge('subscription', 't', 'q', { props: { FilterPolicy: '{"a": {"b": ["x"]}}' } })
      .build();
    const sim = runChecked(s, 1000);
    expect(sim.warnings.some((w) => w.includes('does not support nested filter policy'))).toBe(true);
    expect(sim.stats().ledger.filteredOut).toBe(1);
  });
});

describe('SNS delivery payloads', () => {
  it('SQS gets the JSON envelope as text, or with raw delivery the message and its attributes', () => {
    const s = new ScenarioBuilder()
      .node('producer', 'p', events([{ Detail: { orderId: 'o-1' }, MessageAttributes: { type: 'order', tags: ['a', 'b'] } }]))
      .node('snsTopic', 'alerts')
      .node('sqsQueue', 'wrapped')
      .node('sqsQueue', 'raw')
      .node('lambdaFunction', 'fn')
      .edge('publish', 'p', 'alerts')
      .edge('subscription', 'alerts', 'wrapped')
      .edge('subscription', 'alerts', 'raw', { props: { RawMessageDelivery: true } })
      .edge('subscription', 'alerts', 'fn', { props: { Protocol: 'lambda' } })
      .build();
    const sim = runChecked(s, 200);
    const [wrapped] = sim.unitsAt('wrapped');
    expect(typeof wrapped.body).toBe('string');
    const env = JSON.parse(wrapped.body as string);
    expect(Object.keys(env)).toEqual(['Type', 'MessageId', 'TopicArn', 'Message', 'Timestamp', 'SignatureVersion', 'Signature', 'SigningCertURL', 'UnsubscribeURL', 'MessageAttributes']);
    expect(env).toMatchObject({ Type: 'Notification', TopicArn: 'arn:aws:sns:us-east-1:123456789012:alerts', Message: '{"orderId":"o-1"}', Timestamp: '2025-01-01T00:00:00.000Z', SignatureVersion: '1' });
    expect(env.MessageAttributes).toEqual({ type: { Type: 'String', Value: 'order' }, tags: { Type: 'String.Array', Value: '["a","b"]' } });
    expect(env.MessageId).toBe(wrapped.eventId);
    expect(env.UnsubscribeURL).toMatch(/^https:\/\/sns\.us-east-1\.amazonaws\.com\/\?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:us-east-1:123456789012:alerts:[0-9a-f-]{36}$/);
    expect(wrapped.attributes).toBeUndefined();
    const [raw] = sim.unitsAt('raw');
    expect(raw.body).toEqual({ orderId: 'o-1' });
    expect(raw.attributes).toEqual({ type: 'order', tags: '["a","b"]' });
    // Lambda: Records[].Sns, with the …Url spelling; the function ran (it accepted at once).
    const invoked = byKind(sim, 'invoked')[0];
    expect(invoked).toMatchObject({ nodeId: 'fn', label: 'o-1' });
    expect(sim.stats().nodes.fn).toMatchObject({ received: 1, invocations: 1 });
  });
});

describe('SNS delivery retries and the subscription DLQ', () => {
  function failing(errorCode: 'INTERNAL_ERROR' | 'NO_PERMISSIONS', failureRate: number, dlq = true) {
    return new ScenarioBuilder()
      .node('producer', 'p', listOf([{ atMs: 0, Detail: { orderId: 'o-1' } }]))
      .node('snsTopic', 't')
      .node('sqsQueue', 'q')
      .node('sqsQueue', 'dlq', { props: { MessageRetentionPeriod: 1209600 } })
      .edge('publish', 'p', 't')
      .edge('subscription', 't', 'q', { props: dlq ? { RedrivePolicy: { deadLetterTargetArn: 'dlq' } } : {}, behavior: { failureRate, errorCode } })
      .build();
  }

  it('AWS-managed policy: a dead SQS endpoint gets 100,015 attempts over 23 days, then the DLQ', () => {
    const sim = runChecked(failing('INTERNAL_ERROR', 1), 30 * DAY);
    // 3 immediate, 2 one second apart, 10 backoff (1 s -> 20 s), 100,000 twenty seconds apart.
    const moved = byKind(sim, 'movedToDlq');
    expect(moved).toMatchObject([{ nodeId: 'dlq', attempt: 100_015, maxAttempts: 100_015, reason: 'DeliveryPolicyExhausted' }]);
    expect(moved[0].timeMs).toBe(2_000_049_665);
    expect(sim.stats().nodes.t).toMatchObject({ received: 1, invocations: 100_015, failed: 100_015, retries: 100_014, succeeded: 0 });
    expect(sim.stats().ledger).toMatchObject({ copies: 3, delivered: 1, inDlq: 1, waiting: 1 });
    // The post-backoff run is one engine event, not 100,000.
    expect(sim.eventsProcessed).toBeLessThan(40);
    const body = JSON.parse(sim.unitsAt('dlq')[0].body as string);
    expect(body).toMatchObject({ Type: 'Notification', Message: '{"orderId":"o-1"}' });
  });

  it('the first retries: immediate, then 1 s apart, then growing', () => {
    const sim = runChecked(failing('INTERNAL_ERROR', 1), 120_000);
    // Equally spaced attempts are one step: attempts 2-3 (immediate), 4-5 (1 s apart).
    const retries = byKind(sim, 'retryScheduled').map((f) => [f.timeMs, f.attempt, f.atMs, f.count]);
    expect(retries.slice(0, 6)).toEqual([
      [0, 3, 0, 2],
      [0, 5, 2000, 2],
      [2000, 6, 3000, undefined],
      [3000, 7, 4037, undefined],
      [4037, 8, 5149, undefined],
      [5149, 9, 6409, undefined],
    ]);
    expect(byKind(sim, 'deliveryFailed').map((f) => f.attempt).slice(0, 4)).toEqual([1, 3, 5, 6]);
  });

  it('a client-side error goes to the DLQ at once; without a DLQ the message is dropped', () => {
    const a = runChecked(failing('NO_PERMISSIONS', 1), 60_000);
    expect(byKind(a, 'movedToDlq')).toMatchObject([{ timeMs: 0, attempt: 1, reason: 'NO_PERMISSIONS' }]);
    const b = runChecked(failing('NO_PERMISSIONS', 1, false), 60_000);
    expect(b.stats().reasons).toEqual({ NO_PERMISSIONS: 1 });
    expect(b.stats().ledger).toMatchObject({ copies: 2, delivered: 1, dropped: 1 });
  });

  it('intermittent failures are retried until delivered (exact counts per seed)', () => {
    const s = failing('INTERNAL_ERROR', 0.5);
    s.nodes[0] = { ...s.nodes[0], behavior: { ...(s.nodes[0].behavior as object), mode: 'rate', ratePerSecond: 10, count: 200 } } as never;
    const sim = runChecked(s, 3600_000);
    const t = sim.stats().nodes.t;
    expect(sim.stats().ledger).toMatchObject({ published: 200, inDlq: 0 });
    expect(sim.unitsAt('q', 1000)).toHaveLength(200);
    expect(t.invocations).toBe(t.succeeded + t.failed);
    expect(t).toMatchObject({ succeeded: 200, failed: 178, retries: 178 });
  });
});

describe('SNS FIFO topics', () => {
  it('feed FIFO queues in order per group, even when deliveries retry; duplicates are dropped', () => {
    const list = [
      ['g1', 'a1'], ['g2', 'b1'], ['g1', 'a2'], ['g1', 'a3'], ['g2', 'b2'], ['g1', 'a2'], ['g2', 'b3'], ['g1', 'a4'],
    ].map(([g, id], i) => ({ atMs: i * 500, Detail: { id }, MessageGroupId: g }));
    const s = new ScenarioBuilder()
      .node('producer', 'p', events(list))
      .node('snsTopic', 't', { props: { FifoTopic: true, TopicName: 't.fifo', ContentBasedDeduplication: true } })
      .node('sqsQueue', 'q', { props: { FifoQueue: true, QueueName: 'q.fifo' } })
      .node('sqsQueue', 'std')
      .edge('publish', 'p', 't')
      .edge('subscription', 't', 'q', { props: { RawMessageDelivery: true }, behavior: { failureRate: 0.8, errorCode: 'THROTTLING' } })
      .edge('subscription', 't', 'std', { props: { RawMessageDelivery: true } })
      .build();
    const sim = runChecked(s, 600_000);
    expect(sim.stats().reasons).toEqual({ DedupWindow: 1 });
    const inQueue = sim.unitsAt('q');
    const order = (g: string) => inQueue.filter((u) => u.groupId === g).map((u) => (u.body as { id: string }).id);
    expect(order('g1')).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(order('g2')).toEqual(['b1', 'b2', 'b3']);
    // The deliveries did retry (so order was kept by waiting, not by luck)...
    expect(sim.stats().nodes.t.retries).toBeGreaterThan(0);
    expect(byKind(sim, 'delayed').length).toBeGreaterThan(0);
    // ...and the standard queue subscriber gets every message without the group.
    expect(sim.unitsAt('std').map((u) => [u.groupId, (u.body as { id: string }).id])).toEqual(['a1', 'b1', 'a2', 'a3', 'b2', 'b3', 'a4'].map((id) => [undefined, id]));
  });

  it('FifoThroughputScope MessageGroup deduplicates per group only', () => {
    const list = [['g1', 'x'], ['g2', 'x'], ['g1', 'x']].map(([g, id]) => ({ Detail: { id }, MessageGroupId: g }));
    const build = (scope?: 'MessageGroup') =>
      new ScenarioBuilder()
        .node('producer', 'p', events(list))
        .node('snsTopic', 't', { props: { FifoTopic: true, TopicName: 't.fifo', ContentBasedDeduplication: true, ...(scope ? { FifoThroughputScope: scope } : {}) } })
        .node('sqsQueue', 'q', { props: { FifoQueue: true, QueueName: 'q.fifo' } })
        .edge('publish', 'p', 't')
        .edge('subscription', 't', 'q')
        .build();
    const dropsAtTopic = (scope?: 'MessageGroup') => byKind(runChecked(build(scope), 1000), 'dropped').filter((f) => f.nodeId === 't' && f.reason === 'DedupWindow').length;
    expect(dropsAtTopic()).toBe(2);
    // g2's "x" passes the topic; the FIFO queue (deduplicating queue-wide) then drops it.
    expect(dropsAtTopic('MessageGroup')).toBe(1);
  });

  it('a FIFO topic refuses messages without a group id', () => {
    const s = new ScenarioBuilder()
      .node('producer', 'p', listOf([{ atMs: 0, Detail: {} }]))
      .node('snsTopic', 't', { props: { FifoTopic: true, TopicName: 't.fifo' } })
      .node('sqsQueue', 'q', { props: { FifoQueue: true, QueueName: 'q.fifo' } })
      .edge('publish', 'p', 't')
      .edge('subscription', 't', 'q')
      .build();
    expect(runChecked(s, 1000).stats().reasons).toEqual({ MissingMessageGroupId: 1 });
  });
});
