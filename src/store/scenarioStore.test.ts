import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useScenarioStore } from './scenarioStore';
import { testScenario } from './testScenario';

const store = () => useScenarioStore.getState();

describe('scenarioStore', () => {
  beforeEach(() => store().reset(testScenario()));

  it('applies model edits as undoable steps and refuses invalid ones without a trace', () => {
    const before = store().scenario;
    expect(store().edit({ type: 'updateNodeProps', id: 'q', patch: { VisibilityTimeout: 60 } }).ok).toBe(true);
    const bad = store().edit({ type: 'updateNodeProps', id: 'q', patch: { VisibilityTimeout: 50_000 } });
    expect(bad.ok).toBe(false);
    expect(store().history.past.length).toBe(1);
    store().undo();
    expect(store().scenario).toBe(before);
    store().redo();
    expect(store().scenario.nodes.find((n) => n.id === 'q')!.props).toMatchObject({ VisibilityTimeout: 60 });
  });

  it('merges a burst of edits with the same key into one undo step, but not after a pause', () => {
    vi.useFakeTimers();
    try {
      for (const name of ['o', 'or', 'ord']) store().edit({ type: 'renameNode', id: 'q', name }, { coalesce: 'q/name' });
      expect(store().history.past.length).toBe(1);
      vi.advanceTimersByTime(5000);
      store().edit({ type: 'renameNode', id: 'q', name: 'orders' }, { coalesce: 'q/name' });
      expect(store().history.past.length).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps selection out of history and drops ids that no longer exist', () => {
    store().select(['q', 'e5']);
    expect(store().history.past.length).toBe(0);
    store().edit({ type: 'removeNodes', ids: ['q'] });
    expect(store().selection).toEqual([]);
    store().select(['fn']);
    store().undo();
    expect(store().selection).toEqual(['fn']);
  });

  it('load is undoable, reset starts a fresh history', () => {
    const first = store().scenario;
    store().load({ ...testScenario(), name: 'Other' });
    store().undo();
    expect(store().scenario).toBe(first);
    store().reset(testScenario());
    expect(store().history.past.length).toBe(0);
  });
});
