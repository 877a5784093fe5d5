/**
 * Producer event templates: string values may hold `{{seq}}` (the event's 1-based sequence
 * number) and `{{rand:a-b}}` (a seeded integer in [a, b]). A string that is exactly one
 * placeholder becomes a number, so numeric patterns can match it. Templates without
 * placeholders render to one shared (immutable) object: no per-event allocation.
 */
import type { Rng } from '../kernel/rng';

/** Renders a template for event `seq`. */
export type Render = (seq: number, rng: Rng) => unknown;

const PLACEHOLDER = /\{\{(seq|rand:(-?\d+)-(-?\d+))\}\}/g;

/** Compiles a JSON template (object, array, string, scalar). */
export function compileTemplate(value: unknown): Render {
  if (!hasPlaceholder(value)) return () => value;
  if (typeof value === 'string') return compileString(value);
  if (Array.isArray(value)) {
    const items = value.map(compileTemplate);
    return (seq, rng) => items.map((r) => r(seq, rng));
  }
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, compileTemplate(v)] as const);
  return (seq, rng) => {
    const out: Record<string, unknown> = {};
    for (const [k, r] of entries) out[k] = r(seq, rng);
    return out;
  };
}

function compileString(s: string): Render {
  const whole = /^\{\{(seq|rand:(-?\d+)-(-?\d+))\}\}$/.exec(s);
  if (whole) {
    const one = placeholder(whole);
    return (seq, rng) => one(seq, rng);
  }
  // Split once into literal text and placeholders; rendering only concatenates.
  const texts: string[] = [];
  const values: Array<(seq: number, rng: Rng) => number> = [];
  let last = 0;
  for (const m of s.matchAll(PLACEHOLDER)) {
    texts.push(s.slice(last, m.index));
    values.push(placeholder(m as RegExpExecArray));
    last = m.index + m[0].length;
  }
  const tail = s.slice(last);
  if (values.length === 1) {
    const [head] = texts;
    const [value] = values;
    return (seq, rng) => head + value(seq, rng) + tail;
  }
  return (seq, rng) => {
    let out = '';
    for (let i = 0; i < values.length; i++) out += texts[i] + values[i](seq, rng);
    return out + tail;
  };
}

function placeholder(m: RegExpExecArray): (seq: number, rng: Rng) => number {
  if (m[1] === 'seq') return (seq) => seq;
  const a = Number(m[2]);
  const b = Number(m[3]);
  const lo = Math.min(a, b);
  const span = Math.abs(b - a) + 1;
  return (_seq, rng) => lo + rng.below(span);
}

function hasPlaceholder(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('{{');
  if (Array.isArray(value)) return value.some(hasPlaceholder);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasPlaceholder);
  return false;
}
