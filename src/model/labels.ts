/** Human names of node and edge kinds, for messages, the palette and the schema's titles. */
import type { EdgeKind, NodeKind } from './types';

/** "SQS queue", "Lambda function", ... (sentence case, no article). */
export const NODE_KIND_LABELS: Record<NodeKind, string> = {
  producer: 'producer',
  eventBus: 'event bus',
  rule: 'rule',
  sqsQueue: 'SQS queue',
  snsTopic: 'SNS topic',
  kinesisStream: 'Kinesis stream',
  lambdaFunction: 'Lambda function',
  pipe: 'pipe',
  schedule: 'schedule',
  archive: 'archive',
};

/** "event source mapping", "rule target", ... */
export const EDGE_KIND_LABELS: Record<EdgeKind, string> = {
  publish: 'publish connection',
  busRule: 'bus-to-rule connection',
  ruleTarget: 'rule target',
  eventSourceMapping: 'event source mapping',
  subscription: 'SNS subscription',
  destination: 'Lambda destination',
  redrive: 'redrive policy (dead-letter queue)',
  pipeSource: 'pipe source',
  pipeTarget: 'pipe target',
  scheduleTarget: 'schedule target',
  archiveOf: 'archive connection',
};

/** "an SQS queue", "a rule": the label with its indefinite article. */
export function withArticle(label: string): string {
  // "an SQS queue": the article follows the spoken letter, not the written one.
  return `${/^([aeiou]|SQS|SNS)/.test(label) ? 'an' : 'a'} ${label}`;
}

/** Sentence-case first letter. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
