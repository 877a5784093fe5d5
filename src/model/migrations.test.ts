import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS } from './migrations';
import { restoreScenario } from './restoreScenario';

/** A version-0 document: the draft shape before the props/behaviour split. */
const v0 = {
  format: 'evsim-scenario',
  version: 0,
  title: 'Old drawing',
  seed: 5,
  nodes: [
    { id: 'q', kind: 'sqsQueue', x: 0, y: 0, config: { VisibilityTimeout: 120, duplicateRate: 0.1 } },
    { id: 'fn', kind: 'lambdaFunction', x: 250, y: 0, config: { Timeout: 10, failureRate: 0.2 } },
  ],
  connections: [{ id: 'e', kind: 'eventSourceMapping', from: 'q', to: 'fn', config: { BatchSize: 5 } }],
};

describe('migrations', () => {
  it('has one step per old version', () => {
    expect(Object.keys(MIGRATIONS)).toEqual(['0']);
  });

  it('lifts version 0 to the current version, splitting props and behaviour', () => {
    const r = restoreScenario(v0);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [q, fn] = r.value.nodes;
    expect(r.value.name).toBe('Old drawing');
    expect(r.value.settings.seed).toBe(5);
    expect(q.position).toEqual({ x: 0, y: 0 });
    expect(q.kind === 'sqsQueue' && [q.props.VisibilityTimeout, q.behavior.duplicateRate]).toEqual([120, 0.1]);
    expect(fn.kind === 'lambdaFunction' && [fn.props.Timeout, fn.behavior.failureRate]).toEqual([10, 0.2]);
    expect(r.value.edges[0]).toMatchObject({ source: 'q', target: 'fn', props: { BatchSize: 5 } });
  });

  it('leaves unknown config keys for validation to report', () => {
    const bad = { ...v0, nodes: [{ ...v0.nodes[0], config: { Colour: 'red' } }], connections: [] };
    const r = restoreScenario(bad);
    expect(!r.ok && r.error[0]).toMatchObject({ path: '/nodes/0/props/Colour' });
  });

  it('refuses versions it cannot read', () => {
    expect(migrate({ format: 'evsim-scenario', version: -1 })).toMatchObject({ ok: false, error: [{ path: '/version', message: 'Format version -1 is too old to read.' }] });
    expect(migrate({ format: 'evsim-scenario', version: '1' })).toMatchObject({ ok: false, error: [{ path: '/version' }] });
  });
});
