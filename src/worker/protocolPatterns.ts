/**
 * The pattern editor's part of the worker protocol (plain JSON, like `protocol.ts`): validate a
 * pattern as the user types, test it against an event (with an explanation), test one event
 * against every rule of a bus, and preview an input transformer. None of these needs a loaded
 * scenario: the editor sends the texts it shows.
 */
import type { ConditionVerdict, Explanation, ExplainField, ExplainGroup, ExplainItem, PatternError, PatternMode } from '../engine/patterns/index';
import type { TransformProblem } from '../engine/services/inputTransformCheck';

export type { ConditionVerdict, Explanation, ExplainField, ExplainGroup, ExplainItem, PatternError, PatternMode, TransformProblem };

/**
 * How the test input is read before matching. `event`: as given. `lambdaRecord`: one record of a
 * Lambda event source (the first of `Records` when a batch is given), with an SQS `body` or a
 * Kinesis `data` decoded from JSON as Lambda's event filtering does.
 */
export type EventView = 'event' | 'lambdaRecord';

/** A test input that is not usable JSON, with where. */
export interface EventTextError {
  message: string;
  line?: number;
  column?: number;
}

/** One rule of a bus, as the editor knows it. */
export interface BusRuleInput {
  id: string;
  name: string;
  pattern: string;
  enabled?: boolean;
}

/** A rule's verdict on the tested event. */
export interface BusRuleVerdict {
  id: string;
  name: string;
  enabled: boolean;
  /** null when the pattern is invalid (then `errors` says why) or empty. */
  matched: boolean | null;
  errors: PatternError[];
  /** One line: why it matched or not. */
  summary: string;
  explanation: Explanation | null;
}

/** Requests of the pattern editor. */
export type PatternRequest =
  /** Checks pattern text; `maxLength` overrides the mode's size quota (ESM and Pipes filters: 4096). */
  | { type: 'validatePattern'; requestId: number; pattern: string; mode: PatternMode; maxLength?: number }
  /** Matches pattern text against event text, explaining each field. */
  | { type: 'testPattern'; requestId: number; pattern: string; mode: PatternMode; event: string; view?: EventView; maxLength?: number }
  /** One event against every rule of a bus. */
  | { type: 'testBus'; requestId: number; rules: BusRuleInput[]; event: string }
  /** What a rule target receives through an InputTransformer. */
  | {
      type: 'previewTransform';
      requestId: number;
      /** The InputPathsMap (an object), or its JSON text as the user typed it. */
      inputPathsMap: unknown;
      inputTemplate: string;
      event: string;
      ruleName: string;
      ruleArn?: string;
      targetId?: string;
      /** Defaults to the event's `time`. */
      ingestionTime?: string;
    };

/** Replies to {@link PatternRequest}s (failures of the handler itself come as `error`). */
export type PatternReply =
  | {
      type: 'patternChecked';
      requestId: number;
      errors: PatternError[];
      /** The line AWS prints for the first error, e.g. `Event pattern is not valid. Reason: ...`. */
      awsMessage: string | null;
      /** Flattened field names the pattern reads. */
      fields: string[];
    }
  | {
      type: 'patternTested';
      requestId: number;
      errors: PatternError[];
      eventError: EventTextError | null;
      /** null when the pattern or the event is unusable. */
      matched: boolean | null;
      explanation: Explanation | null;
      /** The explanation as indented text. */
      text: string;
      /** How the input was read (which record, which part). */
      notes: string[];
    }
  | { type: 'busTested'; requestId: number; eventError: EventTextError | null; results: BusRuleVerdict[] }
  | {
      type: 'transformPreviewed';
      requestId: number;
      eventError: EventTextError | null;
      /** PutTargets' refusals; when any, there is no payload. */
      problems: TransformProblem[];
      /** The exact text the target receives. */
      payload: string | null;
      /** The payload parsed, when it is JSON. */
      json?: unknown;
      warnings: string[];
    };

/** The `type`s of {@link PatternRequest}. */
export const PATTERN_REQUEST_TYPES: ReadonlySet<string> = new Set(['validatePattern', 'testPattern', 'testBus', 'previewTransform']);

/** True for a message the pattern handler answers. */
export const isPatternRequest = (m: { type: string }): m is PatternRequest => PATTERN_REQUEST_TYPES.has(m.type);
