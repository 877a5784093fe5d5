/**
 * Kinesis routing (aws-semantics 4.1): the partition key is MD5-hashed to a 128-bit number,
 * which falls into exactly one shard's hash-key range. Same key, same shard.
 *
 * [D] The stream's shards split the hash-key space evenly, as CreateStream does: shard i
 * starts at i x floor(2^128 / N) (the last shard ends at 2^128 - 1). DynamoDB streams route an
 * item key the same way over the simulator's ShardCount (AWS manages those shards).
 */
import { hashString32 } from '../kernel/hash';
import { md5Hex } from '../../model/samples/md5';

const SPACE = 1n << 128n;
/** Keys remembered per stream before the cache starts over (memory bound). */
const CACHE_LIMIT = 65_536;

/** The shard of `key` among `shards` shards (no cache). */
export function shardOfKey(key: string, shards: number): number {
  if (shards <= 1) return 0;
  const hash = BigInt(`0x${md5Hex(key)}`);
  const step = SPACE / BigInt(shards);
  return Math.min(shards - 1, Number(hash / step));
}

/** Shard routing of one stream, with the MD5s of recent keys cached. */
export class ShardRouter {
  private readonly cache = new Map<string, number>();
  constructor(readonly shards: number) {}

  shardOf(key: string): number {
    if (this.shards <= 1) return 0;
    let s = this.cache.get(key);
    if (s === undefined) {
      s = shardOfKey(key, this.shards);
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(key, s);
    }
    return s;
  }
}

/**
 * The lane of `key` within its shard when ParallelizationFactor > 1: records with the same key
 * share a lane, so their order holds (aws-semantics 5.4). [D] AWS does not document how keys
 * map to its concurrent batches; a 32-bit hash of the key modulo the factor stands in.
 */
export function laneOfKey(key: string, factor: number): number {
  return factor <= 1 ? 0 : hashString32(key, 0x5bd1e995) % factor;
}

/** `shardId-000000000000`, AWS's shard id format. */
export function shardIdOf(index: number): string {
  return `shardId-${String(index).padStart(12, '0')}`;
}

/**
 * The sequence number of record `seq` (1-based) of shard `shard`, as text that sorts like the
 * numbers: Kinesis 56 digits ([D] 4959, the shard in 4 digits, the counter in 48), DynamoDB 21
 * ([D] 4, the shard in 4 digits, the counter in 16). Increasing within a shard.
 */
export function sequenceNumberOf(shard: number, seq: number, dynamodb: boolean): string {
  return dynamodb
    ? `4${String(shard).padStart(4, '0')}${String(seq).padStart(16, '0')}`
    : `4959${String(shard).padStart(4, '0')}${String(seq).padStart(48, '0')}`;
}
