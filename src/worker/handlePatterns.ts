/**
 * Answers the pattern editor's requests (protocolPatterns.ts). Everything the user types arrives
 * here, so nothing may throw: inputs are size-checked, every engine call is guarded, and any
 * surprise becomes an `error` reply, never a dead worker.
 */
import { explain, formatExplanation, formatPatternError, parsePattern, type Explanation, type PatternError, type PatternMode } from '../engine/patterns/index';
import { checkInputTransformer } from '../engine/services/inputTransformCheck';
import { compileInputTransformer } from '../engine/services/inputTransformRender';
import { findJsonSyntaxError } from '../model/jsonText';
import { textFromBase64 } from '../model/samples/index';
import type { FromWorker } from './protocol';
import type { BusRuleVerdict, EventTextError, EventView, PatternRequest } from './protocolPatterns';

/** Largest event or pattern text accepted (characters); AWS's own limits are far lower. */
export const MAX_TEXT = 1_000_000;
/** Most rules tested at once (a bus holds at most 300 rules by default). */
export const MAX_RULES = 1000;

const MODES: ReadonlySet<string> = new Set(['eventbridge', 'sns-attributes', 'sns-body']);

/** Handles one pattern request; never throws. */
export function handlePatterns(m: PatternRequest): FromWorker[] {
  try {
    return [answer(m)];
  } catch (e) {
    return [{ type: 'error', requestId: m.requestId, message: `${m.type} failed: ${e instanceof Error ? e.message : String(e)}` }];
  }
}

function answer(m: PatternRequest): FromWorker {
  switch (m.type) {
    case 'validatePattern': {
      const p = compile(m.pattern, m.mode, m.maxLength);
      const errors = p.ok ? [] : p.errors;
      return { type: 'patternChecked', requestId: m.requestId, errors, awsMessage: errors[0] ? formatPatternError(errors[0], modeOf(m.mode)) : null, fields: p.ok ? p.fields : [] };
    }
    case 'testPattern':
      return testPattern(m);
    case 'testBus':
      return testBus(m);
    case 'previewTransform':
      return previewTransform(m);
    default:
      throw new Error('unknown request');
  }
}

type Compiled = { ok: true; pattern: Extract<ReturnType<typeof parsePattern>, { ok: true }>['value']; fields: string[] } | { ok: false; errors: PatternError[] };

function compile(text: unknown, mode: unknown, maxLength?: number): Compiled {
  if (typeof text !== 'string') return { ok: false, errors: [{ message: 'The pattern must be text.', path: '' }] };
  if (text.length > MAX_TEXT) return { ok: false, errors: [{ message: `The pattern is too long: ${text.length} characters.`, path: '', range: { offset: 0, length: 0, line: 1, column: 1 } }] };
  const max = typeof maxLength === 'number' && maxLength > 0 ? Math.min(maxLength, MAX_TEXT) : undefined;
  const p = parsePattern(text, { mode: modeOf(mode), ...(max !== undefined ? { maxLength: max } : {}) });
  if (!p.ok) return { ok: false, errors: p.error };
  return { ok: true, pattern: p.value, fields: p.value.fieldNames };
}

const modeOf = (mode: unknown): PatternMode => (typeof mode === 'string' && MODES.has(mode) ? (mode as PatternMode) : 'eventbridge');

/** Parses event text; a syntax error says where. */
export function readEvent(text: unknown): { ok: true; value: unknown } | { ok: false; error: EventTextError } {
  if (typeof text !== 'string') return { ok: false, error: { message: 'The event must be JSON text.' } };
  if (text.trim() === '') return { ok: false, error: { message: 'Paste or choose an event to test.' } };
  if (text.length > MAX_TEXT) return { ok: false, error: { message: `The event is too large: ${text.length.toLocaleString('en-US')} characters (at most ${MAX_TEXT.toLocaleString('en-US')}).` } };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const at = findJsonSyntaxError(text);
    return { ok: false, error: at ? { message: `The event is not valid JSON: ${at.message}.`, line: at.line, column: at.column } : { message: `The event is not valid JSON: ${(e as Error).message}` } };
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What a pattern of `mode` is matched against, given the user's input; notes say what was taken. */
export function inputFor(mode: PatternMode, view: EventView | undefined, input: unknown): { value: unknown; notes: string[] } {
  const notes: string[] = [];
  const snsRecord = isObject(input) && Array.isArray(input.Records) && isObject(input.Records[0]) && isObject(input.Records[0].Sns) ? input.Records[0].Sns : null;
  if (mode === 'sns-attributes') {
    let attrs: unknown = input;
    if (snsRecord) {
      attrs = snsRecord.MessageAttributes ?? {};
      notes.push('Matched the MessageAttributes of Records[0].Sns.');
    } else if (isObject(input) && isObject(input.MessageAttributes)) {
      attrs = input.MessageAttributes;
      notes.push('Matched the MessageAttributes of the message.');
    }
    return { value: normaliseAttributes(attrs, notes), notes };
  }
  if (mode === 'sns-body' && snsRecord && typeof snsRecord.Message === 'string') {
    notes.push('Matched the Message of Records[0].Sns (parsed as JSON).');
    return { value: parseOr(snsRecord.Message), notes };
  }
  if (view !== 'lambdaRecord') return { value: input, notes };
  let record = input;
  if (isObject(input) && Array.isArray(input.Records)) {
    record = input.Records[0];
    notes.push(`Matched Records[0] of the batch (${input.Records.length} record${input.Records.length === 1 ? '' : 's'}); Lambda filters each record on its own.`);
  }
  if (isObject(record) && typeof record.body === 'string') {
    notes.push('The SQS body is read as JSON when it is JSON, as Lambda event filtering does.');
    return { value: { ...record, body: parseOr(record.body) }, notes };
  }
  if (isObject(record) && isObject(record.kinesis) && typeof record.kinesis.data === 'string') {
    notes.push('The Kinesis data is base64-decoded and read as JSON, as Lambda event filtering does.');
    return { value: { ...record.kinesis, data: decodeData(record.kinesis.data) }, notes };
  }
  return { value: record, notes };
}

/** `{name: {Type, Value}}` as SNS stores attributes; plain values are converted (text, number, list). */
function normaliseAttributes(attrs: unknown, notes: string[]): unknown {
  if (!isObject(attrs)) return {};
  const out: Record<string, { Type: string; Value: string }> = {};
  let converted = false;
  for (const [k, v] of Object.entries(attrs)) {
    if (isObject(v) && typeof v.Type === 'string' && 'Value' in v) out[k] = { Type: v.Type, Value: typeof v.Value === 'string' ? v.Value : JSON.stringify(v.Value) };
    else {
      converted = true;
      out[k] = typeof v === 'number' ? { Type: 'Number', Value: String(v) } : Array.isArray(v) ? { Type: 'String.Array', Value: JSON.stringify(v) } : { Type: 'String', Value: typeof v === 'string' ? v : JSON.stringify(v) };
    }
  }
  if (converted) notes.push('Plain values were read as attributes: text as String, numbers as Number, lists as String.Array.');
  return out;
}

function parseOr(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function decodeData(b64: string): unknown {
  try {
    const text = textFromBase64(b64);
    return text === undefined ? b64 : parseOr(text);
  } catch {
    return b64;
  }
}

function testPattern(m: Extract<PatternRequest, { type: 'testPattern' }>): FromWorker {
  const base = { type: 'patternTested' as const, requestId: m.requestId };
  const p = compile(m.pattern, m.mode, m.maxLength);
  const ev = readEvent(m.event);
  if (!p.ok || !ev.ok) return { ...base, errors: p.ok ? [] : p.errors, eventError: ev.ok ? null : ev.error, matched: null, explanation: null, text: '', notes: [] };
  const input = inputFor(modeOf(m.mode), m.view, ev.value);
  const e = explain(p.pattern, input.value);
  return { ...base, errors: [], eventError: null, matched: e.matched, explanation: e, text: formatExplanation(e), notes: input.notes };
}

function testBus(m: Extract<PatternRequest, { type: 'testBus' }>): FromWorker {
  const ev = readEvent(m.event);
  if (!ev.ok) return { type: 'busTested', requestId: m.requestId, eventError: ev.error, results: [] };
  const rules = Array.isArray(m.rules) ? m.rules.slice(0, MAX_RULES) : [];
  const results = rules.map((r): BusRuleVerdict => {
    const base = { id: String(r?.id ?? ''), name: String(r?.name ?? r?.id ?? ''), enabled: r?.enabled !== false };
    if (typeof r?.pattern !== 'string' || r.pattern.trim() === '') return { ...base, matched: null, errors: [], summary: 'No event pattern (a schedule rule, or not set).', explanation: null };
    const p = compile(r.pattern, 'eventbridge');
    if (!p.ok) return { ...base, matched: null, errors: p.errors, summary: formatPatternError(p.errors[0]), explanation: null };
    const e = explain(p.pattern, ev.value);
    return { ...base, matched: e.matched, errors: [], summary: summarize(e), explanation: e };
  });
  return { type: 'busTested', requestId: m.requestId, eventError: null, results };
}

/** One line: the first field that failed, or what matched. */
export function summarize(e: Explanation): string {
  if (e.matched) return 'Matches: every field holds.';
  const failed = firstFailure(e.root.items);
  if (e.notes[0] && !failed) return e.notes[0];
  return failed ?? 'Does not match.';
}

function firstFailure(items: Explanation['root']['items']): string | null {
  for (const it of items) {
    if (it.kind === 'field') {
      if (it.matched || it.overridden) continue;
      const found = it.found.length > 0 ? ` (event has ${it.found.slice(0, 3).map((v) => JSON.stringify(v)).join(', ')})` : '';
      return `${it.field}: ${VERDICTS[it.verdict] ?? it.verdict}${found}.`;
    }
    if (!it.matched) return `No branch of the $or at ${it.path} holds.`;
  }
  return null;
}

const VERDICTS: Record<string, string> = {
  missing: 'missing from the event',
  'not-a-leaf': 'an object or empty list, not a value',
  'wrong-type': 'present, but of another type',
  'value-mismatch': 'no value satisfies a condition',
  'present-but-must-be-absent': 'present, but must not exist',
};

function previewTransform(m: Extract<PatternRequest, { type: 'previewTransform' }>): FromWorker {
  const base = { type: 'transformPreviewed' as const, requestId: m.requestId };
  let map = m.inputPathsMap;
  if (typeof map === 'string') {
    if (map.trim() === '') map = {};
    else {
      const r = readEvent(map);
      if (!r.ok) return { ...base, eventError: null, problems: [{ field: 'InputPathsMap', message: r.error.message.replace('The event', 'InputPathsMap') }], payload: null, warnings: [] };
      map = r.value;
    }
  }
  const targetId = typeof m.targetId === 'string' && m.targetId ? m.targetId : 'target';
  const problems = checkInputTransformer(map, m.inputTemplate, targetId);
  const ev = readEvent(m.event);
  if (problems.length > 0 || !ev.ok) return { ...base, eventError: ev.ok ? null : ev.error, problems, payload: null, warnings: [] };
  const ruleName = String(m.ruleName ?? 'rule');
  const ruleArn = typeof m.ruleArn === 'string' ? m.ruleArn : `arn:aws:events:us-east-1:123456789012:rule/${ruleName}`;
  const out = compileInputTransformer(map as Record<string, string>, m.inputTemplate).render(ev.value, {
    ruleArn,
    ruleName,
    ingestionMs: 0,
    ...(typeof m.ingestionTime === 'string' ? { ingestionTime: m.ingestionTime } : {}),
  });
  return { ...base, eventError: null, problems: [], payload: out.text, ...(out.json !== undefined ? { json: out.json } : {}), warnings: out.warnings };
}
