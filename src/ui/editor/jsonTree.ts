/**
 * A forgiving JSON reader that keeps where every key and value is: it reads as far as the text
 * is valid and returns what it has, so editors can place decorations and completions on text
 * that is still being typed. Pure: no Monaco, no DOM.
 */

/** A JSON value with its span [start, end) in the text. */
export type JNode =
  | { kind: 'object'; start: number; end: number; props: JProp[] }
  | { kind: 'array'; start: number; end: number; items: JNode[] }
  | { kind: 'scalar'; start: number; end: number; value: unknown };

/** One key of an object; `value` is absent while it is being typed. */
export interface JProp {
  key: string;
  keyStart: number;
  keyEnd: number;
  value?: JNode;
}

/** Deepest nesting read; anything deeper is left out. */
export const MAX_DEPTH = 200;

const WS = /[ \t\n\r]*/y;
const STRING = /"(?:[^"\\\n]|\\.)*"?/y;
const LITERAL = /-?\d[\d.eE+-]*|true|false|null/y;

/** Reads `text` into a tree (null when no value starts it). Never throws. */
export function parseJsonTree(text: string): JNode | null {
  const r = new Reader(text);
  try {
    return r.value(0);
  } catch {
    return null;
  }
}

class Reader {
  i = 0;
  constructor(readonly text: string) {}

  private ws(): void {
    WS.lastIndex = this.i;
    WS.test(this.text);
    this.i = WS.lastIndex;
  }

  private string(): { value: string; start: number; end: number } | null {
    STRING.lastIndex = this.i;
    const m = STRING.exec(this.text);
    if (!m) return null;
    const start = this.i;
    this.i = STRING.lastIndex;
    const raw = m[0].endsWith('"') && m[0].length > 1 ? m[0] : `${m[0]}"`;
    let value: string;
    try {
      value = JSON.parse(raw) as string;
    } catch {
      value = raw.slice(1, -1);
    }
    return { value, start, end: this.i };
  }

  value(depth: number): JNode | null {
    this.ws();
    const c = this.text[this.i];
    if (c === undefined || depth > MAX_DEPTH) return null;
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') {
      const s = this.string()!;
      return { kind: 'scalar', start: s.start, end: s.end, value: s.value };
    }
    LITERAL.lastIndex = this.i;
    const m = LITERAL.exec(this.text);
    if (!m) return null;
    const start = this.i;
    this.i = LITERAL.lastIndex;
    let value: unknown = m[0];
    try {
      value = JSON.parse(m[0]);
    } catch {
      // A number being typed ("1e"): keep its text.
    }
    return { kind: 'scalar', start, end: this.i, value };
  }

  private object(depth: number): JNode {
    const node: Extract<JNode, { kind: 'object' }> = { kind: 'object', start: this.i, end: this.text.length, props: [] };
    this.i++;
    for (;;) {
      this.ws();
      const c = this.text[this.i];
      if (c === undefined) return node;
      if (c === '}') {
        this.i++;
        node.end = this.i;
        return node;
      }
      if (c === ',') {
        this.i++;
        continue;
      }
      if (c !== '"') return node;
      const k = this.string()!;
      const prop: JProp = { key: k.value, keyStart: k.start, keyEnd: k.end };
      node.props.push(prop);
      this.ws();
      if (this.text[this.i] !== ':') return node;
      this.i++;
      const v = this.value(depth + 1);
      if (!v) return node;
      prop.value = v;
    }
  }

  private array(depth: number): JNode {
    const node: Extract<JNode, { kind: 'array' }> = { kind: 'array', start: this.i, end: this.text.length, items: [] };
    this.i++;
    for (;;) {
      this.ws();
      const c = this.text[this.i];
      if (c === undefined) return node;
      if (c === ']') {
        this.i++;
        node.end = this.i;
        return node;
      }
      if (c === ',') {
        this.i++;
        continue;
      }
      const v = this.value(depth + 1);
      if (!v) return node;
      node.items.push(v);
    }
  }
}

/** One step of a JSON path: an object key or an array index. */
export type PathStep = string | number;

/**
 * Parses the paths the pattern engine reports (`detail.state`, `detail.$or[1]["b.c"]`,
 * `a[0].numeric["1"]`) into steps.
 */
export function parseEnginePath(path: string): PathStep[] {
  const steps: PathStep[] = [];
  let i = 0;
  while (i < path.length) {
    const c = path[i];
    if (c === '.') {
      i++;
    } else if (c === '[') {
      const close = path[i + 1] === '"' ? closingQuote(path, i + 1) + 1 : path.indexOf(']', i);
      const inner = path.slice(i + 1, close < 0 ? path.length : close);
      if (/^\d+$/.test(inner)) steps.push(Number(inner));
      else {
        try {
          steps.push(JSON.parse(inner) as string);
        } catch {
          steps.push(inner);
        }
      }
      i = close < 0 ? path.length : close + 1;
    } else {
      let j = i;
      while (j < path.length && path[j] !== '.' && path[j] !== '[') j++;
      steps.push(path.slice(i, j));
      i = j;
    }
  }
  return steps;
}

function closingQuote(path: string, open: number): number {
  for (let j = open + 1; j < path.length; j++) {
    if (path[j] === '\\') j++;
    else if (path[j] === '"') return j;
  }
  return -1;
}

/** The property reached by `steps` (the last step is its key), or null. */
export function findProp(root: JNode | null, steps: readonly PathStep[]): JProp | null {
  let node = root;
  for (let s = 0; s < steps.length; s++) {
    const step = steps[s];
    if (!node) return null;
    if (typeof step === 'number') {
      node = node.kind === 'array' ? (node.items[step] ?? null) : null;
      continue;
    }
    if (node.kind !== 'object') return null;
    // The last occurrence of a repeated key is the one AWS keeps.
    const prop = [...node.props].reverse().find((p) => p.key === step);
    if (!prop) return null;
    if (s === steps.length - 1) return prop;
    node = prop.value ?? null;
  }
  return null;
}

/** The property whose key starts at `offset`, anywhere in the tree. */
export function propAt(root: JNode | null, offset: number): JProp | null {
  if (!root || root.kind === 'scalar') return null;
  if (offset < root.start || offset > root.end) return null;
  if (root.kind === 'array') {
    for (const it of root.items) {
      const hit = propAt(it, offset);
      if (hit) return hit;
    }
    return null;
  }
  for (const p of root.props) {
    if (p.keyStart === offset) return p;
    const hit = propAt(p.value ?? null, offset);
    if (hit) return hit;
  }
  return null;
}
