/**
 * What a stream batch's outcome does to its lane (aws-semantics 5.4): records before the
 * lowest failure are checkpointed; on a function error the batch is bisected
 * (BisectBatchOnFunctionError; splitting uses no retry) or retried after a back-off until
 * MaximumRetryAttempts is spent (RetryAttemptsExhausted); with ReportBatchItemFailures the
 * lane checkpoints just before the lowest reported sequence number and retries from there
 * (later records that succeeded run again). A discarded batch goes to the OnFailure destination
 * as AWS's failure record (metadata only: KinesisBatchInfo / DDBStreamBatchInfo), or is
 * dropped (retries) / expired (record age). Then the lane moves on.
 *
 * [U] AWS gives no retry delay for failed stream batches; [D] 1 s doubling to at most 60 s
 * (esmRetryDelay), so a poison record under the defaults is tried about once a minute until it
 * expires. [D] The record age is checked whenever a batch is (re)tried: the too-old records at
 * the front of the batch are discarded together. [D] A record whose retention ends while its
 * batch runs is judged when the run ends: if the batch failed, it expires then.
 */
import { ST, type Payload, type Unit } from '../kernel/ledger';
import { C, type Sim } from '../kernel/sim';
import { RS, TK } from '../trace';
import { finishRun, failureReason, recordSucceeded } from './consumer';
import { isoMillis, uuidFrom } from './envelope';
import { OUTCOME, type Invocation } from './invocation';
import type { StreamRt } from './kinesisStream';
import type { LambdaRt } from './lambdaFunction';
import { sequenceNumberOf } from './shardHash';
import { esmRetryDelay } from './sqsPollers';
import { wait, type StreamEsmRt } from './streamEsm';
import type { Lane } from './streamLane';

/** Conditions of a discarded stream batch. */
export type StreamFailureCondition = 'RetryAttemptsExhausted' | 'RecordAgeExceeded';

/**
 * Applies the run's outcome to the lane. Returns true when the lane now waits for a retry
 * timer; false when it may go on at once (next batch, or a bisected half).
 */
export function afterRun(sim: Sim, esm: StreamEsmRt, lane: Lane, inv: Invocation): boolean {
  const fn = sim.rt[esm.fn] as LambdaRt;
  const stream = sim.rt[esm.stream] as StreamRt;
  finishRun(sim, fn, inv);
  // The lowest failed record: all of them on a function error, else the first reported one.
  let failAt = inv.outcome === OUTCOME.ok ? inv.n : 0;
  for (let i = 0; i < failAt; i++) {
    if (!recordSucceeded(inv, i)) failAt = i;
  }
  // Checkpoint the records before the first failure (the batch is a prefix of the lane).
  let k = 0;
  while (lane.batchLen > 0 && k < failAt) {
    const u = lane.unitAt(sim.ledger, 0);
    if (u !== null) {
      sim.fact(TK.delivered, esm.stream, esm.edge, u, u.attempts);
      sim.ledger.settle(u, ST.delivered, 0);
      k++;
    }
    lane.shift();
  }
  if (inv.outcome === OUTCOME.ok) sim.count(fn.node, C.succeeded);
  else sim.count(fn.node, C.failed);
  if (failAt === inv.n) {
    sim.factRef(TK.succeeded, fn.node, esm.edge, inv.ids[0], inv.roots[0], lane.retries + 1, -1, -1, inv.n);
    while (lane.batchLen > 0) lane.shift();
    return false;
  }
  // The failed rest of the batch waits; a record whose retention ended meanwhile expires now.
  let first: Unit | null = null;
  let live = 0;
  for (let i = failAt; i < inv.n; i++) {
    const u = sim.ledger.at(inv.slots[i], inv.versions[i]);
    if (u === null) continue;
    if (sim.now >= u.ageFrom + stream.retentionMs) {
      sim.fact(TK.expired, esm.stream, esm.edge, u, u.attempts, -1, -1, -1, RS.RetentionExpired);
      sim.ledger.settle(u, ST.expired, RS.RetentionExpired);
      continue;
    }
    sim.ledger.move(u, ST.retryWait);
    first ??= u;
    live++;
  }
  if (first === null) return false;
  const reason = failureReason(inv, failAt);
  if (esm.bisect && inv.outcome !== OUTCOME.ok && live > 1 && lane.batchLen > 1) {
    const half = Math.ceil(lane.batchLen / 2);
    lane.splits.push(lane.batchLen - half);
    lane.batchLen = half;
    sim.fact(TK.failed, fn.node, esm.edge, first, lane.retries + 1, -1, sim.now, live, reason);
    sim.fact(TK.bisected, fn.node, esm.edge, first, -1, -1, -1, half);
    return false;
  }
  const attempt = ++lane.retries;
  const max = esm.maxRetries === Infinity ? -1 : esm.maxRetries + 1;
  if (lane.retries > esm.maxRetries) {
    sim.fact(TK.failed, fn.node, esm.edge, first, attempt, max, -1, live, reason);
    discard(sim, esm, lane, lane.batchLen, 'RetryAttemptsExhausted');
    return false;
  }
  const next = sim.now + esmRetryDelay(lane.retries);
  sim.fact(TK.failed, fn.node, esm.edge, first, attempt, max, next, live, reason);
  sim.fact(TK.retryScheduled, fn.node, esm.edge, first, attempt + 1, max, next, live);
  return wait(sim, lane, next);
}

/**
 * Discards the first `entries` entries of the lane's batch: their live records go to the
 * OnFailure destination (one failure record for them all), else are dropped (retries) or
 * expire (record age). The lane's next batch starts fresh.
 */
export function discard(sim: Sim, esm: StreamEsmRt, lane: Lane, entries: number, condition: StreamFailureCondition): void {
  const live: Unit[] = [];
  for (let i = 0; i < entries && i < lane.records.length; i++) {
    const u = lane.unitAt(sim.ledger, i);
    if (u !== null) live.push(u);
  }
  const reason = RS[condition];
  if (live.length > 0 && esm.onFailure >= 0) {
    const first = live[0];
    sim.fact(TK.movedToDlq, esm.onFailure, esm.edge, first, lane.retries + 1, -1, -1, live.length, reason);
    sim.handOff(first, esm.onFailure, esm.edge, failurePayload(sim, esm, lane, live, condition));
    for (const u of live) sim.ledger.settle(u, ST.inDlq, reason);
  } else {
    const expired = condition === 'RecordAgeExceeded';
    for (const u of live) {
      sim.fact(expired ? TK.expired : TK.dropped, esm.stream, esm.edge, u, u.attempts, -1, -1, -1, reason);
      sim.ledger.settle(u, expired ? ST.expired : ST.dropped, reason);
    }
  }
  const keep = lane.batchLen - entries;
  for (let i = 0; i < entries && lane.records.length > 0; i++) lane.shift();
  lane.newBatch(Math.max(0, keep));
}

/** The failure record AWS sends a stream mapping's OnFailure destination. */
export interface StreamFailureRecord {
  version: '1.0';
  timestamp: string;
  requestContext: { requestId: string; functionArn: string; condition: StreamFailureCondition; approximateInvokeCount: number };
  /** Absent when the function never ran on the batch (only throttled). */
  responseContext?: { statusCode: number; executedVersion: string; functionError: string };
  KinesisBatchInfo?: StreamBatchInfo;
  DDBStreamBatchInfo?: StreamBatchInfo;
}

/** Which records a discarded batch held: metadata only, not the records. */
export interface StreamBatchInfo {
  shardId: string;
  startSequenceNumber: string;
  endSequenceNumber: string;
  approximateArrivalOfFirstRecord: string;
  approximateArrivalOfLastRecord: string;
  batchSize: number;
  streamArn: string;
}

function failurePayload(sim: Sim, esm: StreamEsmRt, lane: Lane, live: Unit[], condition: StreamFailureCondition): Payload {
  const s = sim.rt[esm.stream] as StreamRt;
  const fn = sim.rt[esm.fn] as LambdaRt;
  const first = live[0];
  const last = live[live.length - 1];
  const requestId = uuidFrom(sim.rng(esm.fn, 'requestIds'));
  const info: StreamBatchInfo = {
    shardId: s.shardIds[lane.shard],
    startSequenceNumber: sequenceNumberOf(lane.shard, first.aux, s.dynamodb),
    endSequenceNumber: sequenceNumberOf(lane.shard, last.aux, s.dynamodb),
    approximateArrivalOfFirstRecord: isoMillis(first.ageFrom),
    approximateArrivalOfLastRecord: isoMillis(last.ageFrom),
    batchSize: live.length,
    streamArn: s.arn,
  };
  const record: StreamFailureRecord = {
    version: '1.0',
    timestamp: isoMillis(sim.now),
    requestContext: { requestId, functionArn: fn.arn, condition, approximateInvokeCount: lane.invokes },
  };
  if (lane.invokes > 0) record.responseContext = { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' };
  if (s.dynamodb) record.DDBStreamBatchInfo = info;
  else record.KinesisBatchInfo = info;
  return { body: record, eventId: requestId, groupId: undefined, dedupId: undefined, attributes: undefined };
}
