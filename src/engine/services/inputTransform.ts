/**
 * EventBridge target input shaping (aws-semantics 1.4): the whole event, a constant `Input`,
 * an `InputPath` slice, or an `InputTransformer` (paths map + template).
 */
import type { RuleTargetProps } from '../../model/types';
import { isoSecond } from './envelope';
import { compilePath } from './jsonPath';
import { compileInputTransformer } from './inputTransformRender';

/** Context values for the reserved `<aws.events.*>` variables. */
export interface TransformContext {
  ruleArn: string;
  ruleName: string;
  /** Ingestion time, ms of simulated time (formatted only when a template asks for it). */
  ingestionMs: number;
  /** The delivery attempt being made (1 = first); Scheduler's `<aws.scheduler.attempt-number>`. */
  attempt?: number;
  /** The event id (a schedule's invocation id). */
  eventId?: string;
}

/** Turns the matched event into what the target receives. */
export type InputShaper = (event: unknown, ctx: TransformContext) => unknown;

/** Compiles a target's input option once; null when none is set (the whole event goes). */
export function compileInputShaper(props: RuleTargetProps): InputShaper | null {
  if (props.Input !== undefined && props.Input !== '') {
    let constant: unknown = props.Input;
    try {
      constant = JSON.parse(props.Input);
    } catch {
      // Not JSON: AWS would reject the target; the simulator passes the text through.
    }
    return () => constant;
  }
  if (props.InputPath !== undefined && props.InputPath !== '') {
    const path = compilePath(props.InputPath);
    return (event) => path(event) ?? null;
  }
  if (props.InputTransformer) return compileTransformer(props.InputTransformer.InputPathsMap, props.InputTransformer.InputTemplate);
  return null;
}

// One renderer for the simulation and the editor's preview, so what a class previews is what
// the target receives in the run (missing paths: nothing inside text, null as a JSON value).
function compileTransformer(map: Record<string, string>, template: string): InputShaper {
  const transformer = compileInputTransformer(map, template);
  return (event, ctx) => {
    const r = transformer.render(event, { ...ctx, ingestionTime: isoSecond(ctx.ingestionMs) });
    return r.json ?? r.text;
  };
}
