/** Node names and fresh ids. */
import type { EdgeKind, NodeKind, Scenario, ScenarioNode } from './types';

/** The props key holding each node kind's AWS name. */
export const NAME_KEYS = {
  producer: 'Name',
  eventBus: 'Name',
  rule: 'Name',
  sqsQueue: 'QueueName',
  snsTopic: 'TopicName',
  kinesisStream: 'Name',
  lambdaFunction: 'FunctionName',
  pipe: 'Name',
  schedule: 'Name',
  archive: 'ArchiveName',
} as const satisfies Record<NodeKind, string>;

/** Id prefixes, short so ids (and share links) stay short. */
const ID_PREFIXES: Record<NodeKind | EdgeKind, string> = {
  producer: 'producer',
  eventBus: 'bus',
  rule: 'rule',
  sqsQueue: 'queue',
  snsTopic: 'topic',
  kinesisStream: 'stream',
  lambdaFunction: 'fn',
  pipe: 'pipe',
  schedule: 'schedule',
  archive: 'archive',
  publish: 'e-publish',
  busRule: 'e-rule',
  ruleTarget: 'e-target',
  eventSourceMapping: 'e-esm',
  subscription: 'e-sub',
  destination: 'e-dest',
  redrive: 'e-dlq',
  pipeSource: 'e-pipe-src',
  pipeTarget: 'e-pipe-tgt',
  scheduleTarget: 'e-sched',
  archiveOf: 'e-archive',
};

/** The name a user sees: the node's AWS name, else its id. Render it as text, never as HTML. */
export function nodeDisplayName(node: ScenarioNode): string {
  const name = (node.props as unknown as Record<string, unknown>)[NAME_KEYS[node.kind]];
  return typeof name === 'string' && name !== '' ? name : node.id;
}

/**
 * A fresh id for a node or edge of `kind`: `<prefix>-<n>` with the smallest n >= 1 that no
 * node or edge uses (ids stay unique across both, so a selection id is never ambiguous).
 */
export function nextId(scenario: Pick<Scenario, 'nodes' | 'edges'>, kind: NodeKind | EdgeKind): string {
  const used = new Set<string>();
  for (const n of scenario.nodes) used.add(n.id);
  for (const e of scenario.edges) used.add(e.id);
  const prefix = ID_PREFIXES[kind];
  for (let n = 1; ; n++) if (!used.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}
