// Runs conformance cases (the format of shared/conformance/event-patterns.json): each case is a
// pattern, an event and the outcome AWS gives. Both the object matcher and the JSON-text fast
// path must give that outcome.

import type { PatternMode } from './errors';
import { parsePattern } from './parsePattern';
import { matchObject, matchText } from './compileRuleSet';

/** The outcome of matching a pattern against an event. */
export type Outcome = 'match' | 'no-match' | 'invalid-pattern';

/** One case. `mode` is an evsim extension (default `eventbridge`). */
export interface ConformanceCase {
  id: string;
  pattern: unknown;
  event: unknown;
  expect: Outcome;
  mode?: PatternMode;
}

/** What the engine did with one case. */
export interface CaseResult {
  id: string;
  expect: Outcome;
  got: Outcome;
  passed: boolean;
  /** The error message for an invalid pattern, or a note on what went wrong. */
  detail?: string;
}

/** Validates the shape of a case file; returns the cases or a message. */
export function readCases(data: unknown): { ok: true; cases: ConformanceCase[] } | { ok: false; message: string } {
  if (!Array.isArray(data)) return { ok: false, message: 'a case file must hold a JSON array of cases' };
  for (const [i, c] of data.entries()) {
    const ok = typeof c === 'object' && c !== null && typeof (c as { id?: unknown }).id === 'string' && ['match', 'no-match', 'invalid-pattern'].includes((c as { expect?: unknown }).expect as string) && 'pattern' in c && 'event' in c;
    if (!ok) return { ok: false, message: `case ${i} needs id, pattern, event and expect ("match", "no-match" or "invalid-pattern")` };
  }
  return { ok: true, cases: data as ConformanceCase[] };
}

/** Runs one case through parsing, the object matcher and the JSON-text matcher. */
export function runCase(c: ConformanceCase): CaseResult {
  const mode = c.mode ?? 'eventbridge';
  const text = typeof c.pattern === 'string' ? c.pattern : JSON.stringify(c.pattern);
  const p = parsePattern(text, { mode });
  if (!p.ok) {
    const got: Outcome = 'invalid-pattern';
    return { id: c.id, expect: c.expect, got, passed: c.expect === got, detail: p.error[0].message };
  }
  const byObject: Outcome = matchObject(p.value.engine, mode, c.event) > 0 ? 'match' : 'no-match';
  const byText: Outcome = matchText(p.value.engine, mode, JSON.stringify(c.event)) > 0 ? 'match' : 'no-match';
  if (byObject !== byText) {
    return { id: c.id, expect: c.expect, got: byObject, passed: false, detail: `the JSON-text matcher says ${byText}` };
  }
  return { id: c.id, expect: c.expect, got: byObject, passed: c.expect === byObject };
}
