// The JSON-text path must read exactly what JSON.parse would give, including odd spellings.

import { describe, expect, it } from 'vitest';
import { matches, matchesJsonText, parsePattern } from './index';

const compile = (p: unknown) => {
  const r = parsePattern(JSON.stringify(p));
  if (!r.ok) throw new Error(r.error[0].message);
  return r.value;
};

/** The text path agrees with the object path, and gives `want`. */
function both(pattern: unknown, text: string, want: boolean): void {
  const p = compile(pattern);
  expect(matchesJsonText(p, text)).toBe(want);
  expect(matches(p, JSON.parse(text))).toBe(want);
}

describe('JSON-text fast path', () => {
  it('decodes escapes in values and keys', () => {
    both({ a: ['say "hi"\\'] }, '{"a": "say \\"hi\\"\\\\"}', true);
    both({ ab: ['x'] }, '{"a\\u0062": "x"}', true);
    both({ 'a\\b': ['x'] }, '{"a\\\\b": "x"}', true);
    both({ 'a\\nb': ['x'] }, '{"a\\nb": "x"}', false);
    both({ a: ['é😀'] }, '{"a": "\\u00e9\\ud83d\\ude00"}', true);
  });

  it('finds escaped quotes at any distance in long skipped strings', () => {
    for (const n of [20, 22, 23, 24, 25, 60]) {
      const filler = `${'x'.repeat(n)}\\"${'y'.repeat(3)}\\\\`;
      both({ b: ['ok'] }, `{"a": "${filler}", "b": "ok"}`, true);
    }
  });

  it('skips values it does not read, whatever they hold', () => {
    const text = '{"skip": [[1, "]", {"x": "}"}], [2.5e-3, true, null]], "o": {"s": "[", "t": [{}]}, "a": "x"}';
    both({ a: ['x'] }, text, true);
    both({ o: { s: ['['] } }, text, true);
  });

  it('accepts any JSON whitespace', () => {
    both({ a: { b: [1] } }, '\n{ "a" :\t{\r\n "b" : [ 1 , 2 ] } }\n', true);
  });

  it('reads dotted event keys', () => {
    both({ a: { b: { c: ['x'] } } }, '{"a.b": {"c": "x"}}', true);
    both({ 'a.b': ['x'] }, '{"a": {"b": "y"}, "a.b": "x"}', true);
  });

  it('keeps the last of a repeated key, as JSON.parse does', () => {
    both({ a: ['1'] }, '{"a": "1", "a": "2"}', false);
    both({ a: ['2'] }, '{"a": "1", "a": "2"}', true);
    both({ a: { b: ['1'] } }, '{"a": {"b": "1"}, "a": {"c": "2"}}', false);
  });

  it('handles a top-level array and scalars', () => {
    both({ a: ['x'] }, '[{"a": "y"}, {"a": "x"}]', true);
    both({ a: ['x'] }, '"x"', false);
    both({ a: [{ exists: false }] }, '17', true);
  });

  it('runs the exact array-consistency search from text', () => {
    both({ d: { a: [1], b: [2] } }, '{"d": [{"a": 1}, {"b": 2}]}', false);
    both({ d: { a: [1], b: [2] } }, '{"d": [{"a": 1}, {"a": 1, "b": 2}]}', true);
  });

  it('does not match malformed text and never throws', () => {
    const p = compile({ a: [{ exists: true }] });
    for (const t of ['', '{', '{"a"', '{"a": }', '{"a": 1,}', '{"a": 1} {', 'nul', '{"a": 1]', '{"a": "x', '{"a\\', '[1, 2']) {
      expect(matchesJsonText(p, t)).toBe(false);
    }
  });
});
