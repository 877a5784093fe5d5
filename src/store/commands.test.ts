import { beforeEach, describe, expect, it } from 'vitest';
import { addNode, connectNodes, deleteSelection, duplicateSelection, nudgeSelection } from './commands';
import { useScenarioStore } from './scenarioStore';
import { testScenario } from './testScenario';

const store = () => useScenarioStore.getState();

describe('commands', () => {
  beforeEach(() => store().reset(testScenario()));

  it('adds a node with defaults and selects it', () => {
    const id = addNode('snsTopic', { x: 10, y: 20 });
    expect(id).toBe('topic-1');
    expect(store().selection).toEqual(['topic-1']);
    expect(store().scenario.nodes.at(-1)).toMatchObject({ kind: 'snsTopic', position: { x: 10, y: 20 }, props: { TopicName: 'topic-1' } });
  });

  it('connects as AWS allows, naming the edge after its kind, and says why not otherwise', () => {
    addNode('snsTopic', { x: 0, y: 0 });
    expect(connectNodes('all', 'topic-1')).toBeNull();
    expect(store().scenario.edges.at(-1)).toMatchObject({ id: 'e-target-1', kind: 'ruleTarget' });
    expect(connectNodes('shop', 'fn')).toMatch(/can't connect/);
    expect(connectNodes('q', 'fn')).toMatch(/already exists/);
  });

  it('deletes a selection of nodes and edges in one undo step', () => {
    store().select(['q', 'e1']);
    expect(deleteSelection()).toBe(true);
    expect(store().scenario.nodes.some((n) => n.id === 'q')).toBe(false);
    expect(store().scenario.edges.map((e) => e.id)).toEqual(['e2']);
    store().undo();
    expect(store().scenario.edges.length).toBe(5);
  });

  it('nudges the selected nodes; a run of nudges is one undo step', () => {
    store().select(['q', 'dlq', 'e4']);
    nudgeSelection(10, 0);
    nudgeSelection(0, 100);
    expect(store().scenario.nodes.find((n) => n.id === 'q')!.position).toEqual({ x: 760, y: 100 });
    expect(store().history.past.length).toBe(1);
    store().select(['e4']);
    expect(nudgeSelection(10, 0)).toBe(false);
  });

  it('duplicates nodes with the connections among them, under fresh ids and names', () => {
    store().select(['q', 'dlq']);
    expect(duplicateSelection()).toBeNull();
    const s = store().scenario;
    expect(s.nodes.slice(-2).map((n) => [n.id, (n.props as { QueueName: string }).QueueName])).toEqual([
      ['queue-1', 'q-copy'],
      ['queue-2', 'dlq-copy'],
    ]);
    expect(s.edges.at(-1)).toMatchObject({ kind: 'redrive', source: 'queue-1', target: 'queue-2' });
    expect(store().selection).toEqual(['queue-1', 'queue-2', s.edges.at(-1)!.id]);
  });
});
