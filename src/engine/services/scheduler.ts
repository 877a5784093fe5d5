/**
 * Things that fire on a schedule (aws-semantics 1.8, 1.9): EventBridge Scheduler schedules and
 * scheduled (legacy) rules. Each keeps exactly one pending fire event, like a producer.
 *
 * - A scheduled rule emits AWS's "Scheduled Event" (source aws.events, the rule ARN in
 *   `resources`, empty detail) to each of its targets, which then deliver as any rule target
 *   does (retry policy, target DLQ).
 * - A schedule invokes its one target with its Input, rendered per attempt (the
 *   `<aws.scheduler.*>` placeholders), under the schedule's RetryPolicy and DLQ.
 *
 * Both run "within the scheduled minute" (1-minute precision): each fire lands at a seeded
 * offset in [0, 60 s) after the scheduled time, or in [0, MaximumWindowInMinutes) with a
 * FLEXIBLE time window.
 */
import type { NodeOf } from '../../model/types';
import { PRIORITY } from '../kernel/eventQueue';
import { ST, type Payload } from '../kernel/ledger';
import type { Rng } from '../kernel/rng';
import { C, EV, type Sim } from '../kernel/sim';
import { outEdges, targetOf } from '../kernel/topology';
import { TK } from '../trace';
import { arnOf, eventBridgeEvent, isoSecond, uuidFrom } from './envelope';
import type { InputShaper } from './inputTransform';
import { initScheduleTarget, initTarget, shapeContext, startDeliveries, type TargetRt } from './ruleTarget';
import { MAX_TARGETS_PER_RULE } from './eventBus';
import { parseSchedule, type Schedule } from './scheduleExpression';

const MINUTE = 60_000;

/** Runtime of one scheduled node. */
export interface ScheduleRt {
  node: number;
  /** A scheduled rule fans out to up to 5 targets; a schedule has one. */
  isRule: boolean;
  schedule: Schedule;
  /** Target edges. */
  targets: number[];
  /** Fires land in [scheduled, scheduled + windowMs). */
  windowMs: number;
  /** The scheduled time of the pending fire. */
  scheduledMs: number;
  fired: number;
  arn: string;
  offsetRng: Rng;
  idRng: Rng;
}

/** Sets up every schedule node and every enabled scheduled rule; pushes problems to `warnings`. */
export function initSchedules(sim: Sim, warnings: string[]): void {
  sim.topo.nodes.forEach((n, node) => {
    if (n.kind === 'schedule') initSchedule(sim, node, n, warnings);
    else if (n.kind === 'rule' && n.props.ScheduleExpression.trim() !== '' && n.props.EventPattern.trim() === '') initScheduledRule(sim, node, n, warnings);
  });
}

function initScheduledRule(sim: Sim, node: number, n: NodeOf<'rule'>, warnings: string[]): void {
  if (n.props.State === 'DISABLED') return;
  const parsed = parseSchedule(n.props.ScheduleExpression, 'rule');
  if (!parsed.ok) {
    warnings.push(`Rule ${n.id}: ${parsed.message} It never fires.`);
    return;
  }
  const targets = outEdges(sim.topo, node, 'ruleTarget').slice(0, MAX_TARGETS_PER_RULE);
  if (targets.length === 0) return;
  // The bus has wired the targets of its rules; a rule drawn on no bus is on the default bus.
  for (const e of targets) if (sim.edgeRt[e] === undefined) initTarget(sim, e, node);
  start(sim, { node, isRule: true, schedule: parsed.schedule, targets, windowMs: MINUTE, scheduledMs: 0, fired: 0, arn: arnOf(sim.topo, node), offsetRng: sim.rng(node, 'schedule'), idRng: sim.rng(node, 'ids') });
}

function initSchedule(sim: Sim, node: number, n: NodeOf<'schedule'>, warnings: string[]): void {
  const p = n.props;
  const parsed = parseSchedule(p.ScheduleExpression, 'scheduler', p.ScheduleExpressionTimezone);
  if (!parsed.ok) {
    warnings.push(`Schedule ${n.id}: ${parsed.message} It never fires.`);
    return;
  }
  const targets = outEdges(sim.topo, node, 'scheduleTarget');
  if (targets.length === 0) return;
  if (targets.length > 1) warnings.push(`Schedule ${n.id} has ${targets.length} targets; a schedule has exactly one, the first is used.`);
  const arn = arnOf(sim.topo, node);
  const render = inputRenderer(p.Input, arn);
  const toBus = sim.topo.nodes[targetOf(sim.topo, targets[0])].kind === 'eventBus';
  initScheduleTarget(sim, targets[0], node, toBus ? (e, ctx) => eventBridgeEvent(ctx.eventId ?? '', ctx.ingestionMs, 'aws.scheduler', 'Scheduled Event', render(e, ctx)) : render);
  const windowMs = p.FlexibleTimeWindow.Mode === 'FLEXIBLE' ? Math.max(1, p.FlexibleTimeWindow.MaximumWindowInMinutes ?? 1) * MINUTE : MINUTE;
  start(sim, { node, isRule: false, schedule: parsed.schedule, targets: [targets[0]], windowMs, scheduledMs: 0, fired: 0, arn, offsetRng: sim.rng(node, 'schedule'), idRng: sim.rng(node, 'ids') });
}

function start(sim: Sim, rt: ScheduleRt): void {
  sim.rt[rt.node] = rt;
  planNext(sim, rt, rt.schedule.next(-1));
}

function planNext(sim: Sim, rt: ScheduleRt, scheduledMs: number): void {
  if (scheduledMs === Infinity) return;
  rt.scheduledMs = scheduledMs;
  sim.at(scheduledMs + rt.offsetRng.below(rt.windowMs), PRIORITY.arrival, EV.scheduleFire, rt.node, 0);
}

/** Engine event: scheduled node `node` fires for its pending scheduled time. */
export function onScheduleFire(sim: Sim, node: number): void {
  const rt = sim.rt[node] as ScheduleRt;
  rt.fired++;
  const id = uuidFrom(rt.idRng);
  if (rt.isRule) fireRule(sim, rt, id);
  else fireSchedule(sim, rt, id);
  planNext(sim, rt, rt.schedule.next(rt.scheduledMs));
}

function fireRule(sim: Sim, rt: ScheduleRt, id: string): void {
  const body = eventBridgeEvent(id, rt.scheduledMs, 'aws.events', 'Scheduled Event', {}, [rt.arn]);
  const payload: Payload = { body, eventId: id, groupId: undefined, dedupId: undefined, attributes: undefined };
  const u = sim.ledger.create(rt.node, -1, null, payload, ST.pending, sim.now);
  sim.fact(TK.published, rt.node, -1, u, -1, -1, -1, rt.fired);
  sim.count(rt.node, C.sent);
  const n = startDeliveries(sim, rt.node, rt.targets, u);
  sim.fact(TK.delivered, rt.node, -1, u, -1, -1, -1, n);
  sim.ledger.settle(u, ST.delivered, 0);
}

function fireSchedule(sim: Sim, rt: ScheduleRt, id: string): void {
  const edge = rt.targets[0];
  // The target's shaper renders the body again for each attempt; the unit carries the first
  // rendering, so inspectors show what the schedule sends.
  const target = sim.edgeRt[edge] as TargetRt;
  const body = target.shape!(null, shapeContext(target, rt.scheduledMs, 1, id));
  const payload: Payload = { body, eventId: id, groupId: undefined, dedupId: undefined, attributes: undefined };
  // MaximumEventAgeInSeconds counts from the scheduled time.
  const u = sim.ledger.create(rt.node, edge, null, payload, ST.pending, rt.scheduledMs);
  sim.fact(TK.published, rt.node, edge, u, -1, -1, -1, rt.fired);
  sim.count(rt.node, C.sent);
  sim.at(sim.now, PRIORITY.arrival, EV.targetAttempt, u.slot, u.version);
}

const PLACEHOLDER = /<aws\.scheduler\.(schedule-arn|scheduled-time|execution-id|attempt-number)>/g;

/**
 * The target receives the schedule's Input as-is ([D] aws-semantics 1.9: not wrapped in an
 * EventBridge envelope), its `<aws.scheduler.*>` placeholders filled in for each attempt; JSON
 * text becomes the JSON value, anything else stays text. To an event bus, the Input is the
 * detail of an event from source aws.scheduler ([D]: the schedule has no EventBridgeParameters).
 */
function inputRenderer(input: string, scheduleArn: string): InputShaper {
  const text = input === '' ? '{}' : input;
  const hasPlaceholders = text.includes('<aws.scheduler.');
  const parse = (t: string): unknown => {
    try {
      return JSON.parse(t) as unknown;
    } catch {
      return t;
    }
  };
  const constant = hasPlaceholders ? undefined : parse(text);
  return (_event, ctx) => {
    if (!hasPlaceholders) return constant;
    const attempt = ctx.attempt ?? 1;
    return parse(
      text.replace(PLACEHOLDER, (_m, name: string) => {
        switch (name) {
          case 'schedule-arn':
            return scheduleArn;
          case 'scheduled-time':
            return isoSecond(ctx.ingestionMs);
          case 'execution-id':
            // Unique per attempt ([D]: the invocation id and the attempt number).
            return `${ctx.eventId ?? ''}-${attempt}`;
          default:
            return String(attempt);
        }
      }),
    );
  };
}
