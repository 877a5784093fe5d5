/**
 * What a pattern of a given mode reads from a payload, on the main thread, for completion and
 * for choosing test events: SNS attributes as plain values, an SNS body, a Lambda record with
 * its SQS body or Kinesis data decoded. Mirrors the worker's reading (handlePatterns `inputFor`),
 * which stays the judge. Pure.
 */
import { textFromBase64 } from '../../model/samples/index';
import type { EventView, PatternMode } from '../../worker/protocolPatterns';
import type { Arrival } from './arrivals';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseOr(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** `{name: {Type, Value}}` or plain attributes as `{name: value}`. */
export function plainAttributes(attrs: unknown): Record<string, unknown> {
  if (!isObject(attrs)) return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (isObject(v) && typeof v.Type === 'string' && 'Value' in v) out[k] = v.Type === 'Number' ? Number(v.Value) : v.Type === 'String.Array' && typeof v.Value === 'string' ? parseOr(v.Value) : v.Value;
    else out[k] = v;
  }
  return out;
}

/** The object a pattern of `mode` (read as `view`) is matched against, from a payload. */
export function patternInput(mode: PatternMode, view: EventView, payload: unknown): unknown {
  const sns = isObject(payload) && Array.isArray(payload.Records) && isObject(payload.Records[0]) && isObject(payload.Records[0].Sns) ? payload.Records[0].Sns : null;
  if (mode === 'sns-attributes') return plainAttributes(sns ? sns.MessageAttributes : isObject(payload) && isObject(payload.MessageAttributes) ? payload.MessageAttributes : payload);
  if (mode === 'sns-body') return sns && typeof sns.Message === 'string' ? parseOr(sns.Message) : payload;
  if (view !== 'lambdaRecord') return payload;
  const record = isObject(payload) && Array.isArray(payload.Records) ? payload.Records[0] : payload;
  if (isObject(record) && typeof record.body === 'string') return { ...record, body: parseOr(record.body) };
  if (isObject(record) && isObject(record.kinesis) && typeof record.kinesis.data === 'string') {
    const text = textFromBase64(record.kinesis.data);
    return { ...record.kinesis, data: text === undefined ? record.kinesis.data : parseOr(text) };
  }
  return record;
}

/** The test-event text for an arrival: its attributes for an attribute policy, else its payload. */
export function arrivalText(mode: PatternMode, a: Arrival): string {
  const value = mode === 'sns-attributes' ? (a.attributes ?? {}) : a.payload;
  return JSON.stringify(value, null, 2);
}

/** Parses test-event text, or undefined. */
export function tryParse(text: string): unknown {
  if (text.length > 1_000_000) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
