/**
 * EventBridge target input shaping (aws-semantics 1.4): the whole event, a constant `Input`,
 * an `InputPath` slice, or an `InputTransformer` (paths map + template).
 */
import type { RuleTargetProps } from '../../model/types';
import { isoSecond } from './envelope';
import { compilePath, type CompiledPath } from './jsonPath';

/** Context values for the reserved `<aws.events.*>` variables. */
export interface TransformContext {
  ruleArn: string;
  ruleName: string;
  /** Ingestion time, ms of simulated time (formatted only when a template asks for it). */
  ingestionMs: number;
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

function compileTransformer(map: Record<string, string>, template: string): InputShaper {
  const paths = new Map<string, CompiledPath>(Object.entries(map).map(([k, p]) => [k, compilePath(p)]));
  // Split the template once into literal text and `<var>` references, noting for each
  // reference whether it sits inside a JSON string (then the value is inserted as text).
  const parts: Array<{ text: string } | { name: string; inString: boolean }> = [];
  let inString = false;
  let lit = '';
  for (let i = 0; i < template.length; i++) {
    const ch = template[i];
    if (ch === '\\' && inString) {
      lit += ch + (template[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '"') inString = !inString;
    if (ch === '<') {
      const end = template.indexOf('>', i);
      const name = end > i ? template.slice(i + 1, end) : '';
      if (/^[A-Za-z0-9_.-]+$/.test(name)) {
        parts.push({ text: lit });
        lit = '';
        parts.push({ name, inString });
        i = end;
        continue;
      }
    }
    lit += ch;
  }
  parts.push({ text: lit });
  return (event, ctx) => {
    let out = '';
    for (const part of parts) {
      if ('text' in part) {
        out += part.text;
        continue;
      }
      const value = resolve(part.name, event, ctx, paths);
      if (part.inString) out += typeof value === 'string' ? JSON.stringify(value).slice(1, -1) : JSON.stringify(value ?? null);
      else out += JSON.stringify(value ?? null);
    }
    try {
      return JSON.parse(out);
    } catch {
      return out;
    }
  };
}

function resolve(name: string, event: unknown, ctx: TransformContext, paths: Map<string, CompiledPath>): unknown {
  switch (name) {
    case 'aws.events.rule-arn':
      return ctx.ruleArn;
    case 'aws.events.rule-name':
      return ctx.ruleName;
    case 'aws.events.event.ingestion-time':
      return isoSecond(ctx.ingestionMs);
    case 'aws.events.event.json':
      return event;
    case 'aws.events.event': {
      if (event === null || typeof event !== 'object') return event;
      const rest: Record<string, unknown> = { ...(event as Record<string, unknown>) };
      delete rest.detail;
      return rest;
    }
  }
  const path = paths.get(name);
  // [U] AWS's behaviour for a path missing from the event; [D] (aws-semantics 1.4) null.
  return path === undefined ? null : (path(event) ?? null);
}
