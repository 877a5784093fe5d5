import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonLength } from './jsonSize';

describe('jsonLength', () => {
  it('equals JSON.stringify(value).length for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(jsonLength(v, Infinity)).toBe(JSON.stringify(v).length);
      }),
      { numRuns: 500 },
    );
  });

  it('counts escapes, lone surrogates and skipped members like JSON.stringify', () => {
    const cases: unknown[] = ['a"b\\c\n\t\u0001', '\ud83d\ude00', '\ud83d', '\ude00x', { a: undefined, b: () => 1, c: [undefined, 1] }, [], {}, -0, 1e21, 0.1, { toJSON: () => 'x' }, new Date(0), NaN];
    for (const v of cases) expect(jsonLength(v, Infinity)).toBe(JSON.stringify(v).length);
  });

  it('stops early once past the limit', () => {
    const big = { items: Array.from({ length: 10_000 }, (_, i) => ({ i, name: `item-${i}` })) };
    expect(jsonLength(big, 1000)).toBeGreaterThan(1000);
    expect(jsonLength(big, Infinity)).toBe(JSON.stringify(big).length);
  });
});
