/**
 * Engine benchmark: a retry-heavy flow of 1,000,000 published events (EventBridge with
 * failing target deliveries -> SQS -> Lambda ESM with failing records -> redrive DLQ), run
 * headless (trace as a hash only), against a bare binary-heap schedule-and-pop loop measured
 * in the same process.
 */
import { createSimulation } from '../src/engine/index';
import { EventQueue } from '../src/engine/kernel/eventQueue';
import { ScenarioBuilder } from '../src/engine/kernel/testkit';
import type { Scenario } from '../src/model/types';

const PUBLISHED = 1_000_000;

/** The retry-heavy scenario: `count` events at 2,000/s. */
export function retryHeavyScenario(count = PUBLISHED): Scenario {
  return new ScenarioBuilder()
    .node('producer', 'shop', { behavior: { mode: 'rate', ratePerSecond: 2000, count, jitterMs: 0, template: { Source: 'com.example.orders', DetailType: 'OrderPlaced', Detail: { orderId: 'o-1', amount: 42 } } } })
    .node('eventBus', 'orders')
    .node('rule', 'all-orders', { props: { EventPattern: '{"source": ["com.example.orders"], "detail": {"amount": [{"numeric": [">", 0]}]}}' } })
    .node('sqsQueue', 'work', { props: { VisibilityTimeout: 30 } })
    .node('sqsQueue', 'work-dlq')
    .node('sqsQueue', 'target-dlq')
    .node('lambdaFunction', 'charge', { props: { Timeout: 3 }, behavior: { failureRate: 0.3, latency: { distribution: 'fixed', meanMs: 40, spreadMs: 0 } } })
    .edge('publish', 'shop', 'orders')
    .edge('busRule', 'orders', 'all-orders')
    .edge('ruleTarget', 'all-orders', 'work', { props: { RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 }, DeadLetterConfig: { Arn: 'target-dlq' } }, behavior: { failureRate: 0.2, errorCode: 'INTERNAL_ERROR' } })
    .edge('redrive', 'work', 'work-dlq', { props: { maxReceiveCount: 3 } })
    .edge('eventSourceMapping', 'work', 'charge', { props: { BatchSize: 10, MaximumBatchingWindowInSeconds: 1, FunctionResponseTypes: ['ReportBatchItemFailures'] } })
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
