import { describe, expect, it } from 'vitest';
import { applyEdit } from '../model/edits';
import type { Scenario } from '../model/types';
import { fragmentOf, parseFragment, pasteEdit } from './fragment';
import { testScenario } from './testScenario';

const withTargetDlq = (): Scenario => {
  const s = testScenario();
  const r = applyEdit(s, { type: 'updateEdgeProps', id: 'e3', patch: { DeadLetterConfig: { Arn: 'dlq' } } });
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('fragments', () => {
  it('copies selected nodes and only the edges between them', () => {
    const f = fragmentOf(testScenario(), ['q', 'fn', 'e3'])!;
    expect(f.nodes.map((n) => n.id)).toEqual(['q', 'fn']);
    expect(f.edges.map((e) => e.id)).toEqual(['e5']);
    expect(fragmentOf(testScenario(), ['e1'])).toBeNull();
  });

  it('pastes with fresh ids, offset positions, and references that follow the copies', () => {
    const s = withTargetDlq();
    const f = fragmentOf(s, ['all', 'q', 'dlq'])!;
    const { edit, ids } = pasteEdit(s, f, { x: 40, y: 40 });
    const r = applyEdit(s, edit);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const copyOf = (name: string) => r.value.nodes.find((n) => (n.props as unknown as Record<string, unknown>).Name === name || (n.props as unknown as Record<string, unknown>).QueueName === name)!;
    const dlqCopy = copyOf('dlq-copy');
    const target = r.value.edges.find((e) => e.kind === 'ruleTarget' && ids.includes(e.id))!;
    expect((target.props as { DeadLetterConfig?: { Arn: string } }).DeadLetterConfig?.Arn).toBe(dlqCopy.id);
    expect(copyOf('all-copy').position).toEqual({ x: 540, y: 40 });
  });

  it('reads clipboard text as untrusted', () => {
    expect(parseFragment('hello')).toBeNull();
    expect(parseFragment('{"format":"evsim-fragment",')).toMatchObject({ ok: false });
    expect(parseFragment('{"format":"evsim-fragment","nodes":[{"kind":"nope"}],"edges":[]}')).toMatchObject({ ok: false });
    const proto = parseFragment('{"format":"evsim-fragment","__proto__":{"x":1},"nodes":[],"edges":[]}');
    expect(proto).toMatchObject({ ok: false });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    const good = parseFragment(JSON.stringify(fragmentOf(testScenario(), ['q'])));
    expect(good).toMatchObject({ ok: true });
  });

  it('refuses a pasted node that the model finds invalid, as one all-or-nothing edit', () => {
    const s = testScenario();
    const f = fragmentOf(s, ['q'])!;
    (f.nodes[0].props as unknown as Record<string, unknown>).VisibilityTimeout = -5;
    expect(applyEdit(s, pasteEdit(s, f, { x: 0, y: 0 }).edit).ok).toBe(false);
  });
});
