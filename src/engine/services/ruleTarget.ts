/**
 * One EventBridge (rule x target) delivery (aws-semantics 1.5, 1.6): attempt, retry with
 * backoff under the target's RetryPolicy, then the target DLQ (with AWS's message attributes)
 * or a drop. Attempts fail as the edge's DeliveryBehavior says (THROTTLING, TIMEOUT and
 * INTERNAL_ERROR are retried; NO_PERMISSIONS and NO_RESOURCE are not), or because the target
 * cannot take the event (a FIFO queue without MessageGroupId, a node that is no target).
 * Success means the target accepted the event: a Lambda's own errors are its async queue's
 * business (aws-semantics 0.4).
 */
import type { EdgeOf, NodeOf } from '../../model/types';
import { PRIORITY } from '../kernel/eventQueue';
import { ST, type Payload, type Unit } from '../kernel/ledger';
import { C, EV, type Sim } from '../kernel/sim';
import { targetOf } from '../kernel/topology';
import { RS, TK } from '../trace';
import { arnOf } from './envelope';
import { eventBridgeRetryDelay } from './backoff';
import { compileInputShaper, type InputShaper, type TransformContext } from './inputTransform';
import { compilePath, type CompiledPath } from './jsonPath';
import type { Rng } from '../kernel/rng';

/** Runtime of one ruleTarget edge, or of a Scheduler schedule's scheduleTarget edge. */
export interface TargetRt {
  edge: number;
  /** The delivering node: the rule, or the schedule. */
  rule: number;
  /** DLQ attribute naming the delivering node: RULE_ARN, or SCHEDULE_ARN for a schedule ([D]: aws-semantics 1.9 leaves the Scheduler's names [U]). */
  ownerAttribute: 'RULE_ARN' | 'SCHEDULE_ARN';
  target: number;
  maxRetries: number;
  maxAgeMs: number;
  dlq: number;
  /** Input shaping; null passes the whole event. */
  shape: InputShaper | null;
  ruleArn: string;
  ruleName: string;
  targetArn: string;
  groupId: string | undefined;
  /** Kinesis targets: where the partition key comes from (null: the event id). */
  toStream: boolean;
  partitionKey: CompiledPath | null;
  failureRate: number;
  errorCode: ErrorCode;
  outcomeRng: Rng;
  retryRng: Rng;
}

type ErrorCode = 'THROTTLING' | 'TIMEOUT' | 'INTERNAL_ERROR' | 'NO_PERMISSIONS' | 'NO_RESOURCE' | 'INVALID_PARAMETER';

const ERROR_MESSAGES: Record<ErrorCode, string> = {
  THROTTLING: 'Rate exceeded (simulated).',
  TIMEOUT: 'Connection to the target timed out (simulated).',
  INTERNAL_ERROR: 'Internal error (simulated).',
  NO_PERMISSIONS: 'EventBridge is not allowed to invoke the target (simulated).',
  NO_RESOURCE: 'The target does not exist (simulated).',
  INVALID_PARAMETER: 'Invalid parameter.',
};

/** What went wrong on one attempt. */
interface Failure {
  code: ErrorCode;
  message: string;
  retryable: boolean;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.floor(x)));

/** Builds the runtime of target edge `edge` of rule `rule`. */
export function initTarget(sim: Sim, edge: number, rule: number): void {
  const e = sim.topo.edges[edge] as EdgeOf<'ruleTarget'>;
  const p = e.props;
  const ruleNode = sim.topo.nodes[rule];
  sim.edgeRt[edge] = targetRt(sim, edge, rule, {
    ownerAttribute: 'RULE_ARN',
    ownerName: ruleNode.kind === 'rule' ? ruleNode.props.Name : ruleNode.id,
    retry: p.RetryPolicy,
    dlqId: p.DeadLetterConfig?.Arn,
    shape: compileInputShaper(p),
    groupId: p.SqsParameters?.MessageGroupId,
    partitionKeyPath: p.KinesisParameters?.PartitionKeyPath,
  });
}

/**
 * Builds the runtime of a Scheduler schedule's target edge: the schedule's RetryPolicy and DLQ
 * apply, and `shape` renders the schedule's Input for each attempt.
 */
export function initScheduleTarget(sim: Sim, edge: number, schedule: number, shape: InputShaper): void {
  const n = sim.topo.nodes[schedule] as NodeOf<'schedule'>;
  sim.edgeRt[edge] = targetRt(sim, edge, schedule, {
    ownerAttribute: 'SCHEDULE_ARN',
    ownerName: n.props.Name,
    retry: n.props.RetryPolicy,
    dlqId: n.props.DeadLetterConfig?.Arn,
    shape,
    groupId: undefined,
    partitionKeyPath: undefined,
  });
}

interface TargetOptions {
  ownerAttribute: TargetRt['ownerAttribute'];
  ownerName: string;
  retry: { MaximumRetryAttempts?: number; MaximumEventAgeInSeconds?: number } | undefined;
  dlqId: string | undefined;
  shape: InputShaper | null;
  groupId: string | undefined;
  partitionKeyPath: string | undefined;
}

function targetRt(sim: Sim, edge: number, owner: number, o: TargetOptions): TargetRt {
  const e = sim.topo.edges[edge] as EdgeOf<'ruleTarget' | 'scheduleTarget'>;
  const target = targetOf(sim.topo, edge);
  return {
    edge,
    rule: owner,
    ownerAttribute: o.ownerAttribute,
    target,
    maxRetries: clamp(o.retry?.MaximumRetryAttempts ?? 185, 0, 185),
    maxAgeMs: clamp(o.retry?.MaximumEventAgeInSeconds ?? 86400, 60, 86400) * 1000,
    dlq: o.dlqId === undefined ? -1 : (sim.topo.nodeIndex.get(o.dlqId) ?? -1),
    shape: o.shape,
    ruleArn: arnOf(sim.topo, owner),
    ruleName: o.ownerName,
    targetArn: arnOf(sim.topo, target),
    groupId: o.groupId,
    toStream: sim.topo.nodes[target].kind === 'kinesisStream',
    partitionKey: o.partitionKeyPath ? compilePath(o.partitionKeyPath) : null,
    failureRate: e.behavior?.failureRate ?? 0,
    errorCode: e.behavior?.errorCode ?? 'INTERNAL_ERROR',
    outcomeRng: sim.rng(owner, `delivery/${e.id}`),
    retryRng: sim.rng(owner, `retry/${e.id}`),
  };
}

/**
 * Rule `rule` fans event `u` (live, at its bus or at the rule itself) out to `targets`: one
 * delivery unit per target, each with its own retry state, attempting at once. Returns how many.
 */
export function startDeliveries(sim: Sim, rule: number, targets: readonly number[], u: Unit): number {
  sim.fact(TK.matched, rule, -1, u, -1, -1, -1, targets.length);
  sim.count(rule, C.received);
  for (const edge of targets) {
    // The delivery unit lives at the rule; its age counts from ingestion (now).
    const d = sim.ledger.create(rule, edge, u, u.payload!, ST.pending, sim.now);
    sim.at(sim.now, PRIORITY.arrival, EV.targetAttempt, d.slot, d.version);
  }
  return targets.length;
}

/** What an input shaper knows of an attempt: the event's ingestion (or scheduled) time, the attempt number and the event id. */
export function shapeContext(rt: TargetRt, ingestionMs: number, attempt: number, eventId: string): TransformContext {
  return { ruleArn: rt.ruleArn, ruleName: rt.ruleName, ingestionMs, attempt, eventId };
}

/** Engine event: delivery unit (slot, version) makes an attempt. */
export function onTargetAttempt(sim: Sim, slot: number, version: number): void {
  const u = sim.ledger.at(slot, version);
  if (u === null) return;
  const rt = sim.edgeRt[u.edge] as TargetRt;
  u.attempts++;
  sim.count(rt.rule, C.invocations);
  if (u.attempts > 1) sim.count(rt.rule, C.retries);
  const failure = attempt(sim, rt);
  if (failure === null) {
    sim.fact(TK.delivered, rt.rule, rt.edge, u, u.attempts);
    sim.count(rt.rule, C.succeeded);
    const p = u.payload!;
    // The whole event to a standard target: the payload object is shared, not copied.
    const payload: Payload =
      rt.shape === null && rt.groupId === undefined && !rt.toStream
        ? p
        : { body: rt.shape === null ? p.body : rt.shape(p.body, shapeContext(rt, u.ageFrom, u.attempts, p.eventId)), eventId: p.eventId, groupId: rt.groupId, dedupId: p.eventId, attributes: undefined };
    // KinesisParameters.PartitionKeyPath is read from the event; without it the event id is the key.
    if (rt.toStream) payload.partitionKey = partitionKeyOf(rt, p.body, p.eventId);
    sim.handOff(u, rt.target, rt.edge, payload);
    sim.ledger.settle(u, ST.delivered, 0);
    return;
  }
  sim.count(rt.rule, C.failed);
  const code = RS[failure.code];
  sim.fact(TK.deliveryFailed, rt.rule, rt.edge, u, u.attempts, rt.maxRetries + 1, -1, -1, code);
  if (!failure.retryable) return exhaust(sim, rt, u, failure, undefined);
  const retriesDone = u.attempts - 1;
  if (retriesDone >= rt.maxRetries) return exhaust(sim, rt, u, failure, 'MaximumRetryAttempts');
  const next = sim.now + eventBridgeRetryDelay(u.attempts, rt.retryRng);
  if (next - u.ageFrom >= rt.maxAgeMs) return exhaust(sim, rt, u, failure, 'MaximumEventAgeInSeconds');
  sim.ledger.move(u, ST.retryWait);
  sim.fact(TK.retryScheduled, rt.rule, rt.edge, u, u.attempts + 1, rt.maxRetries + 1, next);
  sim.at(next, PRIORITY.arrival, EV.targetAttempt, u.slot, u.version);
}

function attempt(sim: Sim, rt: TargetRt): Failure | null {
  const t = sim.topo.nodes[rt.target];
  switch (t.kind) {
    case 'sqsQueue':
      if (t.props.FifoQueue && !rt.groupId) return { code: 'INVALID_PARAMETER', message: 'SqsParameters.MessageGroupId is required for a FIFO queue target.', retryable: false };
      break;
    case 'lambdaFunction':
    case 'eventBus':
    case 'snsTopic':
    case 'kinesisStream':
      break;
    default:
      return { code: 'NO_RESOURCE', message: `A ${t.kind} cannot be an EventBridge target.`, retryable: false };
  }
  if (!rt.outcomeRng.chance(rt.failureRate)) return null;
  const code = rt.errorCode;
  return { code, message: ERROR_MESSAGES[code], retryable: code === 'THROTTLING' || code === 'TIMEOUT' || code === 'INTERNAL_ERROR' };
}

function exhaust(sim: Sim, rt: TargetRt, u: Unit, f: Failure, condition: 'MaximumRetryAttempts' | 'MaximumEventAgeInSeconds' | undefined): void {
  const reason = condition === undefined ? RS[f.code] : RS[condition];
  const dlqNode = rt.dlq >= 0 ? sim.topo.nodes[rt.dlq] : undefined;
  if (dlqNode === undefined) {
    sim.fact(TK.dropped, rt.rule, rt.edge, u, u.attempts, rt.maxRetries + 1, -1, -1, reason);
    sim.ledger.settle(u, ST.dropped, reason);
    return;
  }
  // A target DLQ must be an SQS standard queue (aws-semantics 1.6); anything else fails the send.
  if (dlqNode.kind !== 'sqsQueue' || dlqNode.props.FifoQueue) {
    sim.fact(TK.dropped, rt.rule, rt.edge, u, u.attempts, rt.maxRetries + 1, -1, -1, RS.DlqSendFailed);
    sim.ledger.settle(u, ST.dropped, RS.DlqSendFailed);
    return;
  }
  const attributes: Record<string, string> = {
    [rt.ownerAttribute]: rt.ruleArn,
    TARGET_ARN: rt.targetArn,
    ERROR_CODE: f.code,
    ERROR_MESSAGE: f.message,
    RETRY_ATTEMPTS: String(u.attempts - 1),
  };
  // Non-retryable errors stop before any retry limit is reached: no condition attribute.
  if (condition !== undefined) attributes.EXHAUSTED_RETRY_CONDITION = condition;
  // [U] original vs transformed body; [D] (aws-semantics 1.6) the original event.
  // A schedule's DLQ message is its Input as the last attempt rendered it.
  const p = u.payload!;
  const body = rt.ownerAttribute === 'SCHEDULE_ARN' && rt.shape !== null ? rt.shape(p.body, shapeContext(rt, u.ageFrom, u.attempts, p.eventId)) : p.body;
  const payload: Payload = { body, eventId: p.eventId, groupId: undefined, dedupId: undefined, attributes };
  sim.fact(TK.movedToDlq, rt.dlq, rt.edge, u, u.attempts, rt.maxRetries + 1, -1, -1, reason);
  sim.handOff(u, rt.dlq, rt.edge, payload);
  sim.ledger.settle(u, ST.inDlq, reason);
}

function partitionKeyOf(rt: TargetRt, event: unknown, eventId: string): string {
  const v = rt.partitionKey === null ? undefined : rt.partitionKey(event);
  if (v === undefined || v === null) return eventId;
  return typeof v === 'string' ? v : JSON.stringify(v);
}
