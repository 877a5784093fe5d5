import { describe, expect, it } from 'vitest';
import { matches, matchesJsonText, parsePattern } from './index';

/** Checks a pattern against an event through both the object and the JSON-text paths. */
function check(pattern: unknown, event: unknown): boolean {
  const p = parsePattern(JSON.stringify(pattern));
  if (!p.ok) throw new Error(p.error[0].message);
  const byObject = matches(p.value, event);
  expect(matchesJsonText(p.value, JSON.stringify(event))).toBe(byObject);
  return byObject;
}

describe('exact values', () => {
  it('compares numbers numerically and strictly by type', () => {
    expect(check({ n: [3] }, { n: 3.0 })).toBe(true);
    expect(check({ n: [300] }, { n: 3e2 })).toBe(true);
    expect(check({ n: [3] }, { n: '3' })).toBe(false);
    expect(check({ n: ['3'] }, { n: 3 })).toBe(false);
    expect(check({ n: [true] }, { n: 'true' })).toBe(false);
    expect(check({ n: [0] }, { n: -0 })).toBe(true);
    expect(check({ n: [1e30] }, { n: 1e30 })).toBe(true);
  });

  it('tells null, missing and the empty string apart', () => {
    expect(check({ a: [null] }, { a: null })).toBe(true);
    expect(check({ a: [null] }, {})).toBe(false);
    expect(check({ a: [null] }, { a: 'null' })).toBe(false);
    expect(check({ a: [''] }, { a: '' })).toBe(true);
    expect(check({ a: [''] }, { a: null })).toBe(false);
    expect(check({ a: [null] }, { a: [] })).toBe(false);
  });

  it('compares IP address strings as addresses', () => {
    expect(check({ ip: ['2001:db8::1'] }, { ip: '2001:0db8:0:0:0:0:0:1' })).toBe(true);
    expect(check({ ip: ['10.0.0.1'] }, { ip: '::ffff:a00:1' })).toBe(true);
    expect(check({ ip: ['10.0.0.1'] }, { ip: '10.0.0.2' })).toBe(false);
  });
});

describe('operators', () => {
  it('prefix, suffix and their equals-ignore-case forms only match strings', () => {
    expect(check({ a: [{ prefix: 'ab' }] }, { a: 'abc' })).toBe(true);
    expect(check({ a: [{ prefix: '1' }] }, { a: 12 })).toBe(false);
    expect(check({ a: [{ suffix: { 'equals-ignore-case': 'PNG' } }] }, { a: 'x.png' })).toBe(true);
    expect(check({ a: [{ prefix: { 'equals-ignore-case': 'eventb' } }] }, { a: 'EvEnTbRiDgE' })).toBe(true);
    expect(check({ a: [{ 'equals-ignore-case': 'ǅ' }] }, { a: 'ǆ' })).toBe(true);
  });

  it('anything-but matches values of other types and null, never a missing field', () => {
    expect(check({ a: [{ 'anything-but': 'x' }] }, { a: 1 })).toBe(true);
    expect(check({ a: [{ 'anything-but': 'x' }] }, { a: null })).toBe(true);
    expect(check({ a: [{ 'anything-but': 'x' }] }, {})).toBe(false);
    expect(check({ a: [{ 'anything-but': [1, 2] }] }, { a: 2.0 })).toBe(false);
    expect(check({ a: [{ 'anything-but': { suffix: ['.txt', '.jpg'] } }] }, { a: 'x.jpg' })).toBe(false);
    expect(check({ a: [{ 'anything-but': { 'equals-ignore-case': ['A', 'b'] } }] }, { a: 'B' })).toBe(false);
    expect(check({ a: [{ 'anything-but': { wildcard: '*.txt' } }] }, { a: 'x.txt.bak' })).toBe(true);
    expect(check({ a: [{ 'anything-but': { prefix: [] } }] }, { a: 'anything' })).toBe(true);
  });

  it('numeric ranges need comparable numbers (within ±5e9, at most 6 decimals)', () => {
    expect(check({ n: [{ numeric: ['>', 0, '<=', 5] }] }, { n: 5 })).toBe(true);
    expect(check({ n: [{ numeric: ['>', 0] }] }, { n: 0.000001 })).toBe(true);
    expect(check({ n: [{ numeric: ['>', 0] }] }, { n: 0.0000001 })).toBe(false);
    expect(check({ n: [{ numeric: ['<', 0] }] }, { n: -5e9 })).toBe(true);
    expect(check({ n: [{ numeric: ['<', 0] }] }, { n: -6e9 })).toBe(false);
    expect(check({ n: [{ numeric: ['=', 301.8] }] }, { n: 3.018e2 })).toBe(true);
    expect(check({ n: [{ numeric: ['>=', 1] }] }, { n: '2' })).toBe(false);
  });

  it('cidr matches IPv4 and IPv6, from the address as written to the end of the block', () => {
    expect(check({ ip: [{ cidr: '10.0.0.0/24' }] }, { ip: '10.0.0.255' })).toBe(true);
    expect(check({ ip: [{ cidr: '10.0.0.0/24' }] }, { ip: '10.0.1.0' })).toBe(false);
    expect(check({ ip: [{ cidr: '10.0.0.5/24' }] }, { ip: '10.0.0.4' })).toBe(false);
    expect(check({ ip: [{ cidr: '2001:db8::/32' }] }, { ip: '2001:DB8:ffff::1' })).toBe(true);
    expect(check({ ip: [{ cidr: '2001:db8::/32' }] }, { ip: '10.0.0.1' })).toBe(false);
  });

  it('wildcard: stars match any run, escapes are literal', () => {
    expect(check({ f: [{ wildcard: 'a*c' }] }, { f: 'ac' })).toBe(true);
    expect(check({ f: [{ wildcard: 'a\\*c' }] }, { f: 'abc' })).toBe(false);
    expect(check({ f: [{ wildcard: 'a\\*c' }] }, { f: 'a*c' })).toBe(true);
    expect(check({ f: [{ wildcard: 'a\\\\c' }] }, { f: 'a\\c' })).toBe(true);
    expect(check({ f: [{ wildcard: '*/x/*' }] }, { f: 'a/x/x/b' })).toBe(true);
    expect(check({ f: [{ wildcard: '' }] }, { f: '' })).toBe(true);
  });

  it('exists is about leaves: objects and empty arrays do not count', () => {
    expect(check({ a: [{ exists: true }] }, { a: null })).toBe(true);
    expect(check({ a: [{ exists: true }] }, { a: {} })).toBe(false);
    expect(check({ a: [{ exists: true }] }, { a: [] })).toBe(false);
    expect(check({ a: [{ exists: false }] }, { a: { b: 1 } })).toBe(true);
    expect(check({ a: [{ exists: false }] }, { a: [null] })).toBe(false);
  });

  it('ignores keys inherited from Object.prototype', () => {
    expect(check({ constructor: [{ exists: true }] }, {})).toBe(false);
    const proto = parsePattern('{"__proto__": {"__proto__": [null]}}');
    expect(proto.ok && matches(proto.value, {})).toBe(false);
    expect(proto.ok && matches(proto.value, JSON.parse('{"__proto__": {"__proto__": null}}'))).toBe(true);
    expect(proto.ok && matchesJsonText(proto.value, '{"__proto__": {"__proto__": null}}')).toBe(true);
    expect(check({ toString: [{ exists: false }] }, {})).toBe(true);
  });
});

describe('structure', () => {
  it('treats dotted keys in patterns and events like nesting', () => {
    expect(check({ a: { 'b.c': ['x'] } }, { 'a.b': { c: 'x' } })).toBe(true);
    expect(check({ 'a.b.c': ['x'] }, { a: { 'b.c': 'x' } })).toBe(true);
    expect(check({ a: { b: ['x'] } }, { 'a.b': { b: 'x' } })).toBe(false);
  });

  it('matches any element of an event array, nested arrays included', () => {
    expect(check({ t: ['b'] }, { t: ['a', ['b']] })).toBe(true);
    expect(check({ t: { n: [1] } }, { t: [[{ n: 2 }], [{ n: 1 }]] })).toBe(true);
  });

  it('takes fields of objects in one array from the same element', () => {
    const p = { users: { name: ['ann'], role: ['admin'] } };
    expect(check(p, { users: [{ name: 'ann', role: 'dev' }, { name: 'bob', role: 'admin' }] })).toBe(false);
    expect(check(p, { users: [{ name: 'bob', role: 'dev' }, { name: 'ann', role: 'admin' }] })).toBe(true);
  });

  it('judges exists:false within the elements chosen by the fields before it (name order)', () => {
    // "a" comes before "b": b must be absent from the element where a was found
    expect(check({ d: { a: [{ exists: true }], b: [{ exists: false }] } }, { d: [{ a: 1 }, { b: 2 }] })).toBe(true);
    // "a" is judged first, against the whole event: some element has it
    expect(check({ d: { a: [{ exists: false }], b: [{ exists: true }] } }, { d: [{ a: 1 }, { b: 2 }] })).toBe(false);
  });

  it('$or: nested, parallel, with an "and" inside', () => {
    const p = { source: ['s'], $or: [{ x: [1] }, { y: [2], $or: [{ z: [3] }, { w: [4] }] }] };
    expect(check(p, { source: 's', y: 2, w: 4 })).toBe(true);
    expect(check(p, { source: 's', y: 2 })).toBe(false);
    expect(check(p, { source: 's', x: 1 })).toBe(true);
    expect(check(p, { source: 't', x: 1 })).toBe(false);
  });

  it('a repeated key: the last one wins', () => {
    const p = parsePattern('{"detail": {"location": [{"prefix": "us-"}], "location": [{"anything-but": "us-east"}]}}');
    expect(p.ok && matches(p.value, { detail: { location: 'eu-central-1' } })).toBe(true);
  });
});
