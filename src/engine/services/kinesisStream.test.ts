import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { listOf, runChecked, ScenarioBuilder } from '../kernel/testkit';
import { laneOfKey, sequenceNumberOf, shardOfKey } from './shardHash';
import type { StreamFailureRecord } from './streamFailure';

const fixed = (meanMs: number) => ({ distribution: 'fixed', meanMs, spreadMs: 0 }) as const;
const HOUR = 3600_000;

/** Independent oracle: MD5 via node:crypto, hash space split evenly. */
function expectedShard(key: string, shards: number): number {
  const h = BigInt(`0x${createHash('md5').update(key, 'utf8').digest('hex')}`);
  const step = (1n << 128n) / BigInt(shards);
  return Math.min(shards - 1, Number(h / step));
}

/** The first keys `prefix-1`, `prefix-2`, ... that land on each of `shards` shards. */
function keysPerShard(shards: number): string[] {
  const out: string[] = [];
  for (let i = 1; out.filter(Boolean).length < shards; i++) {
    const k = `key-${i}`;
    const s = shardOfKey(k, shards);
    out[s] ??= k;
  }
  return out;
}

function stream(records: Array<{ atMs?: number; n: number; key: string }>, esmProps: object, fnBehavior: object = {}, streamProps: object = {}) {
  return new ScenarioBuilder()
    .node('producer', 'p', listOf(records.map((r) => ({ atMs: r.atMs ?? 0, Detail: { n: r.n, id: `r${r.n}` }, PartitionKey: r.key })) as never))
    .node('kinesisStream', 'k', { props: { ShardCount: 1, ...streamProps } })
    .node('lambdaFunction', 'fn', { behavior: { latency: fixed(100), ...fnBehavior } })
    .node('sqsQueue', 'fail')
    .edge('publish', 'p', 'k')
    .edge('eventSourceMapping', 'k', 'fn', { props: esmProps })
    .build();
}

const byKind = (sim: ReturnType<typeof runChecked>, kind: string) => sim.traceSince(0).filter((f) => f.kind === kind);

describe('Kinesis routing and ordering', () => {
  it('hashes partition keys with MD5 into evenly split shard ranges', () => {
    for (const shards of [1, 2, 3, 4, 7, 1000]) {
      for (const key of ['a', 'b', 'c', 'order-17', 'sensor-3', 'ü-ñ', '']) expect(shardOfKey(key, shards)).toBe(expectedShard(key, shards));
    }
    expect([shardOfKey('a', 2), shardOfKey('b', 2), shardOfKey('c', 2)]).toEqual([0, 1, 0]);
    expect(sequenceNumberOf(1, 42, false)).toHaveLength(56);
    expect(sequenceNumberOf(1, 42, true)).toHaveLength(21);
    expect(sequenceNumberOf(0, 9, false) < sequenceNumberOf(0, 10, false)).toBe(true);
  });

  it('keeps order per shard: each shard reads its records in sequence, shards independently', () => {
    const [k0, k1] = keysPerShard(2);
    const records = Array.from({ length: 12 }, (_, i) => ({ atMs: i * 10, n: i + 1, key: i % 3 === 0 ? k1 : k0 }));
    const sim = runChecked(stream(records, { BatchSize: 2 }, { latency: fixed(50) }, { ShardCount: 2 }), HOUR);
    const done = byKind(sim, 'delivered').filter((f) => f.nodeId === 'k' && f.edgeId !== undefined);
    expect(done).toHaveLength(12);
    const order = (key: string) => done.filter((f) => records[Number(f.label!.slice(1)) - 1].key === key).map((f) => Number(f.label!.slice(1)));
    expect(order(k0)).toEqual([2, 3, 5, 6, 8, 9, 11, 12]);
    expect(order(k1)).toEqual([1, 4, 7, 10]);
    const st = sim.stats().nodes.k.stream!;
    expect(st.shards.map((s) => s.records)).toEqual([8, 4]);
    expect(st.iteratorAgeMs).toBe(0);
  });
});

describe('Kinesis event source mapping failures', () => {
  it('a poison record blocks its shard (not the other one) until MaximumRecordAgeInSeconds, then OnFailure', () => {
    const [k0, k1] = keysPerShard(2);
    const records = [1, 2, 3, 4, 5].map((n) => ({ n, key: k0 })).concat([6, 7].map((n) => ({ n, key: k1 })));
    const s = stream(records, { BatchSize: 10, MaximumRecordAgeInSeconds: 60, DestinationConfig: { OnFailure: { Destination: 'fail' } } }, { failWhen: '{"n": [3]}' }, { ShardCount: 2 });
    const sim = runChecked(s, HOUR);
    // The blocked batch is retried 1, 2, 4, 8, 16, 32 s after each failure; at the next try
    // (63.7 s) its records are over 60 s old and the batch is discarded.
    const runs = byKind(sim, 'invoked').map((f) => [f.timeMs, f.count, f.attempt]);
    expect(runs).toEqual([
      [0, 5, 1],
      [0, 2, 1],
      [1100, 5, 2],
      [3200, 5, 3],
      [7300, 5, 4],
      [15400, 5, 5],
      [31500, 5, 6],
    ]);
    const moved = byKind(sim, 'movedToDlq');
    expect(moved).toMatchObject([{ timeMs: 63_600, nodeId: 'fail', count: 5, reason: 'RecordAgeExceeded' }]);
    const st = sim.stats();
    expect(st.ledger).toMatchObject({ published: 7, copies: 15, delivered: 9, inDlq: 5, waiting: 1 });
    // r1 and r2 ran before r3 threw, in each of the 6 runs: 5 duplicates each.
    expect(st.nodes.fn).toMatchObject({ invocations: 7, succeeded: 1, failed: 6, retries: 5, sideEffects: 14, duplicates: 10 });
    const record = sim.unitsAt('fail')[0].body as StreamFailureRecord;
    expect(record.requestContext).toMatchObject({ condition: 'RecordAgeExceeded', approximateInvokeCount: 6, functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:fn' });
    expect(record.responseContext).toEqual({ statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' });
    expect(record.KinesisBatchInfo).toEqual({
      shardId: `shardId-00000000000${shardOfKey(k0, 2)}`,
      startSequenceNumber: sequenceNumberOf(shardOfKey(k0, 2), 1, false),
      endSequenceNumber: sequenceNumberOf(shardOfKey(k0, 2), 5, false),
      approximateArrivalOfFirstRecord: '2025-01-01T00:00:00.000Z',
      approximateArrivalOfLastRecord: '2025-01-01T00:00:00.000Z',
      batchSize: 5,
      streamArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/k',
    });
  });

  it('the iterator age grows while a poison record blocks the shard; with -1/-1 it blocks until retention expiry', () => {
    const s = stream([1, 2].map((n) => ({ n, key: 'same' })), { BatchSize: 1 }, { failWhen: '{"n": [1]}' });
    const sim = runChecked(s, 12 * HOUR);
    expect(sim.stats().nodes.k.stream!.iteratorAgeMs).toBe(12 * HOUR);
    expect(sim.stats().nodes.k.stream!.shards[0].backlog).toBe(2);
    sim.runUntil(25 * HOUR);
    const st = sim.stats();
    // At 24 h both records expire: the poison one while waiting to retry, and r2 behind it.
    expect(st.reasons).toEqual({ RetentionExpired: 2 });
    expect(byKind(sim, 'expired').map((f) => f.timeMs)).toEqual([24 * HOUR, 24 * HOUR]);
    expect(st.nodes.k.stream!.iteratorAgeMs).toBe(0);
    // Runs at 0, 1.1, 3.2, 7.3, 15.4, 31.5, 63.6 s, then every 60.1 s (100 ms run + 60 s back-off)
    // until 24 h: 7 + 1436 runs.
    expect(st.nodes.fn.invocations).toBe(1443);
    expect(st.nodes.fn.succeeded).toBe(0);
  });

  it('bisects a failing batch down to the poison record; the rest is processed in order', () => {
    const records = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ n, key: 'k' }));
    const s = stream(records, { BatchSize: 10, BisectBatchOnFunctionError: true, MaximumRetryAttempts: 2, DestinationConfig: { OnFailure: { Destination: 'fail' } } }, { failWhen: '{"n": [6]}' });
    const sim = runChecked(s, HOUR);
    expect(byKind(sim, 'invoked').map((f) => [f.timeMs, f.label, f.count, f.attempt])).toEqual([
      [0, 'r1', 8, 1],
      [100, 'r1', 4, 1],
      [200, 'r5', 4, 1],
      [300, 'r5', 2, 1],
      [400, 'r5', 1, 1],
      [500, 'r6', 1, 1],
      [1600, 'r6', 1, 2],
      [3700, 'r6', 1, 3],
      [3800, 'r7', 2, 1],
    ]);
    expect(byKind(sim, 'bisected').map((f) => f.count)).toEqual([4, 2, 1]);
    expect(byKind(sim, 'movedToDlq')).toMatchObject([{ timeMs: 3800, label: 'r6', count: 1, reason: 'RetryAttemptsExhausted' }]);
    const checkpointed = byKind(sim, 'delivered').filter((f) => f.nodeId === 'k' && f.edgeId !== undefined).map((f) => f.label);
    expect(checkpointed).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r7', 'r8']);
    const record = sim.unitsAt('fail')[0].body as StreamFailureRecord;
    expect(record.KinesisBatchInfo).toMatchObject({ batchSize: 1, startSequenceNumber: sequenceNumberOf(0, 6, false), endSequenceNumber: sequenceNumberOf(0, 6, false) });
    expect(record.requestContext).toMatchObject({ condition: 'RetryAttemptsExhausted', approximateInvokeCount: 3 });
  });

  it('ReportBatchItemFailures checkpoints before the lowest failed sequence number and retries from there', () => {
    const s = stream([1, 2, 3, 4, 5].map((n) => ({ n, key: 'k' })), { BatchSize: 10, FunctionResponseTypes: ['ReportBatchItemFailures'], MaximumRetryAttempts: 1 }, { failWhen: '{"n": [3]}' });
    const sim = runChecked(s, HOUR);
    expect(byKind(sim, 'invoked').map((f) => [f.timeMs, f.label, f.count])).toEqual([
      [0, 'r1', 5],
      [1100, 'r3', 3],
    ]);
    const st = sim.stats();
    // r4 and r5 succeeded in the first run but follow r3 in the retry: they run twice.
    expect(st.nodes.fn).toMatchObject({ invocations: 2, sideEffects: 6, duplicates: 2, itemFailures: 2 });
    // Retries exhausted, no OnFailure destination: the rest of the batch is dropped.
    expect(st.reasons).toEqual({ RetryAttemptsExhausted: 3 });
    expect(byKind(sim, 'dropped').map((f) => f.label)).toEqual(['r3', 'r4', 'r5']);
  });

  it('ParallelizationFactor: a poison key blocks only its lane of the shard', () => {
    let a = 'a-0';
    let b = 'b-0';
    for (let i = 1; laneOfKey(a, 2) === laneOfKey(b, 2); i++) b = `b-${i}`;
    if (laneOfKey(a, 2) === laneOfKey(b, 2)) a = 'a-1';
    const records = [1, 2, 3, 4].map((n) => ({ n, key: n <= 2 ? a : b }));
    const s = stream(records, { BatchSize: 10, ParallelizationFactor: 2, MaximumRetryAttempts: 0 }, { failWhen: '{"n": [1]}' });
    const sim = runChecked(s, HOUR);
    expect(byKind(sim, 'invoked').map((f) => [f.timeMs, f.label, f.count])).toEqual([
      [0, 'r1', 2],
      [0, 'r3', 2],
    ]);
    expect(sim.stats().reasons).toEqual({ RetryAttemptsExhausted: 2 });
    expect(byKind(sim, 'delivered').filter((f) => f.nodeId === 'k' && f.edgeId !== undefined).map((f) => f.label)).toEqual(['r3', 'r4']);
  });

  it('throttles retry the batch without using MaximumRetryAttempts, until the records are too old', () => {
    const s = stream([1, 2].map((n) => ({ n, key: 'k' })), { BatchSize: 10, MaximumRetryAttempts: 0, MaximumRecordAgeInSeconds: 120, DestinationConfig: { OnFailure: { Destination: 'fail' } } });
    s.nodes.find((n) => n.id === 'fn')!.props = { ...s.nodes.find((n) => n.id === 'fn')!.props, ReservedConcurrentExecutions: 0 } as never;
    const sim = runChecked(s, HOUR);
    expect(byKind(sim, 'throttled').map((f) => [f.timeMs, f.atMs, f.reason])).toEqual([
      [0, 1000, 'ConcurrencyLimit'],
      [1000, 3000, 'ConcurrencyLimit'],
      [3000, 7000, 'ConcurrencyLimit'],
      [7000, 15000, 'ConcurrencyLimit'],
      [15000, 31000, 'ConcurrencyLimit'],
      [31000, 63000, 'ConcurrencyLimit'],
      [63000, 123000, 'ConcurrencyLimit'],
    ]);
    expect(sim.stats().nodes.fn).toMatchObject({ throttled: 7, invocations: 0 });
    const record = sim.unitsAt('fail')[0].body as StreamFailureRecord;
    expect(record.requestContext).toMatchObject({ condition: 'RecordAgeExceeded', approximateInvokeCount: 0 });
    expect(record.responseContext).toBeUndefined();
    expect(record.KinesisBatchInfo!.batchSize).toBe(2);
  });

  it('filter criteria skip records that match no pattern', () => {
    const s = stream([1, 2, 3].map((n) => ({ n, key: 'k' })), { BatchSize: 10, FilterCriteria: { Filters: [{ Pattern: '{"data": {"n": [2]}}' }] } });
    const sim = runChecked(s, HOUR);
    expect(sim.stats().ledger).toMatchObject({ filteredOut: 2, delivered: 4 });
    expect(byKind(sim, 'invoked').map((f) => [f.label, f.count])).toEqual([['r2', 1]]);
  });

  it('a batching window gathers records before invoking; a full batch does not wait', () => {
    const s = stream([0, 300, 900, 2500].map((atMs, i) => ({ atMs, n: i + 1, key: 'k' })), { BatchSize: 10, MaximumBatchingWindowInSeconds: 1 });
    const sim = runChecked(s, HOUR);
    expect(byKind(sim, 'invoked').map((f) => [f.timeMs, f.count])).toEqual([
      [1000, 3],
      [3500, 1],
    ]);
    const full = stream([0, 100, 200, 300, 400].map((atMs, i) => ({ atMs, n: i + 1, key: 'k' })), { BatchSize: 2, MaximumBatchingWindowInSeconds: 5 });
    expect(byKind(runChecked(full, HOUR), 'invoked').map((f) => [f.timeMs, f.count])).toEqual([
      [100, 2],
      [300, 2],
      [5400, 1],
    ]);
  });
});

describe('streams without readers, and DynamoDB streams', () => {
  it('records nobody reads expire at the end of the retention period', () => {
    const s = new ScenarioBuilder()
      .node('producer', 'p', listOf([{ atMs: 0, Detail: { id: 'a' } }, { atMs: HOUR, Detail: { id: 'b' } }]))
      .node('kinesisStream', 'k', { props: { RetentionPeriodHours: 48 } })
      .edge('publish', 'p', 'k')
      .build();
    const sim = runChecked(s, 72 * HOUR);
    expect(sim.stats().ledger).toMatchObject({ copies: 2, expired: 2 });
    expect(byKind(sim, 'expired').map((f) => f.timeMs)).toEqual([48 * HOUR, 49 * HOUR]);
  });

  it('DynamoDB streams keep 24 hours and report DDBStreamBatchInfo', () => {
    const s = new ScenarioBuilder()
      .node('producer', 'p', listOf([1, 2].map((n) => ({ atMs: 0, Detail: { n, id: `item-${n}` }, PartitionKey: `item-${n}` })) as never))
      .node('kinesisStream', 't', { props: { StreamType: 'dynamodb', Name: 'orders', RetentionPeriodHours: 48 } })
      .node('lambdaFunction', 'fn', { behavior: { latency: fixed(100), failWhen: '{"n": [2]}' } })
      .node('sqsQueue', 'fail')
      .edge('publish', 'p', 't')
      .edge('eventSourceMapping', 't', 'fn', { props: { BatchSize: 1, MaximumRetryAttempts: 1, DestinationConfig: { OnFailure: { Destination: 'fail' } } } })
      .build();
    const sim = runChecked(s, 30 * HOUR);
    const record = sim.unitsAt('fail')[0].body as StreamFailureRecord;
    expect(record.KinesisBatchInfo).toBeUndefined();
    expect(record.DDBStreamBatchInfo).toMatchObject({ batchSize: 1, streamArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2025-01-01T00:00:00.000' });
    expect(record.DDBStreamBatchInfo!.startSequenceNumber).toHaveLength(21);
    expect(sim.stats().ledger).toMatchObject({ published: 2, delivered: 3, inDlq: 1 });
  });
});
