import type { ScenarioEdge, ScenarioNode } from '../../model/types';

/** The name a user gave a node, whichever CloudFormation property holds it. */
export function nodeName(node: ScenarioNode): string {
  switch (node.kind) {
    case 'sqsQueue':
      return node.props.QueueName;
    case 'snsTopic':
      return node.props.TopicName;
    case 'lambdaFunction':
      return node.props.FunctionName;
    case 'archive':
      return node.props.ArchiveName;
    default:
      return node.props.Name;
  }
}

/** A one-line summary of the settings that matter most on the canvas. */
export function nodeSummary(node: ScenarioNode): string {
  switch (node.kind) {
    case 'producer':
      return node.behavior.mode === 'rate'
        ? `${node.behavior.count} events at ${node.behavior.ratePerSecond}/s`
        : `${node.behavior.events.length} listed events`;
    case 'eventBus':
      return `${node.props.BusType} bus`;
    case 'rule':
      return node.props.ScheduleExpression ? node.props.ScheduleExpression : node.props.State === 'DISABLED' ? 'disabled' : 'event pattern';
    case 'sqsQueue':
      return `${node.props.FifoQueue ? 'FIFO' : 'standard'} · visibility ${node.props.VisibilityTimeout}s`;
    case 'snsTopic':
      return node.props.FifoTopic ? 'FIFO topic' : 'standard topic';
    case 'kinesisStream':
      return `${node.props.StreamType} · ${node.props.ShardCount} shard${node.props.ShardCount === 1 ? '' : 's'}`;
    case 'lambdaFunction':
      return `timeout ${node.props.Timeout}s · fails ${Math.round(node.behavior.failureRate * 100)}%`;
    case 'pipe':
      return 'pipe';
    case 'schedule':
      return node.props.ScheduleExpression;
    case 'archive':
      return node.props.RetentionDays ? `${node.props.RetentionDays} days` : 'kept indefinitely';
  }
}

/** A short label for an edge, showing its key AWS setting. */
export function edgeSummary(edge: ScenarioEdge): string {
  switch (edge.kind) {
    case 'ruleTarget':
      return `retry ${edge.props.RetryPolicy.MaximumRetryAttempts}${edge.props.DeadLetterConfig ? ' · DLQ' : ''}`;
    case 'eventSourceMapping':
      return `batch ${edge.props.BatchSize}${edge.props.FunctionResponseTypes.length ? ' · partial' : ''}`;
    case 'redrive':
      return `DLQ after ${edge.props.maxReceiveCount}`;
    case 'subscription':
      return edge.props.FilterPolicy ? 'filtered' : edge.props.Protocol;
    case 'destination':
      return edge.props.Condition;
    default:
      return '';
  }
}
