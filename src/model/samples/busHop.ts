/** The `eventBridge` hop of a chain: whatever arrives, as the event a bus holds. */
import { eventBridgeEnvelope, isEventBridgeEvent } from './eventbridge';
import { parseIsoTime } from './ids';
import { isS3Notification, s3RecordToEventBridge } from './s3';
import { SampleParamError } from './types';

/** Options of the bus hop: what a custom event gets when the payload carries neither. */
export interface BusHopOptions {
  source?: string;
  detailType?: string;
  resources?: readonly string[];
}

/** Where and when the event lands, and its id. */
export interface BusStamp {
  account: string;
  region: string;
  id: string;
  timeMs: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A PutEvents Detail (object or JSON text) as an object; MalformedDetail otherwise, as AWS says. */
function detailOf(value: unknown): Record<string, unknown> {
  const v = typeof value === 'string' ? parseOrUndefined(value) : value;
  if (typeof value === 'string' && v === undefined) throw new SampleParamError('Detail', 'MalformedDetail: Detail is not valid JSON.');
  if (!isObject(v)) throw new SampleParamError('Detail', 'MalformedDetail: Detail must be a JSON object.');
  return v;
}

/**
 * The event on the bus for a payload: a bus event passes unchanged (bus-to-bus); an S3
 * notification becomes the `aws.s3` event of an EventBridge-enabled bucket (first record); a
 * PutEvents entry `{Source, DetailType, Detail, Resources?, Time?}` gets the envelope; any other
 * object (or JSON-object text) becomes the detail of a custom event, and anything else
 * `{ "value": payload }`. Throws {@link SampleParamError} for a malformed entry Detail.
 */
export function toBusEvent(payload: unknown, opts: BusHopOptions, stamp: BusStamp): unknown {
  if (isEventBridgeEvent(payload)) return payload;
  if (isS3Notification(payload)) return s3RecordToEventBridge(payload.Records[0], stamp.account, stamp.id);
  const entry = isObject(payload) && typeof payload.Source === 'string' && typeof payload.DetailType === 'string' && 'Detail' in payload ? payload : undefined;
  let detail: Record<string, unknown>;
  if (entry) detail = detailOf(entry.Detail);
  else if (isObject(payload)) detail = payload;
  else if (typeof payload === 'string' && isObject(parseOrUndefined(payload))) detail = parseOrUndefined(payload) as Record<string, unknown>;
  else detail = { value: payload ?? null };
  return eventBridgeEnvelope({
    id: stamp.id,
    detailType: entry ? String(entry.DetailType) : (opts.detailType ?? 'Custom Event'),
    source: entry ? String(entry.Source) : (opts.source ?? 'custom.app'),
    account: stamp.account,
    timeMs: entry && typeof entry.Time === 'string' ? (parseIsoTime(entry.Time) ?? stamp.timeMs) : stamp.timeMs,
    region: stamp.region,
    resources: entry && Array.isArray(entry.Resources) ? entry.Resources.map(String) : opts.resources,
    detail,
  });
}
