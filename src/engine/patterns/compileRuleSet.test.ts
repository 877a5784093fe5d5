import { describe, expect, it } from 'vitest';
import { cityLot, cityLotRules, rng } from '../../../bench/fixtures/citylots';
import { compileRuleSet, matches, parsePattern } from './index';

describe('compileRuleSet', () => {
  it('returns the ids of the matching rules, in rule order', () => {
    const rs = compileRuleSet([
      { id: 'ec2', pattern: '{"source": ["aws.ec2"]}' },
      { id: 'any-state', pattern: { detail: { state: [{ exists: true }] } } },
      { id: 'running', pattern: { source: ['aws.ec2'], detail: { state: ['running'] } } },
      { id: 'other', pattern: { source: ['aws.s3'] } },
    ]);
    if (!rs.ok) throw new Error();
    expect(rs.value.match({ source: 'aws.ec2', detail: { state: 'running' } })).toEqual(['ec2', 'any-state', 'running']);
    expect(rs.value.matchJsonText('{"source": "aws.s3"}')).toEqual(['other']);
    expect(rs.value.matchJsonText('{"source": ')).toEqual([]);
    expect(rs.value.match('not an event')).toEqual([]);
    const out = [9, 9, 9, 9, 9];
    expect(rs.value.matchInto({ source: 'aws.ec2', detail: { state: 'stopped' } }, out)).toBe(2);
    expect(out.slice(0, 2)).toEqual([0, 1]);
    expect(rs.value.matchInto({ source: 'aws.lambda' }, out)).toBe(0);
  });

  it('reports every invalid rule by id', () => {
    const rs = compileRuleSet([
      { id: 'good', pattern: '{"a": ["x"]}' },
      { id: 'bad1', pattern: '{"a": "x"}' },
      { id: 'bad2', pattern: '{"a": [{"wildcard": "**"}]}' },
    ]);
    expect(!rs.ok && rs.error.map((e) => [e.id, e.errors[0].message])).toEqual([
      ['bad1', '"a" must be an object or an array'],
      ['bad2', 'Consecutive wildcard characters at pos 1'],
    ]);
  });

  it('accepts compiled patterns and rules without any indexable condition', () => {
    const p = parsePattern('{"a": [{"exists": false}]}');
    if (!p.ok) throw new Error();
    const rs = compileRuleSet([
      { id: 'absent', pattern: p.value },
      { id: 'either', pattern: '{"b": [{"exists": false}, "x"]}' },
    ]);
    expect(rs.ok && rs.value.match({})).toEqual(['absent', 'either']);
    expect(rs.ok && rs.value.match({ a: 1, b: 'y' })).toEqual([]);
  });

  it('agrees with each pattern alone on CityLots events, for 1,000 rules', () => {
    const patterns = cityLotRules(1000);
    const rs = compileRuleSet(patterns.map((p, i) => ({ id: String(i), pattern: p })));
    if (!rs.ok) throw new Error(JSON.stringify(rs.error[0]));
    const single = patterns.map((p) => {
      const c = parsePattern(p);
      if (!c.ok) throw new Error();
      return c.value;
    });
    const r = rng(3);
    let total = 0;
    for (let i = 0; i < 300; i++) {
      const event = cityLot(r);
      const want = single.flatMap((p, k) => (matches(p, event) ? [String(k)] : []));
      total += want.length;
      expect(rs.value.match(event)).toEqual(want);
      expect(rs.value.matchJsonText(JSON.stringify(event))).toEqual(want);
    }
    expect(total).toBeGreaterThan(0);
  });
});
