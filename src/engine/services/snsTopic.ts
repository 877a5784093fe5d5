/**
 * Amazon SNS topics (aws-semantics 3.1, 3.2, 3.5): a publish fans out to every subscription
 * whose filter policy matches; each (message, subscription) pair is its own delivery
 * (snsDelivery.ts). Non-matching branches are filteredOut (FilterNoMatch).
 *
 * Filter policies go through the pattern engine's SNS modes. MessageAttributes scope (the
 * default) reads the message attributes; a message without attributes is matched as having
 * none, so only policies satisfied by absent keys (`exists: false`) pass it. MessageBody scope
 * reads the JSON body; a body that is not JSON matches nothing. [U] whether Number attributes
 * are compared (aws-semantics 9.18); [D] yes, as numbers (the pattern engine's SNS mode).
 * [U] policy changes take effect after a delay; the simulator's policies never change mid-run.
 *
 * FIFO topics need a MessageGroupId and deduplicate for 5 minutes by MessageDeduplicationId or,
 * with ContentBasedDeduplication, by the message; FifoThroughputScope MessageGroup checks
 * duplicates per group, Topic (the default) across the topic. A duplicate publish succeeds for
 * the publisher and is discarded (DedupWindow).
 */
import type { NodeOf } from '../../model/types';
import { idSource } from '../../model/samples/ids';
import { hashString32, hex32 } from '../kernel/hash';
import { ST, type Unit } from '../kernel/ledger';
import type { Rng } from '../kernel/rng';
import { C, type Sim } from '../kernel/sim';
import { outEdges } from '../kernel/topology';
import { RS, TK } from '../trace';
import { arnOf, uuidFrom } from './envelope';
import { jsonLength } from './jsonSize';
import { compileMatcher, type Matcher } from './patternMatch';
import { deliver, initSubscription, type SubRt } from './snsDelivery';
import { SnsMessage, SnsPayload } from './snsPayload';
import { FIFO_DEDUP_WINDOW_MS } from './sqsQueue';

/** SNS default maximum message size, 256 KiB (UTF-16 length stands in for bytes). */
export const SNS_MAX_MESSAGE_BYTES = 262_144;

interface Subscription {
  rt: SubRt;
  /** null: every message. */
  filter: Matcher | null;
  bodyScope: boolean;
}

/** Runtime state of one topic. */
export interface TopicRt {
  node: number;
  arn: string;
  certId: string;
  fifo: boolean;
  contentDedup: boolean;
  groupScope: boolean;
  dedup: Map<string, number>;
  subs: Subscription[];
  idRng: Rng;
}

/** Builds a topic's runtime. */
export function initTopic(sim: Sim, node: number, warnings: string[]): void {
  const n = sim.topo.nodes[node] as NodeOf<'snsTopic'>;
  const arn = arnOf(sim.topo, node);
  const fifo = n.props.FifoTopic === true;
  const subs: Subscription[] = outEdges(sim.topo, node, 'subscription').map((edge) => {
    const e = sim.topo.edges[edge];
    const p = e.kind === 'subscription' ? e.props : undefined;
    const bodyScope = p?.FilterPolicyScope === 'MessageBody';
    let filter: Matcher | null = null;
    const c = compileMatcher(p?.FilterPolicy ?? '', bodyScope ? 'sns-body' : 'sns-attributes');
    if (c !== null && c.ok) filter = c.match;
    else if (c !== null) {
      // SNS refuses an invalid policy; [D] the subscription then receives nothing.
      warnings.push(`Subscription ${e.id} filter policy: ${c.message}. It matches nothing.`);
      filter = () => false;
    }
    const subscriptionId = idSource(`${arn}/${e.id}`).uuid('subscription');
    return { rt: initSubscription(sim, edge, node, arn, fifo, subscriptionId, warnings), filter, bodyScope };
  });
  const rt: TopicRt = {
    node,
    arn,
    certId: idSource(arn).hex('cert'),
    fifo,
    contentDedup: n.props.ContentBasedDeduplication === true,
    groupScope: n.props.FifoThroughputScope === 'MessageGroup',
    dedup: new Map(),
    subs,
    idRng: sim.rng(node, 'ids'),
  };
  sim.rt[node] = rt;
}

/** Publish: unit `u` (created at the topic) fans out to the matching subscriptions. */
export function acceptAtTopic(sim: Sim, u: Unit, node: number): void {
  const t = sim.rt[node] as TopicRt;
  sim.fact(TK.accepted, node, u.edge, u);
  sim.count(node, C.received);
  const p = u.payload!;
  const body = p.body;
  // SNS refuses messages over 256 KiB (the default MaximumMessageSize); this also stops
  // envelope-in-envelope loops, whose size doubles with each escaping. The text itself is
  // built only if a delivery needs it.
  const size = typeof body === 'string' ? body.length : jsonLength(body, SNS_MAX_MESSAGE_BYTES);
  if (size > SNS_MAX_MESSAGE_BYTES) return reject(sim, node, u, RS.MessageTooLarge);
  let dedupId: string | undefined;
  if (t.fifo) {
    if (p.groupId === undefined || p.groupId === '') return reject(sim, node, u, RS.MissingMessageGroupId);
    dedupId = p.dedupId ?? (t.contentDedup ? contentKey(typeof body === 'string' ? body : JSON.stringify(body)) : undefined);
    if (dedupId === undefined) return reject(sim, node, u, RS.MissingDeduplicationId);
    const key = t.groupScope ? `${p.groupId}\u0000${dedupId}` : dedupId;
    purge(t.dedup, sim.now);
    const until = t.dedup.get(key);
    if (until !== undefined && until > sim.now) return reject(sim, node, u, RS.DedupWindow);
    t.dedup.set(key, sim.now + FIFO_DEDUP_WINDOW_MS);
  }
  if (t.subs.length === 0) return reject(sim, node, u, RS.NoSubscribers);
  const msg = new SnsMessage(uuidFrom(t.idRng), t.arn, t.certId, body, sim.now, p.messageAttributes, t.fifo ? p.groupId : undefined, dedupId);
  let parsed: unknown = undefined;
  for (const s of t.subs) {
    if (s.filter !== null) {
      let subject: unknown;
      if (s.bodyScope) subject = parsed ??= typeof body === 'string' ? parseJson(body) : body;
      else subject = p.messageAttributes ?? NO_ATTRIBUTES;
      if (!s.filter(subject)) {
        const child = sim.ledger.create(s.rt.target, s.rt.edge, u, p, ST.pending, sim.now);
        sim.fact(TK.filteredOut, node, s.rt.edge, child, -1, -1, -1, -1, RS.FilterNoMatch);
        sim.ledger.settle(child, ST.filteredOut, RS.FilterNoMatch);
        continue;
      }
    }
    deliver(sim, s.rt, u, new SnsPayload(msg, s.rt, false, s.rt.fifo));
  }
  sim.fact(TK.delivered, node, -1, u, -1, -1, -1, t.subs.length);
  sim.ledger.settle(u, ST.delivered, 0);
}

const NO_ATTRIBUTES = Object.freeze({});

function reject(sim: Sim, node: number, u: Unit, reason: number): void {
  sim.fact(TK.dropped, node, u.edge, u, -1, -1, -1, -1, reason);
  sim.ledger.settle(u, ST.dropped, reason);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON: a body-scope policy matches nothing.
    return undefined;
  }
}

// Content-based dedup uses SHA-256 of the message in AWS; two 32-bit hashes of the text and its
// length stand in (collisions are negligible at simulator scale).
function contentKey(text: string): string {
  return hex32(hashString32(text, 1)) + hex32(hashString32(text, 2)) + text.length;
}

function purge(dedup: Map<string, number>, now: number): void {
  // Insertion order is expiry order (constant window), so expired keys are at the front.
  for (const [k, until] of dedup) {
    if (until > now) break;
    dedup.delete(k);
  }
}
