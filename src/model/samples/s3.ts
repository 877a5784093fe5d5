/**
 * S3 samples: the notification Lambda/SQS/SNS receive (`sam local generate-event s3 put|delete`)
 * and the `aws.s3` event an EventBridge-enabled bucket puts on the default bus.
 */
import { eventBridgeEnvelope, type EventBridgeEvent } from './eventbridge';
import { arn, isoMillis, parseIsoTime, type IdSource } from './ids';
import { COMMON_PARAMS, readParams } from './params';
import type { SampleEventDef, SampleParam, SampleParams } from './types';

/**
 * An object key as S3 writes it in notifications: URL-encoded, a space as `+`, `/` kept
 * (aws-semantics 7; exactly which characters S3 escapes is unverified).
 */
export function s3EncodeKey(key: string): string {
  return encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/gi, '/');
}

/** The key as stored, from a notification's URL-encoded key (undone leniently). */
export function s3DecodeKey(encoded: string): string {
  const spaced = encoded.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/** What one S3 notification record is built from. */
export interface S3RecordInput {
  eventName: 'ObjectCreated:Put' | 'ObjectRemoved:Delete' | string;
  bucket: string;
  key: string;
  /** Bytes; omitted for removals. */
  size?: number;
  region: string;
  account: string;
  timeMs: number;
  ids: IdSource;
}

/** One record of an S3 event notification (the `Records[]` entry), key order as AWS prints it. */
export function s3Record(i: S3RecordInput): Record<string, unknown> {
  const created = i.eventName.startsWith('ObjectCreated:');
  const object: Record<string, unknown> = { key: s3EncodeKey(i.key) };
  if (created) {
    object.size = i.size ?? 0;
    object.eTag = i.ids.hex('etag');
  }
  object.sequencer = Math.max(0, Math.floor(i.timeMs)).toString(16).toUpperCase().padStart(18, '0');
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: i.region,
    eventTime: isoMillis(i.timeMs),
    eventName: i.eventName,
    userIdentity: { principalId: `AWS:AIDA${i.ids.hex('user', 16).toUpperCase()}` },
    requestParameters: { sourceIPAddress: '127.0.0.1' },
    responseElements: {
      'x-amz-request-id': i.ids.hex('request', 16).toUpperCase(),
      'x-amz-id-2': i.ids.base64('id2', 57),
    },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: 'testConfigRule',
      bucket: {
        name: i.bucket,
        ownerIdentity: { principalId: `A${i.ids.hex(`owner:${i.account}`, 13).toUpperCase()}` },
        arn: arn('s3', '', '', i.bucket, i.region),
      },
      object,
    },
  };
}

const REASONS: Record<string, string> = {
  'ObjectCreated:Put': 'PutObject',
  'ObjectCreated:Post': 'POST Object',
  'ObjectCreated:Copy': 'CopyObject',
  'ObjectCreated:CompleteMultipartUpload': 'CompleteMultipartUpload',
  'ObjectRemoved:Delete': 'DeleteObject',
  'ObjectRemoved:DeleteMarkerCreated': 'DeleteObject',
};

/** Whether a payload is an S3 event notification (`Records[0].eventSource === 'aws:s3'`). */
export function isS3Notification(value: unknown): value is { Records: Array<Record<string, unknown>> } {
  const records = (value as { Records?: unknown } | null)?.Records;
  return Array.isArray(records) && records.length > 0 && (records[0] as { eventSource?: unknown })?.eventSource === 'aws:s3';
}

/**
 * The `aws.s3` "Object Created" / "Object Deleted" event an EventBridge-enabled bucket sends for
 * the same change as a notification record. The detail key is the plain key (unverified
 * whether EventBridge URL-encodes it).
 */
export function s3RecordToEventBridge(record: Record<string, unknown>, account: string, id: string): EventBridgeEvent {
  const s3 = (record.s3 ?? {}) as { bucket?: { name?: string }; object?: Record<string, unknown> };
  const bucket = String(s3.bucket?.name ?? '');
  const obj = s3.object ?? {};
  const eventName = String(record.eventName ?? '');
  const created = eventName.startsWith('ObjectCreated:');
  const region = String(record.awsRegion ?? '');
  const object: Record<string, unknown> = { key: s3DecodeKey(String(obj.key ?? '')) };
  if (created) {
    object.size = obj.size;
    object.etag = obj.eTag;
  }
  object.sequencer = obj.sequencer;
  const detail: Record<string, unknown> = {
    version: '0',
    bucket: { name: bucket },
    object,
    'request-id': (record.responseElements as Record<string, unknown> | undefined)?.['x-amz-request-id'] ?? '',
    requester: account,
    'source-ip-address': (record.requestParameters as Record<string, unknown> | undefined)?.sourceIPAddress ?? '',
    reason: REASONS[eventName] ?? eventName.split(':')[1] ?? '',
  };
  if (!created) detail['deletion-type'] = eventName === 'ObjectRemoved:DeleteMarkerCreated' ? 'Delete Marker Created' : 'Permanently Deleted';
  return eventBridgeEnvelope({
    id,
    detailType: created ? 'Object Created' : 'Object Deleted',
    source: 'aws.s3',
    account,
    timeMs: parseIsoTime(String(record.eventTime)) ?? 0,
    region,
    resources: [arn('s3', '', '', bucket, region)],
    detail,
  });
}

const PUT_PARAMS: readonly SampleParam[] = [
  { name: 'bucket', label: 'Bucket', default: 'example-bucket', description: 's3.bucket.name and the bucket ARN.' },
  { name: 'key', label: 'Key', default: 'uploads/photo 1.jpg', description: 's3.object.key (written URL-encoded, as S3 does).' },
  { name: 'size', label: 'Size (bytes)', default: '1024', description: 's3.object.size.', type: 'integer' },
  ...COMMON_PARAMS,
];
const DELETE_PARAMS: readonly SampleParam[] = PUT_PARAMS.filter((p) => p.name !== 'size');

function buildNotification(id: string, defs: readonly SampleParam[], eventName: string, params: SampleParams) {
  const r = readParams(id, defs, params);
  const size = defs.some((d) => d.name === 'size') ? r.number('size') : undefined;
  const record = s3Record({ eventName, bucket: r.text('bucket'), key: r.text('key'), size, region: r.text('region'), account: r.text('account'), timeMs: r.time('time'), ids: r.ids });
  return { r, notification: { Records: [record] } };
}

/** The S3 catalogue entries. */
export const S3_SAMPLES: readonly SampleEventDef[] = [
  {
    id: 's3.put',
    service: 's3',
    title: 'S3 object created (put)',
    description: 'S3 event notification for ObjectCreated:Put, as Lambda receives it.',
    shape: 'lambdaRecords',
    params: PUT_PARAMS,
    build: (params) => buildNotification('s3.put', PUT_PARAMS, 'ObjectCreated:Put', params).notification,
  },
  {
    id: 's3.delete',
    service: 's3',
    title: 'S3 object deleted',
    description: 'S3 event notification for ObjectRemoved:Delete (no size or eTag).',
    shape: 'lambdaRecords',
    params: DELETE_PARAMS,
    build: (params) => buildNotification('s3.delete', DELETE_PARAMS, 'ObjectRemoved:Delete', params).notification,
  },
  {
    id: 's3.eventbridge-object-created',
    service: 's3',
    title: 'S3 Object Created (EventBridge)',
    description: 'The aws.s3 "Object Created" event an EventBridge-enabled bucket puts on the default bus.',
    shape: 'eventBridge',
    params: PUT_PARAMS,
    build(params) {
      const { r, notification } = buildNotification('s3.eventbridge-object-created', PUT_PARAMS, 'ObjectCreated:Put', params);
      return s3RecordToEventBridge(notification.Records[0], r.text('account'), r.ids.uuid('event'));
    },
  },
  {
    id: 's3.eventbridge-object-deleted',
    service: 's3',
    title: 'S3 Object Deleted (EventBridge)',
    description: 'The aws.s3 "Object Deleted" event an EventBridge-enabled bucket puts on the default bus.',
    shape: 'eventBridge',
    params: DELETE_PARAMS,
    build(params) {
      const { r, notification } = buildNotification('s3.eventbridge-object-deleted', DELETE_PARAMS, 'ObjectRemoved:Delete', params);
      return s3RecordToEventBridge(notification.Records[0], r.text('account'), r.ids.uuid('event'));
    },
  },
];
