import { describe, expect, it } from 'vitest';
import { listOf, runChecked, ScenarioBuilder } from '../kernel/testkit';
import { EVENTBRIDGE_BACKOFF } from './backoff';

type Code = 'THROTTLING' | 'TIMEOUT' | 'INTERNAL_ERROR' | 'NO_PERMISSIONS' | 'NO_RESOURCE';

function busScenario(opts: { failureRate?: number; errorCode?: Code; retries?: number; maxAge?: number; dlq?: boolean; pattern?: string; input?: object } = {}) {
  const b = new ScenarioBuilder()
    .node('producer', 'shop', listOf([{ atMs: 0, Detail: { orderId: 'order-17', amount: 42 } }]))
    .node('eventBus', 'orders')
    .node('rule', 'big', { props: { EventPattern: opts.pattern ?? '{"detail": {"amount": [{"numeric": [">", 10]}]}}' } })
    .node('lambdaFunction', 'charge', { behavior: { latency: { distribution: 'fixed', meanMs: 10, spreadMs: 0 } } })
    .node('sqsQueue', 'target-dlq')
    .edge('publish', 'shop', 'orders')
    .edge('busRule', 'orders', 'big')
    .edge(
      'ruleTarget',
      'big',
      'charge',
      {
        props: {
          RetryPolicy: { MaximumRetryAttempts: opts.retries ?? 185, MaximumEventAgeInSeconds: opts.maxAge ?? 86400 },
          ...(opts.dlq === false ? {} : { DeadLetterConfig: { Arn: 'target-dlq' } }),
          ...(opts.input ?? {}),
        },
        behavior: { failureRate: opts.failureRate ?? 0, errorCode: opts.errorCode ?? 'THROTTLING' },
      },
      'charge-target',
    );
  return b.build();
}

describe('EventBridge', () => {
  it('matches with the pattern engine and delivers to the target (async Lambda)', () => {
    const sim = runChecked(busScenario(), 60_000);
    const st = sim.stats();
    expect(st.nodes.orders.received).toBe(1);
    expect(st.nodes.big).toMatchObject({ received: 1, invocations: 1, succeeded: 1 });
    expect(st.nodes.charge).toMatchObject({ received: 1, invocations: 1, succeeded: 1 });
    // Event on the bus, (rule x target) delivery, async event at the function.
    expect(st.ledger).toMatchObject({ published: 1, copies: 3, delivered: 3 });
    const delivered = sim.traceSince(0).find((f) => f.kind === 'accepted' && f.nodeId === 'charge')!;
    expect(delivered.edgeId).toBe('charge-target');
  });

  it('an event no rule matches is filtered out', () => {
    const st = runChecked(busScenario({ pattern: '{"source": ["other"]}' }), 60_000).stats();
    expect(st.ledger).toMatchObject({ copies: 1, filteredOut: 1 });
    expect(st.reasons).toEqual({ FilterNoMatch: 1 });
  });

  it('retry exhaustion (MaximumRetryAttempts 2): 3 attempts, then the target DLQ with the AWS attributes', () => {
    const sim = runChecked(busScenario({ failureRate: 1, retries: 2 }), 3600_000);
    const st = sim.stats();
    expect(st.nodes.big).toMatchObject({ invocations: 3, failed: 3, retries: 2 });
    expect(st.nodes.charge.received).toBe(0);
    expect(st.ledger).toMatchObject({ copies: 3, delivered: 1, inDlq: 1, waiting: 1 });
    const facts = sim.traceSince(0);
    const retries = facts.filter((f) => f.kind === 'retryScheduled');
    expect(retries.map((f) => [f.attempt, f.maxAttempts])).toEqual([
      [2, 3],
      [3, 3],
    ]);
    // Full jitter: each delay lies within min(cap, base * 2^(n-1)).
    expect(retries[0].atMs! - retries[0].timeMs).toBeLessThanOrEqual(EVENTBRIDGE_BACKOFF.baseMs);
    expect(retries[1].atMs! - retries[1].timeMs).toBeLessThanOrEqual(2 * EVENTBRIDGE_BACKOFF.baseMs);
    const [msg] = sim.unitsAt('target-dlq');
    expect(msg.attributes).toEqual({
      RULE_ARN: 'arn:aws:events:us-east-1:123456789012:rule/orders/big',
      TARGET_ARN: 'arn:aws:lambda:us-east-1:123456789012:function:charge',
      ERROR_CODE: 'THROTTLING',
      ERROR_MESSAGE: 'Rate exceeded (simulated).',
      EXHAUSTED_RETRY_CONDITION: 'MaximumRetryAttempts',
      RETRY_ATTEMPTS: '2',
    });
    expect((msg.body as { id: string; detail: unknown }).detail).toEqual({ orderId: 'order-17', amount: 42 });
  });

  it('MaximumEventAgeInSeconds stops the default 185 retries', () => {
    const sim = runChecked(busScenario({ failureRate: 1, maxAge: 60 }), 3600_000);
    const [msg] = sim.unitsAt('target-dlq');
    expect(msg.attributes!.EXHAUSTED_RETRY_CONDITION).toBe('MaximumEventAgeInSeconds');
    expect(sim.traceSince(0).find((f) => f.kind === 'movedToDlq')!.timeMs).toBeLessThan(60_000);
  });

  it('non-retryable errors go to the DLQ at once, without a retry condition', () => {
    const sim = runChecked(busScenario({ failureRate: 1, errorCode: 'NO_PERMISSIONS' }), 3600_000);
    expect(sim.stats().nodes.big.invocations).toBe(1);
    const [msg] = sim.unitsAt('target-dlq');
    expect(msg.attributes).toMatchObject({ ERROR_CODE: 'NO_PERMISSIONS', RETRY_ATTEMPTS: '0' });
    expect(msg.attributes!.EXHAUSTED_RETRY_CONDITION).toBeUndefined();
  });

  it('without a DLQ an exhausted delivery is dropped with the condition as reason', () => {
    const st = runChecked(busScenario({ failureRate: 1, retries: 0, dlq: false }), 3600_000).stats();
    expect(st.ledger).toMatchObject({ dropped: 1, delivered: 1, copies: 2 });
    expect(st.reasons).toEqual({ MaximumRetryAttempts: 1 });
  });

  it('InputTransformer shapes what the target receives', () => {
    const b = busScenario({ input: { InputTransformer: { InputPathsMap: { id: '$.detail.orderId' }, InputTemplate: '{"order": <id>, "text": "Order <id> placed"}' } } });
    const sim = runChecked(b, 5);
    expect(sim.unitsAt('charge')[0].body).toEqual({ order: 'order-17', text: 'Order order-17 placed' });
  });

  it('events go to every target of a matching rule, each with its own retry state', () => {
    const s = busScenario({ failureRate: 0.5 });
    s.nodes.push({ ...s.nodes.find((n) => n.id === 'target-dlq')!, id: 'audit' } as never);
    s.edges.push({ id: 'audit-target', kind: 'ruleTarget', source: 'big', target: 'audit', props: { Id: 'audit', RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86400 } }, behavior: { failureRate: 0, errorCode: 'THROTTLING' } } as never);
    const st = runChecked(s, 86_400_000).stats();
    expect(st.nodes.big.received).toBe(1);
    expect(st.nodes.audit.sent).toBe(1);
    expect(st.nodes.charge.received).toBe(1);
  });
});
