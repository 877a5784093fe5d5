import { nodeDisplayName } from '../../model/ids';
import { NODE_KIND_LABELS } from '../../model/labels';
import type { EdgeKind, ScenarioEdge, ScenarioNode } from '../../model/types';
import { KIND_STYLES } from './kindStyles';

/** The name a user gave a node (its AWS name, else its id). Always render it as text. */
export const nodeName = (node: ScenarioNode): string => nodeDisplayName(node);

/** "SQS queue orders-queue". */
export const nodeTitle = (node: ScenarioNode): string => `${KIND_STYLES[node.kind].label} ${nodeName(node)}`;

/** "SQS queue orders-queue" in the middle of a sentence ("rule AllOrders"). */
const mention = (node: ScenarioNode): string => `${NODE_KIND_LABELS[node.kind]} ${nodeName(node)}`;

/** A one-line summary of the settings that matter most on the canvas. */
export function nodeSummary(node: ScenarioNode): string {
  switch (node.kind) {
    case 'producer':
      return node.behavior.mode === 'rate' ? `${node.behavior.count} events at ${node.behavior.ratePerSecond}/s` : `${node.behavior.events.length} listed events`;
    case 'eventBus':
      return `${node.props.BusType} bus`;
    case 'rule':
      return node.props.State === 'DISABLED' ? 'disabled' : node.props.ScheduleExpression ? node.props.ScheduleExpression : 'event pattern';
    case 'sqsQueue':
      return `${node.props.FifoQueue ? 'FIFO' : 'standard'} · visibility ${node.props.VisibilityTimeout}s`;
    case 'snsTopic':
      return node.props.FifoTopic ? 'FIFO topic' : 'standard topic';
    case 'kinesisStream':
      return `${node.props.StreamType} · ${node.props.ShardCount} shard${node.props.ShardCount === 1 ? '' : 's'}`;
    case 'lambdaFunction':
      return `timeout ${node.props.Timeout}s · fails ${Math.round(node.behavior.failureRate * 100)}%`;
    case 'pipe':
      return node.props.FilterPattern ? 'filtered' : 'pipe';
    case 'schedule':
      return node.props.ScheduleExpression;
    case 'archive':
      return node.props.RetentionDays ? `${node.props.RetentionDays} days` : 'kept indefinitely';
  }
}

/** A short label for an edge, showing its key AWS setting. */
export function edgeSummary(edge: ScenarioEdge): string {
  switch (edge.kind) {
    case 'ruleTarget': {
      // Only what differs from AWS's defaults, so labels stay short between nodes.
      const retries = edge.props.RetryPolicy.MaximumRetryAttempts;
      return [retries !== 185 ? `retry ${retries}` : '', edge.props.DeadLetterConfig ? 'DLQ' : ''].filter(Boolean).join(' · ');
    }
    case 'eventSourceMapping':
      return `batch ${edge.props.BatchSize}${edge.props.FunctionResponseTypes.length ? ' · partial' : ''}${edge.props.Enabled ? '' : ' · off'}`;
    case 'redrive':
      return `DLQ after ${edge.props.maxReceiveCount}`;
    case 'subscription':
      return [edge.props.FilterPolicy ? 'filtered' : '', edge.props.RawMessageDelivery ? 'raw' : ''].filter(Boolean).join(' · ');
    case 'destination':
      return edge.props.Condition;
    default:
      return '';
  }
}

// How a connection reads from each end: "feeds Lambda function ChargeCard" / "receives from rule AllOrders".
const VERBS: Record<EdgeKind, { out: string; in: string }> = {
  publish: { out: 'sends to', in: 'receives from' },
  busRule: { out: 'routes to', in: 'is on' },
  ruleTarget: { out: 'targets', in: 'receives from' },
  eventSourceMapping: { out: 'feeds', in: 'is fed by' },
  subscription: { out: 'delivers to', in: 'is subscribed to' },
  destination: { out: 'sends results to', in: 'receives results from' },
  redrive: { out: 'moves failed messages to', in: 'is the dead-letter queue of' },
  pipeSource: { out: 'feeds', in: 'reads from' },
  pipeTarget: { out: 'sends to', in: 'receives from' },
  scheduleTarget: { out: 'invokes', in: 'is invoked by' },
  archiveOf: { out: 'is archived in', in: 'archives' },
};

/**
 * What a screen reader says for a node: kind, name and connections, e.g. "SQS queue
 * orders-queue, receives from rule AllOrders, feeds Lambda function ChargeCard".
 */
export function nodeAriaLabel(node: ScenarioNode, incoming: readonly ScenarioEdge[], outgoing: readonly ScenarioEdge[], byId: ReadonlyMap<string, ScenarioNode>): string {
  const parts = [nodeTitle(node)];
  for (const e of incoming) {
    const other = byId.get(e.source);
    if (other) parts.push(`${VERBS[e.kind].in} ${mention(other)}`);
  }
  for (const e of outgoing) {
    const other = byId.get(e.target);
    if (other) parts.push(`${VERBS[e.kind].out} ${mention(other)}`);
  }
  return parts.join(', ');
}

/** What a screen reader says for an edge: "rule target from rule AllOrders to Lambda function ChargeCard". */
export function edgeAriaLabel(edge: ScenarioEdge, byId: ReadonlyMap<string, ScenarioNode>, kindLabel: string): string {
  const s = byId.get(edge.source);
  const t = byId.get(edge.target);
  const summary = edgeSummary(edge);
  return `${kindLabel} from ${s ? mention(s) : edge.source} to ${t ? mention(t) : edge.target}${summary ? `, ${summary}` : ''}`;
}
