/**
 * Test support: random small but well-formed scenarios (every edge joins kinds AWS allows),
 * drawn from a seed, for property tests of the ledger and of determinism.
 */
import type { Scenario } from '../../model/types';
import { deriveRng } from './rng';
import { ScenarioBuilder } from './testkit';

const PATTERNS = ['{"source": ["com.example.orders"]}', '{"detail": {"n": [{"numeric": [">", 5]}]}}', '{"source": [{"prefix": ""}]}', '{"detail-type": ["Nope"]}'];

/** A random scenario with up to ~12 nodes. */
export function randomScenario(seed: number): Scenario {
  const r = deriveRng(seed, 'topology');
  const pick = <T>(xs: readonly T[]): T => xs[r.below(xs.length)];
  const rate = () => [0, 0, 0.1, 0.5, 1][r.below(5)];
  const b = new ScenarioBuilder();
  const ids = (p: string, n: number) => Array.from({ length: n }, (_, i) => `${p}${i}`);
  const producers = ids('p', 1 + r.below(2));
  const buses = ids('bus', r.below(3));
  const rules = buses.length > 0 ? ids('rule', 1 + r.below(3)) : [];
  const queues = ids('q', r.below(4));
  const fifo = new Set(queues.filter(() => r.chance(0.3)));
  const fns = ids('fn', r.below(4));
  const topics = ids('topic', r.below(3));
  const fifoTopics = new Set(topics.filter(() => r.chance(0.3)));
  const streams = ids('stream', r.below(3));
  for (const p of producers) {
    const attributes = r.chance(0.5) ? { MessageAttributes: { type: pick(['order', 'refund']), n: '{{rand:1-10}}' } } : {};
    b.node('producer', p, { behavior: { mode: 'rate', ratePerSecond: 1 + r.below(20), count: 1 + r.below(40), jitterMs: r.below(500), template: { Source: 'com.example.orders', DetailType: 'OrderPlaced', Detail: { n: '{{rand:1-10}}', id: 'o-{{seq}}' }, MessageGroupId: 'g{{rand:1-3}}', PartitionKey: 'k{{rand:1-4}}', ...attributes } } });
  }
  for (const x of buses) b.node('eventBus', x);
  for (const x of rules) b.node('rule', x, { props: { EventPattern: pick(PATTERNS) } });
  for (const q of queues) {
    b.node('sqsQueue', q, {
      props: { FifoQueue: fifo.has(q), QueueName: fifo.has(q) ? `${q}.fifo` : q, ContentBasedDeduplication: r.chance(0.5), VisibilityTimeout: pick([0, 5, 30]), MessageRetentionPeriod: pick([60, 600, 345600]), DelaySeconds: pick([0, 0, 5]) },
      behavior: { duplicateRate: rate() * 0.3, reorderRate: rate() },
    });
  }
  for (const f of fns) {
    b.node('lambdaFunction', f, {
      props: { Timeout: pick([1, 3]), ReservedConcurrentExecutions: r.chance(0.3) ? r.below(3) : undefined, EventInvokeConfig: { MaximumRetryAttempts: r.below(3), MaximumEventAgeInSeconds: pick([60, 600, 21600]) } },
      behavior: { latency: { distribution: pick(['fixed', 'uniform', 'normal', 'lognormal'] as const), meanMs: pick([10, 500, 2000]), spreadMs: pick([0, 100, 500]) }, failureRate: rate(), timeoutRate: rate() * 0.2, throttleRate: rate() * 0.2, malformedResponseRate: rate() * 0.2, failWhen: r.chance(0.3) ? '{"n": [3]}' : '', idempotency: { enabled: r.chance(0.3), keyPath: '$.id' } },
    });
  }
  for (const t of topics) {
    const fifoT = fifoTopics.has(t);
    b.node('snsTopic', t, { props: { FifoTopic: fifoT, TopicName: fifoT ? `${t}.fifo` : t, ContentBasedDeduplication: fifoT && r.chance(0.5) } });
  }
  for (const x of streams) {
    b.node('kinesisStream', x, { props: { StreamType: r.chance(0.3) ? 'dynamodb' : 'kinesis', ShardCount: 1 + r.below(3), RetentionPeriodHours: 24 } });
  }
  const sinks = [...buses, ...queues, ...fns, ...topics, ...streams];
  for (const p of producers) if (sinks.length > 0) b.edge('publish', p, pick(sinks));
  for (const x of rules) b.edge('busRule', pick(buses), x);
  const targets = [...queues.filter((q) => !fifo.has(q)), ...fns, ...buses, ...topics.filter((t) => !fifoTopics.has(t)), ...streams];
  for (const x of rules) {
    const n = r.below(3);
    for (let i = 0; i < n && targets.length > 0; i++) {
      const t = pick(targets);
      const dlq = queues.length > 0 && r.chance(0.5) ? pick(queues) : undefined;
      b.edge('ruleTarget', x, t, { props: { RetryPolicy: { MaximumRetryAttempts: pick([0, 2, 185]), MaximumEventAgeInSeconds: pick([60, 3600]) }, ...(dlq ? { DeadLetterConfig: { Arn: dlq } } : {}) }, behavior: { failureRate: rate(), errorCode: pick(['THROTTLING', 'NO_PERMISSIONS', 'TIMEOUT'] as const) } }, `${x}-t${i}`);
    }
  }
  for (const q of queues) {
    if (fns.length > 0 && r.chance(0.8)) b.edge('eventSourceMapping', q, pick(fns), { props: { BatchSize: pick([1, 3, 10]), MaximumBatchingWindowInSeconds: pick([0, 0, 2]), FunctionResponseTypes: r.chance(0.5) ? ['ReportBatchItemFailures'] : [] } });
    const others = queues.filter((o) => o !== q && fifo.has(o) === fifo.has(q));
    if (others.length > 0 && r.chance(0.5)) b.edge('redrive', q, pick(others), { props: { maxReceiveCount: 1 + r.below(4) } });
  }
  for (const f of fns) {
    const dests = [...queues.filter((q) => !fifo.has(q)), ...buses, ...fns.filter((g) => g !== f), ...topics];
    if (dests.length > 0 && r.chance(0.5)) b.edge('destination', f, pick(dests), { props: { Condition: r.chance(0.5) ? 'OnSuccess' : 'OnFailure' } });
  }
  const standardQueues = queues.filter((q) => !fifo.has(q));
  for (const t of topics) {
    const fifoT = fifoTopics.has(t);
    const subs = fifoT ? queues : [...standardQueues, ...fns];
    const dlqs = fifoT ? queues.filter((q) => fifo.has(q)) : standardQueues;
    for (let i = 0, n = 1 + r.below(2); i < n && subs.length > 0; i++) {
      const body = r.chance(0.5);
      const policy = r.chance(0.4) ? (body ? '{"n": [{"numeric": ["<", 5]}]}' : pick(['{"type": ["order"]}', '{"type": [{"exists": false}]}', '{"n": [{"numeric": [">", 3]}]}'])) : '';
      const dlq = dlqs.length > 0 && r.chance(0.4) ? { RedrivePolicy: { deadLetterTargetArn: pick(dlqs) } } : {};
      b.edge('subscription', t, pick(subs), { props: { FilterPolicy: policy, FilterPolicyScope: body ? 'MessageBody' : 'MessageAttributes', RawMessageDelivery: r.chance(0.5), ...dlq }, behavior: { failureRate: rate(), errorCode: pick(['INTERNAL_ERROR', 'THROTTLING', 'NO_PERMISSIONS'] as const) } }, `${t}-s${i}`);
    }
  }
  const onFailure = [...standardQueues, ...topics.filter((t) => !fifoTopics.has(t))];
  for (const x of streams) {
    if (fns.length === 0 || r.chance(0.2)) continue;
    const dest = onFailure.length > 0 && r.chance(0.5) ? { DestinationConfig: { OnFailure: { Destination: pick(onFailure) } } } : {};
    b.edge('eventSourceMapping', x, pick(fns), {
      props: {
        BatchSize: pick([1, 3, 10, 100]),
        MaximumBatchingWindowInSeconds: pick([0, 0, 1]),
        ParallelizationFactor: pick([1, 1, 2, 3]),
        MaximumRetryAttempts: pick([-1, 0, 2]),
        MaximumRecordAgeInSeconds: pick([-1, 60, 600]),
        BisectBatchOnFunctionError: r.chance(0.5),
        FunctionResponseTypes: r.chance(0.5) ? ['ReportBatchItemFailures'] : [],
        FilterCriteria: { Filters: r.chance(0.2) ? [{ Pattern: '{"data": {"n": [{"numeric": [">", 2]}]}}' }] : [] },
        ...dest,
      },
    });
  }
  // Pipes from queues and streams to any target; schedules and scheduled rules.
  const pipeTargets = [...fns, ...queues, ...buses, ...topics, ...streams];
  const pipeSources = [...queues, ...streams];
  for (let i = 0, n = r.below(3); i < n && pipeSources.length > 0 && pipeTargets.length > 0; i++) {
    const pipe = `pipe${i}`;
    b.node('pipe', pipe, { props: { FilterPattern: r.chance(0.4) ? pick(['{"body": {"n": [{"numeric": [">", 4]}]}}', '{"data": {"n": [1, 2, 3]}}']) : '', BatchSize: pick([1, 5, 10]), MaximumBatchingWindowInSeconds: pick([0, 0, 1]) } });
    b.edge('pipeSource', pick(pipeSources), pipe);
    b.edge('pipeTarget', pipe, pick(pipeTargets));
  }
  for (let i = 0, n = r.below(2); i < n && pipeTargets.length > 0; i++) {
    const sched = `sched${i}`;
    b.node('schedule', sched, { props: { ScheduleExpression: pick(['rate(1 minute)', 'cron(0/2 * * * ? *)', 'at(2025-01-01T00:03:00)']), Input: '{"n": 3, "try": "<aws.scheduler.attempt-number>"}', RetryPolicy: { MaximumRetryAttempts: pick([0, 3]), MaximumEventAgeInSeconds: 600 }, FlexibleTimeWindow: r.chance(0.5) ? { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 5 } : { Mode: 'OFF' }, ...(standardQueues.length > 0 && r.chance(0.5) ? { DeadLetterConfig: { Arn: pick(standardQueues) } } : {}) } });
    b.edge('scheduleTarget', sched, pick(pipeTargets), { behavior: { failureRate: rate(), errorCode: pick(['INTERNAL_ERROR', 'NO_PERMISSIONS'] as const) } });
  }
  if (buses.length > 0 && targets.length > 0 && r.chance(0.3)) {
    b.node('rule', 'ticker', { props: { EventPattern: '', ScheduleExpression: 'rate(2 minutes)' } });
    b.edge('busRule', pick(buses), 'ticker');
    b.edge('ruleTarget', 'ticker', pick(targets));
  }
  if (buses.length > 0 && r.chance(0.4)) {
    const from = pick([0, 60_000]);
    b.node('archive', 'arch', { props: { EventPattern: r.chance(0.5) ? pick(PATTERNS) : '', RetentionDays: pick([0, 1]) }, behavior: { replays: [{ ReplayName: 'r1', EventStartTime: from, EventEndTime: from + pick([60_000, 600_000]), startAtMs: pick([120_000, 900_000]), FilterArns: r.chance(0.3) && rules.length > 0 ? [pick(rules)] : [] }] } });
    b.edge('archiveOf', pick(buses), 'arch');
  }
  return b.build({ eventBudget: 30_000, seed });
}
