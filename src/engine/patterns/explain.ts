// Why a pattern matched an event or not: a verdict per field and per condition, which `$or`
// branch matched, and why a field failed (missing, not a leaf, wrong type, other value).
// Explanations are for people; they recompute everything the slow, direct way.

import { matchesConsistently } from './arrayConsistency';
import type { FieldSpec, PatternTree, PatternTreeItem } from './compilePattern';
import { collectPlacedLeaves, compileFieldPath, type FieldPath } from './eventLeaves';
import { locate, type SrcRange } from './sourceRange';
import { acceptsType, describeMatcher, testLeaf, type Leaf } from './matchers';
import { eventFor, type CompiledPattern } from './parsePattern';

/** The verdict for a whole pattern. */
export interface Explanation {
  matched: boolean;
  /** The pattern's top-level object. */
  root: ExplainGroup;
  /** Remarks that concern more than one field (array consistency). */
  notes: string[];
}

/** An object of the pattern (or one `$or` branch): all its items must hold. */
export interface ExplainGroup {
  kind: 'all';
  matched: boolean;
  items: ExplainItem[];
}

export type ExplainItem = ExplainField | ExplainOr;

/** A `$or`: one branch must hold. `matchedBranch` is the first branch that did. */
export interface ExplainOr {
  kind: 'or';
  path: string;
  matched: boolean;
  matchedBranch: number | null;
  branches: ExplainGroup[];
}

/** Why a field failed, or how it passed. */
export type FieldVerdict =
  | 'matched'
  | 'absent-as-required'
  | 'missing'
  | 'not-a-leaf'
  | 'wrong-type'
  | 'value-mismatch'
  | 'present-but-must-be-absent';

/** One field of the pattern against the event. */
export interface ExplainField {
  kind: 'field';
  /** Flattened field name, e.g. `detail.state`. */
  field: string;
  /** JSON path in the pattern. */
  path: string;
  matched: boolean;
  verdict: FieldVerdict;
  /** Leaf values the event has for this field. */
  found: Leaf[];
  conditions: ConditionVerdict[];
  /** A later occurrence of the same key replaced this one: AWS ignores it. */
  overridden: boolean;
  range?: SrcRange;
}

/** One element of the field's value list. */
export interface ConditionVerdict {
  condition: string;
  matched: boolean;
  /** The first event value that satisfied it. */
  matchedValue?: Leaf;
}

/** Explains how `pattern` judges `input` (an event, or SNS message attributes). */
export function explain(pattern: CompiledPattern, input: unknown): Explanation {
  const event = eventFor(pattern.mode, input);
  const paths = new Map<string, FieldPath>();
  const pathOf = (name: string) => {
    let p = paths.get(name);
    if (!p) paths.set(name, (p = compileFieldPath(name)));
    return p;
  };
  const subResults = pattern.ir.subRules.map((sr) =>
    safe(() => matchesConsistently(event, sr.fields.map((f) => ({ path: pathOf(f.name), matchers: f.matchers, allowAbsent: f.allowAbsent })))),
  );
  const matched = subResults.some(Boolean);
  const live = new Set<FieldSpec>(pattern.ir.subRules.flatMap((sr) => sr.fields));
  const fieldCache = new Map<FieldSpec, ExplainField>();

  const explainField = (f: FieldSpec): ExplainField => {
    let e = fieldCache.get(f);
    if (e) return e;
    const found: Leaf[] = safe(() => collectPlacedLeaves(event, pathOf(f.name)).map((l) => l.value)) || [];
    const conditions: ConditionVerdict[] = f.matchers.map((m) => {
      const hit = found.find((v) => testLeaf(m, v));
      return hit === undefined ? { condition: describeMatcher(m), matched: false } : { condition: describeMatcher(m), matched: true, matchedValue: hit };
    });
    if (f.allowAbsent) conditions.push({ condition: 'does not exist', matched: found.length === 0 });
    const byValue = conditions.slice(0, f.matchers.length).some((c) => c.matched);
    const isMatched = byValue || (f.allowAbsent && found.length === 0);
    let verdict: FieldVerdict;
    if (byValue) verdict = 'matched';
    else if (isMatched) verdict = 'absent-as-required';
    else if (found.length === 0) verdict = hasObjectAt(event, f.name) ? 'not-a-leaf' : 'missing';
    else if (f.matchers.length === 0) verdict = 'present-but-must-be-absent';
    else verdict = found.some((v) => f.matchers.some((m) => acceptsType(m, v))) ? 'value-mismatch' : 'wrong-type';
    e = {
      kind: 'field',
      field: f.name,
      path: f.jsonPath,
      matched: isMatched,
      verdict,
      found,
      conditions,
      overridden: !live.has(f),
      range: locate(pattern.text, f.keySpan),
    };
    fieldCache.set(f, e);
    return e;
  };

  const group = (t: PatternTree): ExplainGroup => {
    const items = t.items.map(item);
    return { kind: 'all', matched: items.every((i) => i.matched || (i.kind === 'field' && i.overridden)), items };
  };
  const item = (it: PatternTreeItem): ExplainItem => {
    if (it.kind === 'field') return explainField(it.field);
    let matchedBranch: number | null = null;
    pattern.ir.subRules.forEach((sr, i) => {
      const b = sr.choices[it.id];
      if (subResults[i] && b >= 0 && (matchedBranch === null || b < matchedBranch)) matchedBranch = b;
    });
    const branches = it.branches.map(group);
    const anyBranch = matchedBranch !== null || (!matched && branches.some((b) => b.matched));
    return { kind: 'or', path: it.jsonPath, matched: anyBranch, matchedBranch, branches };
  };

  const root = group(pattern.ir.tree);
  root.matched = matched;
  const notes: string[] = [];
  if (!matched) {
    const allFieldsHold = pattern.ir.subRules.some((sr) => sr.fields.every((f) => explainField(f).matched));
    if (allFieldsHold) {
      notes.push(
        'Every field has a matching value, but not all in the same element of an array: values matched together must come from the same array element (or {"exists": false} is judged within that element).',
      );
    }
  }
  return { matched, root, notes };
}

function safe<T>(f: () => T): T | false {
  try {
    return f();
  } catch {
    return false;
  }
}

/** True when the field name leads to an object or an empty array: present, but not a leaf. */
function hasObjectAt(event: unknown, name: string): boolean {
  const p = compileFieldPath(name);
  const seen = { found: false };
  safe(() => findContainer(event, p, 0, seen, 0));
  return seen.found;
}

function findContainer(node: unknown, p: FieldPath, i: number, seen: { found: boolean }, depth: number): void {
  if (typeof node !== 'object' || node === null || depth > 1000 || seen.found) return;
  if (i === p.segs.length) {
    seen.found = true;
    return;
  }
  if (Array.isArray(node)) {
    for (const el of node) findContainer(el, p, i, seen, depth + 1);
    return;
  }
  const row = p.keys[i];
  for (let j = 0; j < row.length; j++) {
    if (Object.hasOwn(node, row[j])) findContainer((node as Record<string, unknown>)[row[j]], p, i + j + 1, seen, depth);
  }
}
