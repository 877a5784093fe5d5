// Pattern text in, compiled pattern (or AWS-worded errors) out.

import { err, ok, type Result } from '../../shared/result';
import { compileRoot, type CompiledIR } from './compilePattern';
import { ErrorSink, type PatternError, type PatternMode } from './errors';
import { parseJsonAst } from './jsonAst';
import { locate } from './sourceRange';
import { RuleEngine } from './ruleSet';
import { attributesToEvent, checkSnsLimits, SNS_LIMITS, utf8Length } from './snsPolicy';

/** Options of {@link parsePattern}. */
export interface ParseOptions {
  /** Whose rules apply: an EventBridge event pattern (default) or an SNS filter policy scope. */
  mode?: PatternMode;
  /**
   * Longest accepted pattern. Default: 2048 characters for EventBridge (the quota of a rule on
   * an event bus), 256 KB of UTF-8 for SNS. Use `Infinity` for no limit.
   */
  maxLength?: number;
}

/** The EventBridge event-pattern size quota (characters). */
export const EVENTBRIDGE_MAX_PATTERN_LENGTH = 2048;

/** A validated pattern, ready to match events. Create it with {@link parsePattern}. */
export class CompiledPattern {
  /** @internal shared matching engine (a rule set of one rule). */
  readonly engine: RuleEngine;

  constructor(
    /** Whose rules the pattern follows. */
    readonly mode: PatternMode,
    /** The pattern text as given (or as serialised, when an object was given). */
    readonly text: string,
    /** @internal the sub-rules and the pattern tree. */
    readonly ir: CompiledIR,
  ) {
    this.engine = new RuleEngine([ir.subRules]);
  }

  /** The flattened field names the pattern reads, e.g. `detail.state`. */
  get fieldNames(): string[] {
    return this.engine.fields.map((f) => f.name);
  }
}

/**
 * Parses and validates pattern text (or an already-parsed pattern object). Errors use AWS's
 * reason texts; the first one is the one AWS would report.
 */
export function parsePattern(pattern: string | object, opts: ParseOptions = {}): Result<CompiledPattern, PatternError[]> {
  const mode = opts.mode ?? 'eventbridge';
  const text = typeof pattern === 'string' ? pattern : serialise(pattern);
  if (text === null) return err([{ message: 'The pattern object is not JSON (cyclic, or holds values JSON cannot hold)', path: '' }]);
  const sink = new ErrorSink(text);
  const whole = { start: 0, end: text.length };
  if (mode === 'eventbridge') {
    const max = opts.maxLength ?? EVENTBRIDGE_MAX_PATTERN_LENGTH;
    if (text.length > max) {
      sink.add(`Event pattern is too long: ${text.length} characters, the limit is ${max}`, '', whole);
      return err(sink.errors);
    }
  } else {
    const max = opts.maxLength ?? SNS_LIMITS.maxBytes;
    if (utf8Length(text) > max) {
      sink.add('Filter policy is too long', '', whole);
      return err(sink.errors);
    }
  }
  const ast = parseJsonAst(text);
  if (!ast.ok) return err([{ message: ast.error.message, path: '', range: locate(text, ast.error.span) }]);
  const ir = compileRoot(ast.value, mode, sink);
  if (!ir) return err(sink.errors);
  if (mode !== 'eventbridge') {
    checkSnsLimits(ir, mode, sink, ast.value.span);
    if (sink.errors.length > 0) return err(sink.errors);
  }
  return ok(new CompiledPattern(mode, text, ir));
}

/** The object the matcher reads for an input of the given mode. */
export function eventFor(mode: PatternMode, input: unknown): unknown {
  return mode === 'sns-attributes' ? attributesToEvent(input) : input;
}

function serialise(pattern: unknown): string | null {
  try {
    return JSON.stringify(pattern) ?? null;
  } catch {
    return null;
  }
}
