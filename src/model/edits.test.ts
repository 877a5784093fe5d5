import { describe, expect, it } from 'vitest';
import { createNode, emptyScenario } from './defaults';
import { applyEdit, applyEditDetailed, type ScenarioEdit } from './edits';
import { nextId, nodeDisplayName } from './ids';
import { build, edge, node } from './testing/fixtures';
import type { Scenario } from './types';

const base = build([
  node('producer', 'p'),
  node('eventBus', 'bus', 250),
  node('rule', 'r', 500),
  node('sqsQueue', 'q', 750, 0, { props: { VisibilityTimeout: 60 } }),
  node('sqsQueue', 'dlq', 750, 100),
  node('lambdaFunction', 'fn', 1000),
  edge('e-pub', 'p', 'bus'),
  edge('e-rule', 'bus', 'r'),
  edge('e-t', 'r', 'q', { DeadLetterConfig: { Arn: 'dlq' } }),
  edge('e-esm', 'q', 'fn'),
]);

function apply(s: Scenario, e: ScenarioEdit): Scenario {
  const r = applyEdit(s, e);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function refusal(s: Scenario, e: ScenarioEdit): string {
  const r = applyEdit(s, e);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

describe('applyEdit', () => {
  it('adds nodes and fills defaults the caller left out', () => {
    const partial = { id: 'x', kind: 'sqsQueue', position: { x: 0, y: 500 }, props: { QueueName: 'x' }, behavior: {} } as never;
    const s = apply(base, { type: 'addNode', node: partial });
    expect(s.nodes.at(-1)?.props).toMatchObject({ VisibilityTimeout: 30 });
    expect(refusal(base, { type: 'addNode', node: createNode('sqsQueue', 'q', { x: 0, y: 0 }) })).toBe('A node with id "q" already exists.');
  });

  it('is immutable with structural sharing', () => {
    const frozen = JSON.stringify(base);
    const s = apply(base, { type: 'updateNodeProps', id: 'q', patch: { VisibilityTimeout: 120 } });
    expect(JSON.stringify(base)).toBe(frozen);
    expect(s.nodes[0]).toBe(base.nodes[0]);
    expect(s.nodes[3]).not.toBe(base.nodes[3]);
    expect(s.edges).toBe(base.edges);
  });

  it('refuses a value out of bounds with the reason', () => {
    expect(refusal(base, { type: 'updateNodeProps', id: 'q', patch: { VisibilityTimeout: 50000 } })).toBe(
      'VisibilityTimeout must be at most 43200 seconds (12 hours); got 50000.',
    );
    const detailed = applyEditDetailed(base, { type: 'updateNodeProps', id: 'q', patch: { VisibilityTimeout: 50000 } });
    expect(!detailed.ok && detailed.error[0].path).toBe('/nodes/3/props/VisibilityTimeout');
  });

  it('deep-merges props patches; null resets to the default or removes an optional setting', () => {
    let s = apply(base, { type: 'updateNodeProps', id: 'fn', patch: { EventInvokeConfig: { MaximumRetryAttempts: 0 }, ReservedConcurrentExecutions: 5 } });
    const fn = s.nodes[5];
    expect(fn.kind === 'lambdaFunction' && fn.props.EventInvokeConfig).toEqual({ MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 21600 });
    s = apply(s, { type: 'updateNodeProps', id: 'fn', patch: { ReservedConcurrentExecutions: null, Timeout: null } });
    expect(s.nodes[5].props).not.toHaveProperty('ReservedConcurrentExecutions');
    expect(s.nodes[5].props).toMatchObject({ Timeout: 3 });
  });

  it('keeps the .fifo suffix in step with FifoQueue, and refuses what breaks a connection', () => {
    const withSpare = apply(base, node('sqsQueue', 'spare'));
    const s = apply(withSpare, { type: 'updateNodeProps', id: 'spare', patch: { FifoQueue: true } });
    expect(nodeDisplayName(s.nodes[6])).toBe('spare.fifo');
    expect(nodeDisplayName(apply(s, { type: 'updateNodeProps', id: 'spare', patch: { FifoQueue: false } }).nodes[6])).toBe('spare');
    expect(refusal(withSpare, { type: 'updateNodeProps', id: 'spare', patch: { FifoQueue: true, QueueName: 'spare' } })).toBe('The name of a FIFO queue must end in .fifo.');
    expect(refusal(base, { type: 'updateNodeProps', id: 'dlq', patch: { FifoQueue: true } })).toBe(
      "A FIFO queue can't be the dead-letter queue of an EventBridge target; use a standard one.",
    );
    expect(refusal(apply(withSpare, edge('e-redrive', 'q', 'spare')), { type: 'updateNodeProps', id: 'spare', patch: { FifoQueue: true } })).toBe(
      'The dead-letter queue of a standard queue must also be a standard queue.',
    );
  });

  it('updates behaviour, only where a node has one', () => {
    const s = apply(base, { type: 'updateNodeBehavior', id: 'fn', patch: { failureRate: 0.5, latency: { meanMs: 20 } } });
    expect(s.nodes[5].behavior).toMatchObject({ failureRate: 0.5, latency: { distribution: 'normal', meanMs: 20 } });
    expect(refusal(base, { type: 'updateNodeBehavior', id: 'fn', patch: { failureRate: 2 } })).toBe('failureRate must be at most 1; got 2.');
    expect(refusal(base, { type: 'updateNodeBehavior', id: 'bus', patch: {} })).toBe('An event bus has no simulation behaviour.');
  });

  it('renames a node through its AWS name property', () => {
    expect(nodeDisplayName(apply(base, { type: 'renameNode', id: 'fn', name: 'ChargeCard' }).nodes[5])).toBe('ChargeCard');
    expect(refusal(base, { type: 'renameNode', id: 'fn', name: '<script>' })).toBe('FunctionName has a form that is not allowed; got "<script>".');
  });

  it('removes nodes with their edges and the references to them', () => {
    const s = apply(base, { type: 'removeNodes', ids: ['dlq', 'fn'] });
    expect(s.nodes.map((n) => n.id)).toEqual(['p', 'bus', 'r', 'q']);
    expect(s.edges.map((e) => e.id)).toEqual(['e-pub', 'e-rule', 'e-t']);
    expect(s.edges[2].props).not.toHaveProperty('DeadLetterConfig');
  });

  it('moves nodes without touching anything else', () => {
    const s = apply(base, { type: 'moveNodes', moves: [{ id: 'p', position: { x: 10.5, y: -3 } }] });
    expect(s.nodes[0].position).toEqual({ x: 10.5, y: -3 });
    expect(s.nodes[1]).toBe(base.nodes[1]);
    expect(refusal(base, { type: 'moveNodes', moves: [{ id: 'p', position: { x: Number.NaN, y: 0 } }] })).toMatch(/finite/);
  });

  it('adds edges only where canConnect allows, with context defaults', () => {
    expect(refusal(base, edge('x', 'p', 'r'))).toMatch(/^A producer can't connect to a rule\./);
    const s = build([node('snsTopic', 't'), node('kinesisStream', 'k'), edge('e-sub', 't', 'fn'), edge('e-k', 'k', 'fn'), edge('d1', 'fn', 'q'), edge('d2', 'fn', 't')], base);
    const byId = new Map(s.edges.map((e) => [e.id, e]));
    expect(byId.get('e-sub')?.props).toMatchObject({ Protocol: 'lambda' });
    expect(byId.get('e-k')?.props).toMatchObject({ BatchSize: 100, StartingPosition: 'TRIM_HORIZON' });
    expect([byId.get('d1')?.props, byId.get('d2')?.props]).toEqual([{ Condition: 'OnFailure' }, { Condition: 'OnSuccess' }]);
    expect(refusal(base, { type: 'addEdge', id: 'e-pub', source: 'p', target: 'q' })).toBe('A connection with id "e-pub" already exists.');
  });

  it('updates edge props and behaviour', () => {
    const s = apply(base, { type: 'updateEdgeProps', id: 'e-t', patch: { RetryPolicy: { MaximumRetryAttempts: 3 } } });
    expect(s.edges[2].props).toMatchObject({ RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 86400 } });
    expect(apply(base, { type: 'updateEdgeBehavior', id: 'e-t', patch: { failureRate: 0.5 } }).edges[2].behavior).toEqual({ failureRate: 0.5, errorCode: 'THROTTLING' });
    expect(refusal(base, { type: 'updateEdgeProps', id: 'e-esm', patch: { StartingPosition: 'LATEST' } })).toBe(
      "StartingPosition applies only to Kinesis and DynamoDB stream sources; failed SQS messages go to the queue's own dead-letter queue.",
    );
    expect(refusal(base, { type: 'updateEdgeBehavior', id: 'e-esm', patch: {} })).toBe('An event source mapping has no simulation behaviour.');
  });

  it('removes edges, ignoring unknown ids', () => {
    expect(apply(base, { type: 'removeEdges', ids: ['e-esm', 'nope'] }).edges.map((e) => e.id)).toEqual(['e-pub', 'e-rule', 'e-t']);
  });

  it('sets settings and info, within bounds', () => {
    expect(apply(base, { type: 'setSettings', patch: { seed: 9 } }).settings).toMatchObject({ seed: 9, durationMs: 3600000 });
    expect(refusal(base, { type: 'setSettings', patch: { seed: -1 } })).toBe('seed must be at least 0; got -1.');
    expect(apply(base, { type: 'setInfo', name: 'Mine' }).name).toBe('Mine');
    expect(refusal(base, { type: 'setInfo', name: 'x'.repeat(201) })).toBe('name is too long: at most 200 characters; got 201.');
  });

  it('replaces the scenario only with a valid one', () => {
    expect(apply(base, { type: 'replaceScenario', scenario: emptyScenario() }).nodes).toEqual([]);
    const bad = { ...emptyScenario(), nodes: [{ id: 'x' }] } as never;
    expect(refusal(base, { type: 'replaceScenario', scenario: bad })).toMatch(/missing/);
  });

  it('applies a batch all or nothing', () => {
    const ok = apply(base, { type: 'batch', edits: [node('sqsQueue', 'a'), edge('e-a', 'r', 'a')] });
    expect(ok.edges.at(-1)?.target).toBe('a');
    expect(refusal(base, { type: 'batch', edits: [node('sqsQueue', 'a'), edge('e-a', 'a', 'p')] })).toMatch(/can't connect/);
  });
});

describe('nextId', () => {
  it('gives the first free id per kind, unique across nodes and edges', () => {
    const s = build([node('sqsQueue', 'queue-1'), node('sqsQueue', 'queue-3')]);
    expect(nextId(s, 'sqsQueue')).toBe('queue-2');
    expect(nextId(s, 'lambdaFunction')).toBe('fn-1');
    expect(nextId(base, 'ruleTarget')).toBe('e-target-1');
  });
});
