// Wildcard values: `*` matches any run of characters (possibly empty); `\*` and `\\` are the
// only escapes. Also the rule-complexity check AWS applies on top of event-ruler.

/** A parsed wildcard: the literal pieces between stars. `parts.length - 1` stars. */
export interface Wildcard {
  parts: string[];
}

/** UTF-8 bytes of a string (TextEncoder is a host API, not part of the language). */
function utf8(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/**
 * Parses a wildcard value. Error positions are UTF-8 byte offsets counted from the opening
 * quote of the JSON string, as event-ruler reports them.
 */
export function parseWildcard(text: string): { ok: true; value: Wildcard } | { ok: false; reason: string } {
  const bytes = utf8(text);
  const parts: string[] = [];
  let cur = '';
  let i = 0;
  let charIndex = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b === 42) {
      if (bytes[i + 1] === 42) return { ok: false, reason: `Consecutive wildcard characters at pos ${i + 1}` };
      parts.push(cur);
      cur = '';
      i++;
      charIndex++;
    } else if (b === 92) {
      const n = bytes[i + 1];
      if (n === 42 || n === 92) {
        cur += n === 42 ? '*' : '\\';
        i += 2;
        charIndex += 2;
      } else {
        return { ok: false, reason: `Invalid escape character at pos ${i + 1}` };
      }
    } else {
      // copy one UTF-16 unit (or surrogate pair) and advance over its UTF-8 bytes
      const cp = text.codePointAt(charIndex) ?? 0;
      const ch = String.fromCodePoint(cp);
      cur += ch;
      charIndex += ch.length;
      i += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }
  }
  parts.push(cur);
  return { ok: true, value: { parts } };
}

/** Anchored wildcard match, linear-time greedy algorithm with backtracking to the last star. */
export function wildcardMatches(w: Wildcard, s: string): boolean {
  const parts = w.parts;
  const n = parts.length;
  if (n === 1) return s === parts[0];
  const first = parts[0];
  const last = parts[n - 1];
  if (s.length < first.length + last.length) return false;
  if (!s.startsWith(first) || !s.endsWith(last)) return false;
  let pos = first.length;
  const end = s.length - last.length;
  for (let k = 1; k < n - 1; k++) {
    const p = parts[k];
    const at = s.indexOf(p, pos);
    if (at < 0 || at + p.length > end) return false;
    pos = at + p.length;
  }
  return true;
}

/** Above this many simultaneously live wildcard prefixes AWS calls a rule "too complex". */
export const WILDCARD_COMPLEXITY_LIMIT = 9;

interface NState {
  /** literal transitions: byte -> next states */
  lit: Map<number, number[]>;
  /** state reached on any byte (a star state loops onto itself) */
  any: number;
  weight: Set<number>;
}

/**
 * Estimates event-ruler's MachineComplexityEvaluator for the wildcard values of one field: the
 * largest total, over inputs, of wildcard patterns reachable from the machine states a value
 * can be in at once. Bytes before a pattern's first star share states (a trie), later ones do
 * not; a star is a state that loops on every byte. Returns a number above the limit as soon as
 * one is seen.
 */
export function wildcardComplexity(values: readonly Wildcard[]): number {
  const states: NState[] = [{ lit: new Map(), any: -1, weight: new Set() }];
  const add = (): number => {
    states.push({ lit: new Map(), any: -1, weight: new Set() });
    return states.length - 1;
  };
  const link = (from: number, b: number, to: number) => {
    const l = states[from].lit.get(b);
    if (l) l.push(to);
    else states[from].lit.set(b, [to]);
  };
  const alphabet = new Set<number>();
  values.forEach((w, id) => {
    const tokens: number[] = [34];
    w.parts.forEach((part, k) => {
      if (k > 0) tokens.push(-1);
      for (const b of utf8(part)) tokens.push(b);
    });
    tokens.push(34);
    let cur = 0;
    let star = -1; // the star state preceding the current literal, if any
    let determinate = true;
    for (const t of tokens) {
      states[cur].weight.add(id);
      if (t === -1) {
        if (determinate && states[cur].any >= 0) {
          star = states[cur].any;
        } else {
          star = add();
          states[star].any = star;
          states[cur].any = star;
        }
        states[star].weight.add(id);
        determinate = false;
        continue;
      }
      alphabet.add(t);
      let next = -1;
      if (determinate) next = states[cur].lit.get(t)?.[0] ?? -1;
      if (next < 0) {
        next = add();
        link(cur, t, next);
        if (star >= 0) link(star, t, next);
      }
      star = -1;
      cur = next;
    }
    states[cur].weight.add(id);
  });
  const bytes = [...alphabet, -2];
  const seen = new Set<string>(['0']);
  const queue: number[][] = [[0]];
  let max = 0;
  while (queue.length > 0) {
    const active = queue.pop()!;
    for (const b of bytes) {
      const next = new Set<number>();
      for (const s of active) {
        const st = states[s];
        if (st.any >= 0) next.add(st.any);
        const l = b >= 0 ? st.lit.get(b) : undefined;
        if (l) for (const n of l) next.add(n);
      }
      if (next.size === 0) continue;
      let size = 0;
      for (const s of next) size += states[s].weight.size;
      if (size > max) max = size;
      if (max > WILDCARD_COMPLEXITY_LIMIT) return max;
      const key = [...next].sort((a, c) => a - c).join(',');
      if (!seen.has(key)) {
        seen.add(key);
        if (seen.size > 20000) return WILDCARD_COMPLEXITY_LIMIT + 1;
        queue.push([...next]);
      }
    }
  }
  return max;
}
