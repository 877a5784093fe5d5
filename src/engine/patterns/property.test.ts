// The compiled matcher, the rule set and the JSON-text path must always agree with the slow
// reference matcher (testing/referenceMatcher.ts), and never throw on any event.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRuleSet, matches, matchesJsonText, parsePattern } from './index';
import { eventArb, patternAndEventArb, patternArb } from './testing/arbitraries';
import { referenceMatches } from './testing/referenceMatcher';

const RUNS = Number(process.env.PATTERN_PROPERTY_RUNS ?? 3000);

const compile = (p: Record<string, unknown>, mode: 'eventbridge' | 'sns-body' = 'eventbridge') => {
  const r = parsePattern(JSON.stringify(p), { mode, maxLength: Infinity });
  if (!r.ok) throw new Error(`generated pattern rejected: ${r.error[0].message} in ${JSON.stringify(p)}`);
  return r.value;
};

describe('reference matcher', () => {
  it('agrees with every valid case of the AWS conformance corpus', () => {
    const path = fileURLToPath(new URL('../../../../shared/conformance/event-patterns.json', import.meta.url));
    const cases = JSON.parse(readFileSync(path, 'utf8')) as { id: string; pattern: unknown; event: unknown; expect: string }[];
    const wrong = cases
      .filter((c) => c.expect !== 'invalid-pattern' && typeof c.pattern === 'object')
      .filter((c) => referenceMatches(c.pattern as Record<string, unknown>, c.event) !== (c.expect === 'match'))
      .map((c) => c.id);
    expect(wrong).toEqual([]);
  });
});

describe('compiled matcher = reference matcher', () => {
  it('on generated patterns and events (objects and JSON text)', () => {
    fc.assert(
      fc.property(patternAndEventArb, ([pattern, event]) => {
        const p = compile(pattern);
        const want = referenceMatches(pattern, event);
        expect(matches(p, event)).toBe(want);
        expect(matchesJsonText(p, JSON.stringify(event))).toBe(want);
        expect(matchesJsonText(p, JSON.stringify(event, null, '\t '))).toBe(want);
      }),
      { numRuns: RUNS },
    );
  });

  it('on SNS message-body policies', () => {
    fc.assert(
      fc.property(patternArb({ sns: true, depth: 1 }), eventArb, (pattern, event) => {
        const r = parsePattern(JSON.stringify(pattern), { mode: 'sns-body' });
        if (!r.ok) return; // over the SNS key or combination limits
        expect(matches(r.value, event)).toBe(referenceMatches(pattern, event, { max: 1e9, decimals: 5 }));
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it('as a rule set, on objects and on JSON text', () => {
    fc.assert(
      fc.property(fc.array(patternArb({ depth: 1 }), { minLength: 1, maxLength: 8 }), fc.array(eventArb, { minLength: 1, maxLength: 4 }), (patterns, events) => {
        const rs = compileRuleSet(patterns.map((p, i) => ({ id: `r${i}`, pattern: JSON.stringify(p) })), { maxLength: Infinity });
        if (!rs.ok) throw new Error(JSON.stringify(rs.error));
        for (const event of events) {
          const want = patterns.flatMap((p, i) => (referenceMatches(p, event) ? [`r${i}`] : []));
          expect(rs.value.match(event)).toEqual(want);
          expect(rs.value.matchJsonText(JSON.stringify(event))).toEqual(want);
        }
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });
});

describe('never throws', () => {
  it('on arbitrary JSON events, as objects or text', () => {
    fc.assert(
      fc.property(patternArb({ depth: 1 }), fc.jsonValue(), (pattern, event) => {
        const p = compile(pattern);
        const want = referenceMatches(pattern, event);
        expect(matches(p, event)).toBe(want);
        expect(matchesJsonText(p, JSON.stringify(event))).toBe(want);
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it('on arbitrary values and arbitrary text', () => {
    const p = compile({ a: [{ exists: true }], b: { c: [{ 'anything-but': 'x' }] } });
    fc.assert(
      fc.property(fc.anything(), fc.string(), (value, text) => {
        expect(typeof matches(p, value)).toBe('boolean');
        expect(typeof matchesJsonText(p, text)).toBe('boolean');
        expect(typeof matchesJsonText(p, JSON.stringify(value) ?? '')).toBe('boolean');
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });
});
