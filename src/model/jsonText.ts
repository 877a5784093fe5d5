/**
 * JSON text to a value, with a precise position on a syntax error. Engines word and place
 * JSON.parse errors differently (Safari gives no position at all), so on failure a small
 * scanner finds the first error itself: the same message and line/column everywhere.
 */
import { scenarioError, type ScenarioError } from './errors';
import { err, ok, type Result } from '../shared/result';

/** Where and why a JSON text is invalid. */
export interface JsonSyntaxError {
  /** Offset (UTF-16 code units) of the first offending character. */
  offset: number;
  line: number;
  column: number;
  message: string;
}

// eslint-disable-next-line no-control-regex -- JSON strings may not hold raw control characters
const STRING = /"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

function matchAt(re: RegExp, text: string, i: number): number {
  re.lastIndex = i;
  return re.test(text) ? re.lastIndex : -1;
}

type Mode = 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'after';

/** The first syntax error of a JSON text (scanned iteratively: any nesting depth), if any. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const stack: string[] = [];
  let i = 0;
  let mode: Mode = 'value';
  const at = (message: string): JsonSyntaxError => {
    const before = text.slice(0, i);
    const line = before.split('\n').length;
    return { offset: i, line, column: i - before.lastIndexOf('\n'), message };
  };
  const endOf = (): string => (stack[stack.length - 1] === '{' ? 'an object is not closed' : 'a list is not closed');
  for (;;) {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
    const c = text[i];
    if (mode === 'after') {
      const top = stack[stack.length - 1];
      if (!top) return i < text.length ? at('Unexpected text after the end of the JSON value') : undefined;
      if (c === undefined) return at(`Unexpected end of text: ${endOf()}`);
      if (c === ',') { i++; mode = top === '{' ? 'key' : 'value'; continue; }
      if (c === (top === '{' ? '}' : ']')) { i++; stack.pop(); continue; }
      return at(top === '{' ? "Expected ',' or '}' after a property value" : "Expected ',' or ']' after a list item");
    }
    if (mode === 'key' || mode === 'keyOrEnd') {
      if (c === undefined) return at(`Unexpected end of text: ${endOf()}`);
      if (mode === 'keyOrEnd' && c === '}') { i++; stack.pop(); mode = 'after'; continue; }
      if (c !== '"') return at('Expected a property name in double quotes');
      const end = matchAt(STRING, text, i);
      if (end < 0) return at('Invalid or unterminated text in double quotes');
      i = end;
      while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
      if (text[i] !== ':') return at("Expected ':' after the property name");
      i++;
      mode = 'value';
      continue;
    }
    if (c === undefined) return at(stack.length ? `Unexpected end of text: ${endOf()}` : 'The text is empty');
    if (mode === 'valueOrEnd' && c === ']') { i++; stack.pop(); mode = 'after'; continue; }
    if (c === '{' || c === '[') { stack.push(c); i++; mode = c === '{' ? 'keyOrEnd' : 'valueOrEnd'; continue; }
    const end = c === '"' ? matchAt(STRING, text, i) : Math.max(matchAt(NUMBER, text, i), matchAt(LITERAL, text, i));
    if (end < 0) return at(c === '"' ? 'Invalid or unterminated text in double quotes' : `Unexpected character ${JSON.stringify(c)}: expected a value`);
    i = end;
    mode = 'after';
  }
}

/** Parses JSON text; a syntax error becomes one ScenarioError with its line and column. */
export function parseJson(text: string): Result<unknown, ScenarioError[]> {
  try {
    return ok(JSON.parse(text.replace(/^\uFEFF/, '')));
  } catch (e) {
    const found = findJsonSyntaxError(text.replace(/^\uFEFF/, ''));
    const where = found ? ` at line ${found.line}, column ${found.column}` : '';
    const why = found?.message ?? (e instanceof Error ? e.message : String(e));
    return err([scenarioError('', `The text is not valid JSON: ${why}${where}.`, 'JSON text, such as a scenario file exported by evsim')]);
  }
}
