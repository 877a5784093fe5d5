import { describe, expect, it } from 'vitest';
import { checkInputTransformer, isValidInputPath } from './inputTransformCheck';
import { compileInputTransformer } from './inputTransformRender';
import { parseTemplate } from './inputTransformTemplate';

const EVENT = {
  version: '0',
  id: 'e-1',
  'detail-type': 'OrderPlaced',
  source: 'com.example.shop',
  account: '123456789012',
  time: '2025-01-01T12:00:00Z',
  region: 'us-east-1',
  resources: [],
  detail: { orderId: 'order-17', amount: 42, items: [{ sku: 'a"b' }] },
};
const CTX = { ruleArn: 'arn:aws:events:us-east-1:123456789012:rule/orders/big', ruleName: 'big', ingestionMs: 0 };
const messages = (map: unknown, template: unknown) => checkInputTransformer(map, template, 't1').map((p) => p.message);

describe('checkInputTransformer', () => {
  it('accepts the documented examples and the predefined variables', () => {
    expect(messages({ instance: '$.detail.instance', status: '$.detail.status' }, '"<instance> is in state <status>"')).toEqual([]);
    expect(messages({ instance: '$.detail.instance' }, '{"myInstance": <instance>, "myStatus": "<instance> is in state \\"x\\""}')).toEqual([]);
    expect(messages({}, '{"rule": <aws.events.rule-name>, "arn": "<aws.events.rule-arn>", "at": <aws.events.event.ingestion-time>, "e": <aws.events.event.json>}')).toEqual([]);
    expect(messages(undefined, '"rule <aws.events.rule-name>"')).toEqual([]);
  });

  it('words an undeclared placeholder as PutTargets does, with its position', () => {
    const [p] = checkInputTransformer({ a: '$.detail.a' }, '"<a> and <b>"', 't1');
    expect(p).toMatchObject({ field: 'InputTemplate', message: 'InputTemplate for target t1 contains invalid placeholder b.', offset: 9, length: 3 });
  });

  it('refuses the raw-JSON variables outside a JSON object template', () => {
    expect(messages({}, '[<aws.events.event.json>]')).toEqual(['InputTemplate for target t1 contains placeholder aws.events.event.json valid only for JSON template.']);
    expect(messages({}, '{"e": "<aws.events.event>"}')).toEqual(['InputTemplate for target t1 contains placeholder aws.events.event valid only for JSON template.']);
  });

  it('refuses paths that are not $-rooted dot notation, and bad keys', () => {
    expect(messages({ a: 'detail.a' }, '"<a>"')).toEqual(['InputPath for target t1 is invalid.']);
    expect(messages({ a: "$.detail['a']" }, '"<a>"')).toEqual(['InputPath for target t1 is invalid.']);
    expect(isValidInputPath('$')).toBe(true);
    expect(isValidInputPath('$.detail.items[0].sku')).toBe(true);
    expect(messages({ 'aws.events.rule-name': '$.detail' }, '"x"')[0]).toMatch(/^1 validation error detected: Value 'aws.events.rule-name' .*Map keys must satisfy constraint/);
    const big = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, '$.id']));
    expect(messages(big, '"x"')[0]).toMatch(/Member must have length less than or equal to 100$/);
    expect(messages([], '"x"')[0]).toMatch(/^1 validation error detected/);
  });

  it('places a JSON template error where it is, placeholders read as values', () => {
    const [p] = checkInputTransformer({ k: '$.id' }, '{<k>: 1}', 't1');
    expect(p.message).toMatch(/^Invalid InputTemplate for target t1 : Unexpected character \('0'.*line: 1, column: 2\]$/);
    expect(p.offset).toBe(1);
    const [q] = checkInputTransformer({ k: '$.id' }, '{"a": <k>', 't1');
    expect(q.message).toMatch(/Unexpected end-of-input/);
    expect(messages({}, '')[0]).toMatch(/greater than or equal to 1$/);
  });
});

describe('compileInputTransformer', () => {
  it('renders text templates with raw strings and JSON for other values', () => {
    const t = compileInputTransformer({ id: '$.detail.orderId', n: '$.detail.amount' }, '"Order <id> for <n> USD"');
    expect(t.render(EVENT, CTX)).toEqual({ text: '"Order order-17 for 42 USD"', json: 'Order order-17 for 42 USD', warnings: [] });
  });

  it('renders JSON templates: quoted strings as values, escaped inside strings', () => {
    const t = compileInputTransformer({ id: '$.detail.orderId', sku: '$.detail.items[0].sku', all: '$.detail' }, '{"id": <id>, "note": "sku <sku>", "d": <all>}');
    const r = t.render(EVENT, CTX);
    expect(r.text).toBe('{"id": "order-17", "note": "sku a\\"b", "d": {"orderId":"order-17","amount":42,"items":[{"sku":"a\\"b"}]}}');
    expect(r.json).toEqual({ id: 'order-17', note: 'sku a"b', d: EVENT.detail });
  });

  it('fills the predefined variables', () => {
    const t = compileInputTransformer({}, '{"r": <aws.events.rule-name>, "arn": <aws.events.rule-arn>, "at": <aws.events.event.ingestion-time>, "e": <aws.events.event>, "j": <aws.events.event.json>}');
    const r = t.render(EVENT, { ...CTX, ingestionTime: '2025-01-01T12:00:01Z' });
    const j = r.json as Record<string, Record<string, unknown>>;
    expect(j.r).toBe('big');
    expect(j.arn).toBe(CTX.ruleArn);
    expect(j.at).toBe('2025-01-01T12:00:01Z');
    expect(j.e).not.toHaveProperty('detail');
    expect(j.e.detailType).toBe('OrderPlaced');
    expect(j.j).toEqual(EVENT);
  });

  it('reports paths missing from the event: nothing in text, null as a value', () => {
    const t = compileInputTransformer({ x: '$.detail.nope' }, '{"a": <x>, "b": "x=<x>"}');
    const r = t.render(EVENT, CTX);
    expect(r.text).toBe('{"a": null, "b": "x="}');
    expect(r.warnings).toHaveLength(2);
    expect(r.warnings[0]).toContain('$.detail.nope is not in the event');
  });

  it('never throws on hostile input', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const t = compileInputTransformer({ s: '$.self' }, '{"s": <s>}');
    expect(() => t.render(cyclic, CTX)).not.toThrow();
    expect(parseTemplate('<<<>>> <a b> <ok>').placeholders.map((p) => p.name)).toEqual(['ok']);
  });
});
