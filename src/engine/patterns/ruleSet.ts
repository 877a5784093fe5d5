// Many patterns compiled into one structure. Fields and conditions are shared between rules;
// every sub-rule is indexed under its most selective condition (its anchor), so an event only
// wakes the sub-rules whose anchor it satisfies, and the cost grows with the number of fields
// read and rules matched rather than with the number of rules. Condition results are memoised
// per event. The exact array-consistency search runs only when it can change the answer.

import { matchesConsistently, type BoundField } from './arrayConsistency';
import type { SubRule } from './compilePattern';
import { compileFieldPath, type FieldPath } from './eventLeaves';
import { buildFieldTrie, collectAllLeaves, type LeafTable, type TrieNode } from './fieldTrie';
import { JsonScanner } from './jsonScanner';
import { parseOrUndefined } from './parseJson';
import { matcherKey, testLeaf, type Leaf, type Matcher } from './matchers';
import { anchorKeyText, anchorOf, FieldIndex, type AnchorKey } from './valueIndex';

interface Condition {
  field: number;
  matchers: Matcher[];
  allowAbsent: boolean;
}

interface Sub {
  rule: number;
  conds: number[];
  bound: BoundField[] | null;
}

/** The shared engine behind single patterns and rule sets. */
export class RuleEngine {
  readonly fields: FieldPath[] = [];
  private readonly fieldIds = new Map<string, number>();
  private readonly conds: Condition[] = [];
  private readonly condIds = new Map<string, number>();
  private readonly subs: Sub[] = [];
  private readonly indexes: FieldIndex[] = [];
  private anchorFields: number[] = [];
  private always: number[] = [];
  /** per sub-rule: its anchor condition, and whether an index hit proves that condition */
  private anchorCond = new Int32Array(0);
  private anchorExact = new Uint8Array(0);
  // per-event memo, valid while its stamp equals `stamp`
  private stamp = 0;
  private readonly fieldLeaves: Leaf[][] = [];
  private table: LeafTable = { leaves: this.fieldLeaves, count: new Int32Array(0), inArray: new Uint8Array(0) };
  private trie: TrieNode | null = null;
  private scannerCache: JsonScanner | null = null;
  private condStamp = new Uint32Array(0);
  private condOk = new Uint8Array(0);
  private subStamp = new Uint32Array(0);
  private ruleStamp = new Uint32Array(0);
  private cands = new Int32Array(64);
  private candCount = 0;
  /** rule indices matched by the last {@link run}, ascending, in `matched[0 .. run())` */
  matched = new Int32Array(64);
  private event: unknown = undefined;
  /** JSON text of the current event when it came as text (parsed only if the exact search needs it) */
  private text: string | null = null;
  private readonly hit = (ids: number[]) => {
    const st = this.subStamp;
    const s = this.stamp;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (st[id] !== s) {
        st[id] = s;
        if (this.candCount === this.cands.length) this.cands = grow(this.cands);
        this.cands[this.candCount++] = id;
        if (this.anchorExact[id] === 1) {
          const c = this.anchorCond[id];
          this.condStamp[c] = s;
          this.condOk[c] = 1;
        }
      }
    }
  };

  constructor(rules: readonly (readonly SubRule[])[]) {
    const subFields: { conds: number[]; rule: number }[] = [];
    rules.forEach((subRules, rule) => {
      for (const sr of subRules) {
        const conds = sr.fields.map((f) => this.condition(f.name, f.matchers, f.allowAbsent));
        subFields.push({ conds, rule });
      }
    });
    for (const s of subFields) this.subs.push({ rule: s.rule, conds: s.conds, bound: null });
    this.buildAnchors();
    this.table = { leaves: this.fieldLeaves, count: new Int32Array(this.fields.length), inArray: new Uint8Array(this.fields.length) };
    this.condStamp = new Uint32Array(this.conds.length);
    this.condOk = new Uint8Array(this.conds.length);
    this.subStamp = new Uint32Array(this.subs.length);
    this.ruleStamp = new Uint32Array(rules.length);
  }

  private field(name: string): number {
    let id = this.fieldIds.get(name);
    if (id === undefined) {
      id = this.fields.length;
      this.fieldIds.set(name, id);
      this.fields.push(compileFieldPath(name));
      this.fieldLeaves.push([]);
      this.indexes.push(new FieldIndex());
    }
    return id;
  }

  private condition(name: string, matchers: Matcher[], allowAbsent: boolean): number {
    const key = `${name}\u0000${allowAbsent}\u0000${matchers.map(matcherKey).sort().join('\u0001')}`;
    let id = this.condIds.get(key);
    if (id === undefined) {
      id = this.conds.length;
      this.condIds.set(key, id);
      this.conds.push({ field: this.field(name), matchers, allowAbsent });
    }
    return id;
  }

  /** Picks each sub-rule's anchor: the condition whose keys the fewest sub-rules share. */
  private buildAnchors(): void {
    const freq = new Map<string, number>();
    const keysOf = (c: Condition) => c.matchers.map((m) => ({ ...anchorOf(m), text: `${c.field}|${anchorKeyText(anchorOf(m).key)}` }));
    for (const s of this.subs) {
      for (const cid of s.conds) {
        const c = this.conds[cid];
        if (c.allowAbsent) continue;
        for (const k of keysOf(c)) freq.set(k.text, (freq.get(k.text) ?? 0) + 1);
      }
    }
    const used = new Set<number>();
    this.anchorCond = new Int32Array(this.subs.length).fill(-1);
    this.anchorExact = new Uint8Array(this.subs.length);
    this.subs.forEach((s, sid) => {
      let best = -1;
      let bestCost = Infinity;
      let bestKeys: { key: AnchorKey; exact: boolean }[] = [];
      for (const cid of s.conds) {
        const c = this.conds[cid];
        if (c.allowAbsent) continue;
        const keys = keysOf(c);
        const cost = keys.reduce((a, k) => a + k.weight * (freq.get(k.text) ?? 1), 0);
        if (cost < bestCost) {
          best = cid;
          bestCost = cost;
          bestKeys = keys;
        }
      }
      if (best < 0) {
        this.always.push(sid);
        return;
      }
      const f = this.conds[best].field;
      used.add(f);
      for (const k of bestKeys) this.indexes[f].add(k.key, sid);
      this.anchorCond[sid] = best;
      this.anchorExact[sid] = bestKeys.every((k) => k.exact) ? 1 : 0;
    });
    this.anchorFields = [...used].sort((a, b) => a - b);
  }

  /** The JSON scanner over this engine's fields (built on first use). */
  get scanner(): JsonScanner {
    return (this.scannerCache ??= new JsonScanner(this.fieldTrie()));
  }

  private fieldTrie(): TrieNode {
    return (this.trie ??= buildFieldTrie(this.fields));
  }

  private next(): void {
    if (this.stamp >= 0xfffffff0) {
      this.stamp = 0;
      for (const a of [this.condStamp, this.subStamp, this.ruleStamp]) a.fill(0);
    }
    this.stamp++;
  }

  /** Starts a new event given as an object: collects every field's leaves. */
  beginObject(event: unknown): void {
    this.next();
    this.event = event;
    this.text = null;
    collectAllLeaves(event, this.fieldTrie(), this.table);
  }

  /**
   * Starts a new event given as JSON text; false when the scanner gave up and the text must
   * be parsed instead.
   */
  beginText(text: string): boolean {
    this.next();
    this.event = undefined;
    this.text = text;
    return this.scanner.scan(text, this.table);
  }

  /** Finds the rules matching the current event; returns how many (see {@link matched}). */
  run(): number {
    this.candCount = 0;
    const count = this.table.count;
    const fields = this.anchorFields;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      const n = count[f];
      if (n > 0) this.indexes[f].probe(this.fieldLeaves[f], n, this.hit);
    }
    if (this.always.length > 0) this.hit(this.always);
    let m = 0;
    const cands = this.cands;
    for (let i = 0; i < this.candCount; i++) {
      const sub = this.subs[cands[i]];
      if (this.ruleStamp[sub.rule] === this.stamp) continue;
      if (this.evaluate(sub)) {
        this.ruleStamp[sub.rule] = this.stamp;
        if (m === this.matched.length) this.matched = grow(this.matched);
        // insertion keeps the result in rule order; usually only a few rules match
        let j = m++;
        while (j > 0 && this.matched[j - 1] > sub.rule) {
          this.matched[j] = this.matched[j - 1];
          j--;
        }
        this.matched[j] = sub.rule;
      }
    }
    return m;
  }

  private condMatched(cid: number): boolean {
    if (this.condStamp[cid] === this.stamp) return this.condOk[cid] === 1;
    const c = this.conds[cid];
    const leaves = this.fieldLeaves[c.field];
    const n = this.table.count[c.field];
    let ok = false;
    const ms = c.matchers;
    outer: for (let i = 0; i < n; i++) {
      const v = leaves[i];
      for (let j = 0; j < ms.length; j++) {
        if (testLeaf(ms[j], v)) {
          ok = true;
          break outer;
        }
      }
    }
    this.condStamp[cid] = this.stamp;
    this.condOk[cid] = ok ? 1 : 0;
    return ok;
  }

  private evaluate(sub: Sub): boolean {
    let arrays = 0;
    let maybeAbsent = false;
    for (const cid of sub.conds) {
      const c = this.conds[cid];
      if (this.condMatched(cid)) {
        if (this.table.inArray[c.field]) arrays++;
        continue;
      }
      if (!c.allowAbsent) return false;
      if (this.table.count[c.field] === 0) continue;
      if (!this.table.inArray[c.field]) return false;
      maybeAbsent = true;
    }
    if (arrays >= 2 || (maybeAbsent && arrays >= 1)) return this.exact(sub);
    return !maybeAbsent;
  }

  private exact(sub: Sub): boolean {
    if (!sub.bound) {
      sub.bound = sub.conds.map((cid) => {
        const c = this.conds[cid];
        return { path: this.fields[c.field], matchers: c.matchers, allowAbsent: c.allowAbsent };
      });
    }
    if (this.text !== null) {
      // the scanner read this event: parse it once for the exact search
      const parsed = parseOrUndefined(this.text);
      this.event = parsed.value;
      this.text = null;
    }
    return matchesConsistently(this.event, sub.bound);
  }
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
