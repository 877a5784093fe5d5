import { describe, expect, it } from 'vitest';
import { lintScenario, type LintCode } from './lint';
import { build, edge, node, queuePipeline } from './testing/fixtures';
import type { Scenario } from './types';

const codes = (s: Scenario): LintCode[] => lintScenario(s).map((f) => f.code);
const finding = (s: Scenario, code: LintCode) => lintScenario(s).find((f) => f.code === code);

describe('lintScenario', () => {
  it('is quiet for a well-set pipeline', () => {
    expect(lintScenario(queuePipeline())).toEqual([]);
  });

  it('flags a function timeout above the visibility timeout as an error', () => {
    const f = finding(queuePipeline({ timeout: 60, visibility: 30 }), 'timeoutAboveVisibility');
    expect(f).toMatchObject({ severity: 'error', path: '/nodes/0/props/VisibilityTimeout', nodeId: 'q', edgeId: 'e-esm' });
    expect(f?.message).toBe('Lambda refuses this event source mapping: the timeout of "fn" (60 s) is longer than the visibility timeout of "q" (30 s).');
  });

  it('warns below 6x headroom', () => {
    expect(finding(queuePipeline({ timeout: 10, visibility: 59 }), 'visibilityHeadroom')).toMatchObject({ severity: 'warning' });
    expect(codes(queuePipeline({ timeout: 10, visibility: 60 }))).not.toContain('visibilityHeadroom');
  });

  it('warns about maxReceiveCount below 5 on a Lambda-fed queue', () => {
    expect(finding(queuePipeline({ maxReceiveCount: 3 }), 'lowMaxReceiveCount')).toMatchObject({ severity: 'warning', path: '/edges/0/props/maxReceiveCount' });
  });

  it('warns about an SQS event source mapping with a DLQ but no partial batch response', () => {
    expect(finding(queuePipeline({ partial: false }), 'noPartialBatchResponse')).toMatchObject({ path: '/edges/1/props/FunctionResponseTypes' });
  });

  it('warns when the DLQ keeps messages no longer than its source', () => {
    expect(finding(queuePipeline({ dlqRetention: 345600 }), 'dlqRetention')).toMatchObject({ path: '/nodes/1/props/MessageRetentionPeriod', nodeId: 'dlq' });
  });

  it('warns about a stream event source mapping left at the defaults', () => {
    const s = build([node('kinesisStream', 'k'), node('lambdaFunction', 'fn'), node('sqsQueue', 'fail'), edge('e', 'k', 'fn')]);
    expect(finding(s, 'streamPoisonRecord')?.message).toBe(
      'With MaximumRetryAttempts and MaximumRecordAgeInSeconds at -1 and no OnFailure destination, one failing record blocks its shard until it expires (24 hours (1 day)).',
    );
    const fixed = build([node('kinesisStream', 'k'), node('lambdaFunction', 'fn'), node('sqsQueue', 'fail'), edge('e', 'k', 'fn', { DestinationConfig: { OnFailure: { Destination: 'fail' } } })]);
    expect(codes(fixed)).not.toContain('streamPoisonRecord');
  });

  it('flags FIFO targets and FIFO publishing without a message group', () => {
    const s = build([
      node('eventBus', 'b'),
      node('rule', 'r'),
      node('sqsQueue', 'f', 0, 0, { props: { FifoQueue: true } }),
      node('producer', 'p'),
      edge('e1', 'b', 'r'),
      edge('e2', 'r', 'f'),
      edge('e3', 'p', 'f'),
    ]);
    expect(codes(s)).toEqual(expect.arrayContaining(['fifoTargetWithoutGroup', 'fifoPublishWithoutGroup']));
  });

  it('finds a rule that can match its own output', () => {
    const s = build([
      node('eventBus', 'bus'),
      node('rule', 'r'),
      node('lambdaFunction', 'fn'),
      edge('e1', 'bus', 'r'),
      edge('e2', 'r', 'fn'),
      edge('e3', 'fn', 'bus', { Condition: 'OnSuccess' }),
    ]);
    const f = finding(s, 'ruleMatchesOwnOutput');
    expect(f).toMatchObject({ severity: 'warning', path: '/nodes/1/props/EventPattern', nodeId: 'r' });
    expect(f?.message).toContain('(r → fn → bus)');
  });

  it('finds loops without a bus', () => {
    const s = build([node('sqsQueue', 'q'), node('lambdaFunction', 'fn'), edge('e1', 'q', 'fn'), edge('e2', 'fn', 'q', { Condition: 'OnSuccess' })]);
    expect(finding(s, 'eventLoop')?.message).toMatch(/^Events can loop: q → fn → q\./);
  });

  it('notes rules off a bus or without targets, and destinations nothing uses', () => {
    const s = build([node('rule', 'r'), node('sqsQueue', 'q'), node('lambdaFunction', 'fn'), node('sqsQueue', 'd'), edge('e1', 'q', 'fn'), edge('e2', 'fn', 'd')]);
    expect(codes(s)).toEqual(expect.arrayContaining(['ruleWithoutBus', 'ruleWithoutTargets', 'destinationNeverUsed']));
  });

  it('checks reserved concurrency against the account', () => {
    const s = build([node('lambdaFunction', 'a', 0, 0, { props: { ReservedConcurrentExecutions: 600 } }), node('lambdaFunction', 'b', 0, 0, { props: { ReservedConcurrentExecutions: 350 } })]);
    expect(finding(s, 'reservedConcurrency')).toMatchObject({ severity: 'error', nodeId: 'b' });
  });

  it('lists errors before warnings', () => {
    const severities = lintScenario(queuePipeline({ timeout: 60, visibility: 30, maxReceiveCount: 1 })).map((f) => f.severity);
    expect(severities).toEqual([...severities].sort());
  });
});
