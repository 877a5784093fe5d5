// Reads the leaves that a rule set needs straight from JSON text, without building objects:
// the values of keys no rule reads are skipped (strings jump to their closing quote, nested
// structures are passed by counting brackets). Keys are compared in place against the keys
// expected at that point; an event key containing dots is recognised too. The scanner does not
// validate what it skips. It gives up (returns false) on anything unusual — malformed text,
// a key repeated in one object (JSON.parse keeps only the last) — and the caller falls back to
// JSON.parse.

import { MAX_NESTING } from './eventLeaves';
import { resetTable, type LeafTable, type TrieNode } from './fieldTrie';
import type { Leaf } from './matchers';

type ScanNode = TrieNode;

class GiveUp {}
const GIVE_UP = new GiveUp();

/** A scanner for one set of field names. */
export class JsonScanner {
  private text = '';
  private objectCount = 0;
  private table: LeafTable = { leaves: [], count: new Int32Array(0), inArray: new Uint8Array(0) };

  constructor(private readonly root: ScanNode) {}

  /**
   * Fills the leaf table from the JSON text. Returns false when the text must be parsed
   * normally instead.
   */
  scan(text: string, table: LeafTable): boolean {
    this.text = text;
    this.table = table;
    resetTable(table);
    try {
      let pos = this.ws(0);
      pos = this.value(pos, this.root, false, 0);
      return this.ws(pos) === text.length;
    } catch (e) {
      if (e === GIVE_UP) return false;
      throw e;
    }
  }

  private ws(pos: number): number {
    const t = this.text;
    if (t.charCodeAt(pos) > 32) return pos;
    for (;;) {
      const c = t.charCodeAt(pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) pos++;
      else return pos;
    }
  }

  /** Reads the value at `pos` for `node` (which is referenced); returns the position after it. */
  private value(pos: number, node: ScanNode, inArr: boolean, depth: number): number {
    const t = this.text;
    const c = t.charCodeAt(pos);
    if (c === 123) return node.keys.length > 0 ? this.object(pos, node, inArr, depth) : this.skip(pos);
    if (c === 91) {
      if (depth >= MAX_NESTING) throw GIVE_UP;
      let p = this.ws(pos + 1);
      if (t.charCodeAt(p) === 93) return p + 1;
      for (;;) {
        p = this.ws(this.value(p, node, true, depth + 1));
        const d = t.charCodeAt(p);
        if (d === 44) p = this.ws(p + 1);
        else if (d === 93) return p + 1;
        else throw GIVE_UP;
      }
    }
    if (node.field < 0) return this.skip(pos);
    let leaf: Leaf;
    let end: number;
    if (c === 34) {
      end = this.stringEnd(pos);
      const raw = t.slice(pos + 1, end - 1);
      leaf = raw.indexOf('\\') < 0 ? raw : (JSON.parse(t.slice(pos, end)) as string);
    } else if (c === 116 && t.startsWith('true', pos)) {
      leaf = true;
      end = pos + 4;
    } else if (c === 102 && t.startsWith('false', pos)) {
      leaf = false;
      end = pos + 5;
    } else if (c === 110 && t.startsWith('null', pos)) {
      leaf = null;
      end = pos + 4;
    } else {
      end = this.numberEnd(pos);
      leaf = Number(t.slice(pos, end));
      if (end === pos || Number.isNaN(leaf)) throw GIVE_UP;
    }
    const table = this.table;
    table.leaves[node.field][table.count[node.field]++] = leaf;
    if (inArr) table.inArray[node.field] = 1;
    return end;
  }

  private object(pos: number, node: ScanNode, inArr: boolean, depth: number): number {
    const t = this.text;
    const instance = ++this.objectCount;
    let p = this.ws(pos + 1);
    if (t.charCodeAt(p) === 125) return p + 1;
    const keys = node.keys;
    for (;;) {
      if (t.charCodeAt(p) !== 34) throw GIVE_UP;
      const kStart = p + 1;
      let i = kStart;
      let escaped = false;
      for (;;) {
        const c = t.charCodeAt(i);
        if (c === 34) break;
        if (c === 92) {
          escaped = true;
          i += 2;
        } else if (c !== c) {
          throw GIVE_UP; // NaN: end of text
        } else i++;
      }
      const kEnd = i + 1;
      let target: ScanNode | undefined;
      if (escaped) {
        target = node.byKey.get(JSON.parse(t.slice(p, kEnd)) as string);
      } else if (keys.length <= 8) {
        const len = i - kStart;
        for (let k = 0; k < keys.length; k++) {
          const key = keys[k];
          if (key.length === len && t.startsWith(key, kStart)) {
            target = node.next[k];
            break;
          }
        }
      } else {
        target = node.byKey.get(t.slice(kStart, i));
      }
      p = this.ws(kEnd);
      if (t.charCodeAt(p) !== 58) throw GIVE_UP;
      p = this.ws(p + 1);
      if (target === undefined) {
        p = this.skip(p);
      } else {
        if (target.seen === instance) throw GIVE_UP; // repeated key: JSON.parse keeps the last
        target.seen = instance;
        p = this.value(p, target, inArr, depth + 1);
      }
      p = this.ws(p);
      const d = t.charCodeAt(p);
      if (d === 44) p = this.ws(p + 1);
      else if (d === 125) return p + 1;
      else throw GIVE_UP;
    }
  }

  /** Position just after the string starting at `pos`. */
  private stringEnd(pos: number): number {
    const t = this.text;
    let i = pos + 1;
    // short strings: a plain loop beats the cost of an indexOf call
    for (const stop = i + 24; i < stop; i++) {
      const c = t.charCodeAt(i);
      if (c === 34) return i + 1;
      if (c === 92) i++;
      else if (c !== c) throw GIVE_UP; // NaN: end of text
    }
    for (;;) {
      const q = t.indexOf('"', i);
      if (q < 0) throw GIVE_UP;
      let b = q - 1;
      while (b >= i && t.charCodeAt(b) === 92) b--;
      // an odd run of backslashes escapes the quote (a run may start before i only if the
      // loop above ended inside an escape, which it never does: it skips escaped chars)
      if ((q - 1 - b) % 2 === 0) return q + 1;
      i = q + 1;
    }
  }

  private numberEnd(pos: number): number {
    const t = this.text;
    let i = pos;
    for (;;) {
      const c = t.charCodeAt(i);
      if ((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 101 || c === 69) i++;
      else return i;
    }
  }

  /**
   * Skips an array holding only numbers, literals and arrays (a polygon's coordinates) by
   * jumping between brackets with indexOf; returns -1 when strings or objects are inside.
   */
  private skipPlainArray(pos: number): number {
    const t = this.text;
    let depth = 0;
    let i = pos;
    let open = pos;
    for (;;) {
      const close = t.indexOf(']', i);
      if (close < 0) return -1;
      if (open >= 0 && open < close) {
        depth++;
        i = open + 1;
        open = t.indexOf('[', i);
      } else {
        i = close + 1;
        if (--depth === 0) break;
      }
    }
    const q = t.indexOf('"', pos);
    const b = t.indexOf('{', pos);
    return (q < 0 || q > i) && (b < 0 || b > i) ? i : -1;
  }

  /** Skips any value without looking inside it more than needed. */
  private skip(pos: number): number {
    const t = this.text;
    const c = t.charCodeAt(pos);
    if (c === 34) return this.stringEnd(pos);
    if (c !== 123 && c !== 91) {
      let i = pos;
      for (;;) {
        const d = t.charCodeAt(i);
        if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9 || Number.isNaN(d)) break;
        i++;
      }
      if (i === pos) throw GIVE_UP;
      return i;
    }
    if (c === 91) {
      const end = this.skipPlainArray(pos);
      if (end > 0) return end;
    }
    let depth = 0;
    let i = pos;
    const n = t.length;
    while (i < n) {
      const d = t.charCodeAt(i);
      // digits, signs, commas, dots and spaces are all below '[' (91): the common case
      if (d < 91 ? d !== 34 : d !== 91 && d !== 93 && d !== 123 && d !== 125) {
        i++;
        continue;
      }
      if (d === 34) {
        i = this.stringEnd(i);
        continue;
      }
      if (d === 91 || d === 123) depth++;
      else if (--depth === 0) return i + 1;
      i++;
    }
    throw GIVE_UP;
  }
}
