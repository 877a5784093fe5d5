/**
 * First line of defence for untrusted input: copies a value into fresh plain JSON, refusing
 * what no scenario needs and what could hurt (prototype-polluting keys, deep nesting, huge
 * strings or documents, non-JSON values). Later stages then work on a copy they own.
 */
import { onePerPath, pointer, scenarioError, type ScenarioError } from './errors';
import { LIMITS } from './scenarioSchema';
import { err, ok, type Result } from '../shared/result';

/** Keys that could reach an object's prototype when a later stage assigns them. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const MAX_ERRORS = 20;

class Abort extends Error {}

interface Walk {
  bytes: number;
  errors: ScenarioError[];
}

function fail(w: Walk, e: ScenarioError, abort = false): void {
  w.errors.push(e);
  if (abort || w.errors.length >= MAX_ERRORS) throw new Abort();
}

function copy(v: unknown, path: string, depth: number, w: Walk): unknown {
  if (depth > LIMITS.maxDepth) {
    fail(w, scenarioError(path, `The document is nested too deeply (more than ${LIMITS.maxDepth} levels).`, 'a scenario as evsim exports it'), true);
  }
  w.bytes += 8;
  if (v === null || typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) fail(w, scenarioError(path, `Numbers must be finite; got ${v}.`));
    return v;
  }
  if (typeof v === 'string') {
    w.bytes += v.length;
    if (v.length > LIMITS.maxStringLength) {
      fail(w, scenarioError(path, `Text is too long: ${v.length} characters.`, `at most ${LIMITS.maxStringLength} characters`));
      return '';
    }
    if (w.bytes > LIMITS.maxTotalBytes) fail(w, tooBig(), true);
    return v;
  }
  if (Array.isArray(v)) {
    if (path === '/nodes' && v.length > LIMITS.maxNodes) {
      fail(w, scenarioError(path, `A scenario can have at most ${LIMITS.maxNodes} nodes; got ${v.length}.`), true);
    }
    return v.map((item, i) => copy(item, pointer(path, i), depth + 1, w));
  }
  if (typeof v === 'object') {
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      fail(w, scenarioError(path, 'Only plain JSON objects are allowed here.'));
      return {};
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v)) {
      w.bytes += key.length;
      if (FORBIDDEN_KEYS.has(key)) {
        fail(w, scenarioError(pointer(path, key), `The key "${key}" is not allowed: it could change how objects behave.`, 'remove this key'));
        continue;
      }
      out[key] = copy((v as Record<string, unknown>)[key], pointer(path, key), depth + 1, w);
    }
    return out;
  }
  fail(w, scenarioError(path, `Only JSON values are allowed; got a ${typeof v}.`));
  return null;
}

function tooBig(): ScenarioError {
  return scenarioError('', `The document is too large (over ${LIMITS.maxTotalBytes / 1048576} MB).`, `at most ${LIMITS.maxTotalBytes / 1048576} MB of JSON`);
}

/** A fresh plain-JSON copy of `untrusted`, or why it is refused. */
export function sanitize(untrusted: unknown): Result<unknown, ScenarioError[]> {
  const w: Walk = { bytes: 0, errors: [] };
  let value: unknown;
  try {
    value = copy(untrusted, '', 0, w);
  } catch (e) {
    if (!(e instanceof Abort)) throw e;
  }
  return w.errors.length ? err(onePerPath(w.errors)) : ok(value);
}

/** Refuses a text longer than the document limit before anything parses it. */
export function textTooLarge(text: string): ScenarioError | undefined {
  return text.length > LIMITS.maxTotalBytes ? tooBig() : undefined;
}
