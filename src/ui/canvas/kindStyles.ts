import type { EdgeKind, NodeKind } from '../../model/types';

/** How a node kind looks: AWS's category colour, a short badge and a readable label. */
export interface KindStyle {
  label: string;
  badge: string;
  color: string;
}

// Colours follow AWS's architecture-icon categories (application integration pink,
// compute orange, analytics purple); the badge text keeps kinds apart without colour.
export const KIND_STYLES: Record<NodeKind, KindStyle> = {
  producer: { label: 'Producer', badge: 'PUT', color: '#5a6b7b' },
  eventBus: { label: 'Event bus', badge: 'BUS', color: '#e7157b' },
  rule: { label: 'Rule', badge: 'RULE', color: '#c7106a' },
  sqsQueue: { label: 'SQS queue', badge: 'SQS', color: '#b0084d' },
  snsTopic: { label: 'SNS topic', badge: 'SNS', color: '#d6246e' },
  kinesisStream: { label: 'Stream', badge: 'KDS', color: '#8c4fff' },
  lambdaFunction: { label: 'Lambda function', badge: 'λ', color: '#ed7100' },
  pipe: { label: 'Pipe', badge: 'PIPE', color: '#e7157b' },
  schedule: { label: 'Schedule', badge: 'CRON', color: '#a4116b' },
  archive: { label: 'Archive', badge: 'ARC', color: '#7d5a8c' },
};

/** Human names of connection kinds. */
export const EDGE_LABELS: Record<EdgeKind, string> = {
  publish: 'publishes',
  busRule: 'rule',
  ruleTarget: 'target',
  eventSourceMapping: 'event source mapping',
  subscription: 'subscription',
  destination: 'destination',
  redrive: 'redrive (DLQ)',
  pipeSource: 'pipe source',
  pipeTarget: 'pipe target',
  scheduleTarget: 'schedule target',
  archiveOf: 'archive',
};
