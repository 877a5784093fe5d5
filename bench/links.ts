// Share-link figures: how long the URL hash gets for the built-in examples and for a generated
// 30-node scenario. Links over ~2,000 characters get cut by some chat apps and QR codes; the
// app warns above 8,000.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEdge, createNode, emptyScenario } from '../src/model/defaults';
import { nextId } from '../src/model/ids';
import { restoreScenario } from '../src/model/restoreScenario';
import { loadValidator } from '../src/model/validator';
import { encodeShareLink } from '../src/model/shareLink';
import type { NodeKind, Scenario, ScenarioEdge, ScenarioNode } from '../src/model/types';

const EXAMPLES = 'public/examples';

/**
 * A realistic 30-node scenario: 3 producers on 3 buses, each bus with 3 rules, each rule
 * targeting a queue with a DLQ consumed by a function (3 + 3 + 6 + 6 + 6 + 6 = 30 nodes), with
 * human names and a few non-default settings, as a user would draw it.
 */
export function thirtyNodeScenario(): Scenario {
  const s = { ...emptyScenario(), name: 'Thirty nodes', description: 'Three buses, six rules, six queues with DLQs, six consumers.' };
  const nodes: ScenarioNode[] = [];
  const edges: ScenarioEdge[] = [];
  const add = <K extends NodeKind>(kind: K, name: string, x: number, y: number, props: Record<string, unknown> = {}) => {
    const id = nextId({ nodes, edges }, kind);
    nodes.push(createNode(kind, id, { x, y }, { props: { ...props } } as never) as ScenarioNode);
    (nodes[nodes.length - 1].props as unknown as Record<string, unknown>)[nameKey(kind)] = name;
    return id;
  };
  const link = (kind: ScenarioEdge['kind'], source: string, target: string, props: Record<string, unknown> = {}) => {
    edges.push(createEdge(kind, nextId({ nodes, edges }, kind), source, target, { props } as never) as ScenarioEdge);
  };
  const domains = ['orders', 'payments', 'shipping'];
  domains.forEach((d, i) => {
    const y = i * 400;
    const producer = add('producer', `${d}-service`, 0, y + 100);
    const bus = add('eventBus', `${d}-bus`, 250, y + 100);
    link('publish', producer, bus);
    for (const [j, what] of ['created', 'updated'].entries()) {
      const rule = add('rule', `${d}-${what}`, 500, y + j * 200, { EventPattern: JSON.stringify({ source: [`com.example.${d}`], 'detail-type': [`${what}`] }) });
      link('busRule', bus, rule);
      const queue = add('sqsQueue', `${d}-${what}-queue`, 750, y + j * 200, { VisibilityTimeout: 60 });
      const dlq = add('sqsQueue', `${d}-${what}-dlq`, 750, y + j * 200 + 100, { MessageRetentionPeriod: 1209600 });
      const fn = add('lambdaFunction', `Handle${d[0].toUpperCase()}${d.slice(1)}${what[0].toUpperCase()}${what.slice(1)}`, 1000, y + j * 200, { Timeout: 10 });
      link('ruleTarget', rule, queue);
      link('redrive', queue, dlq, { maxReceiveCount: 5 });
      link('eventSourceMapping', queue, fn, { FunctionResponseTypes: ['ReportBatchItemFailures'] });
    }
  });
  const restored = restoreScenario({ ...s, nodes, edges });
  if (!restored.ok) throw new Error(`generated scenario is invalid: ${JSON.stringify(restored.error.slice(0, 3))}`);
  return restored.value;
}

function nameKey(kind: NodeKind): string {
  return ({ sqsQueue: 'QueueName', snsTopic: 'TopicName', lambdaFunction: 'FunctionName', archive: 'ArchiveName' } as Record<string, string>)[kind] ?? 'Name';
}

/** `link.examples_max_chars` and `link.30_nodes_chars`: characters of the share-link hash. */
export async function benchLinks(): Promise<Array<[string, number]>> {
  await loadValidator();
  let longest = 0;
  for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.json') && f !== 'index.json')) {
    const restored = restoreScenario(JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')));
    if (!restored.ok) throw new Error(`${file} does not restore: ${restored.error[0]?.message}`);
    longest = Math.max(longest, (await encodeShareLink(restored.value)).length);
  }
  const thirty = thirtyNodeScenario();
  if (thirty.nodes.length !== 30) throw new Error(`expected 30 nodes, got ${thirty.nodes.length}`);
  return [
    ['link.examples_max_chars', longest],
    ['link.30_nodes_chars', (await encodeShareLink(thirty)).length],
  ];
}
