/**
 * PutTargets' checks of an InputTransformer, with EventBridge's messages (aws-semantics 1.4).
 * Wording sources: "contains invalid placeholder", "valid only for JSON template" and "InputPath
 * for target ... is invalid" were recorded from PutTargets; the `1 validation error detected`
 * lines follow AWS's request-model wording; the JSON-template message is [U] (Jackson-style
 * position, as EventBridge prints for `Input`).
 */
import { JSON_ONLY_VARIABLES, lineColumn, parseTemplate, PREDEFINED_VARIABLES } from './inputTransformTemplate';

/** Where a transformer problem is. */
export interface TransformProblem {
  /** EventBridge's message. */
  message: string;
  field: 'InputPathsMap' | 'InputTemplate';
  /** The InputPathsMap key concerned. */
  key?: string;
  /** Offset and length in the InputTemplate text. */
  offset?: number;
  length?: number;
}

const MAP_AT = "at 'targets.1.member.inputTransformer.inputPathsMap'";
const KEY_RE = /^[A-Za-z0-9_-]+$/;
// Dot notation of keys made of letters, digits, dashes, underscores, `*` and `/`, each with
// optional [n] indices; `$` alone is the whole event. Brackets holding quotes are refused.
const PATH_RE = /^\$(?:\.[A-Za-z0-9_\-*/]+(?:\[\d+\])*)*$/;
const PREDEFINED: ReadonlySet<string> = new Set(PREDEFINED_VARIABLES);

/** True when EventBridge accepts `path` as an InputPath / InputPathsMap value. */
export const isValidInputPath = (path: string): boolean => path.length <= 256 && PATH_RE.test(path);

/**
 * Every problem PutTargets would report for this transformer, in the order AWS checks them
 * (request model first, then paths, then the template). `targetId` names the target in messages.
 */
export function checkInputTransformer(map: unknown, template: unknown, targetId = 'target'): TransformProblem[] {
  const out: TransformProblem[] = [];
  if (map !== undefined && (typeof map !== 'object' || map === null || Array.isArray(map))) {
    out.push({ field: 'InputPathsMap', message: '1 validation error detected: InputPathsMap must be a map of variable names to JSON paths' });
    return out;
  }
  const entries = Object.entries((map ?? {}) as Record<string, unknown>);
  if (entries.length > 100) {
    out.push({ field: 'InputPathsMap', message: `1 validation error detected: Value ${MAP_AT} failed to satisfy constraint: Member must have length less than or equal to 100` });
  }
  for (const [key, path] of entries) {
    if (!KEY_RE.test(key) || key.length > 256) {
      out.push({
        field: 'InputPathsMap',
        key,
        message: `1 validation error detected: Value '${key}' ${MAP_AT} failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 256, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: [A-Za-z0-9\\_\\-]+]`,
      });
    } else if (typeof path !== 'string' || !isValidInputPath(path)) {
      out.push({ field: 'InputPathsMap', key, message: `InputPath for target ${targetId} is invalid.` });
    }
  }
  if (typeof template !== 'string' || template.length === 0 || template.length > 8192) {
    const len = typeof template === 'string' ? template.length : 0;
    out.push({
      field: 'InputTemplate',
      message: `1 validation error detected: Value at 'targets.1.member.inputTransformer.inputTemplate' failed to satisfy constraint: Member must have length ${len === 0 ? 'greater than or equal to 1' : 'less than or equal to 8192'}`,
    });
    return out;
  }
  const parsed = parseTemplate(template);
  const keys = new Set(entries.map(([k]) => k));
  for (const p of parsed.placeholders) {
    if (!keys.has(p.name) && !PREDEFINED.has(p.name)) {
      out.push({ field: 'InputTemplate', offset: p.offset, length: p.length, message: `InputTemplate for target ${targetId} contains invalid placeholder ${p.name}.` });
    } else if (JSON_ONLY_VARIABLES.has(p.name) && !keys.has(p.name) && (!parsed.json || p.inString)) {
      out.push({ field: 'InputTemplate', offset: p.offset, length: p.length, message: `InputTemplate for target ${targetId} contains placeholder ${p.name} valid only for JSON template.` });
    }
  }
  if (parsed.json) {
    const bad = jsonTemplateError(parsed);
    if (bad) {
      const { line, column } = lineColumn(template, bad.offset);
      out.push({
        field: 'InputTemplate',
        offset: bad.offset,
        length: 1,
        message: `Invalid InputTemplate for target ${targetId} : ${bad.reason} [Source: (String)${JSON.stringify(template.length > 500 ? `${template.slice(0, 500)}…` : template)}; line: ${line}, column: ${column}]`,
      });
    }
  }
  return out;
}

/**
 * The first JSON error of a JSON template once every placeholder outside strings is read as a
 * value (so `{"a": <x>}` is fine, `{<x>: 1}` is not): offset in the original template.
 */
function jsonTemplateError(parsed: ReturnType<typeof parseTemplate>): { offset: number; reason: string } | null {
  // Rebuild the text with each value placeholder replaced by `0` of the same position map.
  let text = '';
  const origin: number[] = [];
  let pos = 0;
  for (const part of parsed.parts) {
    if ('text' in part) {
      for (let i = 0; i < part.text.length; i++) origin.push(pos + i);
      text += part.text;
      pos += part.text.length;
    } else {
      const stand = part.inString ? 'x' : '0';
      text += stand;
      origin.push(part.offset);
      pos = part.offset + part.length;
    }
  }
  const at = scanJson(text);
  if (at === null) return null;
  return { offset: at.offset < origin.length ? origin[at.offset] : pos, reason: at.reason };
}

const WS = ' \t\n\r';

/** A small JSON syntax scanner (iterative, any depth): offset and Jackson-style reason of the first error. */
function scanJson(text: string): { offset: number; reason: string } | null {
  const stack: string[] = [];
  let i = 0;
  let expect: 'value' | 'key' | 'keyOrEnd' | 'valueOrEnd' | 'after' = 'value';
  const skip = () => {
    while (i < text.length && WS.includes(text[i])) i++;
  };
  const unexpected = (what: string) => ({ offset: i, reason: i >= text.length ? `Unexpected end-of-input: ${what}` : `Unexpected character ('${text[i]}' (code ${text.charCodeAt(i)})): ${what}` });
  for (;;) {
    skip();
    const c = text[i];
    if (expect === 'after') {
      const top = stack[stack.length - 1];
      if (top === undefined) return i < text.length ? unexpected('expected end of input') : null;
      if (c === ',') {
        i++;
        expect = top === '{' ? 'key' : 'value';
      } else if (c === (top === '{' ? '}' : ']')) {
        i++;
        stack.pop();
      } else return unexpected(top === '{' ? "was expecting comma to separate Object entries" : 'was expecting comma to separate Array entries');
      continue;
    }
    if (expect === 'key' || expect === 'keyOrEnd') {
      if (expect === 'keyOrEnd' && c === '}') {
        i++;
        stack.pop();
        expect = 'after';
        continue;
      }
      if (c !== '"') return unexpected("was expecting double-quote to start field name");
      const end = stringEnd(text, i);
      if (end < 0) return { offset: i, reason: 'Unexpected end-of-input in field name' };
      i = end;
      skip();
      if (text[i] !== ':') return unexpected("was expecting a colon to separate field name and value");
      i++;
      expect = 'value';
      continue;
    }
    if (expect === 'valueOrEnd' && c === ']') {
      i++;
      stack.pop();
      expect = 'after';
      continue;
    }
    if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      expect = c === '{' ? 'keyOrEnd' : 'valueOrEnd';
      continue;
    }
    const end = c === '"' ? stringEnd(text, i) : literalEnd(text, i);
    if (end < 0) return unexpected("expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
    i = end;
    expect = 'after';
  }
}

function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const ch = text[j];
    if (ch === '\\') j++;
    else if (ch === '"') return j + 1;
    else if (ch.charCodeAt(0) < 0x20) return -1;
  }
  return -1;
}

const LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

function literalEnd(text: string, i: number): number {
  LITERAL.lastIndex = i;
  return LITERAL.test(text) ? LITERAL.lastIndex : -1;
}
