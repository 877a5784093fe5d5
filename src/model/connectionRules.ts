/**
 * Which edge kind may run between which node kinds, mirroring AWS. Each (source kind, target
 * kind) pair has at most one edge kind, so the kind of a drawn connection is inferred.
 */
import { EDGE_KIND_LABELS, NODE_KIND_LABELS, capitalize, withArticle } from './labels';
import type { EdgeKind, NodeKind } from './types';

/** Allowed source and target node kinds per edge kind. */
export const EDGE_ENDPOINTS: Record<EdgeKind, { sources: readonly NodeKind[]; targets: readonly NodeKind[] }> = {
  publish: { sources: ['producer'], targets: ['eventBus', 'sqsQueue', 'snsTopic', 'kinesisStream'] },
  busRule: { sources: ['eventBus'], targets: ['rule'] },
  ruleTarget: { sources: ['rule'], targets: ['lambdaFunction', 'sqsQueue', 'snsTopic', 'kinesisStream', 'eventBus'] },
  eventSourceMapping: { sources: ['sqsQueue', 'kinesisStream'], targets: ['lambdaFunction'] },
  subscription: { sources: ['snsTopic'], targets: ['sqsQueue', 'lambdaFunction'] },
  destination: { sources: ['lambdaFunction'], targets: ['sqsQueue', 'snsTopic', 'lambdaFunction', 'eventBus'] },
  redrive: { sources: ['sqsQueue'], targets: ['sqsQueue'] },
  pipeSource: { sources: ['sqsQueue', 'kinesisStream'], targets: ['pipe'] },
  pipeTarget: { sources: ['pipe'], targets: ['lambdaFunction', 'sqsQueue', 'snsTopic', 'eventBus', 'kinesisStream'] },
  scheduleTarget: { sources: ['schedule'], targets: ['lambdaFunction', 'sqsQueue', 'snsTopic', 'eventBus', 'kinesisStream'] },
  archiveOf: { sources: ['eventBus'], targets: ['archive'] },
};

/** The edge kind between two node kinds, if AWS has one. */
export function inferEdgeKind(sourceKind: NodeKind, targetKind: NodeKind): EdgeKind | undefined {
  return (Object.keys(EDGE_ENDPOINTS) as EdgeKind[]).find(
    (k) => EDGE_ENDPOINTS[k].sources.includes(sourceKind) && EDGE_ENDPOINTS[k].targets.includes(targetKind),
  );
}

/** "an SQS queue, an SNS topic or a Lambda function". */
export function listKinds(kinds: readonly NodeKind[]): string {
  const words = [...new Set(kinds)].map((k) => withArticle(NODE_KIND_LABELS[k]));
  return words.length < 2 ? (words[0] ?? 'nothing') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** What a node kind can connect to, as a sentence: "A rule's targets are ...". */
export function reachSentence(kind: NodeKind): string {
  const outgoing = (Object.keys(EDGE_ENDPOINTS) as EdgeKind[]).filter((k) => EDGE_ENDPOINTS[k].sources.includes(kind));
  if (kind === 'rule') return `A rule's targets are ${listKinds(EDGE_ENDPOINTS.ruleTarget.targets)}.`;
  if (kind === 'eventBus') return 'An event bus connects to its rules and archives; to send events to another bus, connect this bus to a rule and the rule to the other bus.';
  if (outgoing.length === 0) return `${capitalize(withArticle(NODE_KIND_LABELS[kind]))} has no outgoing connections.`;
  const parts = outgoing.map((k) => `${listKinds(EDGE_ENDPOINTS[k].targets)} (${EDGE_KIND_LABELS[k]})`);
  return `${capitalize(withArticle(NODE_KIND_LABELS[kind]))} connects to ${parts.join('; or ')}.`;
}

/** Why an edge kind can't run between two node kinds. */
export function endpointSentence(kind: EdgeKind): string {
  const { sources, targets } = EDGE_ENDPOINTS[kind];
  return `${capitalize(withArticle(EDGE_KIND_LABELS[kind]))} runs from ${listKinds(sources)} to ${listKinds(targets)}.`;
}
