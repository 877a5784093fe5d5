/**
 * SQS: a received message (ReceiveMessage shape), the Lambda SQS batch record
 * (`sam local generate-event sqs receive-message`), and the MD5s SQS reports.
 */
import { base64Decode, utf8Encode } from './encoding';
import { arn, type IdSource } from './ids';
import { md5Bytes, md5Hex } from './md5';
import { COMMON_PARAMS, readParams } from './params';
import type { SampleEventDef, SampleParam } from './types';

/** A message attribute as the SQS API carries it. */
export interface SqsAttributeValue {
  DataType: string;
  StringValue?: string;
  /** base64 */
  BinaryValue?: string;
}

/** A message as ReceiveMessage returns it (the API's PascalCase shape). */
export interface SqsMessage {
  MessageId: string;
  ReceiptHandle: string;
  MD5OfBody: string;
  Body: string;
  /** System attributes, all values text (SentTimestamp is epoch ms as text). */
  Attributes: Record<string, string>;
  MD5OfMessageAttributes?: string;
  MessageAttributes?: Record<string, SqsAttributeValue>;
}

function lengthPrefixed(bytes: Uint8Array): number[] {
  const n = bytes.length;
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255, ...bytes];
}

/** A binary value's bytes; the base64 text itself stands in when it cannot be decoded. */
function binaryBytes(b64: string): Uint8Array {
  return base64Decode(b64) ?? utf8Encode(b64);
}

/**
 * SQS's MD5 of message attributes: for each name in sorted order, the length-prefixed UTF-8 name,
 * the length-prefixed data type, a transport byte (1 string, 2 binary) and the length-prefixed value.
 */
export function md5OfMessageAttributes(attrs: Readonly<Record<string, SqsAttributeValue>>): string {
  const bytes: number[] = [];
  for (const name of Object.keys(attrs).sort()) {
    const a = attrs[name];
    bytes.push(...lengthPrefixed(utf8Encode(name)), ...lengthPrefixed(utf8Encode(a.DataType)));
    if (a.BinaryValue !== undefined) bytes.push(2, ...lengthPrefixed(binaryBytes(a.BinaryValue)));
    else bytes.push(1, ...lengthPrefixed(utf8Encode(a.StringValue ?? '')));
  }
  return md5Bytes(Uint8Array.from(bytes));
}

/** What one received SQS message is built from. */
export interface SqsMessageInput {
  body: string;
  queueName: string;
  /** SenderId attribute (an account id, or an AWS service's principal id). */
  senderId: string;
  sentMs: number;
  /** When the first receive happened (ApproximateFirstReceiveTimestamp). */
  receivedMs: number;
  receiveCount?: number;
  messageAttributes?: Record<string, SqsAttributeValue>;
  /** FIFO queues only (name ending `.fifo`); defaults to `default`. */
  messageGroupId?: string;
  ids: IdSource;
  /** Prefix of id purposes, so several messages from one source differ. */
  idPrefix?: string;
}

/** A received message; a `.fifo` queue adds SequenceNumber, MessageGroupId and MessageDeduplicationId. */
export function sqsMessage(i: SqsMessageInput): SqsMessage {
  const p = i.idPrefix ?? '';
  const attributes: Record<string, string> = {
    SenderId: i.senderId,
    SentTimestamp: String(Math.floor(i.sentMs)),
    ApproximateReceiveCount: String(i.receiveCount ?? 1),
    ApproximateFirstReceiveTimestamp: String(Math.floor(i.receivedMs)),
  };
  if (i.queueName.endsWith('.fifo')) {
    attributes.SequenceNumber = i.ids.digits(`${p}sequence`, 20);
    attributes.MessageGroupId = i.messageGroupId ?? 'default';
    attributes.MessageDeduplicationId = md5Hex(i.body);
  }
  const msg: SqsMessage = {
    MessageId: i.ids.uuid(`${p}messageId`),
    ReceiptHandle: i.ids.base64(`${p}receipt`, 132),
    MD5OfBody: md5Hex(i.body),
    Body: i.body,
    Attributes: attributes,
  };
  if (i.messageAttributes && Object.keys(i.messageAttributes).length > 0) {
    msg.MD5OfMessageAttributes = md5OfMessageAttributes(i.messageAttributes);
    msg.MessageAttributes = i.messageAttributes;
  }
  return msg;
}

const LAMBDA_ATTRIBUTE_ORDER = [
  'ApproximateReceiveCount',
  'SentTimestamp',
  'SequenceNumber',
  'MessageGroupId',
  'SenderId',
  'MessageDeduplicationId',
  'ApproximateFirstReceiveTimestamp',
];

/** One `Records[]` entry of the event Lambda's SQS event source mapping passes to a function. */
export function lambdaSqsRecord(msg: SqsMessage, queueArn: string, region: string): Record<string, unknown> {
  const attributes: Record<string, string> = {};
  for (const k of LAMBDA_ATTRIBUTE_ORDER) if (msg.Attributes[k] !== undefined) attributes[k] = msg.Attributes[k];
  const messageAttributes: Record<string, unknown> = {};
  for (const [name, a] of Object.entries(msg.MessageAttributes ?? {})) {
    messageAttributes[name] = {
      ...(a.BinaryValue !== undefined ? { binaryValue: a.BinaryValue } : { stringValue: a.StringValue ?? '' }),
      stringListValues: [],
      binaryListValues: [],
      dataType: a.DataType,
    };
  }
  const record: Record<string, unknown> = {
    messageId: msg.MessageId,
    receiptHandle: msg.ReceiptHandle,
    body: msg.Body,
    attributes,
    messageAttributes,
    md5OfBody: msg.MD5OfBody,
  };
  if (msg.MD5OfMessageAttributes !== undefined) record.md5OfMessageAttributes = msg.MD5OfMessageAttributes;
  record.eventSource = 'aws:sqs';
  record.eventSourceARN = queueArn;
  record.awsRegion = region;
  return record;
}

/** The ARN of a queue. */
export function queueArn(region: string, account: string, queueName: string): string {
  return arn('sqs', region, account, queueName);
}

const SQS_PARAMS: readonly SampleParam[] = [
  { name: 'queueName', label: 'Queue name', default: 'my-queue', description: 'Queue name in eventSourceARN; a name ending .fifo adds the FIFO attributes.' },
  { name: 'body', label: 'Body', default: '{"orderId":"o-1001","status":"PLACED"}', description: 'body (text); md5OfBody is computed from it.' },
  { name: 'receiveCount', label: 'Receive count', default: '1', description: 'attributes.ApproximateReceiveCount (1 on the first delivery).', type: 'integer' },
  { name: 'messageGroupId', label: 'Message group id', default: 'group-1', description: 'attributes.MessageGroupId (FIFO queues only).' },
  ...COMMON_PARAMS,
];

/** The SQS catalogue entry. */
export const SQS_SAMPLES: readonly SampleEventDef[] = [
  {
    id: 'sqs.receive-message',
    service: 'sqs',
    title: 'SQS receive message (Lambda batch)',
    description: 'One-message batch that Lambda\'s SQS event source mapping passes to a function.',
    shape: 'lambdaRecords',
    params: SQS_PARAMS,
    build(params) {
      const r = readParams('sqs.receive-message', SQS_PARAMS, params);
      const region = r.text('region');
      const account = r.text('account');
      const queueName = r.text('queueName');
      const t = r.time('time');
      const msg = sqsMessage({
        body: r.text('body'),
        queueName,
        senderId: account,
        sentMs: t,
        receivedMs: t + 1,
        receiveCount: Math.max(1, r.number('receiveCount')),
        messageGroupId: r.text('messageGroupId'),
        ids: r.ids,
      });
      return { Records: [lambdaSqsRecord(msg, queueArn(region, account, queueName), region)] };
    },
  },
];
