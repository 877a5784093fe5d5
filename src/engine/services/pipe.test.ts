import { describe, expect, it } from 'vitest';
import { listOf, runChecked, ScenarioBuilder } from '../kernel/testkit';

const orders = (n: number, atMs = 0) => Array.from({ length: n }, (_, i) => ({ atMs, Detail: { orderId: `o-${i + 1}`, amount: (i + 1) * 10 } }));
const fixed = (meanMs: number) => ({ distribution: 'fixed', meanMs, spreadMs: 0 }) as const;

/** shop -> incoming (queue) -> pipe `pipe` -> out (queue), the shop sending `events`. */
function queueToQueue(events: ReturnType<typeof orders>, pipe: string, props: Record<string, unknown>) {
  return new ScenarioBuilder()
    .node('producer', 'shop', listOf(events))
    .node('sqsQueue', 'incoming')
    .node('pipe', pipe, { props })
    .node('sqsQueue', 'out')
    .edge('publish', 'shop', 'incoming')
    .edge('pipeSource', 'incoming', pipe)
    .edge('pipeTarget', pipe, 'out')
    .build();
}

describe('EventBridge Pipes', () => {
  it('from a queue to a queue: rejected records are deleted, the rest sent on as SQS records', () => {
    const sim = runChecked(queueToQueue(orders(10), 'big-orders', { FilterPattern: '{"body": {"amount": [{"numeric": [">", 50]}]}}', BatchSize: 10 }), 60_000);
    const st = sim.stats();
    expect(st.nodes['big-orders']).toMatchObject({ received: 10, invocations: 1, sent: 5 });
    expect(st.ledger).toMatchObject({ published: 10, filteredOut: 5, waiting: 5 });
    expect(sim.unitsAt('incoming')).toEqual([]);
    const got = sim.unitsAt('out');
    expect(got).toHaveLength(5);
    expect(got[0].body).toMatchObject({ body: '{"orderId":"o-6","amount":60}', eventSource: 'aws:sqs', eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:incoming', attributes: { ApproximateReceiveCount: '1' } });
  });

  it('an invalid filter is reported at load and lets every record through', () => {
    const sim = runChecked(queueToQueue(orders(3), 'mover', { FilterPattern: '{"body": "not a list"}' }), 60_000);
    expect(sim.warnings.some((w) => w.startsWith('Pipe mover filter: '))).toBe(true);
    expect(sim.unitsAt('out')).toHaveLength(3);
  });

  it('sends batches of at most BatchSize', () => {
    const sim = runChecked(queueToQueue(orders(12), 'mover', { BatchSize: 5 }), 60_000);
    const invoked = sim.traceSince(0).filter((f) => f.kind === 'invoked' && f.nodeId === 'mover');
    expect(invoked.map((f) => f.count)).toEqual([5, 5, 2]);
    expect(sim.unitsAt('out')).toHaveLength(12);
  });

  it('waits out its batching window for a fuller batch', () => {
    const sim = runChecked(queueToQueue([...orders(2, 0), ...orders(1, 500)], 'mover', { BatchSize: 10, MaximumBatchingWindowInSeconds: 2 }), 60_000);
    const invoked = sim.traceSince(0).filter((f) => f.kind === 'invoked' && f.nodeId === 'mover');
    expect(invoked.map((f) => [f.timeMs, f.count])).toEqual([[2000, 3]]);
  });

  it('to a bus: each record is the detail of an event from "Pipe <name>"', () => {
    const sim = runChecked(
      new ScenarioBuilder()
        .node('producer', 'shop', listOf(orders(1)))
        .node('sqsQueue', 'incoming')
        .node('pipe', 'to-bus')
        .node('eventBus', 'orders')
        .node('rule', 'from-pipe', { props: { EventPattern: '{"source": ["Pipe to-bus"], "detail-type": ["Event from aws:sqs"]}' } })
        .node('sqsQueue', 'seen')
        .edge('publish', 'shop', 'incoming')
        .edge('pipeSource', 'incoming', 'to-bus')
        .edge('pipeTarget', 'to-bus', 'orders')
        .edge('busRule', 'orders', 'from-pipe')
        .edge('ruleTarget', 'from-pipe', 'seen')
        .build(),
      60_000,
    );
    const [event] = sim.unitsAt('seen');
    expect(event.body).toMatchObject({ source: 'Pipe to-bus', 'detail-type': 'Event from aws:sqs', resources: ['arn:aws:pipes:us-east-1:123456789012:pipe/to-bus'], detail: { body: '{"orderId":"o-1","amount":10}' } });
  });

  it('to a failing Lambda function: the queue redrives after maxReceiveCount receives', () => {
    const sim = runChecked(
      new ScenarioBuilder()
        .node('producer', 'shop', listOf(orders(1)))
        .node('sqsQueue', 'incoming', { props: { VisibilityTimeout: 30 } })
        .node('sqsQueue', 'incoming-dlq')
        .node('pipe', 'to-fn')
        .node('lambdaFunction', 'charge', { behavior: { failureRate: 1, latency: fixed(10) } })
        .edge('publish', 'shop', 'incoming')
        .edge('redrive', 'incoming', 'incoming-dlq', { props: { maxReceiveCount: 3 } })
        .edge('pipeSource', 'incoming', 'to-fn')
        .edge('pipeTarget', 'to-fn', 'charge')
        .build(),
      600_000,
    );
    const st = sim.stats();
    expect(st.nodes.charge).toMatchObject({ received: 3, invocations: 3, failed: 3 });
    expect(st.nodes['to-fn'].received).toBe(3);
    expect(st.nodes.incoming.received).toBe(3);
    expect(sim.unitsAt('incoming-dlq')).toHaveLength(1);
  });

  it('from a stream to a Lambda function: records arrive in shard order, in batches', () => {
    const sim = runChecked(
      new ScenarioBuilder()
        .node('producer', 'sensors', listOf(orders(6)))
        .node('kinesisStream', 'telemetry', { props: { ShardCount: 1 } })
        .node('pipe', 'readings', { props: { BatchSize: 3 } })
        .node('lambdaFunction', 'store', { behavior: { latency: fixed(10) } })
        .edge('publish', 'sensors', 'telemetry')
        .edge('pipeSource', 'telemetry', 'readings')
        .edge('pipeTarget', 'readings', 'store')
        .build(),
      60_000,
    );
    expect(sim.stats().nodes.store).toMatchObject({ received: 6, invocations: 2, succeeded: 2 });
    expect(sim.stats().nodes.readings.received).toBe(6);
  });

  it('a stream source to a non-Lambda target is reported as not simulated, and its records wait', () => {
    const sim = runChecked(
      new ScenarioBuilder()
        .node('producer', 'sensors', listOf(orders(2)))
        .node('kinesisStream', 'telemetry')
        .node('pipe', 'archive-readings')
        .node('sqsQueue', 'readings')
        .edge('publish', 'sensors', 'telemetry')
        .edge('pipeSource', 'telemetry', 'archive-readings')
        .edge('pipeTarget', 'archive-readings', 'readings')
        .build(),
      60_000,
    );
    expect(sim.warnings).toContain('Pipe archive-readings: a pipe from a stream to sqsQueue is not simulated yet; its records wait in the stream until retention ends.');
    expect(sim.stats().ledger).toMatchObject({ published: 2, waiting: 2 });
  });

  it('consumers of one queue share its messages, whatever order they were wired in', () => {
    const sim = runChecked(
      new ScenarioBuilder()
        .node('producer', 'shop', { behavior: { mode: 'rate', ratePerSecond: 20, count: 40, jitterMs: 0, template: { Source: 's', DetailType: 'd', Detail: { n: '{{seq}}' } } } })
        .node('sqsQueue', 'incoming')
        .node('pipe', 'copier', { props: { BatchSize: 1 } })
        .node('sqsQueue', 'copies')
        .node('pipe', 'to-fn', { props: { BatchSize: 1 } })
        .node('lambdaFunction', 'worker', { behavior: { latency: fixed(10) } })
        .edge('publish', 'shop', 'incoming')
        .edge('pipeSource', 'incoming', 'copier')
        .edge('pipeTarget', 'copier', 'copies')
        .edge('pipeSource', 'incoming', 'to-fn')
        .edge('pipeTarget', 'to-fn', 'worker')
        .build(),
      60_000,
    );
    const st = sim.stats();
    expect(st.nodes.copier.received).toBeGreaterThan(0);
    expect(st.nodes.worker.received).toBeGreaterThan(0);
    expect(st.nodes.copier.received + st.nodes.worker.received).toBe(40);
    expect(sim.unitsAt('incoming')).toEqual([]);
  });

  it('a pipe feeding its own queue loops through engine events, so the event budget stops it', () => {
    const s = new ScenarioBuilder()
      .node('producer', 'shop', listOf(orders(1)))
      .node('sqsQueue', 'echo', { props: { VisibilityTimeout: 0 } })
      .node('pipe', 'again')
      .edge('publish', 'shop', 'echo')
      .edge('pipeSource', 'echo', 'again')
      .edge('pipeTarget', 'again', 'echo')
      .build({ eventBudget: 2000 });
    const sim = runChecked(s, 60_000);
    expect(sim.status).toBe('budgetExhausted');
    expect(sim.warnings.some((w) => w.startsWith('Cycle: echo → again → echo'))).toBe(true);
    // Each hop wraps the record in a new one, until the queue refuses it (MessageTooLarge).
    expect(sim.traceSince(0).some((f) => f.kind === 'failed' && f.reason === 'MessageTooLarge')).toBe(true);
  });
});

