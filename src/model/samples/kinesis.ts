/**
 * Kinesis: a record as GetRecords returns it, and the Lambda Kinesis batch record
 * (`sam local generate-event kinesis get-records`): `data` is base64 of the payload's UTF-8 bytes.
 */
import { base64FromText } from './encoding';
import { arn, type IdSource } from './ids';
import { COMMON_PARAMS, readParams } from './params';
import type { SampleEventDef, SampleParam } from './types';

/** A record as the Kinesis API's GetRecords returns it. */
export interface KinesisApiRecord {
  SequenceNumber: string;
  /** Epoch seconds, with milliseconds as a fraction. */
  ApproximateArrivalTimestamp: number;
  /** base64 */
  Data: string;
  PartitionKey: string;
}

/** What one record is built from; `data` is text (JSON for a JSON payload). */
export interface KinesisRecordInput {
  data: string;
  partitionKey: string;
  arrivalMs: number;
  ids: IdSource;
  idPrefix?: string;
}

/** A record with a deterministic 56-digit sequence number. */
export function kinesisRecord(i: KinesisRecordInput): KinesisApiRecord {
  return {
    SequenceNumber: `4959${i.ids.digits(`${i.idPrefix ?? ''}kinesisSequence`, 52)}`,
    ApproximateArrivalTimestamp: i.arrivalMs / 1000,
    Data: base64FromText(i.data),
    PartitionKey: i.partitionKey,
  };
}

/** Where a Lambda Kinesis record came from. */
export interface KinesisSource {
  streamArn: string;
  region: string;
  shardId?: string;
  /** The function's execution role ARN. */
  invokeIdentityArn: string;
}

/** One `Records[]` entry of the event Lambda's Kinesis event source mapping passes to a function. */
export function lambdaKinesisRecord(rec: KinesisApiRecord, src: KinesisSource): Record<string, unknown> {
  return {
    kinesis: {
      kinesisSchemaVersion: '1.0',
      partitionKey: rec.PartitionKey,
      sequenceNumber: rec.SequenceNumber,
      data: rec.Data,
      approximateArrivalTimestamp: rec.ApproximateArrivalTimestamp,
    },
    eventSource: 'aws:kinesis',
    eventVersion: '1.0',
    eventID: `${src.shardId ?? 'shardId-000000000000'}:${rec.SequenceNumber}`,
    eventName: 'aws:kinesis:record',
    invokeIdentityArn: src.invokeIdentityArn,
    awsRegion: src.region,
    eventSourceARN: src.streamArn,
  };
}

/** The ARN of a stream. */
export function streamArn(region: string, account: string, streamName: string): string {
  return arn('kinesis', region, account, `stream/${streamName}`);
}

/** The execution role ARN the samples give a function (`<function>-role`). */
export function functionRoleArn(region: string, account: string, functionName: string): string {
  return arn('iam', '', account, `role/${functionName}-role`, region);
}

const KINESIS_PARAMS: readonly SampleParam[] = [
  { name: 'streamName', label: 'Stream name', default: 'my-stream', description: 'Stream name in eventSourceARN.' },
  { name: 'partitionKey', label: 'Partition key', default: 'sensor-1', description: 'kinesis.partitionKey.' },
  {
    name: 'data',
    label: 'Data',
    default: '{"sensorId":"sensor-1","temperature":21.5,"unit":"C"}',
    description: 'The payload text (usually JSON); kinesis.data holds its UTF-8 bytes in base64.',
  },
  ...COMMON_PARAMS,
];

/** The Kinesis catalogue entry. */
export const KINESIS_SAMPLES: readonly SampleEventDef[] = [
  {
    id: 'kinesis.get-records',
    service: 'kinesis',
    title: 'Kinesis stream records (Lambda batch)',
    description: 'One-record batch that Lambda\'s Kinesis event source mapping passes to a function.',
    shape: 'lambdaRecords',
    params: KINESIS_PARAMS,
    build(params) {
      const r = readParams('kinesis.get-records', KINESIS_PARAMS, params);
      const region = r.text('region');
      const account = r.text('account');
      const rec = kinesisRecord({ data: r.text('data'), partitionKey: r.text('partitionKey'), arrivalMs: r.time('time'), ids: r.ids });
      return {
        Records: [
          lambdaKinesisRecord(rec, {
            streamArn: streamArn(region, account, r.text('streamName')),
            region,
            invokeIdentityArn: functionRoleArn(region, account, 'my-function'),
          }),
        ],
      };
    },
  },
];
