// fast-check generators for tests: events over a small vocabulary (so patterns hit them) and
// valid patterns built from the grammar of every operator.

import fc from 'fast-check';

export const KEYS = ['a', 'b', 'c', 'a.b', 'd-e', ''];
export const STRINGS = ['', 'x', 'xy', 'Xy', 'y', 'x*y', 'init', 'init-x', 'post-init', 'ǅ', '10.0.0.1', '10.0.0.255', '10.0.1.1', '2001:db8::1', '::ffff:a00:1', '010.0.0.1'];
export const NUMBERS = [0, 1, -1, 1.5, 2, 300, 1e-7, 0.1234567, 5e9, -5e9, 6e9, 123456.123456, 4999999999.5];
const COMPARABLE = [0, 1, -1, 1.5, 2, 300, 123456.123456, 5e9, -5e9, 0.000001];

/** JSON events over the key and value pools. */
export const eventArb: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown; obj: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...STRINGS),
    fc.constantFrom(...NUMBERS),
    fc.boolean(),
    fc.constant(null),
    tie('obj'),
    fc.array(tie('value'), { maxLength: 3 }),
  ),
  obj: fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 4 }),
})).obj;

const str = fc.constantFrom(...STRINGS);
const nonEmpty = fc.constantFrom(...STRINGS.filter((s) => s !== ''));
const wild = fc.constantFrom('*', 'x*', '*y', 'x*y', '', 'x\\*y', '*-*', 'init*', '*.1', '1*1');
const cmpNum = fc.constantFrom(...COMPARABLE);

function conditionArb(sns: boolean): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [
    str,
    fc.constantFrom(...NUMBERS),
    fc.constantFrom(true, false, null),
    str.map((s) => ({ prefix: s })),
    str.map((s) => ({ suffix: s })),
    str.map((s) => ({ 'equals-ignore-case': s })),
    str.map((s) => ({ prefix: { 'equals-ignore-case': s } })),
    str.map((s) => ({ suffix: { 'equals-ignore-case': s } })),
    str.map((s) => ({ 'anything-but': s })),
    cmpNum.map((n) => ({ 'anything-but': n })),
    fc.array(str, { minLength: 1, maxLength: 3 }).map((l) => ({ 'anything-but': l })),
    fc.array(cmpNum, { minLength: 1, maxLength: 3 }).map((l) => ({ 'anything-but': l })),
    nonEmpty.map((s) => ({ 'anything-but': { prefix: s } })),
    fc.array(nonEmpty, { minLength: 1, maxLength: 2 }).map((l) => ({ 'anything-but': { suffix: l } })),
    fc.oneof(str, fc.array(str, { minLength: 1, maxLength: 2 })).map((v) => ({ 'anything-but': { 'equals-ignore-case': v } })),
    cmpNum.map((n) => ({ numeric: ['=', n] })),
    fc.tuple(fc.constantFrom('<', '<=', '>', '>='), cmpNum)
      .filter(([op, n]) => (op.startsWith('<') ? n > -5e9 : n < 5e9))
      .map(([op, n]) => ({ numeric: [op, n] })),
    fc.tuple(fc.constantFrom('>', '>='), cmpNum, fc.constantFrom('<', '<='), cmpNum)
      .filter(([, a, , b]) => a < b)
      .map(([o1, a, o2, b]) => ({ numeric: [o1, a, o2, b] })),
    fc.boolean().map((b) => ({ exists: b })),
    fc.constantFrom('10.0.0.0/24', '10.0.0.5/24', '10.0.0.0/8', '2001:db8::/32', '0.0.0.0/0').map((c) => ({ cidr: c })),
  ];
  if (!sns) {
    options.push(
      wild.map((w) => ({ wildcard: w })),
      fc.oneof(wild, fc.array(wild, { minLength: 1, maxLength: 2 })).map((v) => ({ 'anything-but': { wildcard: v } })),
      str.map((s) => ({ exactly: s })),
    );
  }
  return fc.oneof(...options);
}

/** Valid patterns: nested objects, value lists of any operator, and `$or`. */
export function patternArb(opts: { sns?: boolean; depth?: number } = {}): fc.Arbitrary<Record<string, unknown>> {
  const cond = conditionArb(opts.sns ?? false);
  const list = fc.array(cond, { minLength: 1, maxLength: 3 });
  const build = (depth: number): fc.Arbitrary<Record<string, unknown>> => {
    const value = depth <= 0 ? list : fc.oneof({ weight: 3, arbitrary: list }, { weight: 1, arbitrary: build(depth - 1) });
    const fields = fc.dictionary(fc.constantFrom(...KEYS), value, { minKeys: 1, maxKeys: 3 });
    if (depth <= 0) return fields;
    const or = fc.array(build(depth - 1), { minLength: 2, maxLength: 3 });
    return fc.oneof(
      { weight: 3, arbitrary: fields },
      {
        weight: 1,
        arbitrary: fc.tuple(fields, or, fc.boolean()).map(([f, o, first]) => (first ? { $or: o, ...f } : { ...f, $or: o })),
      },
    );
  };
  return build(opts.depth ?? 2);
}

/** Leaf values likely to satisfy (or narrowly miss) one condition of a pattern. */
function valuesFor(c: unknown): unknown[] {
  if (typeof c !== 'object' || c === null) return [c];
  const [op, arg] = Object.entries(c)[0];
  const s = typeof arg === 'string' ? arg : typeof arg === 'object' && arg !== null && !Array.isArray(arg) ? Object.values(arg)[0] : arg;
  switch (op) {
    case 'prefix':
      return typeof s === 'string' ? [s, `${s}z`, s.toUpperCase()] : [];
    case 'suffix':
      return typeof s === 'string' ? [s, `z${s}`, s.toUpperCase()] : [];
    case 'equals-ignore-case':
    case 'exactly':
      return typeof s === 'string' ? [s, s.toUpperCase()] : [];
    case 'wildcard':
      return typeof s === 'string' ? [s.replace(/\\?\*/g, ''), s.replace(/\\?\*/g, 'zz')] : [];
    case 'numeric':
      return (arg as unknown[]).filter((x) => typeof x === 'number').flatMap((n) => [n as number, (n as number) + 1, (n as number) - 0.5]);
    case 'cidr':
      return ['10.0.0.7', '10.0.0.2', '2001:db8::5', '10.1.0.0'];
    case 'anything-but':
      return (Array.isArray(s) ? s : [s]).map((x) => (typeof x === 'string' ? x.replace(/\*/g, '') : x));
    default:
      return [];
  }
}

/** Events shaped like the pattern (same keys, nearby values, arrays here and there). */
export function eventLikeArb(pattern: Record<string, unknown>): fc.Arbitrary<unknown> {
  const leaf = (list: unknown[]): fc.Arbitrary<unknown> => {
    const near = list.flatMap(valuesFor);
    const one = near.length > 0 ? fc.oneof(fc.constantFrom(...near), fc.constantFrom(...STRINGS, ...NUMBERS, true, false, null)) : fc.constantFrom(...STRINGS, ...NUMBERS);
    return fc.oneof({ weight: 6, arbitrary: one }, { weight: 2, arbitrary: fc.array(one, { maxLength: 3 }) }, { weight: 1, arbitrary: fc.constant({}) });
  };
  const obj = (p: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> => {
    const parts: fc.Arbitrary<[string, unknown][]>[] = Object.entries(p).map(([k, v]) => {
      if (k === '$or') {
        return fc.subarray(v as Record<string, unknown>[]).chain((bs) => (bs.length === 0 ? fc.constant([]) : fc.tuple(...bs.map(obj)).map((os) => os.flatMap((o) => Object.entries(o)))));
      }
      const value = Array.isArray(v) ? leaf(v) : fc.oneof({ weight: 3, arbitrary: obj(v as Record<string, unknown>) }, { weight: 1, arbitrary: fc.array(obj(v as Record<string, unknown>), { maxLength: 3 }) });
      return fc.option(value, { freq: 6 }).map((x) => (x === null ? [] : [[k, x]] as [string, unknown][]));
    });
    return fc.tuple(fc.constant([] as [string, unknown][]), ...parts, fc.dictionary(fc.constantFrom(...KEYS), fc.constantFrom(...STRINGS), { maxKeys: 1 })).map(([, ...rest]) => {
      const extra = rest.pop() as Record<string, unknown>;
      const out: Record<string, unknown> = { ...extra };
      for (const entries of rest as [string, unknown][][]) for (const [k, x] of entries) out[k] = x;
      return out;
    });
  };
  return fc.oneof({ weight: 5, arbitrary: obj(pattern) }, { weight: 1, arbitrary: fc.array(obj(pattern), { minLength: 1, maxLength: 2 }).map((a) => ({ wrap: a })) });
}

/** A pattern together with events shaped like it, and unrelated ones. */
export const patternAndEventArb = patternArb().chain((p) => fc.tuple(fc.constant(p), fc.oneof({ weight: 4, arbitrary: eventLikeArb(p) }, { weight: 1, arbitrary: eventArb })));
