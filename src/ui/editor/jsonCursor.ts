/**
 * Where the cursor is in JSON text that is being typed: in a property name or a value, inside
 * which objects and arrays, and what has been typed of the current token. Drives completion.
 * Pure: no Monaco.
 */

/** One open container around the cursor, outermost first. */
export interface CursorFrame {
  kind: 'object' | 'array';
  /** For an object: the key whose value the cursor is in (when it is in a value). */
  key?: string;
  /** For an object: the keys it already has. */
  keys: string[];
}

/** The cursor's situation. */
export interface CursorContext {
  where: 'key' | 'value' | 'none';
  frames: CursorFrame[];
  /** What is typed of the token under the cursor, without its opening quote. */
  prefix: string;
  /** Offsets of that token (its opening quote included) up to the cursor, and to its end. */
  replaceStart: number;
  replaceEnd: number;
  /** The token starts with a double quote. */
  quoted: boolean;
}

type State = 'key' | 'colon' | 'value' | 'comma';
interface Frame extends CursorFrame {
  state: State;
  pendingKey?: string;
}

const WS = ' \t\n\r';
const LITERAL_CHAR = /[A-Za-z0-9_.+\-$]/;

/** The context at `offset` of `text`. Never throws; unreadable text gives `where: 'none'`. */
export function cursorContext(text: string, offset: number): CursorContext {
  const frames: Frame[] = [];
  const top: Frame | { state: State; kind: 'root' } = { state: 'value', kind: 'root' };
  const cur = () => (frames.length ? frames[frames.length - 1] : top);
  const done = (where: CursorContext['where'], start: number, quoted: boolean, end: number): CursorContext => ({
    where,
    frames: frames.map((f) => ({ kind: f.kind, key: f.state === 'value' || f.state === 'comma' ? f.pendingKey : undefined, keys: f.keys })),
    prefix: text.slice(start + (quoted ? 1 : 0), offset),
    replaceStart: start,
    replaceEnd: end,
    quoted,
  });
  let i = 0;
  while (i < offset) {
    const c = text[i];
    if (WS.includes(c)) {
      i++;
      continue;
    }
    const f = cur();
    if (c === '{' || c === '[') {
      frames.push({ kind: c === '{' ? 'object' : 'array', keys: [], state: c === '{' ? 'key' : 'value' });
      i++;
      continue;
    }
    if (c === '}' || c === ']') {
      frames.pop();
      cur().state = 'comma';
      i++;
      continue;
    }
    if (c === ',') {
      f.state = 'kind' in f && f.kind === 'object' ? 'key' : 'value';
      if ('pendingKey' in f) f.pendingKey = undefined;
      i++;
      continue;
    }
    if (c === ':') {
      f.state = 'value';
      i++;
      continue;
    }
    if (c === '"') {
      const end = stringEnd(text, i);
      if (end < 0 || end > offset) {
        const tokenEnd = end < 0 ? lineEnd(text, i) : end;
        return done(f.state === 'key' ? 'key' : f.state === 'value' ? 'value' : 'none', i, true, tokenEnd);
      }
      if (f.state === 'key' && f.kind === 'object') {
        let key = text.slice(i + 1, end - 1);
        try {
          key = JSON.parse(text.slice(i, end)) as string;
        } catch {
          // keep the raw text
        }
        f.pendingKey = key;
        f.keys.push(key);
        f.state = 'colon';
      } else f.state = 'comma';
      i = end;
      continue;
    }
    if (LITERAL_CHAR.test(c)) {
      let j = i;
      while (j < text.length && LITERAL_CHAR.test(text[j])) j++;
      if (j >= offset) return done(f.state === 'key' ? 'key' : f.state === 'value' ? 'value' : 'none', i, false, j);
      f.state = 'comma';
      i = j;
      continue;
    }
    i++;
  }
  const f = cur();
  return done(f.state === 'key' ? 'key' : f.state === 'value' ? 'value' : 'none', offset, false, offset);
}

function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const ch = text[j];
    if (ch === '\\') j++;
    else if (ch === '"') return j + 1;
    else if (ch === '\n') return -1;
  }
  return -1;
}

function lineEnd(text: string, i: number): number {
  const n = text.indexOf('\n', i);
  return n < 0 ? text.length : n;
}

/**
 * What a pattern expects at the cursor, from its frames: the event field path (object keys
 * outside value lists; `$or` branches are transparent), whether the cursor is in a value list,
 * and the operator whose argument it is in.
 */
export interface PatternSpot {
  fieldPath: string[];
  /** Inside an object that is an element of a value list: operator names go here. */
  inOperatorObject: boolean;
  /** Inside a value list (the array of a field). */
  inValueList: boolean;
  /** The operator whose value is being typed (`anything-but`, `numeric`, ...), if any. */
  operator?: string;
}

/** Interprets cursor frames as a position in an event pattern. */
export function patternSpot(frames: readonly CursorFrame[]): PatternSpot {
  const fieldPath: string[] = [];
  let inValueList = false;
  let inOperatorObject = false;
  let operator: string | undefined;
  for (let k = 0; k < frames.length; k++) {
    const f = frames[k];
    const parent = frames[k - 1];
    if (f.kind === 'array') {
      if (parent?.key === '$or') continue;
      inValueList = true;
      continue;
    }
    if (inValueList) {
      inOperatorObject = true;
      if (f.key) operator = f.key;
      continue;
    }
    if (f.key && f.key !== '$or') fieldPath.push(f.key);
  }
  const last = frames[frames.length - 1];
  return { fieldPath, inOperatorObject: inOperatorObject && last?.kind === 'object', inValueList, operator };
}
