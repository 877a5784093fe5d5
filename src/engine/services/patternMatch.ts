/**
 * The engine's one door to the event-pattern engine (src/engine/patterns): EventBridge rules,
 * ESM filters, SNS body filter policies and failWhen all come through here.
 */
import { compileRuleSet, formatPatternError, matches, parsePattern, type PatternMode } from '../patterns/index';

/** A compiled pattern: true when the event matches. */
export type Matcher = (event: unknown) => boolean;

/** Result of compiling: a matcher, or the reason the text is not a valid pattern. */
export type CompiledMatcher = { ok: true; match: Matcher } | { ok: false; message: string };

/**
 * Compiles pattern text (EventBridge syntax unless `mode` says otherwise). Empty text yields
 * `null`: callers decide what "no pattern" means.
 */
export function compileMatcher(text: string, mode: PatternMode = 'eventbridge'): CompiledMatcher | null {
  if (text.trim() === '') return null;
  const p = parsePattern(text, { mode });
  if (!p.ok) return { ok: false, message: p.error.map((e) => formatPatternError(e, mode)).join('; ') };
  const compiled = p.value;
  return { ok: true, match: (event) => matches(compiled, event) };
}

/**
 * Compiles filter patterns that are ORed (FilterCriteria.Filters); an invalid one is reported to
 * `warnings` as "`label` filter: why" and left out. Null when no valid filter remains.
 */
export function compileFilters(patterns: readonly string[], label: string, warnings: string[]): Matcher[] | null {
  const filters: Matcher[] = [];
  for (const text of patterns) {
    const c = compileMatcher(text);
    if (c === null) continue;
    if (c.ok) filters.push(c.match);
    else warnings.push(`${label} filter: ${c.message}`);
  }
  return filters.length > 0 ? filters : null;
}

/**
 * Several EventBridge rules matched together; `match` gives the indices of matching rules, in
 * an array that the next call reuses.
 */
export interface RuleMatcher {
  match(event: unknown): number[];
}

/**
 * Compiles the rules of one bus into one shared matcher (common conditions are evaluated once
 * per event). Rules whose pattern is invalid are left out and reported in `errors`.
 */
export function compileRules(patterns: readonly string[]): { matcher: RuleMatcher; errors: Array<{ index: number; message: string }> } {
  const errors: Array<{ index: number; message: string }> = [];
  const valid: Array<{ id: string; pattern: string }> = [];
  patterns.forEach((pattern, index) => {
    const p = parsePattern(pattern);
    if (p.ok) valid.push({ id: String(index), pattern });
    else errors.push({ index, message: p.error.map((e) => formatPatternError(e)).join('; ') });
  });
  const set = compileRuleSet(valid);
  if (!set.ok) {
    for (const r of set.error) errors.push({ index: Number(r.id), message: r.errors.map((e) => formatPatternError(e)).join('; ') });
    return { matcher: { match: () => [] }, errors };
  }
  const rules = set.value;
  // Rule set positions back to the caller's indices (invalid rules were left out).
  const indexOf = valid.map((v) => Number(v.id));
  // One result array per bus, reused: a caller reads it before the next match.
  const out: number[] = [];
  return {
    matcher: {
      match: (event) => {
        const n = rules.matchInto(event, out);
        out.length = n;
        for (let i = 0; i < n; i++) out[i] = indexOf[out[i]];
        return out;
      },
    },
    errors,
  };
}
