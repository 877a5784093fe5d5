// All the field names a rule set reads, as one trie over event keys, and a single walk that
// collects every field's leaves from an event object. A node lists the keys that lead on from
// it, including keys with dots (`a.b` reaches the node of field name `a.b` in one step, as an
// event key "a.b" should). Small nodes look their keys up; large ones iterate the object's
// own keys instead, which also covers the dotted spellings at no extra cost.

import { MAX_NESTING, type FieldPath } from './eventLeaves';
import type { Leaf } from './matchers';

export interface TrieNode {
  /** id of the field whose name ends here, or -1 */
  field: number;
  keys: string[];
  next: TrieNode[];
  /** true for keys that also name something on Object.prototype */
  guarded: boolean[];
  byKey: Map<string, TrieNode>;
  /** duplicate-key detection in the JSON scanner: object instance that last reached this node */
  seen: number;
}

/** Nodes with more keys than this iterate the event object's keys rather than look each up. */
const DIRECT_LOOKUPS = 4;

const newNode = (): TrieNode => ({ field: -1, keys: [], next: [], guarded: [], byKey: new Map(), seen: 0 });

/** Returns the same string, internalised, so property lookups with it are fast. */
const intern = (k: string): string => Object.keys({ [k]: 0 })[0];

/** Builds the trie of the given field names; field ids are their indices. */
export function buildFieldTrie(fields: readonly FieldPath[]): TrieNode {
  const root = newNode();
  const nodes = new Map<string, TrieNode>([['0:', root]]);
  const nodeFor = (count: number, name: string): TrieNode => {
    const id = `${count}:${name}`;
    let n = nodes.get(id);
    if (!n) nodes.set(id, (n = newNode()));
    return n;
  };
  fields.forEach((f, fieldId) => {
    const segs = f.segs;
    for (let i = 0; i < segs.length; i++) {
      const from = i === 0 ? root : nodeFor(i, segs.slice(0, i).join('.'));
      for (let j = i; j < segs.length; j++) {
        const key = intern(f.keys[i][j - i]);
        if (from.byKey.has(key)) continue;
        const to = nodeFor(j + 1, segs.slice(0, j + 1).join('.'));
        from.byKey.set(key, to);
        from.keys.push(key);
        from.next.push(to);
        from.guarded.push(key in Object.prototype);
      }
    }
    nodeFor(segs.length, f.name).field = fieldId;
  });
  return root;
}

/** Where collected leaves go: `leaves[f][0 .. count[f])`, `inArray[f]` if any sits in an array. */
export interface LeafTable {
  leaves: Leaf[][];
  count: Int32Array;
  inArray: Uint8Array;
}

/** Collects the leaves of every field of the trie from an event object. */
export function collectAllLeaves(event: unknown, root: TrieNode, table: LeafTable): void {
  resetTable(table);
  visit(event, root, table, 0, 0);
}

/** Empties the table (a plain loop: cheaper than TypedArray.fill for a handful of fields). */
export function resetTable(table: LeafTable): void {
  const c = table.count;
  const a = table.inArray;
  for (let i = 0; i < c.length; i++) {
    c[i] = 0;
    a[i] = 0;
  }
}

function leaf(value: unknown, node: TrieNode, t: LeafTable, inArray: number): void {
  const f = node.field;
  if (f < 0) return;
  const ty = typeof value;
  if (ty === 'string' || ty === 'number' || ty === 'boolean' || value === null) {
    t.leaves[f][t.count[f]++] = value as Leaf;
    if (inArray) t.inArray[f] = 1;
  }
}

function visit(value: unknown, node: TrieNode, t: LeafTable, inArray: number, depth: number): void {
  if (typeof value !== 'object' || value === null) return leaf(value, node, t, inArray);
  if (Array.isArray(value)) {
    if (depth >= MAX_NESTING) return;
    for (let i = 0; i < value.length; i++) visit(value[i], node, t, 1, depth + 1);
    return;
  }
  const keys = node.keys;
  const n = keys.length;
  if (n === 0) return;
  const obj = value as Record<string, unknown>;
  if (n <= DIRECT_LOOKUPS) {
    for (let i = 0; i < n; i++) {
      const k = keys[i];
      const v = obj[k];
      if (v === undefined || (node.guarded[i] && !Object.hasOwn(obj, k))) continue;
      if (typeof v !== 'object' || v === null) leaf(v, node.next[i], t, inArray);
      else visit(v, node.next[i], t, inArray, depth);
    }
    return;
  }
  // for-in yields own enumerable keys (JSON data has no enumerable inherited ones); the
  // Object.prototype names a trie may hold are not enumerable, so they only come up when own
  const byKey = node.byKey;
  for (const k in obj) {
    const next = byKey.get(k);
    if (next === undefined) continue;
    const v = obj[k];
    if (typeof v !== 'object' || v === null) leaf(v, next, t, inArray);
    else visit(v, next, t, inArray, depth);
  }
}
