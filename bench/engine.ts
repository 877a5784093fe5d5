/**
 * Engine benchmark: a retry-heavy flow of 1,000,000 published events, run headless (trace as a
 * hash only), against a bare binary-heap schedule-and-pop loop measured in the same process.
 * Every order goes EventBridge (failing target deliveries) -> SQS -> Lambda ESM (failing
 * records) -> redrive DLQ; big orders (about 10%) also fan out through SNS to a raw SQS
 * subscription read by a second function and to a Lambda subscription (async, with retries);
 * small orders (about 10%) also go to a 4-shard Kinesis stream read by a bisecting stream
 * mapping, partitioned by customer.
 */
import { createSimulation } from '../src/engine/index';
import { EventQueue } from '../src/engine/kernel/eventQueue';
import { ScenarioBuilder } from '../src/engine/kernel/testkit';
import type { Scenario } from '../src/model/types';

const PUBLISHED = 1_000_000;
const fixed = (meanMs: number) => ({ distribution: 'fixed', meanMs, spreadMs: 0 }) as const;

/** The benchmark scenario: `count` events at 2,000/s. */
export function retryHeavyScenario(count = PUBLISHED): Scenario {
  return new ScenarioBuilder()
    .node('producer', 'shop', { behavior: { mode: 'rate', ratePerSecond: 2000, count, jitterMs: 0, template: { Source: 'com.example.orders', DetailType: 'OrderPlaced', Detail: { orderId: 'o-1', amount: '{{rand:1-100}}', customer: 'c-{{rand:1-40}}' } } } })
    .node('eventBus', 'orders')
    .node('rule', 'all-orders', { props: { EventPattern: '{"source": ["com.example.orders"], "detail": {"amount": [{"numeric": [">", 0]}]}}' } })
    .node('rule', 'big-orders', { props: { EventPattern: '{"source": ["com.example.orders"], "detail": {"amount": [{"numeric": [">", 90]}]}}' } })
    .node('rule', 'small-orders', { props: { EventPattern: '{"source": ["com.example.orders"], "detail": {"amount": [{"numeric": ["<=", 10]}]}}' } })
    .node('sqsQueue', 'work', { props: { VisibilityTimeout: 30 } })
    .node('sqsQueue', 'work-dlq')
    .node('sqsQueue', 'target-dlq')
    .node('lambdaFunction', 'charge', { props: { Timeout: 3 }, behavior: { failureRate: 0.3, latency: fixed(40) } })
    .node('snsTopic', 'big-order-events')
    .node('sqsQueue', 'audit', { props: { VisibilityTimeout: 30 } })
    .node('lambdaFunction', 'audit-writer', { props: { Timeout: 3 }, behavior: { latency: fixed(20) } })
    .node('lambdaFunction', 'notify', { props: { Timeout: 3 }, behavior: { failureRate: 0.1, latency: fixed(30) } })
    .node('kinesisStream', 'small-orders-stream', { props: { ShardCount: 4 } })
    .node('lambdaFunction', 'aggregate', { props: { Timeout: 3 }, behavior: { failureRate: 0.02, latency: fixed(50) } })
    .node('sqsQueue', 'aggregate-failures')
    .edge('publish', 'shop', 'orders')
    .edge('busRule', 'orders', 'all-orders')
    .edge('busRule', 'orders', 'big-orders')
    .edge('busRule', 'orders', 'small-orders')
    .edge('ruleTarget', 'all-orders', 'work', { props: { RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 }, DeadLetterConfig: { Arn: 'target-dlq' } }, behavior: { failureRate: 0.2, errorCode: 'INTERNAL_ERROR' } })
    .edge('redrive', 'work', 'work-dlq', { props: { maxReceiveCount: 3 } })
    .edge('eventSourceMapping', 'work', 'charge', { props: { BatchSize: 10, MaximumBatchingWindowInSeconds: 1, FunctionResponseTypes: ['ReportBatchItemFailures'] } })
    .edge('ruleTarget', 'big-orders', 'big-order-events')
    .edge('subscription', 'big-order-events', 'audit', { props: { RawMessageDelivery: true }, behavior: { failureRate: 0.05, errorCode: 'INTERNAL_ERROR' } })
    .edge('subscription', 'big-order-events', 'notify', { props: { Protocol: 'lambda' } })
    .edge('eventSourceMapping', 'audit', 'audit-writer', { props: { BatchSize: 10, MaximumBatchingWindowInSeconds: 1 } })
    .edge('ruleTarget', 'small-orders', 'small-orders-stream', { props: { KinesisParameters: { PartitionKeyPath: '$.detail.customer' } } })
    .edge('eventSourceMapping', 'small-orders-stream', 'aggregate', { props: { BatchSize: 100, MaximumBatchingWindowInSeconds: 1, BisectBatchOnFunctionError: true, MaximumRetryAttempts: 2, DestinationConfig: { OnFailure: { Destination: 'aggregate-failures' } } } })
    .build({ eventBudget: 100_000_000, durationMs: 3_600_000 });
}

/** Runs the scenario to quiescence; returns engine events, wall seconds and peak memory. */
export function runEngine(count = PUBLISHED): { events: number; seconds: number; peakMb: number; published: number; copies: number } {
  const sim = createSimulation(retryHeavyScenario(count), 1, { traceMode: 'hash' });
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage.rss());
  };
  const t0 = performance.now();
  // Run in slices of simulated time so memory can be sampled during the run; idle stretches
  // (retention sweeps days later) are skipped in one slice.
  while (sim.nextEventTime() !== Infinity) {
    sim.runUntil(sim.nextEventTime() + 10_000);
    sample();
  }
  const seconds = (performance.now() - t0) / 1000;
  sample();
  const st = sim.stats();
  if (sim.audit().length > 0) throw new Error(`ledger unbalanced: ${sim.audit().join('; ')}`);
  return { events: sim.eventsProcessed, seconds, peakMb: peak / 2 ** 20, published: st.ledger.published, copies: st.ledger.copies };
}

/** Bare heap: keep `live` events pending, pop one and push one, `ops` times. Pops per second. */
export function bareHeapRate(ops: number, live = 20_000): number {
  const q = new EventQueue(1024);
  let x = 12345;
  const rand = () => {
    x = (Math.imul(x, 1103515245) + 12345) | 0;
    return (x >>> 8) & 0xffff;
  };
  for (let i = 0; i < live; i++) q.push(rand(), 0, 1, i, 0);
  const t0 = performance.now();
  let sink = 0;
  for (let i = 0; i < ops; i++) {
    q.pop();
    sink += q.topA;
    q.push(q.topTime + 1 + rand(), i & 3, 1, i, 0);
  }
  const s = (performance.now() - t0) / 1000;
  if (sink === -1) console.log(sink);
  return ops / s;
}

/** Benchmark entries `[name, value]`. */
export async function benchEngine(): Promise<Array<[string, number]>> {
  runEngine(50_000); // warm-up (JIT)
  bareHeapRate(2_000_000);
  const run = runEngine(PUBLISHED);
  const heap = bareHeapRate(Math.max(2_000_000, run.events));
  const eventsPerS = run.events / run.seconds;
  return [
    ['engine.events_per_s', Math.round(eventsPerS)],
    ['engine.heap_ratio', Number((eventsPerS / heap).toFixed(3))],
    ['engine.1m_events_s', Number(run.seconds.toFixed(2))],
    ['engine.1m_events_peak_mb', Math.round(run.peakMb)],
  ];
}
