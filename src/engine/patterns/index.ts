/**
 * The event-pattern engine: EventBridge event patterns (the rules of aws/event-ruler, which
 * EventBridge runs) and SNS subscription filter policies as two modes of one matcher.
 *
 * ```ts
 * const p = parsePattern('{"source": ["aws.ec2"], "detail": {"state": [{"anything-but": "pending"}]}}');
 * if (p.ok) matches(p.value, event);               // boolean
 * else p.error[0].message;                          // AWS's reason, with .path and .range
 * explain(p.value, event);                          // verdict per field and condition
 * const rules = compileRuleSet([{ id: 'r1', pattern: '{"source": ["aws.ec2"]}' }]);
 * if (rules.ok) rules.value.matchJsonText(eventJson); // ['r1']
 * ```
 *
 * @module
 */

import { matchObject, matchText } from './compileRuleSet';
import type { CompiledPattern } from './parsePattern';

export { parsePattern, CompiledPattern, EVENTBRIDGE_MAX_PATTERN_LENGTH, type ParseOptions } from './parsePattern';
export { compileRuleSet, RuleSet, type RuleInput, type RuleError } from './compileRuleSet';
export { explain, type Explanation, type ExplainGroup, type ExplainItem, type ExplainField, type ExplainOr, type ConditionVerdict, type FieldVerdict } from './explain';
export { formatExplanation } from './formatExplanation';
export { formatPatternError, type PatternError, type PatternMode } from './errors';
export type { SrcRange } from './sourceRange';
export type { Leaf } from './matchers';
export { attributesToEvent, SNS_LIMITS } from './snsPolicy';
export { readCases, runCase, type ConformanceCase, type CaseResult, type Outcome } from './conformance';

/**
 * Does the event match? For `sns-attributes` patterns, pass the message attributes
 * (`{name: {Type, Value}}`); for the other modes, the event (or message body) object.
 * Never throws.
 */
export function matches(pattern: CompiledPattern, event: unknown): boolean {
  return matchObject(pattern.engine, pattern.mode, event) > 0;
}

/**
 * Does the event, given as JSON text, match? Reads only the fields the pattern uses; malformed
 * text does not match. Never throws.
 */
export function matchesJsonText(pattern: CompiledPattern, text: string): boolean {
  return matchText(pattern.engine, pattern.mode, text) > 0;
}
