// Many rules as one matcher, and the JSON-text fast path shared with single patterns.

import { err, ok, type Result } from '../../shared/result';
import type { PatternError, PatternMode } from './errors';
import { CompiledPattern, eventFor, parsePattern } from './parsePattern';
import { parseOrUndefined } from './parseJson';
import { RuleEngine } from './ruleSet';

/** A rule of a rule set: an id of the caller's choosing and its pattern. */
export interface RuleInput {
  id: string;
  /** Pattern text, a pattern object, or an already compiled pattern. */
  pattern: string | object | CompiledPattern;
}

/** Why a rule of a rule set was refused. */
export interface RuleError {
  id: string;
  errors: PatternError[];
}

/** A set of rules compiled together; see {@link compileRuleSet}. */
export class RuleSet {
  private readonly engine: RuleEngine;

  constructor(
    /** The rule ids, in input order. */
    readonly ids: readonly string[],
    readonly mode: PatternMode,
    patterns: readonly CompiledPattern[],
  ) {
    this.engine = new RuleEngine(patterns.map((p) => p.ir.subRules));
  }

  /** Ids of the rules matching an event object, in rule order. Never throws. */
  match(event: unknown): string[] {
    return this.toIds(matchObject(this.engine, this.mode, event));
  }

  /**
   * Ids of the rules matching an event given as JSON text, in rule order. Only the fields some
   * rule reads are decoded. Malformed text matches nothing. Never throws.
   */
  matchJsonText(text: string): string[] {
    return this.toIds(matchText(this.engine, this.mode, text));
  }

  /**
   * Positions (in input order) of the rules matching an event object, written to `out` from
   * index 0; returns how many. The allocation-free form of {@link match}, for hot loops.
   */
  matchInto(event: unknown, out: number[]): number {
    const n = matchObject(this.engine, this.mode, event);
    const m = this.engine.matched;
    for (let i = 0; i < n; i++) out[i] = m[i];
    return n;
  }

  private toIds(n: number): string[] {
    if (n === 0) return [];
    const m = this.engine.matched;
    if (n === 1) return [this.ids[m[0]]];
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.ids[m[i]]);
    return out;
  }
}

/**
 * Compiles rules into one shared matcher: fields and conditions common to several rules are
 * evaluated once per event, and each rule is only looked at when the event satisfies its most
 * selective condition. All rules must use the same mode (default `eventbridge`).
 */
export function compileRuleSet(rules: readonly RuleInput[], opts: { mode?: PatternMode; maxLength?: number } = {}): Result<RuleSet, RuleError[]> {
  const mode = opts.mode ?? 'eventbridge';
  const errors: RuleError[] = [];
  const compiled: CompiledPattern[] = [];
  for (const r of rules) {
    if (r.pattern instanceof CompiledPattern) {
      if (r.pattern.mode !== mode) errors.push({ id: r.id, errors: [{ message: `Pattern mode ${r.pattern.mode} does not match the rule set mode ${mode}`, path: '' }] });
      else compiled.push(r.pattern);
      continue;
    }
    const p = parsePattern(r.pattern, { mode, maxLength: opts.maxLength });
    if (p.ok) compiled.push(p.value);
    else errors.push({ id: r.id, errors: p.error });
  }
  if (errors.length > 0) return err(errors);
  return ok(new RuleSet(rules.map((r) => r.id), mode, compiled));
}

/** Runs an engine on an event object; returns the number of matching rules (see engine.matched). */
export function matchObject(engine: RuleEngine, mode: PatternMode, input: unknown): number {
  try {
    engine.beginObject(mode === 'sns-attributes' ? eventFor(mode, input) : input);
    return engine.run();
  } catch {
    return 0; // only reachable with exotic non-JSON objects (throwing getters, proxies)
  }
}

/** Runs an engine on JSON text, scanning only the fields it reads; returns the match count. */
export function matchText(engine: RuleEngine, mode: PatternMode, text: string): number {
  try {
    if (mode === 'sns-attributes' || !engine.beginText(text)) {
      const parsed = parseOrUndefined(text);
      return parsed.ok ? matchObject(engine, mode, parsed.value) : 0;
    }
    return engine.run();
  } catch {
    return 0;
  }
}

