/**
 * Amazon SNS, minimal (issue 8 completes it): a publish fans out to every subscription as a
 * child unit. Body-scope filter policies are matched (non-matching branches are filteredOut,
 * aws-semantics 3.2); attribute-scope policies, delivery retry policies and FIFO topics'
 * dedup are not modelled yet, and their branches are dropped with reason NotModelledYet.
 */
import type { EdgeOf } from '../../model/types';
import { ST, type Payload, type Unit } from '../kernel/ledger';
import { C, type Sim } from '../kernel/sim';
import { outEdges, targetOf } from '../kernel/topology';
import { RS, TK } from '../trace';
import { arnOf, isoMillis, uuidFrom } from './envelope';
import { compileMatcher, type Matcher } from './patternMatch';

/** SNS default maximum message size, 256 KiB (UTF-16 length stands in for bytes). */
export const SNS_MAX_MESSAGE_BYTES = 262_144;

interface Subscription {
  edge: number;
  target: number;
  protocol: string;
  raw: boolean;
  /** null: every message; 'unsupported': attribute-scope policy. */
  filter: Matcher | null | 'unsupported';
}

/** Runtime state of one topic. */
export interface TopicRt {
  node: number;
  arn: string;
  subs: Subscription[];
}

/** Builds a topic's runtime. */
export function initTopic(sim: Sim, node: number, warnings: string[]): void {
  const subs: Subscription[] = outEdges(sim.topo, node, 'subscription').map((edge) => {
    const p = (sim.topo.edges[edge] as EdgeOf<'subscription'>).props;
    let filter: Subscription['filter'] = null;
    if (p.FilterPolicy && p.FilterPolicy.trim() !== '') {
      if (p.FilterPolicyScope === 'MessageBody') {
        const c = compileMatcher(p.FilterPolicy, 'sns-body');
        if (c !== null && c.ok) filter = c.match;
        else if (c !== null && !c.ok) warnings.push(`Subscription ${sim.topo.edges[edge].id} filter policy: ${c.message}`);
      } else filter = 'unsupported';
    }
    return { edge, target: targetOf(sim.topo, edge), protocol: p.Protocol, raw: p.RawMessageDelivery === true, filter };
  });
  const rt: TopicRt = { node, arn: arnOf(sim.topo, node), subs };
  sim.rt[node] = rt;
}

/** Publish: fan the message out to the subscriptions. */
export function acceptAtTopic(sim: Sim, u: Unit, node: number): void {
  const t = sim.rt[node] as TopicRt;
  sim.fact(TK.accepted, node, u.edge, u);
  sim.count(node, C.received);
  if (t.subs.length === 0) {
    sim.fact(TK.dropped, node, -1, u, -1, -1, -1, -1, RS.NoSubscribers);
    sim.ledger.settle(u, ST.dropped, RS.NoSubscribers);
    return;
  }
  const body = u.payload!.body;
  const message = typeof body === 'string' ? body : JSON.stringify(body);
  // SNS refuses messages over 256 KiB (the default MaximumMessageSize); this also stops
  // envelope-in-envelope loops, whose size doubles with each escaping.
  if (message.length > SNS_MAX_MESSAGE_BYTES) {
    sim.fact(TK.dropped, node, -1, u, -1, -1, -1, -1, RS.MessageTooLarge);
    sim.ledger.settle(u, ST.dropped, RS.MessageTooLarge);
    return;
  }
  const messageId = uuidFrom(sim.rng(node, 'ids'));
  for (const s of t.subs) {
    if (s.filter === 'unsupported' || (s.filter !== null && !s.filter(body))) {
      const child = sim.ledger.create(s.target, s.edge, u, u.payload!, ST.pending, sim.now);
      const reason = s.filter === 'unsupported' ? RS.NotModelledYet : RS.FilterNoMatch;
      sim.fact(reason === RS.NotModelledYet ? TK.dropped : TK.filteredOut, node, s.edge, child, -1, -1, -1, -1, reason);
      sim.ledger.settle(child, reason === RS.NotModelledYet ? ST.dropped : ST.filteredOut, reason);
      continue;
    }
    sim.handOff(u, s.target, s.edge, deliveryPayload(sim, t, s, u.payload!, message, messageId));
  }
  sim.fact(TK.delivered, node, -1, u, -1, -1, -1, t.subs.length);
  sim.ledger.settle(u, ST.delivered, 0);
}

function deliveryPayload(sim: Sim, t: TopicRt, s: Subscription, p: Payload, message: string, messageId: string): Payload {
  const envelope = {
    Type: 'Notification',
    MessageId: messageId,
    TopicArn: t.arn,
    Message: message,
    Timestamp: isoMillis(sim.now),
    SignatureVersion: '1',
    MessageAttributes: {},
  };
  let body: unknown = envelope;
  if (s.protocol === 'sqs' && s.raw) body = p.body;
  else if (s.protocol === 'lambda') {
    body = { Records: [{ EventSource: 'aws:sns', EventVersion: '1.0', EventSubscriptionArn: `${t.arn}:${sim.topo.edges[s.edge].id}`, Sns: envelope }] };
  }
  return { body, eventId: messageId, groupId: p.groupId, dedupId: p.dedupId ?? messageId, attributes: undefined };
}
