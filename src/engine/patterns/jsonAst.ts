// A small JSON parser that keeps the source position of every key and value, so validation
// errors can point at the exact token (editor markers). It keeps repeated keys (the pattern
// semantics need them: the last one wins) and words its syntax errors the way Jackson, the
// parser behind AWS's rule compiler, does.

import type { Span } from './sourceRange';

export type JsonNode =
  | { kind: 'object'; members: JsonMember[]; span: Span }
  | { kind: 'array'; items: JsonNode[]; span: Span }
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'number'; value: number; text: string; span: Span }
  | { kind: 'boolean'; value: boolean; span: Span }
  | { kind: 'null'; span: Span };

export interface JsonMember {
  key: string;
  keySpan: Span;
  value: JsonNode;
}

export interface JsonSyntaxError {
  message: string;
  span: Span;
}

/** Jackson's default nesting limit (StreamReadConstraints). */
const MAX_DEPTH = 1000;
const EXPECTED_VALUE = "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";

class SyntaxFail {
  constructor(readonly error: JsonSyntaxError) {}
}

/** Parses one JSON value; content after it other than whitespace is an error. */
export function parseJsonAst(text: string): { ok: true; value: JsonNode } | { ok: false; error: JsonSyntaxError } {
  const p = new Parser(text);
  try {
    p.skipWs();
    if (p.pos >= text.length) p.fail('No content to map due to end-of-input', p.pos, p.pos);
    const value = p.value(0);
    p.skipWs();
    if (p.pos < text.length) {
      p.fail(`Unexpected character (${describeChar(text, p.pos)}): expected end of input after the pattern`, p.pos, p.pos + 1);
    }
    return { ok: true, value };
  } catch (e) {
    if (e instanceof SyntaxFail) return { ok: false, error: e.error };
    throw e;
  }
}

function describeChar(text: string, pos: number): string {
  const code = text.codePointAt(pos) ?? 0;
  if (code < 32) return `(CTRL-CHAR, code ${code})`;
  return `'${String.fromCodePoint(code)}' (code ${code})`;
}

function isIdentPart(c: number): boolean {
  // Jackson collects an unrecognized token while Character.isJavaIdentifierPart holds.
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c > 127;
}

class Parser {
  pos = 0;
  constructor(readonly text: string) {}

  fail(message: string, start: number, end: number): never {
    throw new SyntaxFail({ message, span: { start, end: Math.max(end, start) } });
  }

  skipWs(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) this.pos++;
      else break;
    }
  }

  value(depth: number): JsonNode {
    const t = this.text;
    if (this.pos >= t.length) this.fail(`Unexpected end-of-input: expected a value ${EXPECTED_VALUE}`, this.pos, this.pos);
    const c = t.charCodeAt(this.pos);
    if (c === 123) return this.object(depth + 1);
    if (c === 91) return this.array(depth + 1);
    if (c === 34) {
      const start = this.pos;
      const value = this.string('VALUE_STRING');
      return { kind: 'string', value, span: { start, end: this.pos } };
    }
    if (c === 45 || (c >= 48 && c <= 57)) return this.number();
    if (isIdentPart(c)) return this.literal();
    return this.fail(`Unexpected character (${describeChar(t, this.pos)}): expected a valid value ${EXPECTED_VALUE}`, this.pos, this.pos + 1);
  }

  literal(): JsonNode {
    const t = this.text;
    const start = this.pos;
    let end = start;
    while (end < t.length && isIdentPart(t.charCodeAt(end))) end++;
    const word = t.slice(start, end);
    this.pos = end;
    const span = { start, end };
    if (word === 'true') return { kind: 'boolean', value: true, span };
    if (word === 'false') return { kind: 'boolean', value: false, span };
    if (word === 'null') return { kind: 'null', span };
    return this.fail(`Unrecognized token '${word}': was expecting ${EXPECTED_VALUE}`, start, end);
  }

  number(): JsonNode {
    const t = this.text;
    const start = this.pos;
    let i = start;
    if (t.charCodeAt(i) === 45) i++;
    const digitsStart = i;
    while (i < t.length && isDigit(t.charCodeAt(i))) i++;
    if (i === digitsStart) {
      this.fail(`Unexpected character (${i < t.length ? describeChar(t, i) : 'end-of-input'}) in numeric value: expected digit (0-9) to follow minus sign, for valid numeric value`, start, i + 1);
    }
    if (i - digitsStart > 1 && t.charCodeAt(digitsStart) === 48) {
      this.fail('Invalid numeric value: Leading zeroes not allowed', start, i);
    }
    if (t.charCodeAt(i) === 46) {
      i++;
      const f = i;
      while (i < t.length && isDigit(t.charCodeAt(i))) i++;
      if (i === f) this.fail(`Unexpected character (${i < t.length ? describeChar(t, i) : 'end-of-input'}) in numeric value: Decimal point not followed by a digit`, start, i + 1);
    }
    const e = t.charCodeAt(i);
    if (e === 101 || e === 69) {
      i++;
      const s = t.charCodeAt(i);
      if (s === 43 || s === 45) i++;
      const f = i;
      while (i < t.length && isDigit(t.charCodeAt(i))) i++;
      if (i === f) this.fail(`Unexpected character (${i < t.length ? describeChar(t, i) : 'end-of-input'}) in numeric value: Exponent indicator not followed by a digit`, start, i + 1);
    }
    this.pos = i;
    const text = t.slice(start, i);
    return { kind: 'number', value: Number(text), text, span: { start, end: i } };
  }

  string(context: 'VALUE_STRING' | 'field name'): string {
    const t = this.text;
    const open = this.pos;
    let i = open + 1;
    let out = '';
    let chunk = i;
    for (;;) {
      if (i >= t.length) this.fail(`Unexpected end-of-input in ${context}`, open, i);
      const c = t.charCodeAt(i);
      if (c === 34) break;
      if (c < 32) {
        this.fail(`Illegal unquoted character ((CTRL-CHAR, code ${c})): has to be escaped using backslash to be included in ${context === 'field name' ? 'name' : 'string value'}`, i, i + 1);
      }
      if (c !== 92) {
        i++;
        continue;
      }
      out += t.slice(chunk, i);
      const esc = t.charCodeAt(i + 1);
      if (i + 1 >= t.length) this.fail(`Unexpected end-of-input in ${context}`, open, i + 1);
      const simple = ESCAPES[esc];
      if (simple !== undefined) {
        out += simple;
        i += 2;
      } else if (esc === 117) {
        let code = 0;
        for (let k = 0; k < 4; k++) {
          const h = hexValue(t.charCodeAt(i + 2 + k));
          if (h < 0) {
            const at = i + 2 + k;
            this.fail(`Unexpected character (${at < t.length ? describeChar(t, at) : 'end-of-input'}): expected a hex-digit for character escape sequence`, at, at + 1);
          }
          code = code * 16 + h;
        }
        out += String.fromCharCode(code);
        i += 6;
      } else {
        this.fail(`Unrecognized character escape ${describeChar(t, i + 1)}`, i, i + 2);
      }
      chunk = i;
    }
    out += t.slice(chunk, i);
    this.pos = i + 1;
    return out;
  }

  object(depth: number): JsonNode {
    const t = this.text;
    const start = this.pos;
    if (depth > MAX_DEPTH) this.fail(`Document nesting depth (${depth}) exceeds the maximum allowed (${MAX_DEPTH})`, start, start + 1);
    this.pos++;
    const members: JsonMember[] = [];
    this.skipWs();
    if (t.charCodeAt(this.pos) === 125) {
      this.pos++;
      return { kind: 'object', members, span: { start, end: this.pos } };
    }
    for (;;) {
      this.skipWs();
      if (this.pos >= t.length) this.fail('Unexpected end-of-input: expected close marker for Object', start, this.pos);
      if (t.charCodeAt(this.pos) !== 34) {
        this.fail(`Unexpected character (${describeChar(t, this.pos)}): was expecting double-quote to start field name`, this.pos, this.pos + 1);
      }
      const keyStart = this.pos;
      const key = this.string('field name');
      const keySpan = { start: keyStart, end: this.pos };
      this.skipWs();
      if (this.pos >= t.length) this.fail('Unexpected end-of-input: expected close marker for Object', start, this.pos);
      if (t.charCodeAt(this.pos) !== 58) {
        this.fail(`Unexpected character (${describeChar(t, this.pos)}): was expecting a colon to separate field name and value`, this.pos, this.pos + 1);
      }
      this.pos++;
      this.skipWs();
      const value = this.value(depth);
      members.push({ key, keySpan, value });
      this.skipWs();
      if (this.pos >= t.length) this.fail('Unexpected end-of-input: expected close marker for Object', start, this.pos);
      const c = t.charCodeAt(this.pos);
      if (c === 44) {
        this.pos++;
        continue;
      }
      if (c === 125) {
        this.pos++;
        return { kind: 'object', members, span: { start, end: this.pos } };
      }
      this.fail(`Unexpected character (${describeChar(t, this.pos)}): was expecting comma to separate Object entries`, this.pos, this.pos + 1);
    }
  }

  array(depth: number): JsonNode {
    const t = this.text;
    const start = this.pos;
    if (depth > MAX_DEPTH) this.fail(`Document nesting depth (${depth}) exceeds the maximum allowed (${MAX_DEPTH})`, start, start + 1);
    this.pos++;
    const items: JsonNode[] = [];
    this.skipWs();
    if (t.charCodeAt(this.pos) === 93) {
      this.pos++;
      return { kind: 'array', items, span: { start, end: this.pos } };
    }
    for (;;) {
      this.skipWs();
      if (this.pos >= t.length) this.fail('Unexpected end-of-input: expected close marker for Array', start, this.pos);
      items.push(this.value(depth));
      this.skipWs();
      if (this.pos >= t.length) this.fail('Unexpected end-of-input: expected close marker for Array', start, this.pos);
      const c = t.charCodeAt(this.pos);
      if (c === 44) {
        this.pos++;
        continue;
      }
      if (c === 93) {
        this.pos++;
        return { kind: 'array', items, span: { start, end: this.pos } };
      }
      this.fail(`Unexpected character (${describeChar(t, this.pos)}): was expecting comma to separate Array entries`, this.pos, this.pos + 1);
    }
  }
}

const ESCAPES: Record<number, string> = { 34: '"', 92: '\\', 47: '/', 98: '\b', 102: '\f', 110: '\n', 114: '\r', 116: '\t' };

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}
