import { describe, expect, it } from 'vitest';
import { createEdge } from './defaults';
import { restoreScenario } from './restoreScenario';
import { build, edge, node, plain } from './testing/fixtures';
import type { ScenarioError } from './errors';

type Doc = { nodes: Array<{ props: Record<string, unknown>; behavior?: Record<string, unknown> }>; edges: Array<Record<string, unknown> & { props: Record<string, unknown> }> };

function errors(d: Doc): ScenarioError[] {
  const r = restoreScenario(d);
  return r.ok ? [] : r.error;
}
const messageAt = (d: Doc, path: string) => errors(d).find((e) => e.path === path)?.message;

describe('semantic checks', () => {
  it('event buses: default, custom and partner naming', () => {
    const d = plain(build([node('eventBus', 'a'), node('eventBus', 'b'), node('eventBus', 'c')])) as Doc;
    Object.assign(d.nodes[0].props, { BusType: 'default', Name: 'x' });
    Object.assign(d.nodes[1].props, { BusType: 'partner' });
    Object.assign(d.nodes[2].props, { Name: 'aws.events' });
    expect(messageAt(d, '/nodes/0/props/Name')).toBe('The default event bus is named "default".');
    expect(messageAt(d, '/nodes/1/props/EventSourceName')).toBe('A partner bus needs the EventSourceName of its partner event source.');
    expect(messageAt(d, '/nodes/2/props/Name')).toBe('A custom bus can\'t be named "aws.events": "default" and names starting with "aws." are reserved.');
  });

  it('one default bus per account', () => {
    const d = plain(build([node('eventBus', 'a', 0, 0, { props: { BusType: 'default' } })])) as Doc;
    d.nodes.push({ ...d.nodes[0], id: 'b' } as never);
    expect(messageAt(d, '/nodes/1/props/BusType')).toBe('An account has one default event bus; another node already is it.');
  });

  it('event patterns and filter JSON must parse to objects', () => {
    const d = plain(build([node('rule', 'r'), node('lambdaFunction', 'fn')])) as Doc;
    d.nodes[0].props.EventPattern = '{"source": [}';
    d.nodes[1].behavior!.failWhen = '[1]';
    expect(messageAt(d, '/nodes/0/props/EventPattern')).toBe('EventPattern is not valid JSON: Unexpected character "}": expected a value at line 1, column 13.');
    expect(messageAt(d, '/nodes/1/behavior/failWhen')).toBe('failWhen must be a JSON object.');
  });

  it('SQS event source mappings take no stream settings; FIFO sources cap the batch', () => {
    const d = plain(build([node('sqsQueue', 'f', 0, 0, { props: { FifoQueue: true } }), node('lambdaFunction', 'fn'), edge('e', 'f', 'fn')])) as Doc;
    Object.assign(d.edges[0].props, { BatchSize: 20, MaximumBatchingWindowInSeconds: 5, ParallelizationFactor: 2 });
    expect(messageAt(d, '/edges/0/props/ParallelizationFactor')).toMatch(/^ParallelizationFactor applies only to Kinesis and DynamoDB stream sources/);
    expect(messageAt(d, '/edges/0/props/BatchSize')).toBe('For a FIFO queue BatchSize must be at most 10; got 20.');
    expect(messageAt(d, '/edges/0/props/MaximumBatchingWindowInSeconds')).toBe('FIFO queue sources do not support a batching window.');
  });

  it('stream event source mappings: record age gap, destinations, no ScalingConfig', () => {
    const d = plain(build([node('kinesisStream', 'k'), node('lambdaFunction', 'fn'), node('sqsQueue', 'f', 0, 0, { props: { FifoQueue: true } }), edge('e', 'k', 'fn')])) as Doc;
    Object.assign(d.edges[0].props, { MaximumRecordAgeInSeconds: 30, ScalingConfig: { MaximumConcurrency: 5 }, DestinationConfig: { OnFailure: { Destination: 'f' } } });
    expect(messageAt(d, '/edges/0/props/MaximumRecordAgeInSeconds')).toBe('MaximumRecordAgeInSeconds must be -1 or at least 60 seconds; got 30.');
    expect(messageAt(d, '/edges/0/props/ScalingConfig')).toBe('ScalingConfig applies only to SQS sources.');
    expect(messageAt(d, '/edges/0/props/DestinationConfig/OnFailure/Destination')).toBe(
      "A FIFO queue can't be the on-failure destination of an event source mapping; use a standard one.",
    );
  });

  it('subscriptions: protocol of the subscriber, DLQ of the topic type', () => {
    const d = plain(build([node('snsTopic', 't', 0, 0, { props: { FifoTopic: true } }), node('sqsQueue', 'q'), edge('e', 't', 'q')])) as Doc;
    Object.assign(d.edges[0].props, { Protocol: 'lambda', RedrivePolicy: { deadLetterTargetArn: 'q' } });
    expect(messageAt(d, '/edges/0/props/Protocol')).toBe('The subscriber is an SQS queue, so Protocol must be "sqs".');
    expect(messageAt(d, '/edges/0/props/RedrivePolicy/deadLetterTargetArn')).toBe('The dead-letter queue of a subscription must be a FIFO queue, like its topic.');
  });

  it('rule targets: one input option, unique Ids, parameters that fit the target', () => {
    const d = plain(build([node('rule', 'r'), node('sqsQueue', 'a'), node('lambdaFunction', 'b'), edge('e1', 'r', 'a'), edge('e2', 'r', 'b')])) as Doc;
    Object.assign(d.edges[0].props, { Input: '{}', InputPath: '$.detail' });
    Object.assign(d.edges[1].props, { Id: 'e1', SqsParameters: { MessageGroupId: 'g' } });
    expect(messageAt(d, '/edges/0/props/InputPath')).toBe('A target takes at most one of Input, InputPath and InputTransformer; this one has Input and InputPath.');
    expect(messageAt(d, '/edges/1/props/Id')).toBe('The target Id "e1" is already used by another target of this rule (/edges/0).');
    expect(messageAt(d, '/edges/1/props/SqsParameters')).toBe('SqsParameters applies only to SQS queue targets.');
  });

  it('destinations: one per condition', () => {
    const d = plain(build([node('lambdaFunction', 'fn'), node('sqsQueue', 'a'), node('snsTopic', 'b'), edge('d1', 'fn', 'a')])) as Doc;
    d.edges.push(plain(createEdge('destination', 'd2', 'fn', 'b', { props: { Condition: 'OnFailure' } })) as never);
    expect(messageAt(d, '/edges/1/props/Condition')).toBe('This function already has an OnFailure destination (/edges/0).');
  });

  it('schedules: flexible window and DLQ', () => {
    const d = plain(build([node('schedule', 's'), node('snsTopic', 't')])) as Doc;
    Object.assign(d.nodes[0].props, { FlexibleTimeWindow: { Mode: 'FLEXIBLE' }, DeadLetterConfig: { Arn: 't' } });
    expect(messageAt(d, '/nodes/0/props/FlexibleTimeWindow/MaximumWindowInMinutes')).toBe('A FLEXIBLE time window needs MaximumWindowInMinutes.');
    expect(messageAt(d, '/nodes/0/props/DeadLetterConfig/Arn')).toBe('The dead-letter queue of a schedule must be an SQS queue; "t" is an SNS topic.');
  });

  it('schedule expressions follow the rate/cron/at grammar', () => {
    const d = plain(build([node('schedule', 's'), node('rule', 'r')])) as Doc;
    d.nodes[0].props.ScheduleExpression = 'every 5 minutes';
    d.nodes[1].props.ScheduleExpression = 'rate(5 minutes)';
    d.nodes[1].props.EventPattern = '';
    expect(messageAt(d, '/nodes/0/props/ScheduleExpression')).toBe('ScheduleExpression has a form that is not allowed; got "every 5 minutes".');
    expect(errors(d).map((e) => e.path)).toEqual(['/nodes/0/props/ScheduleExpression']);
  });
});
