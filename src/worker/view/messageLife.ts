/**
 * A published message's whole life for the inspector: one hop per copy (ledger unit), each
 * with its payload as received, its attempts (time, node, outcome, reason, when the next one
 * is due) and every fact about it. Built from the births and facts `RootIndex` kept.
 */
import type { TraceFact } from '../../engine/index';
import type { Topology } from '../../engine/kernel/topology';
import type { AttemptLife, HopEvent, HopLife, MessageLife } from '../protocolView';
import { esmPayload, hopPayload, type HopPlace } from './hopPayload';
import type { RootRecord } from './rootIndex';

/** What the builder needs besides the record. */
export interface LifeContext {
  topo: Topology;
  seed: number;
  publishRank: number | null;
}

/** Builds the life of `rec`'s message. */
export function buildLife(rec: RootRecord, ctx: LifeContext): MessageLife {
  const byUnit = new Map<number, TraceFact[]>();
  for (const f of rec.facts) (byUnit.get(f.unitId) ?? byUnit.set(f.unitId, []).get(f.unitId)!).push(f);
  const hops: HopLife[] = rec.births.map((b) => {
    const facts = byUnit.get(b.id) ?? [];
    const place: HopPlace = { node: ctx.topo.nodes[b.node], edge: b.edge >= 0 ? ctx.topo.edges[b.edge] : undefined, seed: ctx.seed };
    const hop: HopLife = {
      unitId: b.id,
      parentId: b.parent,
      nodeId: place.node.id,
      arrivedAtMs: b.timeMs,
      state: stateOf(place.node.kind, facts),
      payload: hopPayload(b, place),
      attempts: attemptsOf(place.node.kind, facts, (fnId, n, firstMs) => {
        const fn = ctx.topo.nodes[ctx.topo.nodeIndex.get(fnId) ?? -1];
        return fn?.kind === 'lambdaFunction' ? esmPayload(b, place, fn, n, firstMs) : undefined;
      }, ctx.topo),
      events: facts.map(toEvent),
    };
    if (place.edge) hop.edgeId = place.edge.id;
    return hop;
  });
  const published = rec.facts.find((f) => f.kind === 'published');
  return {
    rootId: rec.root,
    label: rec.facts.find((f) => f.label !== undefined)?.label ?? `#${rec.root}`,
    publishedAtMs: rec.births[0]?.timeMs ?? published?.timeMs ?? 0,
    producerId: published?.nodeId ?? null,
    publishRank: ctx.publishRank,
    hops,
    complete: rec.complete,
  };
}

function toEvent(f: TraceFact): HopEvent {
  const e: HopEvent = { seq: f.seq, timeMs: f.timeMs, kind: f.kind, nodeId: f.nodeId };
  if (f.edgeId !== undefined) e.edgeId = f.edgeId;
  if (f.attempt !== undefined) e.attempt = f.attempt;
  if (f.maxAttempts !== undefined) e.maxAttempts = f.maxAttempts;
  if (f.atMs !== undefined) e.atMs = f.atMs;
  if (f.count !== undefined) e.count = f.count;
  if (f.reason !== undefined) e.reason = f.reason;
  return e;
}

/** The unit's state after its last fact. */
export function stateOf(kind: string, facts: readonly TraceFact[]): string {
  let state = 'pending';
  for (const f of facts) {
    switch (f.kind) {
      case 'delivered':
      case 'filteredOut':
      case 'expired':
      case 'dropped':
        return f.kind;
      case 'movedToDlq':
        return 'inDlq';
      case 'enqueued':
      case 'visible':
      case 'visibilityExpired':
      case 'accepted':
        state = 'queued';
        break;
      case 'delayed':
        state = 'delayed';
        break;
      case 'received':
      case 'invoked':
        state = 'inFlight';
        break;
      case 'retryScheduled':
      case 'deliveryFailed':
        state = 'retryWait';
        break;
      case 'failed':
      case 'throttled':
        // A queue message stays in flight until its visibility timeout ends.
        if (kind !== 'sqsQueue') state = 'retryWait';
        break;
    }
  }
  return state;
}

type EsmPayload = (fnId: string, receiveCount: number, firstReceiveMs: number) => AttemptLife['payload'];

/** The attempts of one unit, by the kind of node it is at. */
export function attemptsOf(kind: string, facts: readonly TraceFact[], esm: EsmPayload, topo: Topology): AttemptLife[] {
  const out: AttemptLife[] = [];
  const open = () => {
    for (let i = out.length - 1; i >= 0; i--) if (out[i].outcome === 'inProgress' && out[i].endMs === undefined) return out[i];
    return undefined;
  };
  const close = (a: AttemptLife | undefined, f: TraceFact, outcome: AttemptLife['outcome']) => {
    if (!a) return;
    a.outcome = outcome;
    a.endMs = f.timeMs;
    if (f.reason) a.reason = f.reason;
    if (f.atMs !== undefined && outcome !== 'succeeded') a.nextAtMs = f.atMs;
  };
  const limit = (f: TraceFact) => (f.maxAttempts !== undefined ? { max: f.maxAttempts } : {});
  let firstReceive = -1;
  for (const f of facts) {
    switch (f.kind) {
      case 'received':
      case 'duplicateDelivered': {
        if (kind !== 'sqsQueue') break;
        if (firstReceive < 0) firstReceive = f.timeMs;
        const fnId = f.edgeId !== undefined ? topo.edges.find((e) => e.id === f.edgeId)?.target ?? f.nodeId : f.nodeId;
        const n = f.attempt ?? 1;
        const a: AttemptLife = { n, ...limit(f), startMs: f.timeMs, nodeId: fnId, outcome: 'inProgress' };
        if (f.kind === 'received' && f.atMs !== undefined) a.nextAtMs = f.atMs;
        const p = esm(fnId, n, firstReceive);
        if (p) a.payload = p;
        if (f.kind === 'duplicateDelivered') {
          a.outcome = 'duplicate';
          a.endMs = f.timeMs;
        }
        out.push(a);
        break;
      }
      case 'invoked':
        if (kind === 'lambdaFunction') out.push({ n: f.attempt ?? out.length + 1, ...limit(f), startMs: f.timeMs, nodeId: f.nodeId, outcome: 'inProgress' });
        break;
      case 'succeeded':
        if (kind === 'lambdaFunction') close(open(), f, 'succeeded');
        break;
      case 'delivered':
        if (kind === 'sqsQueue') close(open(), f, 'succeeded');
        else if (kind === 'rule') out.push({ n: f.attempt ?? out.length + 1, startMs: f.timeMs, endMs: f.timeMs, nodeId: targetOf(topo, f.edgeId) ?? f.nodeId, outcome: 'succeeded' });
        break;
      case 'failed':
        close(open(), f, 'failed');
        break;
      case 'visibilityExpired':
        close(open(), f, 'visibilityExpired');
        break;
      case 'filteredOut':
        close(open(), f, 'filtered');
        break;
      case 'throttled':
        if (kind === 'sqsQueue') close(open(), f, 'throttled');
        else out.push({ n: f.attempt ?? out.length + 1, ...limit(f), startMs: f.timeMs, endMs: f.timeMs, nodeId: f.nodeId, outcome: 'throttled', ...(f.atMs !== undefined ? { nextAtMs: f.atMs } : {}) });
        break;
      case 'deliveryFailed':
        out.push({ n: f.attempt ?? out.length + 1, ...limit(f), startMs: f.timeMs, endMs: f.timeMs, nodeId: targetOf(topo, f.edgeId) ?? f.nodeId, outcome: 'failed', ...(f.reason ? { reason: f.reason } : {}) });
        break;
      case 'retryScheduled': {
        const last = out[out.length - 1];
        if (last && f.atMs !== undefined) last.nextAtMs = f.atMs;
        break;
      }
    }
  }
  return out;
}

function targetOf(topo: Topology, edgeId: string | undefined): string | undefined {
  return edgeId === undefined ? undefined : topo.edges.find((e) => e.id === edgeId)?.target;
}
