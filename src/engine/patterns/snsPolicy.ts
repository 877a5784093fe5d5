// SNS subscription filter policies. They share the pattern language and matcher with
// EventBridge; what differs is checked here: the MessageAttributes scope reads message
// attributes ({Type, Value}), and both scopes have their own limits (5 keys, 150 value
// combinations, 256 KB).

import type { CompiledIR, PatternTree } from './compilePattern';
import type { ErrorSink, PatternMode } from './errors';
import type { Span } from './sourceRange';

/** SNS limits (Amazon SNS Developer Guide, "Filter policy constraints"). */
export const SNS_LIMITS = { maxKeys: 5, maxCombinations: 150, maxBytes: 256 * 1024 } as const;

/** Counts keys and value combinations the way the SNS guide describes, and reports overruns. */
export function checkSnsLimits(ir: CompiledIR, mode: PatternMode, sink: ErrorSink, rootSpan: Span): void {
  const body = mode === 'sns-body';
  const keys = new Set<string>();
  const collect = (t: PatternTree) => {
    for (const it of t.items) {
      if (it.kind === 'field') keys.add(body ? it.field.name.split('.')[0] : it.field.name);
      else it.branches.forEach(collect);
    }
  };
  collect(ir.tree);
  if (keys.size > SNS_LIMITS.maxKeys) {
    sink.add(`Filter policy can not have more than ${SNS_LIMITS.maxKeys} keys`, '', rootSpan);
    return;
  }
  // Values multiply across keys and add up across $or branches; in the body scope a key's
  // values count once per nesting level (the guide's example: 3 x 4 x 2 x 3 = 72).
  const combos = (t: PatternTree): number => {
    let n = 1;
    for (const it of t.items) {
      if (it.kind === 'field') {
        const values = it.field.matchers.length + (it.field.allowAbsent ? 1 : 0);
        n *= values * (body ? it.field.name.split('.').length : 1);
      } else {
        n *= it.branches.reduce((a, b) => a + combos(b), 0);
      }
      if (n > 1e9) return n;
    }
    return n;
  };
  if (combos(ir.tree) > SNS_LIMITS.maxCombinations) sink.add('Filter policy is too complex', '', rootSpan);
}

/** UTF-8 length of a string, without TextEncoder allocations for large inputs. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Turns SNS message attributes into the flat object the matcher reads. Accepts the API shapes
 * `{Type, Value}` and `{DataType, StringValue}`. String → string; Number (and `Number.x`) →
 * number; String.Array → its JSON array's scalar elements; Binary is ignored, as SNS ignores
 * it. A bare scalar or array is taken as the value itself.
 */
export function attributesToEvent(attrs: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (typeof attrs !== 'object' || attrs === null || Array.isArray(attrs)) return out;
  for (const name of Object.keys(attrs)) {
    const a = (attrs as Record<string, unknown>)[name];
    if (typeof a !== 'object' || a === null || Array.isArray(a)) {
      if (a !== undefined) out[name] = a;
      continue;
    }
    const rec = a as Record<string, unknown>;
    const type = String(rec.Type ?? rec.DataType ?? 'String');
    const raw = rec.Value ?? rec.StringValue;
    if (type.startsWith('Binary')) continue;
    if (typeof raw !== 'string') {
      if (raw !== undefined) out[name] = raw;
      continue;
    }
    if (type.startsWith('String.Array')) {
      out[name] = parseStringArray(raw);
    } else if (type.startsWith('Number')) {
      out[name] = NUMBER_TEXT.test(raw.trim()) ? Number(raw) : raw;
    } else {
      out[name] = raw;
    }
  }
  return out;
}

const NUMBER_TEXT = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function parseStringArray(raw: string): unknown[] {
  try {
    const v: unknown = JSON.parse(raw);
    const items = Array.isArray(v) ? v : [v];
    return items.filter((x) => x === null || typeof x !== 'object');
  } catch {
    return [];
  }
}
