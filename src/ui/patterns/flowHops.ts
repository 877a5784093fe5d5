/**
 * The user's own flow as chains of hops: from a node, every path along the connections that
 * carry an event onwards (publish, rule, target, subscription, event source mapping, pipe),
 * each connection turned into the sample catalogue's hop (`wrapChain`), so the payload at each
 * hop can be shown. Pure: reads the scenario only.
 */
import type { Hop } from '../../model/samples/index';
import type { Scenario, ScenarioEdge, ScenarioNode } from '../../model/types';

/** One connection followed, and the node it reaches. */
export interface FlowStep {
  edge: ScenarioEdge;
  node: ScenarioNode;
  /** How the payload is wrapped on this connection; null when it passes unchanged. */
  hop: Hop | null;
}

/** A path from the start node. */
export interface FlowChain {
  start: ScenarioNode;
  steps: FlowStep[];
}

const FOLLOWED: ReadonlySet<ScenarioEdge['kind']> = new Set(['publish', 'busRule', 'ruleTarget', 'eventSourceMapping', 'subscription', 'pipeSource', 'pipeTarget']);

/** The AWS name of a node (bus Name, QueueName, TopicName, FunctionName...). */
export function awsName(n: ScenarioNode): string {
  const p = n.props as unknown as Record<string, unknown>;
  const name = p.Name ?? p.QueueName ?? p.TopicName ?? p.FunctionName ?? p.ArchiveName;
  return typeof name === 'string' && name ? name : n.id;
}

/** The hop a connection applies, given its two ends. */
export function hopFor(edge: ScenarioEdge, source: ScenarioNode, target: ScenarioNode): Hop | null {
  const name = awsName(target);
  const into = (): Hop | null => {
    switch (target.kind) {
      case 'eventBus':
        return { kind: 'eventBridge', busName: name };
      case 'sqsQueue':
        return { kind: 'sqsMessage', queueName: name };
      case 'kinesisStream':
        return { kind: 'kinesisRecord', streamName: name };
      case 'lambdaFunction':
        return { kind: 'lambdaAsync', functionName: name };
      default:
        return null;
    }
  };
  switch (edge.kind) {
    case 'publish':
      return target.kind === 'lambdaFunction' ? null : into();
    case 'ruleTarget':
    case 'pipeTarget':
      return into();
    case 'eventSourceMapping':
    case 'pipeSource':
      if (source.kind === 'sqsQueue') return { kind: 'lambdaSqsBatch', queueName: awsName(source), functionName: name };
      if (source.kind === 'kinesisStream') return { kind: 'lambdaKinesisBatch', streamName: awsName(source), functionName: name };
      return null;
    case 'subscription': {
      const topicName = awsName(source);
      if (target.kind === 'sqsQueue') return { kind: 'snsToSqs', topicName, queueName: name, raw: edge.props.RawMessageDelivery === true };
      if (target.kind === 'lambdaFunction') return { kind: 'snsToLambda', topicName, functionName: name };
      return null;
    }
    default:
      return null;
  }
}

/** Every path from `startId` along the carrying connections, without cycles. */
export function downstreamChains(scenario: Scenario, startId: string, opts: { maxDepth?: number; maxChains?: number } = {}): FlowChain[] {
  const maxDepth = opts.maxDepth ?? 8;
  const maxChains = opts.maxChains ?? 24;
  const byId = new Map(scenario.nodes.map((n) => [n.id, n]));
  const start = byId.get(startId);
  if (!start) return [];
  const out: FlowChain[] = [];
  const walk = (node: ScenarioNode, steps: FlowStep[], seen: Set<string>) => {
    if (out.length >= maxChains) return;
    const next = steps.length >= maxDepth ? [] : scenario.edges.filter((e) => e.source === node.id && FOLLOWED.has(e.kind) && !seen.has(e.target));
    if (next.length === 0) {
      if (steps.length > 0) out.push({ start, steps });
      return;
    }
    for (const e of next) {
      const target = byId.get(e.target);
      if (!target) continue;
      const seenNext = new Set(seen).add(target.id);
      walk(target, [...steps, { edge: e, node: target, hop: hopFor(e, node, target) }], seenNext);
    }
  };
  walk(start, [], new Set([start.id]));
  return out;
}

/** One hop's label for people: "orders-queue (SQS message)". */
export function stepLabel(step: FlowStep): string {
  const what: Record<string, string> = {
    eventBridge: 'event on the bus',
    sqsMessage: 'SQS message',
    lambdaSqsBatch: 'Lambda SQS batch',
    snsToSqs: 'SNS message in SQS',
    snsToLambda: 'Lambda SNS event',
    kinesisRecord: 'Kinesis record',
    lambdaKinesisBatch: 'Lambda Kinesis batch',
    lambdaAsync: 'async invoke payload',
  };
  const kind = step.hop ? what[step.hop.kind] : step.edge.kind === 'busRule' ? 'rule matches the event' : 'unchanged';
  return `${awsName(step.node)} (${kind})`;
}
