import { describe, expect, it } from 'vitest';
import { attributesToEvent, compileRuleSet, matches, matchesJsonText, parsePattern, type PatternMode } from './index';

const policy = (p: unknown, mode: PatternMode) => {
  const r = parsePattern(JSON.stringify(p), { mode });
  if (!r.ok) throw new Error(r.error[0].message);
  return r.value;
};
const reason = (p: unknown, mode: PatternMode) => {
  const r = parsePattern(typeof p === 'string' ? p : JSON.stringify(p), { mode });
  return r.ok ? null : r.error[0].message;
};

// The message attributes of the Amazon SNS developer guide's example transaction.
const attributes = {
  customer_interests: { Type: 'String.Array', Value: '["soccer", "rugby", "hockey"]' },
  store: { Type: 'String', Value: 'example_corp' },
  event: { Type: 'String', Value: 'order_placed' },
  price_usd: { Type: 'Number', Value: '210.75' },
  encrypted: { Type: 'Binary', Value: 'AAEC' },
};

describe('SNS filter policy, MessageAttributes scope', () => {
  it('matches the guide example', () => {
    const p = policy({ store: ['example_corp'], event: [{ 'anything-but': 'order_cancelled' }], customer_interests: ['rugby', 'football', 'baseball'], price_usd: [{ numeric: ['>=', 100] }] }, 'sns-attributes');
    expect(matches(p, attributes)).toBe(true);
    expect(matchesJsonText(p, JSON.stringify(attributes))).toBe(true);
  });

  it('treats each String.Array element as a value', () => {
    expect(matches(policy({ customer_interests: ['hockey'] }, 'sns-attributes'), attributes)).toBe(true);
    expect(matches(policy({ customer_interests: ['baseball'] }, 'sns-attributes'), attributes)).toBe(false);
  });

  it('compares Number attributes as numbers and String attributes as strings', () => {
    expect(matches(policy({ price_usd: [210.75] }, 'sns-attributes'), attributes)).toBe(true);
    expect(matches(policy({ price_usd: ['210.75'] }, 'sns-attributes'), attributes)).toBe(false);
    expect(matches(policy({ store: [{ numeric: ['>', 0] }] }, 'sns-attributes'), { store: { Type: 'String', Value: '5' } })).toBe(false);
    expect(matches(policy({ n: [{ numeric: ['=', 5] }] }, 'sns-attributes'), { n: { DataType: 'Number.int', StringValue: '5.0' } })).toBe(true);
  });

  it('ignores Binary attributes, also for exists', () => {
    expect(matches(policy({ encrypted: [{ exists: false }] }, 'sns-attributes'), attributes)).toBe(true);
    expect(matches(policy({ store: [{ exists: true }] }, 'sns-attributes'), attributes)).toBe(true);
    expect(matches(policy({ missing: [{ exists: true }] }, 'sns-attributes'), attributes)).toBe(false);
  });

  it('supports $or, prefix, suffix, equals-ignore-case and cidr', () => {
    const p = policy({ $or: [{ store: [{ prefix: 'example' }] }, { event: [{ suffix: '_placed' }] }], source_ip: [{ cidr: '10.0.0.0/24' }] }, 'sns-attributes');
    expect(matches(p, { ...attributes, source_ip: { Type: 'String', Value: '10.0.0.9' } })).toBe(true);
    expect(matches(policy({ store: [{ 'equals-ignore-case': 'EXAMPLE_CORP' }] }, 'sns-attributes'), attributes)).toBe(true);
  });

  it('refuses nested policies and wildcards', () => {
    expect(reason({ a: { b: ['x'] } }, 'sns-attributes')).toBe('Filter policy scope MessageAttributes does not support nested filter policy');
    expect(reason({ a: [{ wildcard: 'x*' }] }, 'sns-attributes')).toBe('Unrecognized match type wildcard');
    expect(reason({ a: [{ 'anything-but': { wildcard: 'x*' } }] }, 'sns-body')).toBe('Unsupported anything-but pattern: wildcard');
  });

  it('applies the SNS limits: 5 keys, 150 combinations, ±1e9 with 5 decimals', () => {
    expect(reason({ a: ['1'], b: ['1'], c: ['1'], d: ['1'], e: ['1'], f: ['1'] }, 'sns-attributes')).toBe('Filter policy can not have more than 5 keys');
    expect(reason({ a: Array.from({ length: 151 }, (_, i) => String(i)) }, 'sns-attributes')).toBe('Filter policy is too complex');
    expect(reason({ a: Array.from({ length: 15 }, String), b: Array.from({ length: 10 }, String) }, 'sns-attributes')).toBeNull();
    expect(reason({ a: Array.from({ length: 16 }, String), b: Array.from({ length: 10 }, String) }, 'sns-attributes')).toBe('Filter policy is too complex');
    expect(reason({ a: [{ numeric: ['<', 1000000001] }] }, 'sns-attributes')).toBe('Value must be between -1.0E9 and 1.0E9, inclusive');
    expect(reason({ a: [{ numeric: ['=', 1.000001] }] }, 'sns-attributes')).toBe('Only values upto 5 decimals are supported');
    expect(reason(`{"a": ["${'x'.repeat(300 * 1024)}"]}`, 'sns-attributes')).toBe('Filter policy is too long');
    expect(reason('[1]', 'sns-attributes')).toBe('Filter policy must be a JSON object');
  });

  it('converts attributes leniently', () => {
    expect(attributesToEvent({ a: { Type: 'String.Array', Value: 'not json' }, b: { Type: 'Number', Value: 'x' }, c: 'plain', d: { Type: 'String.Array', Value: '[1, {"x": 1}, null]' } })).toEqual({ a: [], b: 'x', c: 'plain', d: [1, null] });
    expect(attributesToEvent(null)).toEqual({});
  });
});

describe('SNS filter policy, MessageBody scope', () => {
  it('matches nested properties of the JSON body', () => {
    const p = policy({ store: ['example_corp'], customer: { interests: ['rugby'] }, price_usd: [{ numeric: ['>=', 100] }] }, 'sns-body');
    const body = { store: 'example_corp', customer: { interests: ['soccer', 'rugby'] }, price_usd: 210.75 };
    expect(matches(p, body)).toBe(true);
    expect(matchesJsonText(p, JSON.stringify(body))).toBe(true);
    expect(matchesJsonText(p, 'not json')).toBe(false);
  });

  it('counts only top-level keys, and combinations per nesting level (the guide: 3 x 4 x 2 x 3 = 72)', () => {
    const nested = { key_a: { key_b: { key_c: ['1', '2', '3', '4'] } }, key_d: { key_e: ['1', '2', '3'] } };
    expect(reason(nested, 'sns-body')).toBeNull();
    expect(reason({ a: { b: ['1'], c: ['1'], d: ['1'], e: ['1'], f: ['1'], g: ['1'] } }, 'sns-body')).toBeNull();
    const tooMany = { key_a: { key_b: { key_c: Array.from({ length: 13 }, String) } }, key_d: { key_e: ['1', '2', '3'] } };
    expect(reason(tooMany, 'sns-body')).toBe('Filter policy is too complex');
  });

  it('compiles into a rule set of the same mode', () => {
    const rs = compileRuleSet([{ id: 's1', pattern: { store: ['x'] } }, { id: 's2', pattern: { store: [{ prefix: 'x' }] } }], { mode: 'sns-attributes' });
    expect(rs.ok && rs.value.match({ store: { Type: 'String', Value: 'xy' } })).toEqual(['s2']);
    const mixed = compileRuleSet([{ id: 'e', pattern: policy({ a: ['1'] }, 'sns-body') }]);
    expect(mixed.ok).toBe(false);
  });
});
