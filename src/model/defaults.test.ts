import { describe, expect, it } from 'vitest';
import { createEdge, createNode, defaultSettings, emptyScenario } from './defaults';
import { nodeDisplayName } from './ids';
import { restoreScenario } from './restoreScenario';
import { NODE_KINDS } from './types';

describe('defaults', () => {
  it('emptyScenario is valid and restores to itself', () => {
    const s = emptyScenario();
    expect(restoreScenario(s)).toEqual({ ok: true, value: s });
    expect(defaultSettings()).toEqual({ seed: 1, durationMs: 3600000, accountConcurrency: 1000, eventBudget: 1000000 });
  });

  it('createNode gives every kind a complete, valid node named after its id', () => {
    for (const kind of NODE_KINDS) {
      const n = createNode(kind, 'my-node', { x: 1, y: 2 });
      const r = restoreScenario({ ...emptyScenario(), nodes: [n] });
      expect([kind, r.ok && r.value.nodes[0]]).toEqual([kind, n]);
      expect(nodeDisplayName(n)).toBe('my-node');
    }
  });

  it('merges overrides deeply and derives FIFO names', () => {
    const q = createNode('sqsQueue', 'jobs', { x: 0, y: 0 }, { props: { FifoQueue: true }, behavior: { duplicateRate: 0.1 } });
    expect(q.props).toMatchObject({ QueueName: 'jobs.fifo', FifoQueue: true, VisibilityTimeout: 30 });
    expect(q.behavior).toEqual({ duplicateRate: 0.1, reorderRate: 0 });
    const fn = createNode('lambdaFunction', 'f', { x: 0, y: 0 }, { props: { EventInvokeConfig: { MaximumRetryAttempts: 0 } } });
    expect(fn.props.EventInvokeConfig).toEqual({ MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 21600 });
    expect(createNode('eventBus', 'b', { x: 0, y: 0 }, { props: { BusType: 'default' } }).props.Name).toBe('default');
  });

  it('createEdge uses the ends for context defaults', () => {
    expect(createEdge('ruleTarget', 't1', 'r', 'q').props).toEqual({ Id: 't1', RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86400 } });
    expect(createEdge('ruleTarget', 't1', 'r', 'q').behavior).toEqual({ failureRate: 0, errorCode: 'THROTTLING' });
    expect(createEdge('subscription', 's', 't', 'f', {}, { targetKind: 'lambdaFunction' }).props.Protocol).toBe('lambda');
    expect(createEdge('eventSourceMapping', 'e', 'q', 'f').props).not.toHaveProperty('StartingPosition');
    expect(createEdge('eventSourceMapping', 'e', 'k', 'f', {}, { sourceKind: 'kinesisStream' }).props).toMatchObject({ BatchSize: 100, ParallelizationFactor: 1 });
  });
});
