import { describe, expect, it } from 'vitest';
import { base64FromText, generateSample } from '../model/samples/index';
import { createSession, handleMessage } from './handleMessage';
import type { FromWorker } from './protocol';

const send = (msg: Record<string, unknown>): FromWorker => {
  const replies = handleMessage(createSession(), { requestId: 7, ...msg });
  expect(replies).toHaveLength(1);
  expect(replies[0].requestId).toBe(7);
  return replies[0];
};
const reply = <T extends FromWorker['type']>(msg: Record<string, unknown>, type: T) => {
  const r = send(msg);
  expect(r.type).toBe(type);
  return r as Extract<FromWorker, { type: T }>;
};

const sample = (id: string, params: Record<string, string> = {}): string => {
  const r = generateSample(id, params);
  if (!r.ok) throw new Error(r.error[0].message);
  return JSON.stringify(r.value);
};
const EC2 = sample('ec2.state-change', { state: 'running' });

describe('validatePattern', () => {
  it('answers AWS-worded errors with the exact source range', () => {
    const r = reply({ type: 'validatePattern', pattern: '{"source": [{"prefixx": "a"}]}', mode: 'eventbridge' }, 'patternChecked');
    expect(r.errors[0]).toMatchObject({ message: 'Unrecognized match type prefixx', range: { offset: 13, line: 1, column: 14 } });
    expect(r.awsMessage).toBe('Event pattern is not valid. Reason: Unrecognized match type prefixx');
  });

  it('reports malformed JSON, wrong types and over-limit patterns', () => {
    expect(reply({ type: 'validatePattern', pattern: '{"a": [', mode: 'eventbridge' }, 'patternChecked').errors[0].message).toMatch(/end-of-input/);
    expect(reply({ type: 'validatePattern', pattern: '{"a": "x"}', mode: 'eventbridge' }, 'patternChecked').errors[0].message).toBe('"a" must be an object or an array');
    const long = `{"a": [${Array.from({ length: 600 }, (_, i) => `"v${i}"`).join(',')}]}`;
    expect(reply({ type: 'validatePattern', pattern: long, mode: 'eventbridge' }, 'patternChecked').errors[0].message).toMatch(/too long/);
    expect(reply({ type: 'validatePattern', pattern: long, mode: 'eventbridge', maxLength: 1e7 }, 'patternChecked').errors).toEqual([]);
    const r = reply({ type: 'validatePattern', pattern: '{"a": ["x"]}', mode: 'sns-attributes' }, 'patternChecked');
    expect(r.errors).toEqual([]);
    expect(r.fields).toEqual(['a']);
  });

  it('survives anything the user can type', () => {
    for (const pattern of ['', ' ', 'null', '[]', '{{{{', '{"a": [{"wildcard": "*:*:*:*:*:*:*"}]}', '['.repeat(100000), '{"a":'.repeat(5000), 42, null]) {
      const r = send({ type: 'validatePattern', pattern, mode: 'eventbridge' });
      expect(['patternChecked', 'error']).toContain(r.type);
    }
    expect(send({ type: 'validatePattern', pattern: '{}', mode: 'nonsense' }).type).toBe('patternChecked');
  });
});

describe('testPattern', () => {
  it('explains a match field by field', () => {
    const r = reply({ type: 'testPattern', pattern: '{"source": ["aws.ec2"], "detail": {"state": ["stopped", "running"]}}', mode: 'eventbridge', event: EC2 }, 'patternTested');
    expect(r.matched).toBe(true);
    expect(r.text).toContain('✓ detail.state: matched');
  });

  it('says which $or branch matched and why a field failed', () => {
    const r = reply({ type: 'testPattern', pattern: '{"$or": [{"source": ["x"]}, {"detail": {"state": [{"prefix": "run"}]}}]}', mode: 'eventbridge', event: EC2 }, 'patternTested');
    expect(r.matched).toBe(true);
    const or = r.explanation!.root.items[0];
    expect(or.kind === 'or' && or.matchedBranch).toBe(1);
    const miss = reply({ type: 'testPattern', pattern: '{"detail": {"nope": ["x"]}}', mode: 'eventbridge', event: EC2 }, 'patternTested');
    expect(miss.matched).toBe(false);
    expect(miss.text).toContain('missing from the event');
  });

  it('points at the line and column of a broken event', () => {
    const r = reply({ type: 'testPattern', pattern: '{"a": ["x"]}', mode: 'eventbridge', event: '{\n  "a": x\n}' }, 'patternTested');
    expect(r.matched).toBeNull();
    expect(r.eventError).toMatchObject({ line: 2, column: 8 });
  });

  it('reads Lambda records, SNS bodies and SNS attributes as AWS filters do', () => {
    const sqs = sample('sqs.receive-message', { body: '{"kind":"order","amount":5}' });
    const r = reply({ type: 'testPattern', pattern: '{"body": {"kind": ["order"]}}', mode: 'eventbridge', event: sqs, view: 'lambdaRecord' }, 'patternTested');
    expect(r.matched).toBe(true);
    expect(r.notes.join(' ')).toContain('Records[0]');
    const kinesis = { Records: [{ kinesis: { partitionKey: 'k', data: base64FromText('{"t": 30}') } }] };
    expect(reply({ type: 'testPattern', pattern: '{"data": {"t": [{"numeric": [">", 20]}]}}', mode: 'eventbridge', event: JSON.stringify(kinesis), view: 'lambdaRecord' }, 'patternTested').matched).toBe(true);
    expect(reply({ type: 'testPattern', pattern: '{"kind": ["order"]}', mode: 'sns-attributes', event: '{"kind": "order"}' }, 'patternTested').matched).toBe(true);
    expect(reply({ type: 'testPattern', pattern: '{"n": [{"numeric": [">", 3]}]}', mode: 'sns-attributes', event: '{"MessageAttributes": {"n": {"Type": "Number", "Value": "5"}}}' }, 'patternTested').matched).toBe(true);
    const sns = { Records: [{ Sns: { Message: '{"kind":"order"}', MessageAttributes: {} } }] };
    expect(reply({ type: 'testPattern', pattern: '{"kind": ["order"]}', mode: 'sns-body', event: JSON.stringify(sns) }, 'patternTested').matched).toBe(true);
  });
});

describe('testBus', () => {
  it('judges every rule of a bus at once, invalid ones included', () => {
    const r = reply(
      {
        type: 'testBus',
        event: EC2,
        rules: [
          { id: 'a', name: 'ec2', pattern: '{"source": ["aws.ec2"]}' },
          { id: 'b', name: 'shop', pattern: '{"source": ["com.shop"]}', enabled: false },
          { id: 'c', name: 'bad', pattern: '{"source": "x"}' },
          { id: 'd', name: 'schedule', pattern: '' },
        ],
      },
      'busTested',
    );
    expect(r.results.map((x) => [x.id, x.matched, x.enabled])).toEqual([
      ['a', true, true],
      ['b', false, false],
      ['c', null, true],
      ['d', null, true],
    ]);
    expect(r.results[1].summary).toBe('source: no value satisfies a condition (event has "aws.ec2").');
    expect(r.results[2].summary).toBe('Event pattern is not valid. Reason: "source" must be an object or an array');
    expect(send({ type: 'testBus', event: EC2, rules: 'nope' }).type).toBe('busTested');
  });
});

describe('previewTransform', () => {
  it('renders the exact payload with the predefined variables', () => {
    const r = reply(
      { type: 'previewTransform', inputPathsMap: '{"state": "$.detail.state"}', inputTemplate: '{"s": <state>, "rule": <aws.events.rule-name>, "e": <aws.events.event.json>}', event: EC2, ruleName: 'watch' },
      'transformPreviewed',
    );
    expect(r.problems).toEqual([]);
    expect(r.payload).toMatch(/^\{"s": "running", "rule": "watch", "e": \{"version":"0"/);
    expect((r.json as { e: { source: string } }).e.source).toBe('aws.ec2');
  });

  it('answers PutTargets messages for bad paths and templates', () => {
    const bad = reply({ type: 'previewTransform', inputPathsMap: { s: 'detail.state' }, inputTemplate: '"<s> <t>"', event: EC2, ruleName: 'r', targetId: 'T1' }, 'transformPreviewed');
    expect(bad.payload).toBeNull();
    expect(bad.problems.map((p) => p.message)).toEqual(['InputPath for target T1 is invalid.', 'InputTemplate for target T1 contains invalid placeholder t.']);
    const broken = reply({ type: 'previewTransform', inputPathsMap: '{"s": ', inputTemplate: '"x"', event: EC2, ruleName: 'r' }, 'transformPreviewed');
    expect(broken.problems[0].message).toMatch(/^InputPathsMap is not valid JSON/);
  });
});

describe('unknown and hostile messages', () => {
  it('keeps answering', () => {
    expect(send({ type: 'testPattern', pattern: {}, mode: 'eventbridge', event: '{}' }).type).toBe('patternTested');
    expect(send({ type: 'previewTransform', inputPathsMap: null, inputTemplate: 5, event: '{}', ruleName: 'r' }).type).toBe('transformPreviewed');
  });
});
