// Validates one element of a pattern's value list and turns it into a matcher. The checks run
// in the order of AWS's rule compiler (event-ruler's JsonRuleCompiler), so the first error
// reported is the one AWS reports, with its wording.

import { joinPath, type ErrorSink, type PatternMode } from './errors';
import { looksLikeIp, ipToHex, parseCidr } from './ip';
import type { JsonNode } from './jsonAst';
import { fold, type Matcher } from './matchers';
import { checkPatternNumber, type NumberLimits } from './numbers';
import type { Span } from './sourceRange';
import { parseWildcard, type Wildcard } from './wildcard';

/** Everything a match-expression check needs to know about where it is. */
export interface ExprContext {
  sink: ErrorSink;
  limits: NumberLimits;
  mode: PatternMode;
  path: string;
}

/** A value-list element: a matcher, `absent` for `{"exists": false}`, or null after an error. */
export type ExprResult = Matcher | 'absent' | null;

class Fail {}
const FAIL = new Fail();

/** Turns one element of a field's value array into a matcher. */
export function compileValue(node: JsonNode, ctx: ExprContext): ExprResult {
  try {
    switch (node.kind) {
      case 'string': {
        if (looksLikeIp(node.value)) {
          const hex = ipToHex(node.value);
          if (hex !== null) return { op: 'exact-ip', value: node.value, hex };
        }
        return { op: 'exact-string', value: node.value };
      }
      case 'number':
        return { op: 'exact-number', value: node.value, text: node.text };
      case 'boolean':
        return { op: 'exact-literal', value: node.value };
      case 'null':
        return { op: 'exact-literal', value: null };
      case 'array':
        return fail(ctx, 'Match value must be String, number, true, false, or null', ctx.path, node.span);
      case 'object':
        return matchExpression(node, ctx);
    }
  } catch (e) {
    if (e === FAIL) return null;
    throw e;
  }
}

function fail(ctx: ExprContext, message: string, path: string, span: Span): never {
  ctx.sink.add(message, path, span);
  throw FAIL;
}

type ObjectNode = Extract<JsonNode, { kind: 'object' }>;

function onlyOneKey(obj: ObjectNode, ctx: ExprContext, path: string, message = 'Only one key allowed in match expression'): void {
  if (obj.members.length > 1) fail(ctx, message, joinPath(path, obj.members[1].key), obj.members[1].keySpan);
}

const TOO_MANY = 'Too many elements in numeric expression';

function matchExpression(obj: ObjectNode, ctx: ExprContext): ExprResult {
  if (obj.members.length === 0) return fail(ctx, 'Match expression name not found', ctx.path, obj.span);
  const { key: op, value, keySpan } = obj.members[0];
  const path = joinPath(ctx.path, op);
  const sns = ctx.mode !== 'eventbridge';
  const str = (message: string): string => (value.kind === 'string' ? value.value : fail(ctx, message, path, value.span));
  let result: ExprResult;
  switch (op) {
    case 'exactly':
      result = { op: 'exact-string', value: str('exact match pattern must be a string') };
      break;
    case 'prefix':
    case 'suffix': {
      if (value.kind === 'object') {
        result = ignoreCaseAffix(op, value, ctx, path);
      } else {
        const s = str(`${op} match pattern must be a string`);
        result = { op, value: s, folded: fold(s) };
      }
      break;
    }
    case 'equals-ignore-case': {
      const s = str('equals-ignore-case match pattern must be a string');
      result = { op: 'equals-ignore-case', value: s, folded: fold(s) };
      break;
    }
    case 'wildcard': {
      if (sns) return fail(ctx, `Unrecognized match type ${op}`, path, keySpan);
      const s = str('wildcard match pattern must be a string');
      result = { op: 'wildcard', value: s, wildcard: wildcardOrFail(s, ctx, path, value.span) };
      break;
    }
    case 'exists':
      if (value.kind !== 'boolean') fail(ctx, 'exists match pattern must be either true or false.', path, value.span);
      result = value.value ? { op: 'exists' } : 'absent';
      break;
    case 'cidr': {
      const s = str('prefix match pattern must be a string');
      const c = parseCidr(s);
      if (!c.ok) fail(ctx, c.reason, path, value.span);
      result = { op: 'cidr', value: s, range: c.range };
      break;
    }
    case 'numeric':
      if (value.kind !== 'array') fail(ctx, 'Value of numeric must be an array.', path, value.span);
      result = numeric(value.items, value.span, ctx, path);
      onlyOneKey(obj, ctx, ctx.path, TOO_MANY);
      return result;
    case 'anything-but':
      return anythingBut(obj, value, ctx, path);
    default:
      return fail(ctx, `Unrecognized match type ${op}`, path, keySpan);
  }
  onlyOneKey(obj, ctx, ctx.path);
  return result;
}

function ignoreCaseAffix(op: 'prefix' | 'suffix', inner: ObjectNode, ctx: ExprContext, path: string): Matcher {
  const Name = op === 'prefix' ? 'Prefix' : 'Suffix';
  if (inner.members.length === 0) fail(ctx, `${Name} expression name not found`, path, inner.span);
  const m = inner.members[0];
  const p = joinPath(path, m.key);
  if (m.key !== 'equals-ignore-case') fail(ctx, `Unsupported ${op} pattern: ${m.key}`, p, m.keySpan);
  if (m.value.kind !== 'string') fail(ctx, 'equals-ignore-case match pattern must be a string', p, m.value.span);
  onlyOneKey(inner, ctx, path);
  const s = m.value.value;
  return { op: op === 'prefix' ? 'prefix-ignore-case' : 'suffix-ignore-case', value: s, folded: fold(s) };
}

function wildcardOrFail(s: string, ctx: ExprContext, path: string, span: Span): Wildcard {
  const w = parseWildcard(s);
  if (!w.ok) fail(ctx, w.reason, path, span);
  return w.value;
}

function numberOrFail(node: JsonNode, ctx: ExprContext, path: string): number {
  if (node.kind !== 'number') throw new Error('unreachable');
  const reason = checkPatternNumber(node.text, ctx.limits);
  if (reason) fail(ctx, reason, path, node.span);
  return node.value;
}

function numeric(items: JsonNode[], span: Span, ctx: ExprContext, path: string): Matcher {
  const at = (i: number) => joinPath(path, String(i)).replace(/\.(\d+)$/, '[$1]');
  const endSpan = { start: span.end - 1, end: span.end };
  const text = (i: number) => (i < items.length ? tokenText(items[i]) : ']');
  const spanOf = (i: number) => (i < items.length ? items[i].span : endSpan);
  const isNum = (i: number) => i < items.length && items[i].kind === 'number';
  if (items.length === 0 || items[0].kind !== 'string') {
    return fail(ctx, `Invalid member in numeric match: ${text(0)}`, at(0), spanOf(0));
  }
  const op = (items[0] as { value: string }).value;
  const max = ctx.limits.max;
  const range = (lo: number, loOpen: boolean, hi: number, hiOpen: boolean, loAt: number, hiAt: number, desc: string): Matcher => {
    if (lo >= hi) fail(ctx, 'Bottom must be less than top', path, span);
    if (loAt >= 0) numberOrFail(items[loAt], ctx, at(loAt));
    if (hiAt >= 0) numberOrFail(items[hiAt], ctx, at(hiAt));
    return { op: 'numeric', lo, loOpen, hi, hiOpen, limits: ctx.limits, text: desc };
  };
  if (op === '=') {
    if (!isNum(1)) fail(ctx, 'Value of equals must be numeric', at(1), spanOf(1));
    if (items.length > 2) fail(ctx, TOO_MANY, at(2), spanOf(2));
    const v = numberOrFail(items[1], ctx, at(1));
    return { op: 'numeric', lo: v, loOpen: false, hi: v, hiOpen: false, limits: ctx.limits, text: `= ${text(1)}` };
  }
  if (op === '>' || op === '>=') {
    if (!isNum(1)) fail(ctx, `Value of ${op} must be numeric`, at(1), spanOf(1));
    const lo = (items[1] as { value: number }).value;
    if (items.length === 2) return range(lo, op === '>', max, false, 1, -1, `${op} ${text(1)}`);
    if (items[2].kind !== 'string') fail(ctx, `Bad value in numeric range: ${text(2)}`, at(2), spanOf(2));
    const op2 = (items[2] as { value: string }).value;
    if (op2 !== '<' && op2 !== '<=') fail(ctx, `Bad numeric range operator: ${op2}`, at(2), spanOf(2));
    if (!isNum(3)) fail(ctx, `Value of ${op2} must be numeric`, at(3), spanOf(3));
    if (items.length > 4) fail(ctx, 'Too many terms in numeric range expression', at(4), spanOf(4));
    const hi = (items[3] as { value: number }).value;
    return range(lo, op === '>', hi, op2 === '<', 1, 3, `${op} ${text(1)} and ${op2} ${text(3)}`);
  }
  if (op === '<' || op === '<=') {
    if (!isNum(1)) fail(ctx, `Value of ${op} must be numeric`, at(1), spanOf(1));
    if (items.length > 2) fail(ctx, TOO_MANY, at(2), spanOf(2));
    const hi = (items[1] as { value: number }).value;
    return range(-max, false, hi, op === '<', -1, 1, `${op} ${text(1)}`);
  }
  return fail(ctx, `Unrecognized numeric range operator: ${op}`, at(0), spanOf(0));
}

type SetOp = 'equals-ignore-case' | 'prefix' | 'suffix' | 'wildcard';

function anythingBut(obj: ObjectNode, value: JsonNode, ctx: ExprContext, path: string): ExprResult {
  let setOp: SetOp | null = null;
  let operand = value;
  let operandPath = path;
  let inner: ObjectNode | null = null;
  if (value.kind === 'object') {
    inner = value;
    if (value.members.length === 0) fail(ctx, 'Anything-But expression name not found', path, value.span);
    const m = value.members[0];
    const allowed = ['equals-ignore-case', 'prefix', 'suffix', ...(ctx.mode === 'eventbridge' ? ['wildcard'] : [])];
    if (!allowed.includes(m.key)) fail(ctx, `Unsupported anything-but pattern: ${m.key}`, joinPath(path, m.key), m.keySpan);
    setOp = m.key as SetOp;
    operand = m.value;
    operandPath = joinPath(path, m.key);
  }
  if (operand.kind !== 'array' && operand.kind !== 'string' && operand.kind !== 'number') {
    fail(ctx, 'Value of anything-but must be an array or single string/number value.', operandPath, operand.span);
  }
  const elements = operand.kind === 'array' ? operand.items : [operand];
  let result: Matcher;
  if (setOp === null) {
    const strings = new Set<string>();
    const numbers: number[] = [];
    elements.forEach((el, i) => {
      const p = operand.kind === 'array' ? `${operandPath}[${i}]` : operandPath;
      if (el.kind === 'string') strings.add(el.value);
      else if (el.kind === 'number') numbers.push(numberOrFail(el, ctx, p));
      else {
        const msg = operand.kind === 'array' ? 'Inside anything but list, start|null|boolean is not supported.' : 'Inside anything-but list, start|null|boolean is not supported.';
        fail(ctx, msg, p, el.span);
      }
    });
    if ((strings.size > 0) === (numbers.length > 0)) {
      fail(ctx, 'Inside anything but list, either all values are number or string, mixed type is not supported', operandPath, operand.span);
    }
    result = numbers.length > 0 ? { op: 'anything-but-number', values: numbers } : { op: 'anything-but-string', values: strings };
  } else {
    const values: string[] = [];
    elements.forEach((el, i) => {
      const p = operand.kind === 'array' ? `${operandPath}[${i}]` : operandPath;
      if (el.kind !== 'string') {
        const msg =
          setOp === 'equals-ignore-case'
            ? 'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.'
            : setOp === 'wildcard'
              ? 'wildcard match pattern must be a string'
              : 'prefix/suffix match pattern must be a string';
        fail(ctx, msg, p, el.span);
      }
      if ((setOp === 'prefix' || setOp === 'suffix') && el.value === '') fail(ctx, 'Null prefix/suffix not allowed', p, el.span);
      values.push(el.value);
    });
    if (setOp === 'wildcard') {
      const wildcards = values.map((v, i) => wildcardOrFail(v, ctx, operand.kind === 'array' ? `${operandPath}[${i}]` : operandPath, elements[i].span));
      result = { op: 'anything-but-wildcard', values, wildcards };
    } else {
      const op = setOp === 'equals-ignore-case' ? 'anything-but-ignore-case' : setOp === 'prefix' ? 'anything-but-prefix' : 'anything-but-suffix';
      result = { op, values, folded: values.map(fold) };
    }
  }
  if (inner) onlyOneKey(inner, ctx, path, TOO_MANY);
  onlyOneKey(obj, ctx, ctx.path, TOO_MANY);
  return result;
}

/** Jackson's `getText()` of a token, used inside some of AWS's messages. */
function tokenText(node: JsonNode): string {
  switch (node.kind) {
    case 'object':
      return '{';
    case 'array':
      return '[';
    case 'string':
      return node.value;
    case 'number':
      return node.text;
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
  }
}
