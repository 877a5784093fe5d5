// A slow, direct reference matcher used only by tests. It shares no code with the engine: it
// flattens the whole event into named leaves with their array positions (as event-ruler does),
// expands the pattern object into sub-rules, and searches every combination of leaves.

type Leaf = string | number | boolean | null;
interface Field {
  name: string;
  value: Leaf;
  arrays: Map<number, number>; // array id -> element index
}
type Rule = Map<string, unknown[]>;

export interface RefLimits {
  max: number;
  decimals: number;
}
export const EB_LIMITS: RefLimits = { max: 5e9, decimals: 6 };

/** Every leaf of the event with its dotted name; arrays do not add to names. */
export function flatten(event: unknown): Field[] {
  const out: Field[] = [];
  let nextArray = 0;
  const visit = (v: unknown, name: string | null, arrays: Map<number, number>): void => {
    if (Array.isArray(v)) {
      const id = nextArray++;
      v.forEach((el, i) => visit(el, name, new Map([...arrays, [id, i]])));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) visit(x, name === null ? k : `${name}.${k}`, arrays);
    } else if (name !== null && (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) {
      out.push({ name, value: v, arrays });
    }
  };
  visit(event, null, new Map());
  return out;
}

/** The pattern's sub-rules: keys are processed in order, `$or` forks, a repeated name is replaced. */
export function expand(obj: Record<string, unknown>, prefix: string[] = [], rules: Rule[] = []): Rule[] {
  for (const [k, v] of Object.entries(obj)) {
    if (k === '$or') {
      const base = rules;
      rules = [];
      for (const branch of v as Record<string, unknown>[]) {
        rules.push(...expand(branch, prefix, base.length > 0 ? base.map((r) => new Map(r)) : [new Map()]));
      }
    } else if (Array.isArray(v)) {
      if (rules.length === 0) rules = [new Map()];
      const name = [...prefix, k].join('.');
      for (const r of rules) {
        r.delete(name);
        r.set(name, v);
      }
    } else {
      rules = expand(v as Record<string, unknown>, [...prefix, k], rules);
    }
  }
  return rules;
}

/** Does the pattern (a plain object) match the event? */
export function referenceMatches(pattern: Record<string, unknown>, event: unknown, limits: RefLimits = EB_LIMITS): boolean {
  const fields = flatten(event);
  return expand(pattern).some((rule) => ruleMatches(rule, fields, limits));
}

function ruleMatches(rule: Rule, fields: Field[], limits: RefLimits): boolean {
  const names = [...rule.keys()].sort();
  const search = (i: number, chosen: Map<number, number>): boolean => {
    if (i === names.length) return true;
    const conds = rule.get(names[i])!;
    const named = fields.filter((f) => f.name === names[i]);
    const fits = (f: Field) => [...f.arrays].every(([id, idx]) => !chosen.has(id) || chosen.get(id) === idx);
    for (const f of named) {
      if (fits(f) && conds.some((c) => condition(c, f.value, limits))) {
        if (search(i + 1, new Map([...chosen, ...f.arrays]))) return true;
      }
    }
    const mayBeAbsent = conds.some((c) => isObj(c) && c.exists === false);
    return mayBeAbsent && !named.some(fits) && search(i + 1, chosen);
  };
  return search(0, new Map());
}

const isObj = (c: unknown): c is Record<string, unknown> => typeof c === 'object' && c !== null && !Array.isArray(c);
const lower = (s: string) => s.toLowerCase();

function comparable(v: number, l: RefLimits): boolean {
  return Math.abs(v) <= l.max && Number(v.toFixed(l.decimals)) === v;
}

function wildcardRegex(w: string): RegExp {
  let re = '';
  for (let i = 0; i < w.length; i++) {
    const ch = w[i];
    if (ch === '\\') re += w[++i].replace(/[\\*]/, '\\$&');
    else if (ch === '*') re += '[\\s\\S]*';
    else re += ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** An IP literal as [family, value], or null. */
function ip(s: string): [4 | 6, bigint] | null {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (v4) {
    const parts = v4.slice(1);
    if (parts.some((p) => Number(p) > 255 || (p.length > 1 && p.startsWith('0')))) return null;
    return [4, parts.reduce((a, p) => (a << 8n) | BigInt(p), 0n)];
  }
  if (!/^[0-9a-fA-F:]*:[0-9a-fA-F:]*$/.test(s) || s.split('::').length > 2) return null;
  const [h, t] = s.includes('::') ? s.split('::') : [s, null];
  const groups = (x: string) => (x === '' ? [] : x.split(':'));
  const head = groups(h);
  const tail = t === null ? [] : groups(t);
  const fill = t === null ? 0 : 8 - head.length - tail.length;
  if ((t !== null && fill < 1) || head.length + tail.length + fill !== 8) return null;
  const all = [...head, ...Array<string>(fill).fill('0'), ...tail];
  if (all.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return null;
  const n = all.reduce((a, g) => (a << 16n) | BigInt(parseInt(g, 16)), 0n);
  return n >> 32n === 0xffffn ? [4, n & 0xffffffffn] : [6, n];
}

function inCidr(cidr: string, v: string): boolean {
  const [addr, bits] = cidr.split('/');
  const base = ip(addr);
  const x = ip(v);
  if (!base || !x || base[0] !== x[0]) return false;
  const width = base[0] === 4 ? 32n : 128n;
  const host = (1n << (width - BigInt(Number(bits)))) - 1n;
  return x[1] >= base[1] && x[1] <= (base[1] | host);
}

function condition(c: unknown, v: Leaf, l: RefLimits): boolean {
  if (!isObj(c)) {
    if (typeof c === 'string' && typeof v === 'string') {
      if (c === v) return true;
      const a = ip(c);
      const b = ip(v);
      return a !== null && b !== null && a[0] === b[0] && a[1] === b[1];
    }
    return c === v;
  }
  const [op, arg] = Object.entries(c)[0];
  const s = typeof v === 'string' ? v : null;
  switch (op) {
    case 'exactly':
      return s === arg;
    case 'exists':
      return arg === true;
    case 'prefix':
      if (isObj(arg)) return s !== null && lower(s).startsWith(lower(arg['equals-ignore-case'] as string));
      return s !== null && s.startsWith(arg as string);
    case 'suffix':
      if (isObj(arg)) return s !== null && lower(s).endsWith(lower(arg['equals-ignore-case'] as string));
      return s !== null && s.endsWith(arg as string);
    case 'equals-ignore-case':
      return s !== null && lower(s) === lower(arg as string);
    case 'wildcard':
      return s !== null && wildcardRegex(arg as string).test(s);
    case 'cidr':
      return s !== null && inCidr(arg as string, s);
    case 'numeric': {
      if (typeof v !== 'number' || !comparable(v, l)) return false;
      const terms = arg as (string | number)[];
      const cmp = { '=': (a: number, b: number) => a === b, '<': (a: number, b: number) => a < b, '<=': (a: number, b: number) => a <= b, '>': (a: number, b: number) => a > b, '>=': (a: number, b: number) => a >= b };
      for (let i = 0; i < terms.length; i += 2) if (!cmp[terms[i] as keyof typeof cmp](v, terms[i + 1] as number)) return false;
      return true;
    }
    case 'anything-but': {
      if (isObj(arg)) {
        const [sub, val] = Object.entries(arg)[0];
        const list = (Array.isArray(val) ? val : [val]) as string[];
        if (s === null) return true;
        if (sub === 'prefix') return !list.some((p) => s.startsWith(p));
        if (sub === 'suffix') return !list.some((p) => s.endsWith(p));
        if (sub === 'equals-ignore-case') return !list.some((p) => lower(p) === lower(s));
        return !list.some((p) => wildcardRegex(p).test(s));
      }
      const list = (Array.isArray(arg) ? arg : [arg]) as (string | number)[];
      return !list.some((x) => x === v);
    }
  }
  throw new Error(`reference matcher: unknown operator ${op}`);
}
