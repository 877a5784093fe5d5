import { describe, expect, it } from 'vitest';
import { createEdge, createNode, emptyScenario } from './defaults';
import type { ScenarioError } from './errors';
import { parseScenarioText, restoreScenario, serializeScenario } from './restoreScenario';
import { build, edge, node, plain } from './testing/fixtures';

/** A small valid document: queue -> function. */
function doc(): Record<string, unknown> {
  return plain(build([node('sqsQueue', 'q', 0, 0, { props: { VisibilityTimeout: 60 } }), node('lambdaFunction', 'fn', 250, 0), edge('e1', 'q', 'fn')]));
}

function errorsOf(input: unknown): ScenarioError[] {
  const r = restoreScenario(input);
  if (r.ok) throw new Error('expected errors');
  return r.error;
}

function at(input: unknown, path: string): ScenarioError {
  const e = errorsOf(input).find((x) => x.path === path);
  if (!e) throw new Error(`no error at ${path}: ${JSON.stringify(errorsOf(input))}`);
  return e;
}

describe('restoreScenario: valid input', () => {
  it('restores a valid document unchanged', () => {
    const d = doc();
    const r = restoreScenario(d);
    expect(r.ok && r.value).toEqual(d);
  });

  it('fills AWS defaults for missing optional props, names from ids included', () => {
    const d = doc() as { nodes: Array<Record<string, unknown>>; edges: Array<Record<string, unknown>> };
    d.nodes[0].props = { VisibilityTimeout: 60 };
    delete d.nodes[1].behavior;
    d.edges[0].props = {};
    const r = restoreScenario(d);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const q = r.value.nodes[0];
    expect(q.kind === 'sqsQueue' && q.props).toMatchObject({ QueueName: 'q', VisibilityTimeout: 60, MessageRetentionPeriod: 345600, MaximumMessageSize: 1048576 });
    expect(r.value.nodes[1].behavior).toMatchObject({ failureRate: 0, latency: { meanMs: 100 } });
    expect(r.value.edges[0].props).toMatchObject({ BatchSize: 10, FunctionResponseTypes: [] });
  });

  it('gives stream event source mappings the stream defaults', () => {
    const d = plain(build([node('kinesisStream', 's'), node('lambdaFunction', 'fn', 250)])) as { edges: unknown[] };
    d.edges = [{ id: 'e', kind: 'eventSourceMapping', source: 's', target: 'fn', props: {} }];
    const r = restoreScenario(d);
    expect(r.ok && r.value.edges[0].props).toMatchObject({ BatchSize: 100, StartingPosition: 'TRIM_HORIZON', MaximumRetryAttempts: -1, MaximumRecordAgeInSeconds: -1, BisectBatchOnFunctionError: false });
  });

  it('does not modify its input', () => {
    const d = doc() as { nodes: Array<Record<string, unknown>> };
    d.nodes[0].props = {};
    const before = JSON.stringify(d);
    restoreScenario(d);
    expect(JSON.stringify(d)).toBe(before);
  });

  it('orders keys as the schema does (stable export)', () => {
    const d = doc() as { nodes: Array<Record<string, unknown>> };
    const n = d.nodes[0];
    d.nodes[0] = { props: n.props, behavior: n.behavior, position: n.position, kind: n.kind, id: n.id };
    const r = restoreScenario(d);
    expect(r.ok && Object.keys(r.value.nodes[0])).toEqual(['id', 'kind', 'position', 'props', 'behavior']);
    expect(r.ok && serializeScenario(r.value)).toBe(serializeScenario(doc() as never));
  });
});

describe('restoreScenario: each class of bad input', () => {
  it('wrong type', () => {
    const d = doc() as { nodes: Array<{ props: Record<string, unknown> }> };
    d.nodes[0].props.VisibilityTimeout = '30';
    expect(at(d, '/nodes/0/props/VisibilityTimeout')).toEqual({
      path: '/nodes/0/props/VisibilityTimeout',
      message: 'VisibilityTimeout must be a whole number; got "30".',
      allowed: 'a whole number from 0 to 43200 seconds (12 hours)',
    });
  });

  it('unknown node kind', () => {
    const d = doc() as { nodes: Array<Record<string, unknown>> };
    d.nodes.push({ id: 'x', kind: 'dynamoTable', position: { x: 0, y: 0 }, props: {} });
    const e = at(d, '/nodes/2/kind');
    expect(e.message).toBe('Unknown node kind "dynamoTable".');
    expect(e.allowed).toContain('sqsQueue');
  });

  it('unknown edge kind', () => {
    const d = doc() as { edges: Array<Record<string, unknown>> };
    d.edges[0].kind = 'wire';
    expect(at(d, '/edges/0/kind').message).toBe('Unknown connection kind "wire".');
  });

  it('dangling edge', () => {
    const d = doc() as { edges: Array<Record<string, unknown>> };
    d.edges[0].target = 'ghost';
    expect(at(d, '/edges/0/target').message).toBe('The connection ends at "ghost", which is not a node of this scenario.');
  });

  it('bad enum value', () => {
    const d = plain(build([node('rule', 'r')])) as { nodes: Array<{ props: Record<string, unknown> }> };
    d.nodes[0].props.State = 'ON';
    expect(at(d, '/nodes/0/props/State')).toMatchObject({ message: 'State must be one of "ENABLED", "DISABLED"; got "ON".' });
  });

  it('number out of AWS bounds, with units in words', () => {
    const d = doc() as { nodes: Array<{ props: Record<string, unknown> }> };
    d.nodes[0].props.VisibilityTimeout = 50000;
    d.nodes[1].props.Timeout = 0;
    expect(at(d, '/nodes/0/props/VisibilityTimeout').message).toBe('VisibilityTimeout must be at most 43200 seconds (12 hours); got 50000.');
    expect(at(d, '/nodes/1/props/Timeout').message).toBe('Timeout must be at least 1 second; got 0.');
  });

  it('unknown property', () => {
    const d = doc() as { nodes: Array<{ props: Record<string, unknown> }> };
    d.nodes[0].props.Colour = 'red';
    expect(at(d, '/nodes/0/props/Colour').message).toBe('Unknown property "Colour".');
  });

  it('duplicate node and edge ids', () => {
    const d = doc() as { nodes: Array<Record<string, unknown>>; edges: Array<Record<string, unknown>> };
    d.nodes[1].id = 'q';
    d.edges.push({ ...d.edges[0] });
    expect(at(d, '/nodes/1/id').message).toBe('The node id "q" is used twice (also by /nodes/0).');
    expect(at(d, '/edges/1/id').message).toBe('The connection id "e1" is used twice (also by /edges/0).');
  });

  it('edge kind not allowed between those nodes', () => {
    const d = doc() as { edges: Array<Record<string, unknown>> };
    d.edges.push({ id: 'e2', kind: 'subscription', source: 'q', target: 'fn', props: {} });
    expect(at(d, '/edges/1').message).toBe('An SNS subscription runs from an SNS topic to an SQS queue or a Lambda function.');
  });

  it('the sixth target of a rule', () => {
    const s = build([node('rule', 'r'), ...[1, 2, 3, 4, 5].map((i) => node('sqsQueue', `q${i}`, 250, i * 100)), ...[1, 2, 3, 4, 5].map((i) => edge(`t${i}`, 'r', `q${i}`))]);
    const d = plain(s) as { nodes: unknown[]; edges: unknown[] };
    d.nodes.push(createNode('sqsQueue', 'q6', { x: 250, y: 600 }));
    d.edges.push(createEdge('ruleTarget', 't6', 'r', 'q6'));
    expect(at(d, '/edges/5').message).toBe('A rule can have at most 5 targets.');
  });

  it('a rule with both or neither EventPattern and ScheduleExpression', () => {
    const d = plain(build([node('rule', 'a'), node('rule', 'b', 0, 100)])) as { nodes: Array<{ props: Record<string, unknown> }> };
    d.nodes[0].props.ScheduleExpression = 'rate(5 minutes)';
    d.nodes[1].props.EventPattern = '';
    expect(at(d, '/nodes/0/props/ScheduleExpression').message).toBe('A rule has either an EventPattern or a ScheduleExpression, not both.');
    expect(at(d, '/nodes/1/props/EventPattern').message).toBe('A rule needs an EventPattern or a ScheduleExpression.');
  });

  it('DLQ references: missing node, FIFO queue as a target DLQ', () => {
    const s = build([node('rule', 'r'), node('sqsQueue', 'q', 250), node('sqsQueue', 'f', 250, 100, { props: { FifoQueue: true } }), edge('t', 'r', 'q')]);
    const d = plain(s) as { edges: Array<{ props: Record<string, unknown> }> };
    d.edges[0].props.DeadLetterConfig = { Arn: 'f' };
    expect(at(d, '/edges/0/props/DeadLetterConfig/Arn').message).toBe("A FIFO queue can't be the dead-letter queue of an EventBridge target; use a standard one.");
    d.edges[0].props.DeadLetterConfig = { Arn: 'nope' };
    expect(at(d, '/edges/0/props/DeadLetterConfig/Arn').message).toBe('There is no node "nope" to be the dead-letter queue of an EventBridge target.');
  });

  it('markup in AWS names', () => {
    const d = doc() as { nodes: Array<{ props: Record<string, unknown> }> };
    d.nodes[0].props.QueueName = '<img src=x onerror=alert(1)>';
    expect(at(d, '/nodes/0/props/QueueName')).toEqual({
      path: '/nodes/0/props/QueueName',
      message: 'QueueName has a form that is not allowed; got "<img src=x onerror=alert(1)>".',
      allowed: "1-80 letters, digits, hyphens or underscores; a FIFO queue's name ends in .fifo",
    });
  });

  it('FIFO names', () => {
    const d = doc() as { nodes: Array<{ props: Record<string, unknown> }> };
    d.nodes[0].props.FifoQueue = true;
    expect(at(d, '/nodes/0/props/QueueName').message).toBe('The name of a FIFO queue must end in .fifo.');
  });

  it('hostile keys anywhere', () => {
    const text = '{"format":"evsim-scenario","version":1,"nodes":[{"id":"a","__proto__":{"polluted":true}}],"constructor":1}';
    const r = parseScenarioText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((e) => e.path)).toEqual(['/nodes/0/__proto__', '/constructor']);
    expect(r.error[0].message).toBe('The key "__proto__" is not allowed: it could change how objects behave.');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('nesting deeper than 64 levels', () => {
    const d = doc() as { nodes: Array<{ behavior: Record<string, unknown> }> };
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = { a: deep };
    d.nodes[0].behavior = { deep };
    expect(errorsOf(d)[0].message).toBe('The document is nested too deeply (more than 64 levels).');
    expect(parseScenarioText('['.repeat(100000) + ']'.repeat(100000)).ok).toBe(false);
  });

  it('too many nodes, too long strings, too large documents', () => {
    const d = emptyScenario() as unknown as { nodes: unknown[]; description: string };
    d.nodes = Array.from({ length: 2001 }, (_, i) => ({ id: `n${i}` }));
    expect(errorsOf(d)[0].message).toBe('A scenario can have at most 2000 nodes; got 2001.');
    const long = { ...emptyScenario(), description: 'x'.repeat(100_001) };
    expect(errorsOf(long)[0]).toMatchObject({ path: '/description', message: 'Text is too long: 100001 characters.' });
    const big = parseScenarioText(' '.repeat(5 * 1024 * 1024 + 1));
    expect(!big.ok && big.error[0].message).toBe('The document is too large (over 5 MB).');
  });

  it('non-JSON values from a JavaScript caller', () => {
    const d = doc() as { name: unknown };
    d.name = new Date(0);
    expect(at(d, '/name').message).toBe('Only plain JSON objects are allowed here.');
    expect(errorsOf({ ...doc(), name: () => 1 })[0].message).toBe('Only JSON values are allowed; got a function.');
  });

  it('invalid JSON text, with line and column', () => {
    const r = parseScenarioText('{\n  "format": "evsim-scenario",\n  "version": 1\n  "nodes": []\n}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toEqual([
      {
        path: '',
        message: "The text is not valid JSON: Expected ',' or '}' after a property value at line 4, column 3.",
        allowed: 'JSON text, such as a scenario file exported by evsim',
      },
    ]);
  });

  it('not a scenario at all', () => {
    expect(errorsOf([1, 2])[0].message).toBe('A scenario must be a JSON object; got a list.');
    expect(errorsOf({ hello: 1 })[0]).toMatchObject({ path: '/format', message: 'This is not an evsim scenario: it has no "format".' });
    expect(errorsOf({ format: 'evsim-scenario', version: 9 })[0].message).toBe(
      'This scenario was made by a newer evsim (format version 9); this evsim reads versions up to 1.',
    );
  });

  it('reports one error per offending path, all at once', () => {
    const d = doc() as { nodes: Array<{ props: Record<string, unknown> }> };
    Object.assign(d.nodes[0].props, { VisibilityTimeout: -1, DelaySeconds: 901, FifoQueue: 'yes' });
    const paths = errorsOf(d).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/nodes/0/props/VisibilityTimeout', '/nodes/0/props/DelaySeconds', '/nodes/0/props/FifoQueue']));
    expect(new Set(paths).size).toBe(paths.length);
  });
});
