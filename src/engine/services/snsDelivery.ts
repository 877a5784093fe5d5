/**
 * SNS deliveries to one subscription (aws-semantics 3.3, 3.4, 3.5): each (message,
 * subscription) pair is its own delivery. The first attempt happens at publish; a failed one
 * becomes a delivery unit at the topic that retries under the protocol's delivery policy
 * (server-side errors: THROTTLING, TIMEOUT, INTERNAL_ERROR), and goes to the subscription DLQ
 * (RedrivePolicy) when the policy is spent or at once on a client-side error (NO_PERMISSIONS,
 * NO_RESOURCE, an invalid subscription); without a DLQ it is dropped. Success means the
 * subscriber accepted the message: SQS enqueued it, Lambda accepted the async invoke (what the
 * function then does is Lambda's business, aws-semantics 0.4).
 *
 * The AWS-managed policy's last phase is 100,000 attempts 20 s apart. Attempts fail
 * independently with the subscription's failureRate, so the model draws how many of a run of
 * equally spaced attempts fail before one succeeds (a geometric draw) and jumps there in one
 * engine event: the counts, times and outcome are exactly distributed as attempt-by-attempt,
 * so a dead endpoint reaches the DLQ after 100,015 attempts and 23 days in a few events.
 *
 * FIFO topics keep order per message group to each subscription: while one delivery of a
 * group retries, later messages of that group wait behind it (in `blocked`).
 */
import type { EdgeOf } from '../../model/types';
import { PRIORITY } from '../kernel/eventQueue';
import { ST, type Unit } from '../kernel/ledger';
import type { Rng } from '../kernel/rng';
import { C, EV, type Sim } from '../kernel/sim';
import { targetOf } from '../kernel/topology';
import { UnitDeque } from '../kernel/unitDeque';
import { RS, TK } from '../trace';
import { AWS_MANAGED_POLICY, constantRun, retryDelay, totalAttempts, type DeliveryPolicy } from './snsRetryPolicy';
import { SnsPayload, type SnsSubscriber } from './snsPayload';

/** u.flags bit: the pending attempt event stands for a compressed run of attempts. */
const COMPRESSED = 1;
/** u.flags bit: that run ends in a success. */
const RUN_SUCCEEDS = 2;

/** Runtime of one subscription edge. */
export interface SubRt extends SnsSubscriber {
  edge: number;
  topic: number;
  target: number;
  /** Subscription DLQ node, or -1. */
  dlq: number;
  /** Reason code when every delivery fails client-side (an invalid subscription), else 0. */
  invalid: number;
  /** Reason code when the DLQ cannot take messages (not an SQS queue of the topic's type), else 0. */
  dlqInvalid: number;
  failureRate: number;
  /** Reason code of a simulated failure. */
  errorCode: number;
  retryable: boolean;
  rng: Rng;
  policy: DeliveryPolicy;
  maxAttempts: number;
  fifo: boolean;
  /** FIFO: groups with a delivery retrying, and the deliveries waiting behind it. */
  blocked: Map<string, UnitDeque> | null;
}

/** Builds the runtime of subscription `edge` of topic `topic`; pushes problems to `warnings`. */
export function initSubscription(sim: Sim, edge: number, topic: number, topicArn: string, fifoTopic: boolean, subscriptionId: string, warnings: string[]): SubRt {
  const e = sim.topo.edges[edge] as EdgeOf<'subscription'>;
  const target = targetOf(sim.topo, edge);
  const tn = sim.topo.nodes[target];
  const protocol = tn.kind === 'lambdaFunction' ? 'lambda' : 'sqs';
  let invalid = 0;
  if (tn.kind !== 'sqsQueue' && tn.kind !== 'lambdaFunction') invalid = RS.NO_RESOURCE;
  else if (fifoTopic && tn.kind !== 'sqsQueue') invalid = RS.INVALID_PARAMETER;
  else if (!fifoTopic && tn.kind === 'sqsQueue' && tn.props.FifoQueue) invalid = RS.INVALID_PARAMETER;
  if (invalid !== 0) warnings.push(`Subscription ${e.id}: ${fifoTopic ? 'a FIFO topic delivers only to SQS queues' : 'a standard topic cannot deliver to a FIFO queue'}; every delivery fails.`);
  const dlqId = e.props.RedrivePolicy?.deadLetterTargetArn;
  const dlq = dlqId === undefined ? -1 : (sim.topo.nodeIndex.get(dlqId) ?? -1);
  const dn = dlq >= 0 ? sim.topo.nodes[dlq] : undefined;
  // Standard topics use standard DLQs, FIFO topics FIFO DLQs (aws-semantics 3.4).
  const dlqInvalid = dn === undefined || (dn.kind === 'sqsQueue' && dn.props.FifoQueue === fifoTopic) ? 0 : RS.DlqSendFailed;
  const code = e.behavior?.errorCode ?? 'INTERNAL_ERROR';
  const policy = AWS_MANAGED_POLICY;
  const rt: SubRt = {
    edge,
    topic,
    target,
    arn: `${topicArn}:${subscriptionId}`,
    protocol,
    raw: protocol === 'sqs' && e.props.RawMessageDelivery === true,
    dlq,
    invalid,
    dlqInvalid,
    failureRate: e.behavior?.failureRate ?? 0,
    errorCode: RS[code],
    retryable: code === 'THROTTLING' || code === 'TIMEOUT' || code === 'INTERNAL_ERROR',
    rng: sim.rng(topic, `delivery/${e.id}`),
    policy,
    maxAttempts: totalAttempts(policy),
    fifo: fifoTopic && tn.kind === 'sqsQueue' && tn.props.FifoQueue,
    blocked: fifoTopic ? new Map() : null,
  };
  sim.edgeRt[edge] = rt;
  return rt;
}

/** Reason code of one failed attempt, or 0 when it succeeds. */
function attemptFails(s: SubRt): number {
  if (s.invalid !== 0) return s.invalid;
  return s.rng.chance(s.failureRate) ? s.errorCode : 0;
}

/** First attempt of delivering `payload` (of published unit `parent`) to subscription `s`. */
export function deliver(sim: Sim, s: SubRt, parent: Unit, payload: SnsPayload): void {
  const group = payload.msg.groupId;
  const waiting = s.blocked !== null && group !== undefined ? s.blocked.get(group) : undefined;
  if (waiting !== undefined) {
    // A FIFO group is retrying a delivery to this subscription: this one waits its turn.
    const d = sim.ledger.create(s.topic, s.edge, parent, payload, ST.queued, sim.now);
    waiting.push(d.slot, d.id);
    sim.fact(TK.delayed, s.topic, s.edge, d);
    return;
  }
  sim.count(s.topic, C.invocations);
  const fail = attemptFails(s);
  if (fail === 0) {
    sim.count(s.topic, C.succeeded);
    sim.handOff(parent, s.target, s.edge, payload);
    return;
  }
  const d = sim.ledger.create(s.topic, s.edge, parent, payload, ST.pending, sim.now);
  d.attempts = 1;
  if (s.blocked !== null && group !== undefined) s.blocked.set(group, new UnitDeque(4));
  failed(sim, s, d, fail);
}

/** Attempt `d.attempts` failed with `reason`: retry under the policy, or give up. */
function failed(sim: Sim, s: SubRt, d: Unit, reason: number): void {
  const group = (d.payload as SnsPayload).msg.groupId;
  if (!failedAttempt(sim, s, d, reason)) release(sim, s, group);
}

/** Counts and records a failed attempt, then retries or disposes of `d`; true if it retries. */
function failedAttempt(sim: Sim, s: SubRt, d: Unit, reason: number): boolean {
  sim.count(s.topic, C.failed);
  sim.fact(TK.deliveryFailed, s.topic, s.edge, d, d.attempts, s.maxAttempts, -1, -1, reason);
  if (reason !== s.errorCode || !s.retryable) {
    dispose(sim, s, d, reason);
    return false;
  }
  const delay = retryDelay(s.policy, d.attempts);
  if (delay < 0) {
    dispose(sim, s, d, RS.DeliveryPolicyExhausted);
    return false;
  }
  let attempts = 1;
  const run = constantRun(s.policy, d.attempts);
  if (run > 1) {
    // Failures before the first success among the next `run` equally spaced attempts.
    const p = s.failureRate;
    const k = p >= 1 ? Infinity : p <= 0 ? 0 : Math.floor(Math.log(1 - s.rng.next()) / Math.log(p));
    attempts = Math.min(run, k + 1);
    d.flags = COMPRESSED | (k < run ? RUN_SUCCEEDS : 0);
    d.aux = attempts;
  }
  const next = sim.now + delay * attempts;
  sim.ledger.move(d, ST.retryWait);
  sim.fact(TK.retryScheduled, s.topic, s.edge, d, d.attempts + attempts, s.maxAttempts, next, attempts > 1 ? attempts : -1);
  sim.at(next, PRIORITY.arrival, EV.snsAttempt, d.slot, d.version);
  return true;
}

/** Engine event: a delivery retry (or a compressed run of them) is due. */
export function onSnsAttempt(sim: Sim, slot: number, version: number): void {
  const d = sim.ledger.at(slot, version);
  if (d === null) return;
  const s = sim.edgeRt[d.edge] as SubRt;
  let fail: number;
  if ((d.flags & COMPRESSED) !== 0) {
    const n = d.aux;
    const ok = (d.flags & RUN_SUCCEEDS) !== 0;
    d.flags = 0;
    d.attempts += n;
    sim.count(s.topic, C.invocations, n);
    sim.count(s.topic, C.retries, n);
    // The run's failures before its last attempt (which is counted below when it fails).
    if (n > 1) sim.count(s.topic, C.failed, n - 1);
    fail = ok ? 0 : s.errorCode;
  } else {
    d.attempts++;
    sim.count(s.topic, C.invocations);
    sim.count(s.topic, C.retries);
    fail = attemptFails(s);
  }
  if (fail !== 0) return failed(sim, s, d, fail);
  const group = (d.payload as SnsPayload).msg.groupId;
  succeed(sim, s, d);
  release(sim, s, group);
}

/** The subscriber accepted delivery unit `d`. */
function succeed(sim: Sim, s: SubRt, d: Unit): void {
  sim.count(s.topic, C.succeeded);
  sim.fact(TK.delivered, s.topic, s.edge, d, d.attempts, s.maxAttempts);
  sim.handOff(d, s.target, s.edge, d.payload!);
  sim.ledger.settle(d, ST.delivered, 0);
}

/** The delivery ends unsent: to the subscription DLQ, else dropped. */
function dispose(sim: Sim, s: SubRt, d: Unit, reason: number): void {
  if (s.dlq >= 0 && s.dlqInvalid === 0) {
    const p = d.payload as SnsPayload;
    sim.fact(TK.movedToDlq, s.dlq, s.edge, d, d.attempts, s.maxAttempts, -1, -1, reason);
    sim.handOff(d, s.dlq, s.edge, new SnsPayload(p.msg, s, true, s.blocked !== null));
    sim.ledger.settle(d, ST.inDlq, reason);
    return;
  }
  const why = s.dlq >= 0 ? s.dlqInvalid : reason;
  sim.fact(TK.dropped, s.topic, s.edge, d, d.attempts, s.maxAttempts, -1, -1, why);
  sim.ledger.settle(d, ST.dropped, why);
}

/**
 * The delivery heading FIFO group `group` ended: the deliveries waiting behind it are tried in
 * order, until one fails and retries (it heads the group now) or none is left.
 */
function release(sim: Sim, s: SubRt, group: string | undefined): void {
  if (s.blocked === null || group === undefined) return;
  const waiting = s.blocked.get(group);
  if (waiting === undefined) return;
  while (waiting.length > 0) {
    const w = sim.ledger.byRef(waiting.slotAt(0), waiting.idAt(0));
    waiting.shift();
    if (w === null) continue;
    w.attempts = 1;
    sim.count(s.topic, C.invocations);
    const fail = attemptFails(s);
    if (fail === 0) succeed(sim, s, w);
    else if (failedAttempt(sim, s, w, fail)) return;
  }
  s.blocked.delete(group);
}
