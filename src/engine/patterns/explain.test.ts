import { describe, expect, it } from 'vitest';
import { explain, formatExplanation, parsePattern, type ExplainField, type ExplainOr } from './index';

const compile = (text: string) => {
  const r = parsePattern(text);
  if (!r.ok) throw new Error(r.error[0].message);
  return r.value;
};
const fields = (items: unknown[]) => items.filter((i): i is ExplainField => (i as { kind: string }).kind === 'field');

describe('explain', () => {
  it('gives a verdict per field and condition', () => {
    const p = compile('{"source": ["aws.ec2"], "detail": {"state": ["stopped", {"prefix": "term"}], "n": [{"numeric": [">", 5]}], "x": [{"prefix": "a"}], "gone": ["y"], "obj": ["z"]}}');
    const e = explain(p, { source: 'aws.ec2', detail: { state: 'running', n: '7', x: 'abc', obj: { inner: 1 } } });
    expect(e.matched).toBe(false);
    const byName = Object.fromEntries(fields(e.root.items).map((f) => [f.field, f]));
    expect(byName['source']).toMatchObject({ matched: true, verdict: 'matched', found: ['aws.ec2'] });
    expect(byName['detail.state']).toMatchObject({
      matched: false,
      verdict: 'value-mismatch',
      conditions: [
        { condition: 'equals "stopped"', matched: false },
        { condition: 'starts with "term"', matched: false },
      ],
    });
    expect(byName['detail.n'].verdict).toBe('wrong-type');
    expect(byName['detail.x'].conditions[0]).toEqual({ condition: 'starts with "a"', matched: true, matchedValue: 'abc' });
    expect(byName['detail.gone'].verdict).toBe('missing');
    expect(byName['detail.obj'].verdict).toBe('not-a-leaf');
    expect(byName['detail.state'].range).toMatchObject({ line: 1 });
  });

  it('says which $or branch matched', () => {
    const p = compile('{"$or": [{"a": [1]}, {"b": [2]}, {"c": [3]}]}');
    const e = explain(p, { b: 2, c: 3 });
    const or = e.root.items[0] as ExplainOr;
    expect(e.matched).toBe(true);
    expect(or).toMatchObject({ kind: 'or', matched: true, matchedBranch: 1 });
    expect(or.branches.map((b) => b.matched)).toEqual([false, true, true]);
  });

  it('explains exists:false and array consistency failures', () => {
    const absent = explain(compile('{"a": [{"exists": false}]}'), { a: 1 });
    expect(fields(absent.root.items)[0].verdict).toBe('present-but-must-be-absent');
    const split = explain(compile('{"d": {"a": ["x"], "b": ["y"]}}'), { d: [{ a: 'x' }, { b: 'y' }] });
    expect(split.matched).toBe(false);
    expect(fields(split.root.items).every((f) => f.matched)).toBe(true);
    expect(split.notes[0]).toMatch(/same element of an array/);
  });

  it('marks a key replaced by a later repeat as ignored', () => {
    const e = explain(compile('{"a": ["1"], "a": ["2"]}'), { a: '1' });
    expect(e.matched).toBe(false);
    expect(fields(e.root.items).map((f) => [f.overridden, f.matched])).toEqual([
      [true, true],
      [false, false],
    ]);
  });

  it('renders readable text', () => {
    const text = formatExplanation(explain(compile('{"source": ["x"], "$or": [{"a": [1]}, {"b": [{"exists": false}]}]}'), { source: 'x', a: 2 }));
    expect(text).toBe(
      [
        'match',
        '  ✓ source: matched; event has "x" (line 1, column 2)',
        '    ✓ equals "x" (by "x")',
        '  ✓ $or (branch 2 matched)',
        '    ✗ branch 1',
        '      ✗ a: present, but no value satisfies a condition; event has 2 (line 1, column 28)',
        '        ✗ equals the number 1',
        '    ✓ branch 2',
        '      ✓ b: absent, as required (line 1, column 40)',
        '        ✓ does not exist',
      ].join('\n'),
    );
  });

  it('works for SNS attribute policies', () => {
    const r = parsePattern('{"store": ["a"]}', { mode: 'sns-attributes' });
    expect(r.ok && explain(r.value, { store: { Type: 'String', Value: 'a' } }).matched).toBe(true);
  });
});
