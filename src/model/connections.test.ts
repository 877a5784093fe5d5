import { describe, expect, it } from 'vitest';
import { canConnect, validateRuleDlq } from './connections';
import { inferEdgeKind, EDGE_ENDPOINTS } from './connectionRules';
import { build, edge, node } from './testing/fixtures';
import { NODE_KINDS, type EdgeKind } from './types';

/** One node of each kind, plus FIFO variants. */
const s = build([
  node('producer', 'producer'),
  node('eventBus', 'bus'),
  node('eventBus', 'bus2'),
  node('rule', 'rule'),
  node('sqsQueue', 'queue'),
  node('sqsQueue', 'queue2'),
  node('sqsQueue', 'fifo', 0, 0, { props: { FifoQueue: true } }),
  node('snsTopic', 'topic'),
  node('snsTopic', 'fifoTopic', 0, 0, { props: { FifoTopic: true } }),
  node('kinesisStream', 'stream'),
  node('lambdaFunction', 'fn'),
  node('lambdaFunction', 'fn2'),
  node('pipe', 'pipe'),
  node('schedule', 'schedule'),
  node('archive', 'archive'),
]);

const kindOf = (a: string, b: string) => {
  const r = canConnect(s, a, b);
  return r.ok ? r.kind : r.reason;
};

describe('canConnect infers the edge kind AWS uses', () => {
  it.each<[string, string, EdgeKind]>([
    ['producer', 'bus', 'publish'],
    ['producer', 'queue', 'publish'],
    ['producer', 'topic', 'publish'],
    ['producer', 'stream', 'publish'],
    ['bus', 'rule', 'busRule'],
    ['bus', 'archive', 'archiveOf'],
    ['rule', 'fn', 'ruleTarget'],
    ['rule', 'queue', 'ruleTarget'],
    ['rule', 'fifo', 'ruleTarget'],
    ['rule', 'topic', 'ruleTarget'],
    ['rule', 'stream', 'ruleTarget'],
    ['rule', 'bus2', 'ruleTarget'],
    ['queue', 'fn', 'eventSourceMapping'],
    ['stream', 'fn', 'eventSourceMapping'],
    ['queue', 'queue2', 'redrive'],
    ['topic', 'queue', 'subscription'],
    ['topic', 'fn', 'subscription'],
    ['fifoTopic', 'fifo', 'subscription'],
    ['fifoTopic', 'queue', 'subscription'],
    ['fn', 'queue', 'destination'],
    ['fn', 'topic', 'destination'],
    ['fn', 'fn2', 'destination'],
    ['fn', 'bus', 'destination'],
    ['queue', 'pipe', 'pipeSource'],
    ['stream', 'pipe', 'pipeSource'],
    ['pipe', 'fn', 'pipeTarget'],
    ['pipe', 'stream', 'pipeTarget'],
    ['schedule', 'queue', 'scheduleTarget'],
    ['schedule', 'bus', 'scheduleTarget'],
  ])('%s -> %s is %s', (a, b, kind) => {
    expect(kindOf(a, b)).toBe(kind);
  });

  it('has at most one edge kind per pair of node kinds', () => {
    for (const a of NODE_KINDS) {
      for (const b of NODE_KINDS) {
        const kinds = Object.entries(EDGE_ENDPOINTS).filter(([, e]) => e.sources.includes(a) && e.targets.includes(b));
        expect(kinds.length).toBeLessThanOrEqual(1);
        expect(inferEdgeKind(a, b)).toBe(kinds[0]?.[0]);
      }
    }
  });
});

describe('canConnect refuses what AWS refuses, and says why', () => {
  it.each([
    ['producer', 'rule', "A producer can't connect to a rule. A producer connects to an event bus, an SQS queue, an SNS topic or a Kinesis stream (publish connection)."],
    ['bus', 'bus2', "An event bus can't connect to an event bus. An event bus connects to its rules and archives; to send events to another bus, connect this bus to a rule and the rule to the other bus."],
    ['rule', 'archive', "A rule can't connect to an archive. A rule's targets are a Lambda function, an SQS queue, an SNS topic, a Kinesis stream or an event bus."],
    ['fn', 'rule', "A Lambda function can't connect to a rule. A Lambda function connects to an SQS queue, an SNS topic, a Lambda function or an event bus (Lambda destination)."],
    ['queue', 'queue', "A queue can't be its own dead-letter queue."],
    ['fn', 'fn', "A function can't be its own destination."],
    ['queue', 'fifo', 'The dead-letter queue of a standard queue must also be a standard queue.'],
    ['fifo', 'queue', 'The dead-letter queue of a FIFO queue must also be a FIFO queue.'],
    ['fifoTopic', 'fn', 'A FIFO topic can deliver only to SQS queues.'],
    ['topic', 'fifo', "A standard SNS topic can't deliver to a FIFO queue; use a FIFO topic."],
    ['fn', 'fifo', 'A Lambda destination must be a standard queue or topic, not a FIFO one.'],
    ['archive', 'bus', "An archive can't connect to an event bus. An archive has no outgoing connections."],
    ['ghost', 'bus', 'There is no node "ghost".'],
  ])('%s -> %s', (a, b, reason) => {
    expect(canConnect(s, a, b)).toEqual({ ok: false, reason });
  });

  it('checks a given edge kind against the node kinds', () => {
    expect(canConnect(s, 'queue', 'fn', 'eventSourceMapping')).toEqual({ ok: true, kind: 'eventSourceMapping' });
    expect(canConnect(s, 'queue', 'fn', 'subscription')).toEqual({ ok: false, reason: 'An SNS subscription runs from an SNS topic to an SQS queue or a Lambda function.' });
  });

  it('counts what is already connected', () => {
    const t = build(
      [
        ...[1, 2, 3, 4, 5, 6].map((i) => node('sqsQueue', `t${i}`)),
        ...[1, 2, 3, 4, 5].map((i) => edge(`e${i}`, 'rule', `t${i}`)),
        edge('br', 'bus', 'rule'),
        edge('dlq', 'queue', 'queue2'),
        edge('esm', 'queue', 'fn'),
        edge('ps', 'queue', 'pipe'),
        edge('pt', 'pipe', 'fn'),
        edge('st', 'schedule', 'fn'),
        edge('ar', 'bus', 'archive'),
        edge('d1', 'fn', 'queue'),
        edge('d2', 'fn', 'topic'),
        edge('sub', 'topic', 'queue'),
      ],
      s,
    );
    const reason = (a: string, b: string) => {
      const r = canConnect(t, a, b);
      return r.ok ? r.kind : r.reason;
    };
    expect(reason('rule', 't6')).toBe('A rule can have at most 5 targets.');
    expect(reason('bus2', 'rule')).toBe('A rule belongs to exactly one event bus; "rule" is already on "bus".');
    expect(reason('bus', 'rule')).toBe('"bus" is already connected to "rule".');
    expect(reason('queue', 't6')).toBe('A queue has one dead-letter queue; "queue" already uses "queue2".');
    expect(reason('queue', 'fn')).toBe('An event source mapping from "queue" to "fn" already exists.');
    expect(reason('stream', 'pipe')).toBe('A pipe has exactly one source; "pipe" already reads from "queue".');
    expect(reason('pipe', 'fn2')).toBe('A pipe has exactly one target; "pipe" already sends to "fn".');
    expect(reason('schedule', 'fn2')).toBe('A schedule has exactly one target; "schedule" already invokes "fn".');
    expect(reason('bus2', 'archive')).toBe('An archive belongs to exactly one event bus; "archive" already archives "bus".');
    expect(reason('fn', 'bus')).toBe('A function can have one OnSuccess and one OnFailure destination, and both are set.');
    expect(reason('topic', 'queue')).toBe('"queue" is already subscribed to "topic".');
  });
});

describe('validateRuleDlq', () => {
  it('accepts a standard queue and refuses FIFO queues and other kinds', () => {
    expect(validateRuleDlq(s, 'queue')).toEqual({ ok: true });
    expect(validateRuleDlq(s, 'fifo')).toEqual({ ok: false, reason: "A FIFO queue can't be the dead-letter queue of an EventBridge target; use a standard one." });
    expect(validateRuleDlq(s, 'topic')).toEqual({ ok: false, reason: 'The dead-letter queue of an EventBridge target must be an SQS queue; "topic" is an SNS topic.' });
  });
});
