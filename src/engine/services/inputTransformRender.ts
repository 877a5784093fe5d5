/**
 * What a target receives from an InputTransformer, as text, exactly: the template with every
 * placeholder replaced (aws-semantics 1.4). In a text template, and inside a string of a JSON
 * template, a string value goes in as its characters; elsewhere a value goes in as JSON.
 * Predefined variables: rule ARN and name, ingestion time, `<aws.events.event>` (the event
 * without `detail`) and `<aws.events.event.json>` (the whole event).
 *
 * [U] A mapped path missing from the event: inside text, nothing (recorded from EventBridge by
 * LocalStack's snapshot tests); as a JSON value, `null` (aws-semantics [D]). Each is reported.
 */
import type { TransformContext } from './inputTransform';
import { compilePath, type CompiledPath } from './jsonPath';
import { parseTemplate, type ParsedTemplate } from './inputTransformTemplate';

/** The rendered payload, and what the author should know about it. */
export interface RenderedTransform {
  /** The exact text the target receives. */
  text: string;
  /** The text parsed as JSON, when it is JSON. */
  json?: unknown;
  /** Paths that found nothing in the event, and what was put instead. */
  warnings: string[];
}

/** Turns an event into the target's input; `render` reports missing paths too. */
export interface CompiledTransformer {
  render(event: unknown, ctx: TransformContext & { ingestionTime?: string }): RenderedTransform;
}

/** Compiles a transformer once (assumed checked by `checkInputTransformer`). Never throws. */
export function compileInputTransformer(map: Record<string, string>, template: string): CompiledTransformer {
  const parsed = parseTemplate(template);
  const paths = new Map<string, { path: string; get: CompiledPath }>();
  for (const [k, p] of Object.entries(map)) if (typeof p === 'string') paths.set(k, { path: p, get: compilePath(p) });
  return { render: (event, ctx) => render(parsed, paths, event, ctx) };
}

function render(parsed: ParsedTemplate, paths: Map<string, { path: string; get: CompiledPath }>, event: unknown, ctx: TransformContext & { ingestionTime?: string }): RenderedTransform {
  const warnings: string[] = [];
  let out = '';
  for (const part of parsed.parts) {
    if ('text' in part) {
      out += part.text;
      continue;
    }
    const inText = part.inString || !parsed.json;
    const found = resolve(part.name, event, ctx, paths);
    if (found.missing !== undefined) {
      warnings.push(`<${part.name}>: ${found.missing} is not in the event; ${inText ? 'nothing was inserted' : 'null was inserted'}.`);
      if (!inText) out += 'null';
      continue;
    }
    const v = found.value;
    if (inText) out += typeof v === 'string' ? (part.inString ? JSON.stringify(v).slice(1, -1) : v) : safeJson(v);
    else out += safeJson(v);
  }
  const result: RenderedTransform = { text: out, warnings };
  try {
    result.json = JSON.parse(out);
  } catch {
    // A text template's output need not be JSON.
  }
  return result;
}

function resolve(name: string, event: unknown, ctx: TransformContext & { ingestionTime?: string }, paths: Map<string, { path: string; get: CompiledPath }>): { value?: unknown; missing?: string } {
  const mapped = paths.get(name);
  if (mapped) {
    const v = safeGet(mapped.get, event);
    return v === undefined ? { missing: mapped.path } : { value: v };
  }
  switch (name) {
    case 'aws.events.rule-arn':
      return { value: ctx.ruleArn };
    case 'aws.events.rule-name':
      return { value: ctx.ruleName };
    case 'aws.events.event.ingestion-time':
      return { value: ctx.ingestionTime ?? eventTime(event) };
    case 'aws.events.event.json':
      return { value: event };
    case 'aws.events.event':
      return { value: withoutDetail(event) };
    default:
      return { missing: `<${name}>` };
  }
}

/** `<aws.events.event>`: the envelope without `detail`; `detail-type` is spelled `detailType` there ([U]: as LocalStack's EventBridge v2, snapshot-tested against AWS, does). */
function withoutDetail(event: unknown): unknown {
  if (event === null || typeof event !== 'object' || Array.isArray(event)) return event;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(event as Record<string, unknown>)) {
    if (k === 'detail') continue;
    out[k === 'detail-type' ? 'detailType' : k] = v;
  }
  return out;
}

function eventTime(event: unknown): string {
  const t = event !== null && typeof event === 'object' ? (event as Record<string, unknown>).time : undefined;
  return typeof t === 'string' ? t : '';
}

function safeGet(get: CompiledPath, event: unknown): unknown {
  try {
    return get(event);
  } catch {
    return undefined;
  }
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? 'null';
  } catch {
    return 'null';
  }
}
