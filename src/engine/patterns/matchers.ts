// Value matchers: one per operator, each a test on a single leaf value of the event. Strings,
// numbers, booleans and null are leaves; objects never are. Tests are type-strict (a prefix
// never matches a number) and never throw.

import { inIpRange, ipToHex, type IpRange } from './ip';
import { isComparable, type NumberLimits } from './numbers';
import { wildcardMatches, type Wildcard } from './wildcard';

/** A scalar from the event: the only kind of value a matcher looks at. */
export type Leaf = string | number | boolean | null;

/** Every operator the engine knows, as stored in a compiled pattern. */
export type Matcher =
  | { op: 'exact-string'; value: string }
  | { op: 'exact-number'; value: number; text: string }
  | { op: 'exact-literal'; value: boolean | null }
  | { op: 'exact-ip'; value: string; hex: string }
  | { op: 'prefix' | 'suffix' | 'equals-ignore-case' | 'prefix-ignore-case' | 'suffix-ignore-case'; value: string; folded: string }
  | { op: 'wildcard'; value: string; wildcard: Wildcard }
  | { op: 'numeric'; lo: number; loOpen: boolean; hi: number; hiOpen: boolean; limits: NumberLimits; text: string }
  | { op: 'cidr'; value: string; range: IpRange }
  | { op: 'exists' }
  | { op: 'anything-but-string'; values: Set<string> }
  | { op: 'anything-but-number'; values: number[] }
  | { op: 'anything-but-prefix' | 'anything-but-suffix' | 'anything-but-ignore-case'; values: string[]; folded: string[] }
  | { op: 'anything-but-wildcard'; values: string[]; wildcards: Wildcard[] };

/** Case folding used by the `equals-ignore-case` family. */
export const fold = (s: string): string => s.toLowerCase();

/** Does this leaf satisfy the matcher? */
export function testLeaf(m: Matcher, v: Leaf): boolean {
  switch (m.op) {
    case 'exact-string':
      return v === m.value;
    case 'exact-number':
      return v === m.value;
    case 'exact-literal':
      return v === m.value;
    case 'exact-ip':
      return typeof v === 'string' && (v === m.value || ipToHex(v) === m.hex);
    case 'prefix':
      return typeof v === 'string' && v.startsWith(m.value);
    case 'suffix':
      return typeof v === 'string' && v.endsWith(m.value);
    case 'equals-ignore-case':
      return typeof v === 'string' && fold(v) === m.folded;
    case 'prefix-ignore-case':
      return typeof v === 'string' && fold(v).startsWith(m.folded);
    case 'suffix-ignore-case':
      return typeof v === 'string' && fold(v).endsWith(m.folded);
    case 'wildcard':
      return typeof v === 'string' && wildcardMatches(m.wildcard, v);
    case 'numeric':
      return (
        typeof v === 'number' &&
        isComparable(v, m.limits) &&
        (m.loOpen ? v > m.lo : v >= m.lo) &&
        (m.hiOpen ? v < m.hi : v <= m.hi)
      );
    case 'cidr': {
      if (typeof v !== 'string') return false;
      const hex = ipToHex(v);
      return hex !== null && inIpRange(hex, m.range);
    }
    case 'exists':
      return true;
    case 'anything-but-string':
      return typeof v !== 'string' || !m.values.has(v);
    case 'anything-but-number':
      return typeof v !== 'number' || !m.values.includes(v);
    case 'anything-but-prefix':
      return typeof v !== 'string' || !m.values.some((p) => v.startsWith(p));
    case 'anything-but-suffix':
      return typeof v !== 'string' || !m.values.some((p) => v.endsWith(p));
    case 'anything-but-ignore-case': {
      if (typeof v !== 'string') return true;
      const f = fold(v);
      return !m.folded.includes(f);
    }
    case 'anything-but-wildcard':
      return typeof v !== 'string' || !m.wildcards.some((w) => wildcardMatches(w, v));
  }
}

/** A stable text form of a matcher: equal keys mean equal behaviour (used to share work). */
export function matcherKey(m: Matcher): string {
  switch (m.op) {
    case 'exact-string':
    case 'exact-ip':
      return `${m.op}:${m.value}`;
    case 'exact-number':
      return `${m.op}:${String(m.value)}`;
    case 'exact-literal':
      return `${m.op}:${String(m.value)}`;
    case 'prefix':
    case 'suffix':
    case 'equals-ignore-case':
    case 'prefix-ignore-case':
    case 'suffix-ignore-case':
    case 'wildcard':
    case 'cidr':
      return `${m.op}:${m.value}`;
    case 'numeric':
      return `numeric:${m.loOpen ? '(' : '['}${m.lo},${m.hi}${m.hiOpen ? ')' : ']'}@${m.limits.max}`;
    case 'exists':
      return 'exists';
    case 'anything-but-string':
      return `${m.op}:${JSON.stringify([...m.values].sort())}`;
    case 'anything-but-number':
      return `${m.op}:${JSON.stringify([...m.values].sort((a, b) => a - b))}`;
    case 'anything-but-prefix':
    case 'anything-but-suffix':
    case 'anything-but-ignore-case':
    case 'anything-but-wildcard':
      return `${m.op}:${JSON.stringify([...m.values].sort())}`;
  }
}

/** A short human description, e.g. `prefix "us-"` or `numeric > 0 and <= 5`. */
export function describeMatcher(m: Matcher): string {
  const q = JSON.stringify;
  switch (m.op) {
    case 'exact-string':
    case 'exact-ip':
      return `equals ${q(m.value)}`;
    case 'exact-number':
      return `equals the number ${m.text}`;
    case 'exact-literal':
      return `equals ${String(m.value)}`;
    case 'prefix':
      return `starts with ${q(m.value)}`;
    case 'suffix':
      return `ends with ${q(m.value)}`;
    case 'equals-ignore-case':
      return `equals ${q(m.value)} ignoring case`;
    case 'prefix-ignore-case':
      return `starts with ${q(m.value)} ignoring case`;
    case 'suffix-ignore-case':
      return `ends with ${q(m.value)} ignoring case`;
    case 'wildcard':
      return `matches the wildcard ${q(m.value)}`;
    case 'numeric':
      return `is a number ${m.text}`;
    case 'cidr':
      return `is an IP address in ${m.value}`;
    case 'exists':
      return 'exists';
    case 'anything-but-string':
      return `is anything but ${[...m.values].map((v) => q(v)).join(', ')}`;
    case 'anything-but-number':
      return `is anything but the number${m.values.length > 1 ? 's' : ''} ${m.values.join(', ')}`;
    case 'anything-but-prefix':
      return `does not start with ${m.values.map((v) => q(v)).join(' or ')}`;
    case 'anything-but-suffix':
      return `does not end with ${m.values.map((v) => q(v)).join(' or ')}`;
    case 'anything-but-ignore-case':
      return `is anything but ${m.values.map((v) => q(v)).join(', ')} ignoring case`;
    case 'anything-but-wildcard':
      return `does not match the wildcard ${m.values.map((v) => q(v)).join(' or ')}`;
  }
}

/** The leaf type a matcher can ever accept, for "wrong type" explanations. */
export function acceptsType(m: Matcher, v: Leaf): boolean {
  switch (m.op) {
    case 'exact-string':
    case 'exact-ip':
    case 'prefix':
    case 'suffix':
    case 'equals-ignore-case':
    case 'prefix-ignore-case':
    case 'suffix-ignore-case':
    case 'wildcard':
    case 'cidr':
      return typeof v === 'string';
    case 'exact-number':
    case 'numeric':
      return typeof v === 'number';
    case 'exact-literal':
      return typeof v === typeof m.value || (v === null && m.value === null);
    default:
      return true;
  }
}
