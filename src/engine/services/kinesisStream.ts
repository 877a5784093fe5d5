/**
 * Kinesis data streams and DynamoDB streams (aws-semantics 4.1, 4.2): a put record is routed
 * by its partition key (the item key for DynamoDB) to one shard, gets the shard's next sequence
 * number, and is read by every event source mapping on the stream: each mapping gets its own
 * copy of the record (a child unit), in its lane of the shard. Records stay until the retention
 * period ends (RetentionPeriodHours; DynamoDB always 24 h): a copy not yet checkpointed then
 * expires (RetentionExpired), and so does a record no mapping reads.
 *
 * [D] Shard write limits (1 MB/s or 1,000 records/s per shard) and resharding are not
 * modelled; StartingPosition LATEST reads the same records as TRIM_HORIZON, since every
 * mapping exists from time 0.
 */
import type { NodeOf } from '../../model/types';
import { ExpiryIndex } from '../kernel/expiryIndex';
import { ST, type Unit } from '../kernel/ledger';
import { C, type Sim } from '../kernel/sim';
import { ensureSweep, sweepDue, trimSettled } from '../kernel/sweep';
import { RS, TK } from '../trace';
import { ACCOUNT, REGION, arnOf } from './envelope';
import { ShardRouter, shardIdOf } from './shardHash';
import { enqueueRecord, recordView, type StreamEsmRt } from './streamEsm';

/** DynamoDB streams keep records 24 hours (aws-semantics 4.2). */
export const DYNAMODB_RETENTION_MS = 24 * 3600_000;

/** Runtime state of one stream. */
export interface StreamRt {
  node: number;
  arn: string;
  dynamodb: boolean;
  retentionMs: number;
  router: ShardRouter;
  shardIds: string[];
  /** Last sequence number given out, per shard. */
  seq: Float64Array;
  /** Event source mapping edges reading this stream (set by streamEsm.ts). */
  consumers: number[];
  expiry: ExpiryIndex;
  /** DynamoDB: item keys seen (a first change is an INSERT, later ones MODIFY). */
  seenKeys: Set<string> | null;
}

/** Builds a stream's runtime. */
export function initStream(sim: Sim, node: number): void {
  const n = sim.topo.nodes[node] as NodeOf<'kinesisStream'>;
  const p = n.props;
  const dynamodb = p.StreamType === 'dynamodb';
  const shards = Math.max(1, Math.min(1000, Math.floor(p.ShardCount ?? 1)));
  const rt: StreamRt = {
    node,
    arn: dynamodb ? `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${p.Name}/stream/2025-01-01T00:00:00.000` : arnOf(sim.topo, node),
    dynamodb,
    retentionMs: dynamodb ? DYNAMODB_RETENTION_MS : Math.max(24, Math.min(8760, Math.floor(p.RetentionPeriodHours ?? 24))) * 3600_000,
    router: new ShardRouter(shards),
    shardIds: Array.from({ length: shards }, (_, i) => shardIdOf(i)),
    seq: new Float64Array(shards),
    consumers: [],
    expiry: new ExpiryIndex(),
    seenKeys: dynamodb ? new Set() : null,
  };
  sim.rt[node] = rt;
}

/** PutRecord: unit `u` (created at the stream) is appended to the shard of its partition key. */
export function acceptAtStream(sim: Sim, u: Unit, node: number): void {
  const s = sim.rt[node] as StreamRt;
  const p = u.payload!;
  const key = p.partitionKey ?? p.eventId;
  const shard = s.router.shardOf(key);
  const seq = ++s.seq[shard];
  u.aux = seq;
  u.flags = shard;
  sim.count(node, C.sent);
  sim.fact(TK.enqueued, node, u.edge, u, -1, -1, -1, shard);
  let ddbEvent: string | undefined;
  if (s.seenKeys !== null) {
    ddbEvent = s.seenKeys.has(key) ? 'MODIFY' : 'INSERT';
    s.seenKeys.add(key);
  }
  if (s.consumers.length === 0) {
    // Nobody reads it: the record waits out the retention period.
    sim.ledger.move(u, ST.queued);
    s.expiry.push(u.ageFrom + s.retentionMs, u.slot, u.id);
    ensureSweep(sim, node, s.expiry);
    return;
  }
  for (const edge of s.consumers) {
    const esm = sim.edgeRt[edge] as StreamEsmRt;
    const copy = sim.ledger.create(node, edge, u, p, ST.queued, u.ageFrom);
    copy.aux = seq;
    copy.flags = shard;
    if (esm.filters !== null && !esm.filters.some((m) => m(recordView(s, copy, ddbEvent)))) {
      // Records that match no filter are skipped (aws-semantics 5.3): checkpointed, never invoked.
      sim.fact(TK.filteredOut, node, edge, copy, -1, -1, -1, -1, RS.FilterNoMatch);
      sim.ledger.settle(copy, ST.filteredOut, RS.FilterNoMatch);
      continue;
    }
    s.expiry.push(copy.ageFrom + s.retentionMs, copy.slot, copy.id);
    enqueueRecord(sim, esm, shard, key, copy);
  }
  ensureSweep(sim, node, s.expiry);
  sim.fact(TK.delivered, node, -1, u, -1, -1, -1, s.consumers.length);
  sim.ledger.settle(u, ST.delivered, 0);
}

/**
 * Engine event: retention sweep of stream `node`. A record copy in a running batch is judged
 * when the run ends (streamEsm.ts); every other one expires now, and its lane skips it.
 */
export function onStreamSweep(sim: Sim, node: number): void {
  const s = sim.rt[node] as StreamRt;
  if (!sweepDue(sim, s.expiry)) return;
  const ix = s.expiry;
  while (ix.size > 0 && ix.peekAt() <= sim.now) {
    const u = sim.ledger.byRef(ix.peekSlot(), ix.peekId());
    ix.pop();
    if (u === null || u.state === ST.inFlight) continue;
    sim.fact(TK.expired, node, u.edge, u, u.attempts, -1, -1, -1, RS.RetentionExpired);
    sim.ledger.settle(u, ST.expired, RS.RetentionExpired);
  }
  trimSettled(ix, sim.ledger);
  ensureSweep(sim, node, ix);
}

/** One shard as the stats show it. */
export interface ShardStats {
  shardId: string;
  /** Records written to the shard so far. */
  records: number;
  /** Records some mapping has not checkpointed yet. */
  backlog: number;
  /** Now minus the arrival of the oldest record not checkpointed (largest over mappings); 0 when caught up. */
  iteratorAgeMs: number;
}

/** Per-shard figures of a stream: iterator age (aws-semantics 4.1) and backlog. */
export interface StreamStats {
  /** Largest iterator age over the shards and mappings, ms. */
  iteratorAgeMs: number;
  shards: ShardStats[];
}

/** The stream's per-shard figures now. */
export function streamStats(sim: Sim, node: number): StreamStats {
  const s = sim.rt[node] as StreamRt;
  const shards: ShardStats[] = s.shardIds.map((shardId, i) => ({ shardId, records: s.seq[i], backlog: 0, iteratorAgeMs: 0 }));
  for (const edge of s.consumers) {
    const esm = sim.edgeRt[edge] as StreamEsmRt;
    const backlog = new Array<number>(shards.length).fill(0);
    for (const lane of esm.lanes) {
      const st = shards[lane.shard];
      const oldest = lane.oldestArrival(sim.ledger);
      if (oldest >= 0) st.iteratorAgeMs = Math.max(st.iteratorAgeMs, sim.now - oldest);
      for (let i = 0; i < lane.records.length; i++) if (lane.unitAt(sim.ledger, i) !== null) backlog[lane.shard]++;
    }
    backlog.forEach((b, i) => (shards[i].backlog = Math.max(shards[i].backlog, b)));
  }
  return { iteratorAgeMs: shards.reduce((m, x) => Math.max(m, x.iteratorAgeMs), 0), shards };
}
