import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../model/edits';
import { testScenario } from '../../store/testScenario';
import { REFERENCE_EDGE_PREFIX, toFlowElements } from './toFlowElements';

describe('toFlowElements', () => {
  it('derives nodes with their connections in the accessible name', () => {
    const { nodes, edges } = toFlowElements(testScenario(), { selected: new Set(['q']) });
    const q = nodes.find((n) => n.id === 'q')!;
    expect(q.ariaLabel).toBe('SQS queue q, receives from rule all, moves failed messages to SQS queue dlq, feeds Lambda function fn');
    expect(q.selected).toBe(true);
    expect(edges.find((e) => e.id === 'e5')!.ariaLabel).toBe('event source mapping from SQS queue q to Lambda function fn, batch 10');
  });

  it('shows drag positions and measured sizes without touching the document', () => {
    const s = testScenario();
    const { nodes } = toFlowElements(s, { selected: new Set(), dragging: new Map([['q', { x: 1, y: 2 }]]), measured: new Map([['q', { width: 200, height: 58 }]]) });
    expect(nodes.find((n) => n.id === 'q')).toMatchObject({ position: { x: 1, y: 2 }, measured: { width: 200, height: 58 } });
    expect(s.nodes.find((n) => n.id === 'q')!.position).toEqual({ x: 750, y: 0 });
  });

  it('draws references held in props (a target DLQ) as dotted, unselectable edges', () => {
    const r = applyEdit(testScenario(), { type: 'updateEdgeProps', id: 'e3', patch: { DeadLetterConfig: { Arn: 'dlq' } } });
    if (!r.ok) throw new Error(r.error);
    const ref = toFlowElements(r.value, { selected: new Set() }).edges.find((e) => e.id.startsWith(REFERENCE_EDGE_PREFIX))!;
    expect(ref).toMatchObject({ source: 'all', target: 'dlq', label: 'DLQ', selectable: false, focusable: false, data: { reference: { ownerId: 'e3' } } });
  });

  it('reuses unchanged node objects so a drag re-renders only the dragged node', () => {
    const s = testScenario();
    const cache = new Map();
    const first = toFlowElements(s, { selected: new Set(), cache }).nodes;
    const second = toFlowElements(s, { selected: new Set(), cache, dragging: new Map([['q', { x: 5, y: 5 }]]) }).nodes;
    expect(second.filter((n, i) => n !== first[i]).map((n) => n.id)).toEqual(['q']);
  });
});
