import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../model/restoreScenario';
import type { Explanation } from '../../worker/protocolPatterns';
import { arrivalsAt, sampleValue } from './arrivals';
import { choiceText, initialChoice, orderedSamples } from './eventChoices';
import { explainLayout } from './explainMarks';
import { downstreamChains, stepLabel } from './flowHops';
import { busRules, isPatternField, patternTargetFor } from './patternTargets';
import { patternInput, plainAttributes } from './testInputs';
import { readPathsMap, transformerToApply, transformMarkers } from './transformMarkers';

const restored = parseScenarioText(readFileSync('public/examples/order-flow.json', 'utf8'));
if (!restored.ok) throw new Error('example did not restore');
const scenario = restored.value;

describe('flowHops', () => {
  it('follows the flow from a producer, hop by hop', () => {
    const chains = downstreamChains(scenario, 'web-shop');
    const paths = chains.map((c) => c.steps.map((s) => s.node.id).join(' > '));
    expect(paths).toContain('orders > all-orders > orders-queue > ChargeCard');
    const charge = chains.find((c) => c.steps.at(-1)?.node.id === 'ChargeCard')!;
    expect(charge.steps.map((s) => s.hop?.kind ?? null)).toEqual(['eventBridge', null, 'sqsMessage', 'lambdaSqsBatch']);
    expect(stepLabel(charge.steps[3])).toBe('ChargeCard (Lambda SQS batch)');
    expect(downstreamChains(scenario, 'nope')).toEqual([]);
  });
});

describe('arrivals', () => {
  it('builds what reaches a rule, a target, a subscription and a mapping from the producers', () => {
    const rule = arrivalsAt(scenario, { kind: 'node', id: 'all-orders' });
    expect(rule).toHaveLength(1);
    expect(rule[0].payload).toMatchObject({ source: 'com.example.shop', 'detail-type': 'OrderPlaced', detail: { orderId: 'order-1', amount: 5, customer: 'customer-1' } });
    expect(arrivalsAt(scenario, { kind: 'edge', id: 'e-target-2' })[0].payload).toEqual(rule[0].payload);
    const sub = arrivalsAt(scenario, { kind: 'edge', id: 'e-sub-1' });
    expect(sub[0].payload).toMatchObject({ 'detail-type': 'OrderPlaced' });
    const esm = arrivalsAt(scenario, { kind: 'edge', id: 'e-esm-1' });
    const record = (esm[0].payload as { Records: Array<{ body: string; eventSource: string }> }).Records[0];
    expect(record.eventSource).toBe('aws:sqs');
    expect(JSON.parse(record.body)).toMatchObject({ source: 'com.example.shop' });
  });

  it('fills template placeholders as the engine reads them', () => {
    expect(sampleValue({ a: '{{seq}}', b: 'n-{{rand:3-9}}', c: ['{{rand:7-2}}'] })).toEqual({ a: 1, b: 'n-3', c: [2] });
  });
});

describe('patternTargets', () => {
  it('knows the mode, quota, reading and flow element of each pattern field', () => {
    expect(patternTargetFor(scenario, { kind: 'node', id: 'all-orders' }, 'EventPattern')).toMatchObject({ mode: 'eventbridge', view: 'event', busId: 'orders' });
    expect(patternTargetFor(scenario, { kind: 'edge', id: 'e-sub-1' }, 'FilterPolicy')).toMatchObject({ mode: 'sns-attributes' });
    expect(patternTargetFor(scenario, { kind: 'edge', id: 'e-esm-1' }, 'FilterCriteria')).toMatchObject({ mode: 'eventbridge', maxLength: 4096, view: 'lambdaRecord', list: true });
    expect(patternTargetFor(scenario, { kind: 'node', id: 'orders-queue' }, 'QueueName')).toBeNull();
    expect(isPatternField('lambdaFunction', 'failWhen')).toBe(true);
    expect(busRules(scenario, 'orders', { ruleId: 'all-orders', pattern: '{}' }).map((r) => [r.id, r.pattern])).toEqual([
      ['high-value-orders', expect.stringContaining('numeric')],
      ['all-orders', '{}'],
    ]);
  });
});

describe('test inputs and choices', () => {
  it('reads payloads as each filter does', () => {
    expect(plainAttributes({ n: { Type: 'Number', Value: '5' }, s: 'x', l: { Type: 'String.Array', Value: '["a"]' } })).toEqual({ n: 5, s: 'x', l: ['a'] });
    expect(patternInput('eventbridge', 'lambdaRecord', { Records: [{ body: '{"k": 1}' }] })).toEqual({ body: { k: 1 } });
    expect(patternInput('sns-body', 'event', { Records: [{ Sns: { Message: '{"k": 2}' } }] })).toEqual({ k: 2 });
  });

  it('offers the flow first, then the fitting samples', () => {
    expect(initialChoice([], 'eventbridge', 'lambdaRecord')).toBe(`sample:${orderedSamples('eventbridge', 'lambdaRecord')[0].id}`);
    expect(orderedSamples('sns-attributes', 'event')[0].service).toBe('sns');
    const r = choiceText('sample:ec2.state-change', { state: 'stopped' }, 'eventbridge', []);
    expect('text' in r && JSON.parse(r.text).detail.state).toBe('stopped');
    expect(choiceText('sample:ec2.state-change', { state: 'melting' }, 'eventbridge', [])).toHaveProperty('problems');
  });
});

describe('explainLayout', () => {
  it('marks keys and value-list elements and writes one note per line', () => {
    const text = '{\n  "source": ["a", "b"],\n  "x": [{"exists": false}, "z"]\n}';
    const e: Explanation = {
      matched: false,
      notes: [],
      root: {
        kind: 'all',
        matched: false,
        items: [
          { kind: 'field', field: 'source', path: 'source', matched: true, verdict: 'matched', found: ['b'], conditions: [{ condition: 'equals "a"', matched: false }, { condition: 'equals "b"', matched: true, matchedValue: 'b' }], overridden: false, range: { offset: 4, length: 8, line: 2, column: 3 } },
          { kind: 'field', field: 'x', path: 'x', matched: false, verdict: 'value-mismatch', found: ['q'], conditions: [{ condition: 'equals "z"', matched: false }, { condition: 'does not exist', matched: false }], overridden: false },
        ],
      },
    };
    const layout = explainLayout(text, e);
    const spans = layout.marks.map((m) => [text.slice(m.start, m.end), m.tone]);
    expect(spans).toEqual([
      ['"source"', 'pass'],
      ['"a"', 'fail'],
      ['"b"', 'pass'],
      ['"x"', 'fail'],
      ['{"exists": false}', 'fail'],
      ['"z"', 'fail'],
    ]);
    expect(layout.lines).toEqual([
      { line: 2, tone: 'pass', text: 'source ✓ by "b"' },
      { line: 3, tone: 'fail', text: 'x ✗ no value satisfies a condition' },
    ]);
  });
});

describe('transformer helpers', () => {
  it('places PutTargets problems on the template and the paths map', () => {
    const map = '{\n  "a": "detail.x"\n}';
    const m = transformMarkers(
      [
        { field: 'InputPathsMap', key: 'a', message: 'InputPath for target t is invalid.' },
        { field: 'InputTemplate', offset: 3, length: 5, message: 'InputTemplate for target t contains invalid placeholder b.' },
      ],
      map,
    );
    expect(map.slice(m.map[0].start, m.map[0].end)).toBe('"detail.x"');
    expect(m.template[0]).toMatchObject({ start: 3, end: 8 });
    expect(readPathsMap('{"a": 1}')).toBeNull();
    expect(transformerToApply('{"a": "$.x"}', '"<a>"')).toEqual({ ok: true, value: { InputPathsMap: { a: '$.x' }, InputTemplate: '"<a>"' } });
    expect(transformerToApply('{', 'x').ok).toBe(false);
  });
});
