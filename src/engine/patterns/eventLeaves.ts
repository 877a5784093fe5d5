// Finds the leaf values of one field name in an event object, reading only along that name
// (used by the exact consistency search and by explanations; the hot path is fieldTrie.ts).
// Field names join keys with ".", and an event key may itself contain dots, so the name
// `a.b.c` is found under a→b→c, "a.b"→c, a→"b.c" and "a.b.c". Arrays are transparent: every
// element is searched. Only scalars are leaves. Nothing here throws on odd input.

import type { Leaf } from './matchers';

/** A field name prepared for lookups. */
export interface FieldPath {
  name: string;
  segs: string[];
  /** keys[i][j - i] = segs[i..j] joined with "." */
  keys: string[][];
  /** true where the key also names something on Object.prototype and needs an own-property check */
  guarded: boolean[][];
}

/** Arrays nested deeper than this are not searched (AWS stops near 1,000 levels too). */
export const MAX_NESTING = 1000;

export function compileFieldPath(name: string): FieldPath {
  const segs = name.split('.');
  const keys: string[][] = [];
  const guarded: boolean[][] = [];
  for (let i = 0; i < segs.length; i++) {
    const row: string[] = [];
    const g: boolean[] = [];
    let k = segs[i];
    for (let j = i; j < segs.length; j++) {
      if (j > i) k += '.' + segs[j];
      row.push(k);
      g.push(k in Object.prototype);
    }
    keys.push(row);
    guarded.push(g);
  }
  return { name, segs, keys, guarded };
}

export function isLeaf(v: unknown): v is Leaf {
  const t = typeof v;
  return t === 'string' || t === 'number' || t === 'boolean' || v === null;
}

/** One step of a leaf's way out of arrays: which array, which element. */
export interface ArrayStep {
  arr: unknown;
  idx: number;
}

/** A leaf with the arrays (outermost first) it sits in. */
export interface PlacedLeaf {
  value: Leaf;
  chain: ArrayStep[];
}

/** The leaves of `path` in `event`, each with the arrays it sits in. */
export function collectPlacedLeaves(event: unknown, path: FieldPath): PlacedLeaf[] {
  const out: PlacedLeaf[] = [];
  walkPlaced(event, path, 0, out, [], 0);
  return out;
}

function walkPlaced(node: unknown, p: FieldPath, i: number, out: PlacedLeaf[], chain: ArrayStep[], depth: number): void {
  if (typeof node !== 'object' || node === null) {
    if (i === p.segs.length && isLeaf(node)) out.push({ value: node, chain });
    return;
  }
  if (Array.isArray(node)) {
    if (depth >= MAX_NESTING) return;
    for (let k = 0; k < node.length; k++) walkPlaced(node[k], p, i, out, [...chain, { arr: node, idx: k }], depth + 1);
    return;
  }
  if (i === p.segs.length) return;
  const obj = node as Record<string, unknown>;
  const row = p.keys[i];
  const g = p.guarded[i];
  for (let j = 0; j < row.length; j++) {
    const key = row[j];
    const v = obj[key];
    if (v === undefined || (g[j] && !Object.hasOwn(obj, key))) continue;
    walkPlaced(v, p, i + j + 1, out, chain, depth);
  }
}
