// Per-field indexes that turn one leaf value into the sub-rules it may satisfy, without
// looking at every rule: hash maps for exact values, maps per length for prefixes and
// suffixes, sorted elementary intervals for numeric ranges. An index entry is only a
// necessary condition; candidates are checked in full afterwards.

import { ipToHex } from './ip';
import { fold, type Leaf, type Matcher } from './matchers';

/** How a matcher is found from a leaf value. */
export type AnchorKey =
  | { kind: 'str' | 'fold' | 'prefix' | 'suffix' | 'fprefix' | 'fsuffix' | 'ip'; value: string }
  | { kind: 'num'; value: number }
  | { kind: 'lit'; value: boolean | null }
  | { kind: 'range'; lo: number; loOpen: boolean; hi: number; hiOpen: boolean }
  | { kind: 'present' };

/**
 * The cheapest way to find `m`, a weight (how unselective that way usually is), and whether a
 * hit proves the matcher holds (otherwise the candidate must still test it).
 */
export function anchorOf(m: Matcher): { key: AnchorKey; weight: number; exact: boolean } {
  const k = anchorKey(m);
  const exact = k.kind !== 'range' && !(m.op === 'wildcard' && m.wildcard.parts.length > 1) && (k.kind !== 'present' || m.op === 'exists');
  return { ...WEIGHTS[k.kind], key: k, exact };
}

const WEIGHTS: Record<AnchorKey['kind'], { weight: number }> = {
  str: { weight: 1 },
  num: { weight: 1 },
  ip: { weight: 1 },
  lit: { weight: 2 },
  fold: { weight: 3 },
  prefix: { weight: 3 },
  suffix: { weight: 3 },
  fprefix: { weight: 4 },
  fsuffix: { weight: 4 },
  range: { weight: 5 },
  present: { weight: 50 },
};

function anchorKey(m: Matcher): AnchorKey {
  switch (m.op) {
    case 'exact-string':
      return { kind: 'str', value: m.value };
    case 'exact-number':
      return { kind: 'num', value: m.value };
    case 'exact-literal':
      return { kind: 'lit', value: m.value };
    case 'exact-ip':
      return { kind: 'ip', value: m.hex };
    case 'equals-ignore-case':
      return { kind: 'fold', value: m.folded };
    case 'prefix':
    case 'suffix':
      return m.value === '' ? { kind: 'present' } : { kind: m.op, value: m.value };
    case 'prefix-ignore-case':
    case 'suffix-ignore-case':
      if (m.folded === '') return { kind: 'present' };
      return { kind: m.op === 'prefix-ignore-case' ? 'fprefix' : 'fsuffix', value: m.folded };
    case 'wildcard': {
      const parts = m.wildcard.parts;
      if (parts.length === 1) return { kind: 'str', value: parts[0] };
      if (parts[0] !== '') return { kind: 'prefix', value: parts[0] };
      const last = parts[parts.length - 1];
      return last !== '' ? { kind: 'suffix', value: last } : { kind: 'present' };
    }
    case 'numeric':
      return { kind: 'range', lo: m.lo, loOpen: m.loOpen, hi: m.hi, hiOpen: m.hiOpen };
    default:
      return { kind: 'present' };
  }
}

/** A text key used to count how many sub-rules share an anchor. */
export function anchorKeyText(k: AnchorKey): string {
  switch (k.kind) {
    case 'num':
      return `num:${k.value}`;
    case 'lit':
      return `lit:${String(k.value)}`;
    case 'range':
      return `range:${k.lo}:${k.loOpen}:${k.hi}:${k.hiOpen}`;
    case 'present':
      return 'present';
    default:
      return `${k.kind}:${k.value}`;
  }
}

type Ids = number[];

function push<K>(map: Map<K, Ids>, key: K, id: number): void {
  const l = map.get(key);
  if (l) {
    if (l[l.length - 1] !== id) l.push(id);
  } else map.set(key, [id]);
}

/** Prefixes (or suffixes, read backwards) in a trie of char codes: probing allocates nothing. */
class AffixIndex {
  private readonly root: AffixNode = { next: null, ids: null };
  empty = true;
  add(value: string, id: number, suffix: boolean): void {
    let node = this.root;
    const n = value.length;
    for (let i = 0; i < n; i++) {
      const c = value.charCodeAt(suffix ? n - 1 - i : i);
      node.next ??= new Map();
      let nx = node.next.get(c);
      if (!nx) node.next.set(c, (nx = { next: null, ids: null }));
      node = nx;
    }
    node.ids ??= [];
    if (node.ids[node.ids.length - 1] !== id) node.ids.push(id);
    this.empty = false;
  }
  probe(s: string, suffix: boolean, hit: (ids: Ids) => void): void {
    let node = this.root;
    const n = s.length;
    for (let i = 0; i < n; i++) {
      const next = node.next;
      if (next === null) return;
      const nx = next.get(s.charCodeAt(suffix ? n - 1 - i : i));
      if (nx === undefined) return;
      node = nx;
      if (node.ids !== null) hit(node.ids);
    }
  }
}

interface AffixNode {
  next: Map<number, AffixNode> | null;
  ids: Ids | null;
}

/** Numeric ranges cut into elementary segments, each listing the ranges covering it. */
class RangeIndex {
  private entries: { lo: number; loOpen: boolean; hi: number; hiOpen: boolean; id: number }[] = [];
  private points: number[] = [];
  private segs: Ids[] = [];
  private dirty = false;
  add(k: Extract<AnchorKey, { kind: 'range' }>, id: number): void {
    this.entries.push({ ...k, id });
    this.dirty = true;
  }
  get empty(): boolean {
    return this.entries.length === 0;
  }
  private build(): void {
    this.points = [...new Set(this.entries.flatMap((e) => [e.lo, e.hi]))].sort((a, b) => a - b);
    // segment 2k+1 is the point p_k; segment 2k is the open gap just below p_k
    this.segs = Array.from({ length: 2 * this.points.length + 1 }, () => []);
    for (const e of this.entries) {
      const a = 2 * this.points.indexOf(e.lo) + (e.loOpen ? 2 : 1);
      const b = 2 * this.points.indexOf(e.hi) + (e.hiOpen ? 0 : 1);
      for (let s = a; s <= b; s++) this.segs[s].push(e.id);
    }
    this.dirty = false;
  }
  probe(v: number, hit: (ids: Ids) => void): void {
    if (this.dirty) this.build();
    const p = this.points;
    let lo = 0;
    let hi = p.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (p[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    const seg = lo < p.length && p[lo] === v ? 2 * lo + 1 : 2 * lo;
    const ids = this.segs[seg];
    if (ids && ids.length > 0) hit(ids);
  }
}

/** All anchors of one field name. */
export class FieldIndex {
  private readonly str = new Map<string, Ids>();
  private readonly num = new Map<number, Ids>();
  private readonly lit = new Map<boolean | null, Ids>();
  private readonly folded = new Map<string, Ids>();
  private readonly ip = new Map<string, Ids>();
  private readonly prefix = new AffixIndex();
  private readonly suffix = new AffixIndex();
  private readonly fprefix = new AffixIndex();
  private readonly fsuffix = new AffixIndex();
  private readonly ranges = new RangeIndex();
  private readonly present: Ids = [];
  private needsFold = false;

  add(k: AnchorKey, id: number): void {
    switch (k.kind) {
      case 'str':
        return push(this.str, k.value, id);
      case 'num':
        return push(this.num, k.value, id);
      case 'lit':
        return push(this.lit, k.value, id);
      case 'fold':
        this.needsFold = true;
        return push(this.folded, k.value, id);
      case 'ip':
        return push(this.ip, k.value, id);
      case 'prefix':
        return this.prefix.add(k.value, id, false);
      case 'suffix':
        return this.suffix.add(k.value, id, true);
      case 'fprefix':
        this.needsFold = true;
        return this.fprefix.add(k.value, id, false);
      case 'fsuffix':
        this.needsFold = true;
        return this.fsuffix.add(k.value, id, true);
      case 'range':
        return this.ranges.add(k, id);
      case 'present':
        if (this.present[this.present.length - 1] !== id) this.present.push(id);
    }
  }

  /** Calls `hit` with every list of sub-rules some leaf may satisfy. */
  probe(leaves: readonly Leaf[], count: number, hit: (ids: Ids) => void): void {
    if (this.present.length > 0) hit(this.present);
    const str = this.str.size > 0 ? this.str : null;
    const affix = !this.prefix.empty || !this.suffix.empty;
    const folding = this.needsFold;
    const ips = this.ip.size > 0;
    for (let i = 0; i < count; i++) {
      const v = leaves[i];
      if (typeof v === 'string') {
        if (str !== null) {
          const a = str.get(v);
          if (a !== undefined) hit(a);
        }
        if (affix) {
          this.prefix.probe(v, false, hit);
          this.suffix.probe(v, true, hit);
        }
        if (folding) {
          const f = fold(v);
          const b = this.folded.get(f);
          if (b) hit(b);
          this.fprefix.probe(f, false, hit);
          this.fsuffix.probe(f, true, hit);
        }
        if (ips) {
          const h = ipToHex(v);
          const c = h === null ? undefined : this.ip.get(h);
          if (c) hit(c);
        }
      } else if (typeof v === 'number') {
        const a = this.num.get(v);
        if (a) hit(a);
        if (!this.ranges.empty) this.ranges.probe(v, hit);
      } else {
        const a = this.lit.get(v);
        if (a) hit(a);
      }
    }
  }
}
